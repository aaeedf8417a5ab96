package org.pana.asylum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
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

/** Interview, assessment and the four-eyes decision, with the interview record kept to those who need it. */
@SpringBootTest
@AutoConfigureMockMvc
class AsylumDecisionTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired AuditTrail audit;

    String registrar, eligibility, decider, secondDecider;

    @BeforeEach
    void signIn() throws Exception {
        registrar = TestApi.bearer(mvc, "registration.officer");
        eligibility = TestApi.bearer(mvc, "eligibility.officer");
        decider = TestApi.bearer(mvc, "decision.maker");
        secondDecider = TestApi.bearer(mvc, "decision.maker2");
    }

    MockHttpServletResponse send(String token, String path, String body) throws Exception {
        return mvc.perform(post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
    }

    String step(String token, String id, String body) throws Exception {
        MockHttpServletResponse response = send(token, "/api/v1/asylum/applications/" + id + "/transitions", body);
        assertThat(response.getStatus()).as(body + " " + response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    MockHttpServletResponse attempt(String token, String id, String body) throws Exception {
        return send(token, "/api/v1/asylum/applications/" + id + "/transitions", body);
    }

    String view(String token, String id) throws Exception {
        return mvc.perform(get("/api/v1/asylum/applications/" + id).header("Authorization", token)).andReturn().getResponse().getContentAsString();
    }

    /** A registered, fingerprinted application of a new adult; returns its id. */
    String registered() throws Exception {
        MockHttpServletResponse person = send(registrar, "/api/v1/persons", """
                {"jurisdiction": "KAZ", "names": [{"given": "Hamid", "family": "Sadat%s", "script": "Latn", "kind": "DECLARED"}],
                 "sex": "MALE", "birthDate": "1984-06-01", "birthDatePrecision": "DAY", "nationalities": ["AFG"]}"""
                .formatted(UUID.randomUUID().toString().substring(0, 5).replaceAll("[0-9]", "q")));
        String personId = JsonPath.read(person.getContentAsString(), "$.id");
        String lodged = send(registrar, "/api/v1/asylum/applications",
                "{\"personId\": \"%s\", \"lodgedOn\": \"2026-03-18\", \"lodgedAt\": \"Almaty\"}".formatted(personId)).getContentAsString();
        String id = JsonPath.read(lodged, "$.id");
        step(registrar, id, "{\"action\": \"REGISTER\", \"registeredOn\": \"2026-03-20\"}");
        step(registrar, id, "{\"action\": \"RECORD_FINGERPRINTS\", \"takenOn\": \"2026-03-22\"}");
        return id;
    }

    String interviewedAndAssessed(String recommendation) throws Exception {
        String id = registered();
        step(eligibility, id, """
                {"action": "SCHEDULE_INTERVIEW", "at": "2026-04-10T05:00:00Z", "place": "Almaty, room 4", "interpreterLanguage": "prs",
                 "interviewerSex": "MALE", "interpreterSex": "NO_PREFERENCE"}""");
        step(eligibility, id, """
                {"action": "RECORD_INTERVIEW", "heldOn": "2026-04-10", "record": "Q: Why did you leave?\\nA: I wrote for a newspaper that the authorities closed."}""");
        step(eligibility, id, """
                {"action": "SUBMIT_ASSESSMENT", "recommendation": "%s", "grounds": ["POLITICAL_OPINION"], "summary": "Consistent, detailed account.",
                 "exclusionConsidered": true}""".formatted(recommendation));
        return id;
    }

    List<String> grounds(String id) throws Exception {
        String person = JsonPath.read(view(registrar, id), "$.personId");
        return JsonPath.read(send(TestApi.bearer(mvc, "border.officer"), "/api/v1/removal-checks", "{\"personId\": \"" + person + "\"}")
                .getContentAsString(), "$.grounds[*].kind");
    }

    @Test
    void aDecisionDraftedByOnePersonIsApprovedOnlyByAnotherAndRecognitionBecomesTheGround() throws Exception {
        String id = interviewedAndAssessed("RECOGNISE");
        String drafted = step(decider, id, "{\"action\": \"DRAFT_DECISION\", \"outcome\": \"RECOGNISED\", \"reasons\": \"Well-founded fear for his political opinion.\"}");
        assertThat((String) JsonPath.read(drafted, "$.status")).isEqualTo("DECISION_DRAFTED");
        assertThat((List<String>) JsonPath.read(view(decider, id), "$.allowedActions")).as("the drafter sees no approval").doesNotContain("APPROVE_DECISION");
        assertThat((List<String>) JsonPath.read(view(secondDecider, id), "$.allowedActions")).contains("APPROVE_DECISION", "RETURN_DECISION");

        MockHttpServletResponse own = attempt(decider, id, "{\"action\": \"APPROVE_DECISION\"}");
        assertThat(own.getStatus()).isEqualTo(409);
        assertThat(own.getContentAsString()).contains("Four eyes");
        assertThat(jdbc.sql("SELECT status FROM asylum_application WHERE id = :id").param("id", UUID.fromString(id)).query(String.class).single())
                .isEqualTo("DECISION_DRAFTED");
        assertThat(grounds(id)).containsExactly("PENDING_ASYLUM_APPLICATION");

        String decided = step(secondDecider, id, "{\"action\": \"APPROVE_DECISION\"}");
        assertThat((String) JsonPath.read(decided, "$.status")).isEqualTo("DECIDED");
        assertThat((String) JsonPath.read(decided, "$.outcome")).isEqualTo("RECOGNISED");
        assertThat((String) JsonPath.read(decided, "$.decision.draftedBy")).isEqualTo("decision.maker");
        assertThat((String) JsonPath.read(decided, "$.decision.decidedBy")).isEqualTo("decision.maker2");
        assertThat(grounds(id)).containsExactly("REFUGEE_STATUS");
        audit.seal();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ASYLUM_APPROVE_DECISION' AND outcome = 'DENIED' AND actor = 'decision.maker'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void aClaimIsNotDecidedWithoutAnInterviewButMayBeClosedAndAReturnedDraftGoesBack() throws Exception {
        String id = registered();
        MockHttpServletResponse blind = attempt(decider, id, "{\"action\": \"DRAFT_DECISION\", \"outcome\": \"REJECTED\", \"reasons\": \"No claim.\"}");
        assertThat(blind.getStatus()).isEqualTo(409);
        assertThat(blind.getContentAsString()).contains("decision-without-interview");
        assertThat(attempt(eligibility, id, "{\"action\": \"SUBMIT_ASSESSMENT\", \"recommendation\": \"REJECT\", \"summary\": \"x\", \"exclusionConsidered\": true}")
                .getStatus()).as("no interview held").isEqualTo(409);
        step(eligibility, id, "{\"action\": \"SCHEDULE_INTERVIEW\", \"at\": \"2026-04-10T05:00:00Z\", \"place\": \"Almaty\"}");
        step(eligibility, id, "{\"action\": \"RECORD_NO_SHOW\", \"on\": \"2026-04-10\"}");
        String closedDraft = step(eligibility, id, "{\"action\": \"DRAFT_DECISION\", \"outcome\": \"CLOSED\", \"reasons\": \"Did not come to the interview.\"}");
        assertThat((String) JsonPath.read(closedDraft, "$.status")).isEqualTo("DECISION_DRAFTED");
        String back = step(decider, id, "{\"action\": \"RETURN_DECISION\", \"reason\": \"Invite him once more first.\"}");
        assertThat((String) JsonPath.read(back, "$.status")).isEqualTo("REGISTERED");
        assertThat((String) JsonPath.read(back, "$.decision.state")).isEqualTo("RETURNED");
        assertThat((List<String>) JsonPath.read(view(eligibility, id), "$.allowedActions")).contains("SCHEDULE_INTERVIEW");
    }

    @Test
    void aRejectionNotifiedOpensTheAppealWindowAsAGroundUntilItCloses() throws Exception {
        String id = interviewedAndAssessed("REJECT");
        step(eligibility, id, "{\"action\": \"DRAFT_DECISION\", \"outcome\": \"REJECTED\", \"reasons\": \"The account is not credible.\"}");
        step(decider, id, "{\"action\": \"APPROVE_DECISION\"}");
        assertThat(grounds(id)).as("not in force before notification").containsExactly("PENDING_ASYLUM_APPLICATION");
        LocalDate today = clock.instant().atZone(ZoneId.of("Asia/Almaty")).toLocalDate();
        assertThat(attempt(registrar, id, "{\"action\": \"NOTIFY\", \"notifiedOn\": \"" + today.plusDays(1) + "\"}").getStatus()).isEqualTo(422);
        String notified = step(registrar, id, "{\"action\": \"NOTIFY\", \"notifiedOn\": \"" + today + "\"}");
        // The appeal window: one month from notification (the rule's default, marked not confirmed).
        List<String> appealDue = JsonPath.read(notified, "$.deadlines[?(@.step == 'APPEAL')].dueOn");
        assertThat(appealDue).containsExactly(today.plusMonths(1).toString());
        assertThat(grounds(id)).containsExactly("APPEAL_WINDOW_OPEN");
        assertThat(attempt(registrar, id, "{\"action\": \"NOTIFY\", \"notifiedOn\": \"" + today + "\"}").getStatus()).isEqualTo(409);
    }

    @Test
    void theInterviewRecordIsShownOnlyToTheEligibilityOfficerDecisionMakersAndAppealsAndEachReadingIsAudited() throws Exception {
        String id = interviewedAndAssessed("RECOGNISE");
        for (String user : List.of("registration.officer", "unhcr.monitor")) {
            String json = view(TestApi.bearer(mvc, user), id);
            assertThat(json).as(user).doesNotContain("newspaper").doesNotContain("Consistent, detailed");
            assertThat((List<String>) JsonPath.read(json, "$.interviews[*].status")).containsExactly("HELD");
        }
        for (String user : List.of("eligibility.officer", "decision.maker", "appeals.officer")) {
            assertThat(view(TestApi.bearer(mvc, user), id)).as(user).contains("newspaper");
        }
        audit.seal();
        assertThat(jdbc.sql("SELECT DISTINCT actor FROM audit_event WHERE action = 'ASYLUM_INTERVIEW_RECORD_VIEWED' AND details = :n")
                .param("n", JsonPath.read(view(registrar, id), "$.number")).query(String.class).list())
                .containsExactlyInAnyOrder("eligibility.officer", "decision.maker", "appeals.officer");
    }

    @Test
    void badInterviewsAndAssessmentsAreRefusedFieldByField() throws Exception {
        String id = registered();
        MockHttpServletResponse early = attempt(eligibility, id, "{\"action\": \"SCHEDULE_INTERVIEW\", \"at\": \"2026-03-01T05:00:00Z\", \"place\": \" \","
                + " \"interpreterLanguage\": \"Dari\", \"interviewerSex\": \"ANY\"}");
        assertThat(early.getStatus()).isEqualTo(422);
        assertThat((List<String>) JsonPath.read(early.getContentAsString(), "$.errors[*].field"))
                .containsExactlyInAnyOrder("at", "place", "interpreterLanguage", "interviewerSex");
        step(eligibility, id, "{\"action\": \"SCHEDULE_INTERVIEW\", \"at\": \"2026-04-10T05:00:00Z\", \"place\": \"Almaty\"}");
        assertThat(attempt(eligibility, id, "{\"action\": \"SCHEDULE_INTERVIEW\", \"at\": \"2026-04-11T05:00:00Z\", \"place\": \"Almaty\"}")
                .getStatus()).as("one scheduled at a time").isEqualTo(409);
        assertThat(attempt(eligibility, id, "{\"action\": \"RECORD_INTERVIEW\", \"heldOn\": \"2026-04-10\", \"record\": \"\"}").getStatus()).isEqualTo(422);
        step(eligibility, id, "{\"action\": \"RECORD_INTERVIEW\", \"heldOn\": \"2026-04-10\", \"record\": \"Q and A\"}");
        MockHttpServletResponse assessment = attempt(eligibility, id,
                "{\"action\": \"SUBMIT_ASSESSMENT\", \"recommendation\": \"RECOGNISE\", \"grounds\": [\"POVERTY\"], \"exclusionConsidered\": false}");
        assertThat((List<String>) JsonPath.read(assessment.getContentAsString(), "$.errors[*].field"))
                .contains("grounds[0]", "summary", "exclusionConsidered");
        assertThat(jdbc.sql("SELECT count(*) FROM asylum_assessment WHERE application_id = :id").param("id", UUID.fromString(id)).query(Long.class)
                .single()).isZero();
    }

    /** A rejection, approved and notified today; returns the id. */
    String notifiedRefusal(LocalDate today) throws Exception {
        String id = interviewedAndAssessed("REJECT");
        step(eligibility, id, "{\"action\": \"DRAFT_DECISION\", \"outcome\": \"REJECTED\", \"reasons\": \"Not credible.\"}");
        step(decider, id, "{\"action\": \"APPROVE_DECISION\"}");
        step(registrar, id, "{\"action\": \"NOTIFY\", \"notifiedOn\": \"" + today + "\"}");
        return id;
    }

    @Test
    void appealsSuspendRemovalAndTheirOutcomeIsRecordedLevelByLevel() throws Exception {
        LocalDate today = clock.instant().atZone(ZoneId.of("Asia/Almaty")).toLocalDate();
        String id = notifiedRefusal(today);
        String appeals = TestApi.bearer(mvc, "appeals.officer");
        assertThat(attempt(registrar, id, "{\"action\": \"LODGE_APPEAL\", \"level\": \"ADMINISTRATIVE\", \"lodgedOn\": \"" + today + "\"}")
                .getStatus()).as("the asylum authority does not record appeals against itself").isEqualTo(403);
        assertThat(attempt(appeals, id, "{\"action\": \"LODGE_APPEAL\", \"level\": \"JUDICIAL\", \"lodgedOn\": \"" + today + "\"}")
                .getStatus()).as("administrative review first").isEqualTo(422);
        String appealed = step(appeals, id, "{\"action\": \"LODGE_APPEAL\", \"level\": \"ADMINISTRATIVE\", \"lodgedOn\": \"" + today + "\"}");
        assertThat((String) JsonPath.read(appealed, "$.status")).isEqualTo("APPEALED");
        assertThat(grounds(id)).containsExactly("APPEAL_PENDING");
        assertThat(attempt(appeals, id, "{\"action\": \"LODGE_APPEAL\", \"level\": \"ADMINISTRATIVE\", \"lodgedOn\": \"" + today + "\"}")
                .getStatus()).isEqualTo(409);

        String dismissed = step(appeals, id, "{\"action\": \"DECIDE_APPEAL\", \"outcome\": \"DISMISSED\", \"decidedOn\": \"" + today + "\"}");
        assertThat((String) JsonPath.read(dismissed, "$.status")).isEqualTo("DECIDED");
        assertThat((List<String>) JsonPath.read(dismissed, "$.deadlines[?(@.step == 'APPEAL')].basis")).singleElement().asString().startsWith("judicial review");
        assertThat(grounds(id)).as("the judicial review window").containsExactly("APPEAL_WINDOW_OPEN");

        step(appeals, id, "{\"action\": \"LODGE_APPEAL\", \"level\": \"JUDICIAL\", \"lodgedOn\": \"" + today + "\"}");
        String granted = step(appeals, id, "{\"action\": \"DECIDE_APPEAL\", \"outcome\": \"UPHELD\", \"remedy\": \"GRANT_STATUS\", \"decidedOn\": \"" + today + "\"}");
        assertThat((String) JsonPath.read(granted, "$.outcome")).isEqualTo("RECOGNISED");
        assertThat((List<String>) JsonPath.read(granted, "$.appeals[*].status")).containsExactly("DISMISSED", "UPHELD");
        assertThat(grounds(id)).containsExactly("REFUGEE_STATUS");
        assertThat((List<String>) JsonPath.read(view(appeals, id), "$.allowedActions")).isEmpty();
    }

    @Test
    void anUpheldAppealCanSendTheCaseBackForAFreshDecisionAndALateAppealIsRefused(@Autowired org.pana.testing.TestClock testClock) throws Exception {
        LocalDate today = clock.instant().atZone(ZoneId.of("Asia/Almaty")).toLocalDate();
        String appeals = TestApi.bearer(mvc, "appeals.officer");
        String id = notifiedRefusal(today);
        step(appeals, id, "{\"action\": \"LODGE_APPEAL\", \"level\": \"ADMINISTRATIVE\", \"lodgedOn\": \"" + today + "\"}");
        String fresh = step(appeals, id, "{\"action\": \"DECIDE_APPEAL\", \"outcome\": \"UPHELD\", \"decidedOn\": \"" + today + "\"}".replace("}", ", \"remedy\": \"FRESH_DECISION\"}"));
        assertThat((String) JsonPath.read(fresh, "$.status")).isEqualTo("ASSESSED");
        assertThat((Object) JsonPath.read(fresh, "$.outcome")).isNull();
        assertThat((List<String>) JsonPath.read(view(decider, id), "$.allowedActions")).contains("DRAFT_DECISION");

        String late = notifiedRefusal(today);
        testClock.advance(java.time.Duration.ofDays(40));
        try {
            LocalDate later = clock.instant().atZone(ZoneId.of("Asia/Almaty")).toLocalDate();
            appeals = TestApi.bearer(mvc, "appeals.officer"); // tokens signed in 40 days ago have expired
            registrar = TestApi.bearer(mvc, "registration.officer");
            MockHttpServletResponse refused = attempt(appeals, late, "{\"action\": \"LODGE_APPEAL\", \"level\": \"ADMINISTRATIVE\", \"lodgedOn\": \"" + later + "\"}");
            assertThat(refused.getStatus()).isEqualTo(409);
            assertThat(refused.getContentAsString()).contains("appeal-window-closed").contains(today.plusMonths(1).toString());
            assertThat(grounds(late)).as("the window has closed").isEmpty();
        } finally {
            testClock.reset();
        }
    }

    @Test
    void refugeeStatusRunsAYearIsExtendedFromItsExpiryAndOnceEndedIsNeitherExtendedNorAGround() throws Exception {
        String id = interviewedAndAssessed("RECOGNISE");
        step(eligibility, id, "{\"action\": \"DRAFT_DECISION\", \"outcome\": \"RECOGNISED\", \"reasons\": \"Political opinion.\"}");
        String granted = step(secondDecider, id, "{\"action\": \"APPROVE_DECISION\"}");
        LocalDate today = clock.instant().atZone(ZoneId.of("Asia/Almaty")).toLocalDate();
        assertThat((String) JsonPath.read(granted, "$.refugeeStatus.validUntil")).isEqualTo(today.plusYears(1).toString());
        assertThat((List<String>) JsonPath.read(granted, "$.deadlines[?(@.step == 'EXTENSION_INVITATION')].dueOn"))
                .containsExactly(today.plusYears(1).minusDays(30).toString());
        String extended = step(decider, id, "{\"action\": \"EXTEND_STATUS\", \"decidedOn\": \"" + today + "\"}");
        assertThat((String) JsonPath.read(extended, "$.refugeeStatus.validUntil")).isEqualTo(today.plusYears(2).toString());

        MockHttpServletResponse badGround = attempt(decider, id, "{\"action\": \"TERMINATE_STATUS\", \"ground\": \"SERIOUS_CRIME\", \"on\": \"" + today + "\"}");
        assertThat(badGround.getStatus()).as("a deprivation ground is not a termination ground").isEqualTo(422);
        String ended = step(decider, id, "{\"action\": \"TERMINATE_STATUS\", \"ground\": \"NEW_NATIONALITY\", \"on\": \"" + today + "\"}");
        assertThat((String) JsonPath.read(ended, "$.refugeeStatus.ended")).isEqualTo("TERMINATED");
        assertThat(grounds(id)).isEmpty();
        MockHttpServletResponse again = attempt(decider, id, "{\"action\": \"EXTEND_STATUS\", \"decidedOn\": \"" + today + "\"}");
        assertThat(again.getStatus()).as("an extension of a ceased status").isEqualTo(409);
        assertThat(again.getContentAsString()).contains("TERMINATED");
    }

    @Test
    void draftsAwaitASecondDecisionMakerInTheirQueueAndLateDecisionsAreOverdue() throws Exception {
        String id = interviewedAndAssessed("RECOGNISE");
        step(decider, id, "{\"action\": \"DRAFT_DECISION\", \"outcome\": \"RECOGNISED\", \"reasons\": \"Political opinion.\"}");
        String number = JsonPath.read(view(decider, id), "$.number");
        String mine = mvc.perform(get("/api/v1/asylum/applications/queues/awaiting-my-approval?size=100").header("Authorization", decider))
                .andReturn().getResponse().getContentAsString();
        String theirs = mvc.perform(get("/api/v1/asylum/applications/queues/awaiting-my-approval?size=100").header("Authorization", secondDecider))
                .andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(mine, "$.items[*].number")).doesNotContain(number);
        assertThat((List<String>) JsonPath.read(theirs, "$.items[*].number")).contains(number);
        // Registered on 20 March 2026, decision due 20 June 2026: long overdue today.
        String overdue = mvc.perform(get("/api/v1/asylum/applications/queues/overdue?size=100").header("Authorization", eligibility))
                .andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(overdue, "$.items[*].number")).contains(number);
        assertThat(mvc.perform(get("/api/v1/asylum/applications/queues/awaiting-my-approval").header("Authorization", eligibility))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/v1/asylum/applications/queues/someday").header("Authorization", eligibility))
                .andReturn().getResponse().getStatus()).isEqualTo(422);
        assertThat(mvc.perform(get("/api/v1/asylum/applications/queues/overdue").header("Authorization", TestApi.bearer(mvc, "unhcr.monitor")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void anAdultWithoutOwnGroundsIsRecognisedWithConsentToKeepTheFamilyTogether() throws Exception {
        String husband = interviewedAndAssessed("RECOGNISE");
        step(eligibility, husband, "{\"action\": \"DRAFT_DECISION\", \"outcome\": \"RECOGNISED\", \"reasons\": \"Political opinion.\"}");
        step(decider, husband, "{\"action\": \"APPROVE_DECISION\"}");
        String wife = interviewedAndAssessed("REJECT");
        LocalDate today = clock.instant().atZone(ZoneId.of("Asia/Almaty")).toLocalDate();
        String refusedFirst = interviewedAndAssessed("REJECT");
        for (String bad : List.of(
                "{\"action\": \"DRAFT_DECISION\", \"outcome\": \"RECOGNISED\", \"reasons\": \"Family.\", \"familyUnityWith\": \"" + husband + "\"}",
                "{\"action\": \"DRAFT_DECISION\", \"outcome\": \"RECOGNISED\", \"reasons\": \"Family.\", \"familyUnityWith\": \"" + refusedFirst
                        + "\", \"consentOn\": \"" + today + "\"}",
                "{\"action\": \"DRAFT_DECISION\", \"outcome\": \"REJECTED\", \"reasons\": \"x\", \"familyUnityWith\": \"" + husband
                        + "\", \"consentOn\": \"" + today + "\"}")) {
            assertThat(attempt(eligibility, wife, bad).getStatus()).as(bad).isEqualTo(422);
        }
        step(eligibility, wife, "{\"action\": \"DRAFT_DECISION\", \"outcome\": \"RECOGNISED\", \"reasons\": \"To keep the family together.\","
                + " \"familyUnityWith\": \"" + husband + "\", \"consentOn\": \"" + today + "\"}");
        String decided = step(secondDecider, wife, "{\"action\": \"APPROVE_DECISION\"}");
        assertThat((String) JsonPath.read(decided, "$.outcome")).isEqualTo("RECOGNISED");
        assertThat((String) JsonPath.read(decided, "$.decision.familyUnityWith")).isEqualTo(husband);
        assertThat((String) JsonPath.read(decided, "$.decision.consentOn")).isEqualTo(today.toString());
        assertThat((String) JsonPath.read(decided, "$.assessment.recommendation")).as("her own assessment stands").isEqualTo("REJECT");
        assertThat(grounds(wife)).containsExactly("REFUGEE_STATUS");
    }
}
