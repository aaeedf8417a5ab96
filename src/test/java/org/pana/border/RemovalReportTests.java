package org.pana.border;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pana.audit.AuditTrail;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Removals reported as carried out: stored with the grounds of their date, a breach alerted at once (issue 4, item 4). */
@SpringBootTest
@AutoConfigureMockMvc
class RemovalReportTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail audit;
    @Autowired Clock clock;

    String officer;

    @BeforeEach
    void signIn() throws Exception {
        officer = TestApi.bearer(mvc, "border.officer");
    }

    String register(String specificNeeds) throws Exception {
        String body = """
                {"jurisdiction": "KAZ",
                 "names": [{"given": "Навид", "family": "Рахими", "script": "Cyrl", "kind": "DOCUMENT"}],
                 "sex": "MALE", "birthDate": "1991-06-02", "birthDatePrecision": "DAY", "nationalities": ["AFG"], "languages": ["prs"],
                 "documents": [{"type": "PASSPORT", "number": "Q%d", "issuingCountry": "AFG", "expiresOn": "2029-01-31"}],
                 "specificNeeds": %s}""".formatted(ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999), specificNeeds);
        MockHttpServletResponse created = mvc.perform(post("/api/v1/persons").header("Authorization", TestApi.bearer(mvc, "registration.officer"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        return JsonPath.read(created.getContentAsString(), "$.id");
    }

    String report(String person, Instant removedAt) {
        return """
                {"personId": "%s", "removedAt": "%s", "borderPoint": "KAZ-KHORGOS", "destinationCountry": "AFG",
                 "note": "Handed over at the gate.\\nBus 14."}""".formatted(person, removedAt);
    }

    MockHttpServletResponse send(String token, String body, String key) throws Exception {
        var request = post("/api/v1/removal-reports").header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(body);
        if (key != null) request.header("Idempotency-Key", key);
        return mvc.perform(request).andReturn().getResponse();
    }

    MockHttpServletResponse read(String username, String id) throws Exception {
        return mvc.perform(get("/api/v1/removal-reports/" + id).header("Authorization", TestApi.bearer(mvc, username))).andReturn().getResponse();
    }

    /**
     * A moment ago: removals reported in these tests follow the registration made at the start of the test, on the
     * same day in Almaty (grounds are taken as of the day of removal, so a removal dated before a registration made
     * just after midnight in Almaty would rightly find no ground).
     */
    Instant justNow() {
        return clock.instant().minusSeconds(2);
    }

    List<String> noticesAbout(String subject) {
        return jdbc.sql("SELECT kind || ' to ' || COALESCE(audience_role, audience_organisation_type) || ' in ' || audience_jurisdiction"
                + " FROM notification_notice WHERE subject_id = :s").param("s", UUID.fromString(subject)).query(String.class).list();
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    long audited(String action, String outcome, String subject) {
        audit.seal();
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :a AND outcome = :o AND subject_id = :s")
                .param("a", action).param("o", outcome).param("s", subject).query(Long.class).single();
    }

    @Test
    void aRemovalDespiteGroundsIsStoredWithThemAndAlertsTheMonitorsAndTheMinistryAtOnce() throws Exception {
        String person = register("[\"LP-RR\"]");
        MockHttpServletResponse created = send(officer, report(person, justNow()), null);
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        String json = created.getContentAsString();
        String id = JsonPath.read(json, "$.id");
        assertThat(created.getHeader("Location")).isEqualTo("/api/v1/removal-reports/" + id);
        assertThat((Boolean) JsonPath.read(json, "$.removedDespiteGrounds")).isTrue();
        assertThat((List<String>) JsonPath.read(json, "$.grounds[*].kind")).containsExactly("SPECIFIC_NEED_LP_RR");
        assertThat((String) JsonPath.read(json, "$.grounds[0].since")).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(json).doesNotContain("Навид", "Рахими");
        assertThat(noticesAbout(id)).containsExactlyInAnyOrder("REMOVAL_DESPITE_GROUNDS to PROTECTION_MONITOR in KAZ",
                "REMOVAL_DESPITE_GROUNDS to MINISTRY in KAZ");
        assertThat(audited(RemovalReports.REPORTED, "SUCCESS", person)).isEqualTo(1);
        for (String ministry : List.of("appeals.officer", "statistician", "auditor", "unhcr.monitor")) {
            String inbox = mvc.perform(get("/api/v1/notifications?size=100").header("Authorization", TestApi.bearer(mvc, ministry)))
                    .andReturn().getResponse().getContentAsString();
            assertThat((List<String>) JsonPath.read(inbox, "$.items[?(@.kind == 'REMOVAL_DESPITE_GROUNDS')].link")).as(ministry)
                    .contains("/removal-reports/" + id);
        }
        assertThat(noticesAbout(person)).as("a report is no removal check").isEmpty();

        for (String reader : List.of("border.officer", "unhcr.monitor", "appeals.officer", "statistician", "auditor")) {
            MockHttpServletResponse shown = read(reader, id);
            assertThat(shown.getStatus()).as(reader).isEqualTo(200);
            assertThat((Boolean) JsonPath.read(shown.getContentAsString(), "$.removedDespiteGrounds")).isTrue();
            assertThat((String) JsonPath.read(shown.getContentAsString(), "$.note")).isEqualTo("Handed over at the gate.\nBus 14.");
        }
        assertThat(audited(RemovalReports.READ, "SUCCESS", person)).isEqualTo(5);
        MockHttpServletResponse otherService = read("migration.officer", id);
        assertThat(otherService.getStatus()).as("another organisation's officer").isEqualTo(404);
        assertThat(audited(RemovalReports.READ, "DENIED", id)).isEqualTo(1);
        assertThat(read("migration.officer", UUID.randomUUID().toString()).getStatus()).isEqualTo(404);
        for (String outsider : List.of("registration.officer", "legal.partner", "eligibility.officer")) {
            assertThat(read(outsider, id).getStatus()).as(outsider).isEqualTo(403);
        }
    }

    @Test
    void aRemovalWithoutGroundsIsStoredAndRaisesNothing() throws Exception {
        String person = register("[]");
        MockHttpServletResponse created = send(TestApi.bearer(mvc, "migration.officer"), report(person, justNow())
                .replace("\"borderPoint\": \"KAZ-KHORGOS\"", "\"place\": \"Almaty, detention centre\""), null);
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        String id = JsonPath.read(created.getContentAsString(), "$.id");
        assertThat((Boolean) JsonPath.read(created.getContentAsString(), "$.removedDespiteGrounds")).isFalse();
        assertThat((List<?>) JsonPath.read(created.getContentAsString(), "$.grounds")).isEmpty();
        assertThat(noticesAbout(id)).isEmpty();
        assertThat(noticesAbout(person)).isEmpty();
    }

    @Test
    void takesTheGroundsThatStoodOnTheDateOfRemoval() throws Exception {
        String encountered = """
                {"person": {"jurisdiction": "KAZ", "names": [{"given": "Джамшид", "family": "Юсуфи", "script": "Cyrl", "kind": "DECLARED"}],
                            "sex": "MALE", "birthDate": "1985-01-01", "birthDatePrecision": "YEAR", "nationalities": ["AFG"],
                            "languages": ["prs"], "documents": [], "specificNeeds": []},
                 "encounteredAt": "%s", "borderPoint": "KAZ-KHORGOS", "asylumIntentExpressed": true}""".formatted(clock.instant().minusSeconds(120));
        String person = JsonPath.read(mvc.perform(post("/api/v1/border/encounters").header("Authorization", officer)
                .contentType(MediaType.APPLICATION_JSON).content(encountered)).andReturn().getResponse().getContentAsString(), "$.personId");
        String before = send(officer, report(person, clock.instant().minus(Duration.ofDays(3))), null).getContentAsString();
        assertThat((Boolean) JsonPath.read(before, "$.removedDespiteGrounds")).as("removed before the referral was made").isFalse();
        String after = send(officer, report(person, clock.instant().minusSeconds(60)), null).getContentAsString();
        assertThat((List<String>) JsonPath.read(after, "$.grounds[*].kind")).containsExactly(Referrals.OPEN_REFERRAL);
    }

    @Test
    void aReferralEnteredLateProtectsFromTheDayOfTheEncounter() throws Exception {
        Instant encounteredAt = clock.instant().minus(Duration.ofDays(2));
        String encountered = """
                {"person": {"jurisdiction": "KAZ", "names": [{"given": "Farid", "family": "Noori", "script": "Latn", "kind": "DECLARED"}],
                            "sex": "MALE", "birthDate": "1990-01-01", "birthDatePrecision": "YEAR", "nationalities": ["AFG"]},
                 "encounteredAt": "%s", "borderPoint": "KAZ-KHORGOS", "asylumIntentExpressed": true}""".formatted(encounteredAt);
        String person = JsonPath.read(mvc.perform(post("/api/v1/border/encounters").header("Authorization", officer)
                .contentType(MediaType.APPLICATION_JSON).content(encountered)).andReturn().getResponse().getContentAsString(), "$.personId");

        String removed = send(officer, report(person, encounteredAt.plus(Duration.ofDays(1))), null).getContentAsString();

        assertThat((List<String>) JsonPath.read(removed, "$.grounds[*].kind")).as("the encounter was sent two days late, offline")
                .containsExactly(Referrals.OPEN_REFERRAL);
        assertThat((Boolean) JsonPath.read(removed, "$.removedDespiteGrounds")).isTrue();
    }

    @Test
    void refusesRolesThatDoNotRemovePeople() throws Exception {
        String person = register("[\"LP-RR\"]");
        long reports = count("border_removal_report"), notices = count("notification_notice");
        for (String user : List.of("registration.officer", "unhcr.monitor", "auditor", "appeals.officer", "legal.partner")) {
            assertThat(send(TestApi.bearer(mvc, user), report(person, justNow()), null).getStatus()).as(user).isEqualTo(403);
        }
        assertThat(mvc.perform(post("/api/v1/removal-reports").contentType(MediaType.APPLICATION_JSON).content(report(person, justNow())))
                .andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(count("border_removal_report")).isEqualTo(reports);
        assertThat(count("notification_notice")).isEqualTo(notices);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstReport() throws Exception {
        String person = register("[\"LP-RR\"]");
        String key = "removal-" + UUID.randomUUID();
        String body = report(person, justNow());
        long reports = count("border_removal_report");
        MockHttpServletResponse first = send(officer, body, key);
        MockHttpServletResponse retry = send(officer, body, key);
        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(retry.getHeader("Idempotency-Replayed")).isEqualTo("true");
        String id = JsonPath.read(first.getContentAsString(), "$.id");
        assertThat((String) JsonPath.read(retry.getContentAsString(), "$.id")).isEqualTo(id);
        assertThat(count("border_removal_report")).isEqualTo(reports + 1);
        assertThat(noticesAbout(id)).hasSize(2);
        assertThat(send(officer, body.replace("AFG", "IRN"), key).getStatus()).as("the same key for another report").isEqualTo(422);
    }

    @Test
    void refusesBadReportsWithAProblemAndWritesNothingButTheAttempt() throws Exception {
        String person = register("[\"LP-RR\"]");
        long reports = count("border_removal_report"), grounds = count("border_removal_report_ground"), notices = count("notification_notice");
        Instant removedAt = justNow();
        String good = report(person, removedAt);
        String[][] bad = {
                {"\"removedAt\": \"" + removedAt + "\"", "\"removedAt\": \"" + clock.instant().plus(Duration.ofHours(2)) + "\"", "removedAt"},
                {"\"removedAt\": \"" + removedAt + "\", ", "", "removedAt"},
                {"\"borderPoint\": \"KAZ-KHORGOS\"", "\"borderPoint\": \"KGZ-FRU\"", "borderPoint"},
                {"\"borderPoint\": \"KAZ-KHORGOS\"", "\"borderPoint\": \"NOWHERE\"", "borderPoint"},
                {"\"borderPoint\": \"KAZ-KHORGOS\", ", "", "borderPoint"},
                {"\"borderPoint\": \"KAZ-KHORGOS\"", "\"borderPoint\": \"KAZ-KHORGOS\", \"place\": \"Almaty\"", "place"},
                {"\"destinationCountry\": \"AFG\"", "\"destinationCountry\": \"Afghanistan\"", "destinationCountry"},
                {"\"destinationCountry\": \"AFG\"", "\"destinationCountry\": \"KAZ\"", "destinationCountry"},
                {"\"destinationCountry\": \"AFG\"", "\"destinationCountry\": null", "destinationCountry"},
                {"Bus 14.", "Bus \\u202E14.", "note"},
                {"\"personId\": \"" + person + "\", ", "", "personId"}};
        for (String[] change : bad) {
            assertThat(good).contains(change[0]);
            MockHttpServletResponse answer = send(officer, good.replace(change[0], change[1]), null);
            assertThat(answer.getStatus()).as(change[2] + ": " + answer.getContentAsString()).isEqualTo(422);
            assertThat(answer.getContentType()).contains("application/problem+json");
            assertThat(answer.getContentAsString()).contains("\"" + change[2] + "\"");
        }
        assertThat(audited(RemovalReports.REPORTED, "DENIED", person)).isEqualTo(bad.length - 1);
        String unknown = UUID.randomUUID().toString();
        MockHttpServletResponse notFound = send(officer, report(unknown, justNow()), null);
        assertThat(notFound.getStatus()).isEqualTo(404);
        assertThat(audited(RemovalReports.REPORTED, "DENIED", unknown)).isEqualTo(1);
        assertThat(send(officer, good.replace("\"removedAt\"", "\"removedBy\""), null).getStatus()).as("an unknown field").isEqualTo(400);
        assertThat(send(officer, good.replace(person, "not-a-uuid"), null).getStatus()).isEqualTo(400);
        assertThat(count("border_removal_report")).isEqualTo(reports);
        assertThat(count("border_removal_report_ground")).isEqualTo(grounds);
        assertThat(count("notification_notice")).isEqualTo(notices);
        assertThat(audited(RemovalReports.REPORTED, "SUCCESS", person)).isZero();
    }
}
