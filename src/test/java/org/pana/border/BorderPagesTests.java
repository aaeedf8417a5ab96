package org.pana.border;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pana.audit.AuditTrail;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The border lists as officers and monitors use them, signed in through the sign-in form. */
@SpringBootTest
@AutoConfigureMockMvc
class BorderPagesTests {

    /** Referrals made here are met long ago, each earlier than the last, so they come first in lists sorted by due time. */
    private static final AtomicInteger AGE = new AtomicInteger();
    private static final Map<String, Cookie> sessions = new ConcurrentHashMap<>();

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired AuditTrail audit;

    String encounter(Instant at) throws Exception {
        String body = """
                {"person": {"jurisdiction": "KAZ", "names": [{"given": "Ali <script>x</script>", "family": "Jafari", "script": "Latn", "kind": "DECLARED"}],
                            "sex": "MALE", "birthDate": "1992-01-01", "birthDatePrecision": "YEAR", "nationalities": ["AFG"]},
                 "encounteredAt": "%s", "borderPoint": "KAZ-ZHIBEK-ZHOLY", "asylumIntentExpressed": true}""".formatted(at);
        MockHttpServletResponse created = mvc.perform(post("/api/v1/border/encounters").header("Authorization", TestApi.bearer(mvc, "border.officer"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        return created.getContentAsString();
    }

    /** A referral to registration.officer's unit, long overdue (so it heads every list). */
    String oldReferral() throws Exception {
        return JsonPath.read(encounter(clock.instant().minus(Duration.ofDays(400 + AGE.incrementAndGet()))), "$.referral.id");
    }

    MockHttpServletResponse perform(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.cookie(session(username)).with(csrf())).andReturn().getResponse();
    }

    Document page(String username, String path) throws Exception {
        MockHttpServletResponse response = perform(username, get(path));
        assertThat(response.getStatus()).as(username + " " + path).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    Cookie session(String username) throws Exception {
        Cookie session = sessions.get(username);
        if (session == null) {
            session = mvc.perform(post("/login").param("username", username).param("password", TestApi.DEMO_PASSWORD).with(csrf()))
                    .andReturn().getResponse().getCookie("__Host-PANA_SESSION");
            sessions.put(username, session);
        }
        return session;
    }

    @ParameterizedTest
    @CsvSource({
        "border.officer, /border/encounters, en, My encounters",
        "border.officer, /border/encounters, ru, Мои встречи",
        "border.officer, /border/encounters, kk, Менің кездесулерім",
        "registration.officer, /border/referrals, en, Incoming referrals",
        "registration.officer, /border/referrals, ru, Входящие направления",
        "registration.officer, /border/referrals, kk, Кіріс жолдамалар",
        "border.officer, /border/referrals/overdue, en, Overdue referrals",
        "registration.officer, /border/referrals/overdue, ru, Просроченные направления",
        "unhcr.monitor, /border/referrals/overdue, kk, Мерзімі өткен жолдамалар"})
    void showsEachListToItsRolesInEnglishRussianAndKazakh(String user, String path, String language, String title) throws Exception {
        oldReferral();
        Document page = page(user, path + "?lang=" + language);
        assertThat(page.select("h1").text()).isEqualTo(title);
        assertThat(page.select("html").attr("lang")).isEqualTo(language);
        assertThat(page.html()).doesNotContain("??").doesNotContain("<script>x");
    }

    @Test
    void refusesTheListsToRolesThatHaveNoPartInThem() throws Exception {
        for (String user : List.of("legal.partner", "statistician", "auditor")) {
            for (String path : List.of("/border/encounters", "/border/referrals", "/border/referrals/overdue")) {
                assertThat(perform(user, get(path)).getStatus()).as(user + " " + path).isEqualTo(403);
            }
        }
        assertThat(perform("unhcr.monitor", get("/border/referrals")).getStatus()).isEqualTo(403);
        assertThat(perform("border.officer", get("/border/referrals")).getStatus()).isEqualTo(403);
        assertThat(perform("registration.officer", get("/border/encounters")).getStatus()).isEqualTo(403);
        String referral = oldReferral();
        assertThat(perform("border.officer", post("/border/referrals/" + referral + "/acknowledge")).getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/border/referrals/" + referral + "/acknowledge").cookie(session("registration.officer"))).andReturn()
                .getResponse().getStatus()).as("without CSRF token").isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM border_referral WHERE id = :id AND acknowledged_at IS NULL AND version = 0")
                .param("id", UUID.fromString(referral)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void listsTheOfficersOwnEncountersNewestFirstWithNumberAndReferralAndAuditsThem() throws Exception {
        encounter(clock.instant().minus(Duration.ofHours(3)));
        String latest = encounter(clock.instant().minus(Duration.ofHours(5)));
        Document page = page("border.officer", "/border/encounters?lang=en");
        Element first = page.selectFirst("[data-testid=encounter]");
        assertThat(first.attr("data-encounter")).isEqualTo(JsonPath.read(latest, "$.id"));
        assertThat(first.text()).contains((String) JsonPath.read(latest, "$.registrationNumber")).contains("Zhibek Zholy").contains("Pending");
        audit.seal();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'PERSON_LISTED' AND subject_id = :p AND actor = 'border.officer'")
                .param("p", JsonPath.read(latest, "$.personId")).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theLinkOfEveryNoticeAboutAReferralOpensItsPageForThoseWhoMaySeeItAndNoOneElse() throws Exception {
        String referral = oldReferral();
        List<String> links = jdbc.sql("SELECT DISTINCT link FROM notification_notice WHERE subject_id = :s").param("s", UUID.fromString(referral))
                .query(String.class).list();
        assertThat(links).containsExactly("/border/referrals/" + referral);
        for (String user : List.of("registration.officer", "unhcr.monitor", "border.officer")) {
            for (String language : List.of("en", "ru", "kk")) {
                Document page = page(user, links.get(0) + "?lang=" + language);
                assertThat(page.select("[data-referral=" + referral + "] [data-testid=due-basis]").text()).as(user).contains("72");
                assertThat(page.select("[data-testid=status]").text()).isNotBlank();
                assertThat(page.html()).doesNotContain("??");
            }
        }
        assertThat(page("registration.officer", links.get(0)).select("a[href=/border/referrals]")).hasSize(1);
        assertThat(page("unhcr.monitor", links.get(0)).select("a[href=/border/referrals]")).isEmpty();
        for (String user : List.of("legal.partner", "statistician")) {
            assertThat(perform(user, get(links.get(0))).getStatus()).as(user).isEqualTo(403);
        }
        assertThat(perform("unhcr.monitor", get("/border/referrals/" + UUID.randomUUID())).getStatus()).isEqualTo(404);
        audit.seal();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'BORDER_REFERRAL_VIEWED' AND outcome = 'DENIED' AND actor = 'unhcr.monitor'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void longListsArePagedWithPreviousAndNextLinks() throws Exception {
        while (jdbc.sql("SELECT count(*) FROM border_referral WHERE acknowledged_at IS NULL AND jurisdiction = 'KAZ' AND due_at < :now")
                .param("now", java.sql.Timestamp.from(clock.instant())).query(Long.class).single() <= ReferralPages.PAGE_SIZE) {
            oldReferral();
        }
        Document first = page("unhcr.monitor", "/border/referrals/overdue");
        assertThat(first.select("[data-testid=referral]")).hasSize(ReferralPages.PAGE_SIZE);
        assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/border/referrals/overdue?page=1");
        assertThat(first.select("a[rel=prev]")).isEmpty();
        Document second = page("unhcr.monitor", "/border/referrals/overdue?page=1");
        assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("/border/referrals/overdue?page=0");
        assertThat(second.select("[data-testid=referral]")).isNotEmpty();
    }

    @Test
    void acknowledgesAReferralFromThePage() throws Exception {
        String referral = oldReferral();
        Element row = page("registration.officer", "/border/referrals").selectFirst("[data-referral=" + referral + "]");
        assertThat(row).isNotNull();
        assertThat(row.select("[data-testid=acknowledge]")).hasSize(1);
        assertThat(row.select("[data-testid=due-basis]").text()).contains("72 hours");
        MockHttpServletResponse done = perform("registration.officer", post("/border/referrals/" + referral + "/acknowledge"));
        assertThat(done.getStatus()).isEqualTo(302);
        assertThat(done.getRedirectedUrl()).isEqualTo("/border/referrals");
        assertThat(jdbc.sql("SELECT status FROM border_referral WHERE id = :id").param("id", UUID.fromString(referral)).query(String.class).single())
                .isEqualTo("ACKNOWLEDGED");
        var again = mvc.perform(post("/border/referrals/" + referral + "/acknowledge").cookie(session("registration.officer")).with(csrf()))
                .andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(302);
        assertThat(again.getFlashMap().get("failed")).isEqualTo("conflict");
    }

    @Test
    void forwardsAReferralFromThePageShowingErrorsNextToTheFields() throws Exception {
        UUID unit = UUID.randomUUID();
        jdbc.sql("INSERT INTO access_organisation (id, name, type, jurisdiction, active, demo, created_at, version) "
                + "VALUES (:id, :name, 'ASYLUM_AUTHORITY', 'KAZ', true, false, :at, 0)").param("id", unit).param("name", "Turkistan unit " + unit)
                .param("at", java.sql.Timestamp.from(Instant.now())).update();
        String referral = oldReferral();
        Element form = page("registration.officer", "/border/referrals").selectFirst("[data-referral=" + referral + "] [data-testid=forward-form]");
        assertThat(form.select("option[value=" + unit + "]")).hasSize(1);

        MockHttpServletResponse refused = perform("registration.officer", post("/border/referrals/" + referral + "/forward")
                .param("organisationId", unit.toString()).param("reason", " ").param("lang", "ru"));
        assertThat(refused.getStatus()).isEqualTo(200);
        Element row = Jsoup.parse(refused.getContentAsString()).selectFirst("[data-referral=" + referral + "]");
        assertThat(row.select("[data-testid=reason-error]").text()).startsWith("Укажите, почему");
        assertThat(row.select("[data-testid=unit-error]")).isEmpty();
        assertThat(row.select("option[selected]").attr("value")).isEqualTo(unit.toString());
        assertThat(jdbc.sql("SELECT count(*) FROM border_referral_forward WHERE referral_id = :id").param("id", UUID.fromString(referral))
                .query(Long.class).single()).isZero();

        MockHttpServletResponse noUnit = perform("registration.officer", post("/border/referrals/" + referral + "/forward")
                .param("organisationId", "").param("reason", "Turkistan region"));
        assertThat(Jsoup.parse(noUnit.getContentAsString()).select("[data-referral=" + referral + "] [data-testid=unit-error]")).hasSize(1);

        MockHttpServletResponse forwarded = perform("registration.officer", post("/border/referrals/" + referral + "/forward")
                .param("organisationId", unit.toString()).param("reason", "Turkistan region"));
        assertThat(forwarded.getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT receiving_organisation_id FROM border_referral WHERE id = :id").param("id", UUID.fromString(referral))
                .query(UUID.class).single()).isEqualTo(unit);
        Element overdue = page("unhcr.monitor", "/border/referrals/overdue").selectFirst("[data-referral=" + referral + "]");
        assertThat(overdue.select("[data-testid=unit]").text()).contains("Turkistan unit").contains("Turkistan region").contains("registration.officer");
        assertThat(overdue.select("[data-testid=due]").text()).contains("72 hours");
    }
}
