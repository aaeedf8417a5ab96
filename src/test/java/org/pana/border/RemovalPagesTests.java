package org.pana.border;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The removal check and removal report pages, in English, Russian and Kazakh. */
@SpringBootTest
@AutoConfigureMockMvc
class RemovalPagesTests {

    static final Map<String, String> NOT_ALLOWED = Map.of("en", "Removal not allowed", "ru", "Выдворение не допускается",
            "kk", "Шығарып жіберуге болмайды");
    static final Map<String, String> RISK = Map.of("en", "at risk of refoulement", "ru", "риск высылки", "kk", "кері қайтару қаупі");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    Cookie officer;

    Cookie signIn(String username) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", TestApi.DEMO_PASSWORD).with(csrf()))
                .andReturn().getResponse().getCookie("__Host-PANA_SESSION");
    }

    @BeforeEach
    void signInOfficer() throws Exception {
        officer = signIn("border.officer");
    }

    /** Registers a person and returns their registration number. */
    String register(String specificNeeds) throws Exception {
        String body = """
                {"jurisdiction": "KAZ", "names": [{"given": "Фатима", "family": "Азизи", "script": "Cyrl", "kind": "DOCUMENT"}],
                 "sex": "FEMALE", "birthDate": "1993-08-12", "birthDatePrecision": "DAY", "nationalities": ["AFG"], "languages": ["prs"],
                 "documents": [{"type": "PASSPORT", "number": "T%d", "issuingCountry": "AFG", "expiresOn": "2029-01-31"}],
                 "specificNeeds": %s}""".formatted(ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999), specificNeeds);
        MockHttpServletResponse created = mvc.perform(post("/api/v1/persons").header("Authorization", TestApi.bearer(mvc, "registration.officer"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        return JsonPath.read(created.getContentAsString(), "$.registrationNumber");
    }

    Document page(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    @Test
    void theCheckPageShowsEveryGroundWithItsDateInEachLanguage() throws Exception {
        String blocked = register("[\"LP-RR\"]");
        String free = register("[]");
        for (String language : List.of("en", "ru", "kk")) {
            Document form = page(mvc.perform(get("/removal-checks").param("lang", language).cookie(officer)).andReturn().getResponse());
            assertThat(form.select("input[name=registrationNumber]")).hasSize(1);
            Document answer = page(mvc.perform(post("/removal-checks").param("lang", language).param("registrationNumber", blocked)
                    .cookie(officer).with(csrf())).andReturn().getResponse());
            assertThat(answer.select("[data-testid=not-allowed]").text()).as(language).contains(NOT_ALLOWED.get(language));
            assertThat(answer.select("[data-testid=ground][data-kind=SPECIFIC_NEED_LP_RR]").text()).as(language).contains(RISK.get(language))
                    .containsPattern("20\\d\\d");
            assertThat(answer.select("[data-testid=allowed]")).isEmpty();
        }
        Document allowed = page(mvc.perform(post("/removal-checks").param("registrationNumber", free.toLowerCase()).cookie(officer).with(csrf()))
                .andReturn().getResponse());
        assertThat(allowed.select("[data-testid=answer]").attr("data-allowed")).isEqualTo("true");
        assertThat(allowed.select("[data-testid=ground]")).isEmpty();
        Document unknown = page(mvc.perform(post("/removal-checks").param("registrationNumber", "KAZ-99-999999").cookie(officer).with(csrf()))
                .andReturn().getResponse());
        assertThat(unknown.select("[data-testid=errors]")).hasSize(1);
        assertThat(unknown.select("[data-testid=answer]")).isEmpty();
        assertThat(mvc.perform(get("/removal-checks").cookie(signIn("registration.officer"))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/removal-checks").param("registrationNumber", blocked).cookie(officer)).andReturn().getResponse().getStatus())
                .as("without CSRF").isEqualTo(403);
    }

    @Test
    void aRemovalReportedThroughThePageShowsTheBreachToTheOfficerAndTheMonitorInEachLanguage() throws Exception {
        String number = register("[\"LP-RR\"]");
        String removedAt = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Asia/Almaty"))
                .truncatedTo(ChronoUnit.MINUTES).toString();
        for (String language : List.of("en", "ru", "kk")) {
            Document form = page(mvc.perform(get("/removal-reports/new").param("lang", language).cookie(officer)).andReturn().getResponse());
            assertThat(form.select("select[name=borderPoint] option[value=KAZ-KHORGOS]")).hasSize(1);
            assertThat(form.select("select[name=borderPoint] option[value=KGZ-FRU]")).isEmpty();
        }
        long reports = jdbc.sql("SELECT count(*) FROM border_removal_report").query(Long.class).single();
        Document refused = page(mvc.perform(post("/removal-reports").param("lang", "ru").param("registrationNumber", number)
                .param("removedAt", removedAt).param("borderPoint", "").param("place", "").param("destinationCountry", "KAZ")
                .cookie(officer).with(csrf())).andReturn().getResponse());
        assertThat(refused.select("[data-testid=errors] li").eachAttr("data-field")).containsExactlyInAnyOrder("borderPoint", "destinationCountry");
        assertThat(refused.select("[data-testid=errors]").text()).contains("пункт пропуска");
        assertThat(jdbc.sql("SELECT count(*) FROM border_removal_report").query(Long.class).single()).isEqualTo(reports);

        String location = mvc.perform(post("/removal-reports").param("registrationNumber", number).param("removedAt", removedAt)
                .param("borderPoint", "KAZ-KHORGOS").param("place", "").param("destinationCountry", "afg").param("note", "")
                .cookie(officer).with(csrf())).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/removal-reports/");
        Cookie monitor = signIn("unhcr.monitor");
        Map<String, String> breach = Map.of("en", "Removed despite grounds", "ru", "Выдворен вопреки основаниям", "kk", "негіздерге қарамастан");
        for (String language : List.of("en", "ru", "kk")) {
            for (Cookie reader : List.of(officer, monitor)) {
                Document report = page(mvc.perform(get(location).param("lang", language).cookie(reader)).andReturn().getResponse());
                assertThat(report.select("[data-testid=breach]").text()).as(language).contains(breach.get(language));
                assertThat(report.select("[data-testid=ground][data-kind=SPECIFIC_NEED_LP_RR]")).hasSize(1);
                assertThat(report.select("[data-testid=person]").text()).contains(number);
            }
        }
        assertThat(mvc.perform(get(location).cookie(signIn("legal.partner"))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get(location).cookie(signIn("migration.officer"))).andReturn().getResponse().getStatus()).isEqualTo(404);
    }
}
