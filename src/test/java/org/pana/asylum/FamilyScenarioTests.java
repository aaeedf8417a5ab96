package org.pana.asylum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * Issue 5's scenario: a family of four (two adults, two children) from the border referral to the recognition of
 * the father, the mother's recognition to keep the family together, no appeal, and both extensions a year later.
 * The clock is moved to each day of the story; every deadline is checked against a date computed by hand with
 * Kazakhstan's 2027 holidays (Nauryz 21–23 March, Sunday 21 March moved to Wednesday 24 March; Unity Day Saturday
 * 1 May moved to Monday 3 May; Defender's Day Friday 7 May; Victory Day Sunday 9 May moved to Monday 10 May; Kurban
 * Ait Sunday 16 May, which does not move).
 */
@SpringBootTest
@AutoConfigureMockMvc
class FamilyScenarioTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired DeadlineWatch watch;

    Map<String, String> tokens;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    /** Moves the story to an instant and signs everyone in again (tokens live an hour of the clock). */
    void at(String instant) throws Exception {
        clock.moveTo(Instant.parse(instant));
        tokens = new java.util.HashMap<>();
        for (String user : List.of("border.officer", "registration.officer", "eligibility.officer", "decision.maker", "decision.maker2",
                "appeals.officer")) {
            tokens.put(user, TestApi.bearer(mvc, user));
        }
    }

    MockHttpServletResponse send(String user, String path, String body) throws Exception {
        return mvc.perform(post(path).header("Authorization", tokens.get(user)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
    }

    String created(String user, String path, String body) throws Exception {
        MockHttpServletResponse response = send(user, path, body);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return response.getContentAsString();
    }

    String step(String user, String id, String body) throws Exception {
        MockHttpServletResponse response = send(user, "/api/v1/asylum/applications/" + id + "/transitions", body);
        assertThat(response.getStatus()).as(body + " " + response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    String view(String user, String id) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/v1/asylum/applications/" + id).header("Authorization", tokens.get(user)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    /** The case's deadlines, step to due day. */
    static Map<String, String> deadlines(String json) {
        List<String> steps = JsonPath.read(json, "$.deadlines[*].step");
        List<String> days = JsonPath.read(json, "$.deadlines[*].dueOn");
        Map<String, String> due = new java.util.LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) due.put(steps.get(i), days.get(i));
        return due;
    }

    static Object met(String json, String step) {
        List<Object> met = JsonPath.read(json, "$.deadlines[?(@.step == '" + step + "')].met");
        return met.get(0);
    }

    List<String> grounds(String person) throws Exception {
        return JsonPath.read(send("border.officer", "/api/v1/removal-checks", "{\"personId\": \"" + person + "\"}").getContentAsString(),
                "$.grounds[*].kind");
    }

    static String person(String given, String sex, String birthDate) {
        return """
                {"jurisdiction": "KAZ", "names": [{"given": "%s", "family": "Rahimi%s", "script": "Latn", "kind": "DECLARED"}],
                 "sex": "%s", "birthDate": "%s", "birthDatePrecision": "DAY", "nationalities": ["AFG"]}"""
                .formatted(given, UUID.randomUUID().toString().substring(0, 4).replaceAll("[0-9]", "x"), sex, birthDate);
    }

    /** The deadline watch's flags on a case, of one step (or of all, for null). */
    long flags(String application, String step) {
        return jdbc.sql("SELECT count(*) FROM asylum_deadline_flag WHERE application_id = :id AND (step = :step OR :step = '*')")
                .param("id", UUID.fromString(application)).param("step", step == null ? "*" : step).query(Long.class).single();
    }

    long notices(String application) {
        return jdbc.sql("SELECT count(*) FROM notification_notice WHERE subject_id = :id").param("id", UUID.fromString(application))
                .query(Long.class).single();
    }

    @Test
    void aFamilyOfFourFromTheBorderToRecognitionAndExtensionWithEveryDeadlineOnItsDay() throws Exception {
        // Friday 19 March 2027, 10:00 in Almaty: the family asks for asylum at the Khorgos crossing.
        at("2027-03-19T07:00:00Z");
        String encounter = created("border.officer", "/api/v1/border/encounters", """
                {"person": %s, "encounteredAt": "2027-03-19T05:00:00Z", "borderPoint": "KAZ-KHORGOS", "arrival": "CROSSING_POINT",
                 "asylumIntentExpressed": true,
                 "accompanyingPersons": [{"person": %s, "relationship": "SPOUSE"}, {"person": %s, "relationship": "SON"},
                                         {"person": %s, "relationship": "DAUGHTER"}]}"""
                .formatted(person("Karim", "MALE", "1980-05-01"), person("Soraya", "FEMALE", "1983-02-11"),
                        person("Omid", "MALE", "2015-07-20"), person("Mina", "FEMALE", "2019-09-02")));
        String father = JsonPath.read(encounter, "$.personId");
        List<String> companions = JsonPath.read(encounter, "$.accompanyingPersons[*].personId");
        String mother = companions.get(0);
        String son = companions.get(1);
        String daughter = companions.get(2);
        String referral = JsonPath.read(encounter, "$.referral.id");
        // Handover: 72 hours (a rule in hours ignores holidays), Monday 22 March 10:00 in Almaty.
        assertThat((String) JsonPath.read(encounter, "$.referral.dueAt")).isEqualTo("2027-03-22T05:00:00Z");

        // The same day, the registration officer opens the father's application from the referral, with both children,
        // and the mother's own application.
        at("2027-03-19T09:00:00Z");
        String fathers = created("registration.officer", "/api/v1/asylum/applications", """
                {"personId": "%s", "lodgedOn": "2027-03-19", "lodgedAt": "Department of Employment, Almaty", "referralId": "%s",
                 "includedChildren": ["%s", "%s"]}""".formatted(father, referral, son, daughter));
        String fatherCase = JsonPath.read(fathers, "$.id");
        String mothers = created("registration.officer", "/api/v1/asylum/applications", """
                {"personId": "%s", "lodgedOn": "2027-03-19", "lodgedAt": "Department of Employment, Almaty", "arrivedOn": "2027-03-19"}"""
                .formatted(mother));
        String motherCase = JsonPath.read(mothers, "$.id");
        // Lodging: 5 calendar days after arrival, Wednesday 24 March (a moved day off, but calendar days do not move).
        assertThat(deadlines(fathers)).containsEntry("LODGING", "2027-03-24");
        assertThat(deadlines(mothers)).containsEntry("LODGING", "2027-03-24");
        assertThat(met(fathers, "LODGING")).isEqualTo(true);
        assertThat(jdbc.sql("SELECT status FROM border_referral WHERE id = :id").param("id", UUID.fromString(referral)).query(String.class)
                .single()).isEqualTo("TAKEN_OVER");
        for (String member : List.of(father, mother, son, daughter)) {
            assertThat(grounds(member)).as(member).containsExactly("PENDING_ASYLUM_APPLICATION");
        }

        // Thursday 25 March (after Nauryz and its moved day off): both registered, certificates issued.
        at("2027-03-25T05:00:00Z");
        for (String application : List.of(fatherCase, motherCase)) {
            String registered = step("registration.officer", application, "{\"action\": \"REGISTER\", \"registeredOn\": \"2027-03-25\"}");
            // Fingerprints within 3 calendar days: Sunday 28 March. Certificate for 3 months: 25 June.
            assertThat(deadlines(registered)).containsEntry("FINGERPRINTING", "2027-03-28").containsEntry("CERTIFICATE_VALIDITY", "2027-06-25");
            assertThat((List<String>) JsonPath.read(registered, "$.certificates[*].validUntil")).containsExactly("2027-06-25");
        }
        at("2027-03-26T05:00:00Z");
        String fingerprinted = step("registration.officer", fatherCase, "{\"action\": \"RECORD_FINGERPRINTS\", \"takenOn\": \"2027-03-26\"}");
        // The decision within 3 months of registration: Friday 25 June.
        assertThat(deadlines(fingerprinted)).containsEntry("DECISION", "2027-06-25");
        assertThat(met(fingerprinted, "FINGERPRINTING")).isEqualTo(true);

        // Monday 29 March, 07:00 in Almaty: the daily watch finds the mother's fingerprints missing since Sunday.
        at("2027-03-29T02:00:00Z");
        watch.flagDeadlines();
        assertThat(flags(motherCase, "FINGERPRINTING")).isOne();
        assertThat(flags(fatherCase, "FINGERPRINTING")).as("his were taken in time").isZero();
        assertThat(notices(motherCase)).as("the unit is told").isOne();
        watch.flagDeadlines();
        assertThat(flags(motherCase, "FINGERPRINTING")).as("a flag is raised once").isOne();
        assertThat(notices(motherCase)).isOne();
        String late = step("registration.officer", motherCase, "{\"action\": \"RECORD_FINGERPRINTS\", \"takenOn\": \"2027-03-29\"}");
        assertThat(met(late, "FINGERPRINTING")).isEqualTo(false);
        assertThat((List<String>) JsonPath.read(late, "$.deadlines[?(@.step == 'FINGERPRINTING')].flaggedOn")).containsExactly("2027-03-29");
        assertThat(deadlines(late)).containsEntry("DECISION", "2027-06-25");

        // Tuesday 20 April: both interviewed; the father has his own claim, the mother none of her own.
        at("2027-04-20T09:00:00Z");
        for (String application : List.of(fatherCase, motherCase)) {
            step("eligibility.officer", application, """
                    {"action": "SCHEDULE_INTERVIEW", "at": "2027-04-20T04:00:00Z", "place": "Almaty, room 2", "interpreterLanguage": "prs",
                     "interviewerSex": "NO_PREFERENCE", "interpreterSex": "FEMALE"}""");
            step("eligibility.officer", application, """
                    {"action": "RECORD_INTERVIEW", "heldOn": "2027-04-20", "record": "Q: Why did you leave?\\nA: As told in the narrative."}""");
        }
        step("eligibility.officer", fatherCase, """
                {"action": "SUBMIT_ASSESSMENT", "recommendation": "RECOGNISE", "grounds": ["POLITICAL_OPINION"],
                 "summary": "Credible, detailed account of detention for his articles.", "exclusionConsidered": true}""");
        step("eligibility.officer", motherCase, """
                {"action": "SUBMIT_ASSESSMENT", "recommendation": "REJECT", "grounds": [],
                 "summary": "No fear of her own; she fled with her husband.", "exclusionConsidered": true}""");

        at("2027-04-28T05:00:00Z");
        step("decision.maker", fatherCase, "{\"action\": \"DRAFT_DECISION\", \"outcome\": \"RECOGNISED\", \"reasons\": \"Well-founded fear for his political opinion.\"}");

        // Friday 30 April: a second decision maker approves. Notification within 5 working days: Saturday 1 May is a
        // holiday moved to Monday 3 May, so 4, 5, 6 May; Friday 7 May is a holiday, Sunday 9 May moves to Monday 10 May;
        // then 11 and 12 May: Wednesday 12 May. Status for one year: 30 April 2028; invitation 30 days before: 31 March 2028.
        at("2027-04-30T05:00:00Z");
        String recognised = step("decision.maker2", fatherCase, "{\"action\": \"APPROVE_DECISION\"}");
        assertThat((String) JsonPath.read(recognised, "$.decidedOn")).isEqualTo("2027-04-30");
        assertThat(deadlines(recognised)).containsEntry("NOTIFICATION", "2027-05-12").containsEntry("STATUS_TERM", "2028-04-30")
                .containsEntry("EXTENSION_INVITATION", "2028-03-31").doesNotContainKeys("APPEAL", "CERTIFICATE_VALIDITY");
        assertThat(met(recognised, "DECISION")).isEqualTo(true);
        assertThat(grounds(father)).containsExactly("REFUGEE_STATUS");
        assertThat(grounds(son)).as("included children share the status").containsExactly("REFUGEE_STATUS");
        assertThat(grounds(daughter)).containsExactly("REFUGEE_STATUS");
        assertThat(grounds(mother)).containsExactly("PENDING_ASYLUM_APPLICATION");

        at("2027-05-05T05:00:00Z");
        assertThat(met(step("registration.officer", fatherCase, "{\"action\": \"NOTIFY\", \"notifiedOn\": \"2027-05-05\"}"), "NOTIFICATION"))
                .isEqualTo(true);

        // Thursday 6 May: the mother consents to be recognised to keep the family together (Art. 11(2)).
        at("2027-05-06T05:00:00Z");
        step("decision.maker", motherCase, """
                {"action": "DRAFT_DECISION", "outcome": "RECOGNISED", "reasons": "Wife of a recognised refugee; recognised for family unity.",
                 "familyUnityWith": "%s", "consentOn": "2027-05-06"}""".formatted(fatherCase));
        // Tuesday 11 May: approved. Notification: 12, 13, 14, 17 (Kurban Ait on Sunday 16 May does not move), 18 May.
        at("2027-05-11T05:00:00Z");
        String derivative = step("decision.maker2", motherCase, "{\"action\": \"APPROVE_DECISION\"}");
        assertThat((String) JsonPath.read(derivative, "$.decision.familyUnityWith")).isEqualTo(fatherCase);
        assertThat(deadlines(derivative)).containsEntry("NOTIFICATION", "2027-05-18").containsEntry("STATUS_TERM", "2028-05-11")
                .containsEntry("EXTENSION_INVITATION", "2028-04-11");
        assertThat(grounds(mother)).containsExactly("REFUGEE_STATUS");
        at("2027-05-13T05:00:00Z");
        step("registration.officer", motherCase, "{\"action\": \"NOTIFY\", \"notifiedOn\": \"2027-05-13\"}");

        // No appeal: nothing to appeal for a recognised refugee, for anyone.
        for (String application : List.of(fatherCase, motherCase)) {
            assertThat((List<String>) JsonPath.read(view("appeals.officer", application), "$.allowedActions")).doesNotContain("LODGE_APPEAL");
            assertThat(send("appeals.officer", "/api/v1/asylum/applications/" + application + "/transitions",
                    "{\"action\": \"LODGE_APPEAL\", \"level\": \"ADMINISTRATIVE\", \"lodgedOn\": \"2027-05-20\"}").getStatus()).isEqualTo(409);
        }

        // A year later, Friday 31 March 2028, 07:00: the watch raises the father's invitation; the mother's is not due yet.
        at("2028-03-31T02:00:00Z");
        watch.flagDeadlines();
        assertThat(flags(fatherCase, "EXTENSION_INVITATION")).isOne();
        assertThat(flags(motherCase, "EXTENSION_INVITATION")).isZero();
        assertThat(notices(fatherCase)).isOne();
        at("2028-04-11T02:00:00Z");
        watch.flagDeadlines();
        assertThat(flags(motherCase, "EXTENSION_INVITATION")).isOne();
        assertThat(flags(fatherCase, null) + flags(motherCase, null)).as("nothing else was flagged in the year").isEqualTo(3);

        // Each extension runs a year from the old expiry, whatever day it is decided.
        at("2028-04-20T05:00:00Z");
        String extended = step("decision.maker", fatherCase, "{\"action\": \"EXTEND_STATUS\", \"decidedOn\": \"2028-04-20\"}");
        assertThat(deadlines(extended)).containsEntry("STATUS_TERM", "2029-04-30").containsEntry("EXTENSION_INVITATION", "2029-03-31");
        at("2028-04-25T05:00:00Z");
        String extendedToo = step("decision.maker", motherCase, "{\"action\": \"EXTEND_STATUS\", \"decidedOn\": \"2028-04-25\"}");
        assertThat(deadlines(extendedToo)).containsEntry("STATUS_TERM", "2029-05-11").containsEntry("EXTENSION_INVITATION", "2029-04-11");
        for (String member : List.of(father, mother, son, daughter)) {
            assertThat(grounds(member)).as(member).containsExactly("REFUGEE_STATUS");
        }
        watch.flagDeadlines();
        assertThat(flags(fatherCase, null) + flags(motherCase, null)).as("nothing is due any more").isEqualTo(3);

        // The father's history: every step a dated fact, in order.
        String history = view("decision.maker", fatherCase);
        assertThat((List<String>) JsonPath.read(history, "$.history[*].action")).containsExactly("LODGE", "REGISTER", "RECORD_FINGERPRINTS",
                "SCHEDULE_INTERVIEW", "RECORD_INTERVIEW", "SUBMIT_ASSESSMENT", "DRAFT_DECISION", "APPROVE_DECISION", "NOTIFY", "EXTEND_STATUS");
        assertThat((List<String>) JsonPath.read(history, "$.history[*].effectiveOn")).containsExactly("2027-03-19", "2027-03-25", "2027-03-26",
                "2027-04-20", "2027-04-20", "2027-04-20", "2027-04-28", "2027-04-30", "2027-05-05", "2028-04-20");
        assertThat((List<String>) JsonPath.read(history, "$.includedChildren")).containsExactlyInAnyOrder(son, daughter);
    }
}
