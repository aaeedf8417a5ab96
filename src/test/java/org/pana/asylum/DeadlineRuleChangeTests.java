package org.pana.asylum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pana.testing.TestApi;
import org.pana.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A deadline rule changed from an effective day applies to cases lodged from that day; cases lodged before keep the
 * version they were lodged under, even for steps taken after the change; the case page says which version applied.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeadlineRuleChangeTests {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void restore() {
        jdbc.sql("DELETE FROM calendar_deadline_rule WHERE valid_from > DATE '1900-01-01' AND procedure_code = 'ASYLUM' AND step_code = 'DECISION'")
                .update();
        clock.reset();
    }

    LocalDate today() {
        return clock.instant().atZone(ALMATY).toLocalDate();
    }

    MockHttpServletResponse send(String user, String path, String body) throws Exception {
        return mvc.perform(post(path).header("Authorization", TestApi.bearer(mvc, user)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
    }

    String change(String validFrom) {
        return """
                {"procedure": "ASYLUM", "step": "DECISION", "amount": 2, "unit": "MONTHS", "direction": "AFTER",
                 "countedFrom": "registration of the petition", "basis": "Amended Law (test): two months", "confirmed": true,
                 "endsOnWorkingDay": false, "validFrom": "%s"}""".formatted(validFrom);
    }

    String step(String id, String body) throws Exception {
        MockHttpServletResponse response = send("registration.officer", "/api/v1/asylum/applications/" + id + "/transitions", body);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    /** A new applicant's application lodged and registered today; returns its id. */
    String lodgedAndRegistered() throws Exception {
        String person = JsonPath.read(send("registration.officer", "/api/v1/persons", """
                {"jurisdiction": "KAZ", "names": [{"given": "Zahra", "family": "Nouri%s", "script": "Latn", "kind": "DECLARED"}],
                 "sex": "FEMALE", "birthDate": "1991-04-02", "birthDatePrecision": "DAY", "nationalities": ["AFG"]}"""
                .formatted(UUID.randomUUID().toString().substring(0, 4).replaceAll("[0-9]", "z"))).getContentAsString(), "$.id");
        MockHttpServletResponse lodged = send("registration.officer", "/api/v1/asylum/applications",
                "{\"personId\": \"%s\", \"lodgedOn\": \"%s\", \"lodgedAt\": \"Almaty\"}".formatted(person, today()));
        assertThat(lodged.getStatus()).as(lodged.getContentAsString()).isEqualTo(201);
        String id = JsonPath.read(lodged.getContentAsString(), "$.id");
        step(id, "{\"action\": \"REGISTER\", \"registeredOn\": \"%s\"}".formatted(today()));
        return id;
    }

    static Object decision(String json, String field) {
        return ((List<Object>) JsonPath.read(json, "$.deadlines[?(@.step == 'DECISION')]." + field)).get(0);
    }

    @Test
    void aChangedRuleAppliesToCasesLodgedFromItsDayAndThePageSaysWhichVersionApplied() throws Exception {
        LocalDate changeDay = today().plusDays(10);
        String before = lodgedAndRegistered();
        LocalDate registeredBefore = today();

        MockHttpServletResponse changed = send("admin", "/api/v1/calendar/KAZ/deadline-rules", change(changeDay.toString()));
        assertThat(changed.getStatus()).as(changed.getContentAsString()).isEqualTo(201);
        assertThat((String) JsonPath.read(changed.getContentAsString(), "$.validFrom")).isEqualTo(changeDay.toString());
        List<String> versions = JsonPath.read(mvc.perform(get("/api/v1/calendar/KAZ/deadline-rules")
                .header("Authorization", TestApi.bearer(mvc, "admin"))).andReturn().getResponse().getContentAsString(),
                "$.items[?(@.step == 'DECISION')].validFrom");
        assertThat(versions).containsExactly("1900-01-01", changeDay.toString());

        clock.advance(Duration.ofDays(10));
        String after = lodgedAndRegistered();
        // The case lodged before the change is fingerprinted after it, and keeps three months from registration.
        String old = step(before, "{\"action\": \"RECORD_FINGERPRINTS\", \"takenOn\": \"%s\"}".formatted(today()));
        String fresh = step(after, "{\"action\": \"RECORD_FINGERPRINTS\", \"takenOn\": \"%s\"}".formatted(today()));
        assertThat(decision(old, "dueOn")).isEqualTo(registeredBefore.plusMonths(3).toString());
        assertThat(decision(old, "ruleChangedOn")).isNull();
        assertThat(decision(fresh, "dueOn")).isEqualTo(today().plusMonths(2).toString());
        assertThat(decision(fresh, "ruleChangedOn")).isEqualTo(changeDay.toString());
        assertThat(decision(fresh, "basis")).isEqualTo("Amended Law (test): two months");

        clock.reset(); // sessions do not survive a moved clock; the page shows stored dates either way
        Cookie session = mvc.perform(post("/login").param("username", "registration.officer").param("password", TestApi.DEMO_PASSWORD)
                .with(csrf())).andReturn().getResponse().getCookie("__Host-PANA_SESSION");
        MockHttpServletResponse page = mvc.perform(get("/asylum/applications/" + after).cookie(session)).andReturn().getResponse();
        assertThat(page.getStatus()).as(page.getContentAsString()).isEqualTo(200);
        Element newRule = Jsoup.parse(page.getContentAsString()).selectFirst("[data-testid=deadline][data-step=DECISION] [data-testid=rule-version]");
        assertThat(newRule.attr("data-changed-on")).isEqualTo(changeDay.toString());
        assertThat(newRule.text()).contains("changed from " + changeDay);
        Element oldRule = Jsoup.parse(mvc.perform(get("/asylum/applications/" + before + "?lang=ru").cookie(session)).andReturn().getResponse()
                .getContentAsString()).selectFirst("[data-testid=deadline][data-step=DECISION] [data-testid=rule-version]");
        assertThat(oldRule.text()).contains("первоначальной редакции");
    }

    @Test
    void aRuleIsNeverChangedInThePastOrTwiceOnOneDayAndOnlyByAnAdministrator() throws Exception {
        LocalDate tomorrow = today().plusDays(1);
        MockHttpServletResponse past = send("admin", "/api/v1/calendar/KAZ/deadline-rules", change(today().minusDays(1).toString()));
        assertThat(past.getStatus()).isEqualTo(422);
        assertThat(past.getContentAsString()).contains("validFrom");
        MockHttpServletResponse unknown = send("admin", "/api/v1/calendar/KAZ/deadline-rules", change(tomorrow.toString()).replace("\"DECISION\"", "\"NO_SUCH_STEP\""));
        assertThat(unknown.getStatus()).isEqualTo(422);
        assertThat(unknown.getContentAsString()).contains("\"step\"");
        MockHttpServletResponse officer = send("decision.maker", "/api/v1/calendar/KAZ/deadline-rules", change(tomorrow.toString()));
        assertThat(officer.getStatus()).isEqualTo(403);
        long versions = jdbc.sql("SELECT count(*) FROM calendar_deadline_rule WHERE step_code = 'DECISION'").query(Long.class).single();
        assertThat(versions).as("nothing written by the refused attempts").isOne();

        assertThat(send("admin", "/api/v1/calendar/KAZ/deadline-rules", change(tomorrow.toString())).getStatus()).isEqualTo(201);
        MockHttpServletResponse twice = send("admin", "/api/v1/calendar/KAZ/deadline-rules", change(tomorrow.toString()).replace("\"amount\": 2", "\"amount\": 4"));
        assertThat(twice.getStatus()).isEqualTo(409);
        assertThat(twice.getContentAsString()).contains("rule-version-exists");
        assertThat(jdbc.sql("SELECT amount FROM calendar_deadline_rule WHERE step_code = 'DECISION' AND valid_from = :d").param("d", tomorrow)
                .query(Integer.class).single()).as("never overwritten").isEqualTo(2);
    }
}
