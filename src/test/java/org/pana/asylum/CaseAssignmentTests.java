package org.pana.asylum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
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

/** Taking, assigning and giving back cases (issue 5, item 8): who may, to whom, on which version, and the "mine" queue. */
@SpringBootTest
@AutoConfigureMockMvc
class CaseAssignmentTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail audit;

    String registrar, eligibility, decider;

    @BeforeEach
    void signIn() throws Exception {
        registrar = TestApi.bearer(mvc, "registration.officer");
        eligibility = TestApi.bearer(mvc, "eligibility.officer");
        decider = TestApi.bearer(mvc, "decision.maker");
    }

    MockHttpServletResponse send(String token, String path, String body) throws Exception {
        return mvc.perform(post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
    }

    MockHttpServletResponse assign(String token, String id, String username, long version) throws Exception {
        String body = "{\"username\": " + (username == null ? "null" : "\"" + username + "\"") + ", \"version\": " + version + "}";
        return mvc.perform(put("/api/v1/asylum/applications/" + id + "/assignee").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
    }

    String ok(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    String view(String token, String id) throws Exception {
        return ok(mvc.perform(get("/api/v1/asylum/applications/" + id).header("Authorization", token)).andReturn().getResponse());
    }

    long version(String id) throws Exception {
        return ((Number) JsonPath.read(view(decider, id), "$.version")).longValue();
    }

    String assignedTo(String id) {
        return jdbc.sql("SELECT assigned_to FROM asylum_application WHERE id = :id").param("id", UUID.fromString(id)).query(String.class)
                .optional().orElse(null);
    }

    long assignEvents(String id) {
        return jdbc.sql("SELECT count(*) FROM asylum_application_event WHERE application_id = :id AND action = 'ASSIGN'")
                .param("id", UUID.fromString(id)).query(Long.class).single();
    }

    /** A registered, fingerprinted application of a new adult; returns its id. */
    String registered() throws Exception {
        MockHttpServletResponse person = send(registrar, "/api/v1/persons", """
                {"jurisdiction": "KAZ", "names": [{"given": "Nasrin", "family": "Karimi%s", "script": "Latn", "kind": "DECLARED"}],
                 "sex": "FEMALE", "birthDate": "1991-02-03", "birthDatePrecision": "DAY", "nationalities": ["AFG"]}"""
                .formatted(UUID.randomUUID().toString().substring(0, 5).replaceAll("[0-9]", "k")));
        String personId = JsonPath.read(person.getContentAsString(), "$.id");
        String id = JsonPath.read(send(registrar, "/api/v1/asylum/applications",
                "{\"personId\": \"%s\", \"lodgedOn\": \"2026-03-18\", \"lodgedAt\": \"Almaty\"}".formatted(personId)).getContentAsString(), "$.id");
        ok(send(registrar, "/api/v1/asylum/applications/" + id + "/transitions", "{\"action\": \"REGISTER\", \"registeredOn\": \"2026-03-20\"}"));
        ok(send(registrar, "/api/v1/asylum/applications/" + id + "/transitions", "{\"action\": \"RECORD_FINGERPRINTS\", \"takenOn\": \"2026-03-22\"}"));
        return id;
    }

    @Test
    void anEligibilityOfficerTakesACaseAndGivesItBackEachRecordedInTheHistoryAndAudited() throws Exception {
        String id = registered();
        assertThat((String) JsonPath.read(view(eligibility, id), "$.assignedTo")).isNull();

        String taken = ok(assign(eligibility, id, "eligibility.officer", version(id)));

        assertThat((String) JsonPath.read(taken, "$.assignedTo")).isEqualTo("eligibility.officer");
        assertThat((List<String>) JsonPath.read(taken, "$.history[?(@.action == 'ASSIGN')].details")).containsExactly("assigned to eligibility.officer");
        assertThat((List<String>) JsonPath.read(taken, "$.history[?(@.action == 'ASSIGN')].recordedBy")).containsExactly("eligibility.officer");
        assertThat((List<String>) JsonPath.read(taken, "$.allowedActions")).as("assignment is no transition").doesNotContain("ASSIGN");
        assertThat(jdbc.sql("SELECT assigned_at FROM asylum_application WHERE id = :id").param("id", UUID.fromString(id))
                .query(java.time.OffsetDateTime.class).single()).isNotNull();

        String given = ok(assign(eligibility, id, null, ((Number) JsonPath.read(taken, "$.version")).longValue()));
        assertThat((String) JsonPath.read(given, "$.assignedTo")).isNull();
        assertThat(assignEvents(id)).isEqualTo(2);
        audit.seal();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ASYLUM_ASSIGN' AND outcome = 'SUCCESS' AND actor = 'eligibility.officer'"
                + " AND details = (SELECT number FROM asylum_application WHERE id = :id)").param("id", UUID.fromString(id)).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void aDecisionMakerAssignsToAnyEligibleColleagueAndReassigns() throws Exception {
        String id = registered();
        ok(assign(decider, id, "decision.maker2", version(id)));
        assertThat(assignedTo(id)).isEqualTo("decision.maker2");
        String reassigned = ok(assign(decider, id, "Eligibility.Officer ", version(id)));
        assertThat((String) JsonPath.read(reassigned, "$.assignedTo")).isEqualTo("eligibility.officer");
        assertThat((List<String>) JsonPath.read(reassigned, "$.history[?(@.action == 'ASSIGN')].details"))
                .containsExactly("assigned to decision.maker2", "assigned to eligibility.officer (was decision.maker2)");
        // An eligibility officer does not take a colleague's case over: the decision maker reassigns it.
        ok(assign(decider, id, "decision.maker2", version(id)));
        MockHttpServletResponse takeOver = assign(eligibility, id, "eligibility.officer", version(id));
        assertThat(takeOver.getStatus()).isEqualTo(409);
        assertThat(assign(eligibility, id, null, version(id)).getStatus()).as("nor gives it back").isEqualTo(409);
        assertThat(assignedTo(id)).isEqualTo("decision.maker2");
        String unassigned = ok(assign(decider, id, null, version(id)));
        assertThat((String) JsonPath.read(unassigned, "$.assignedTo")).isNull();
        assertThat(assignEvents(id)).isEqualTo(4);
    }

    @Test
    void theAssigneeIsNotSetThroughLodgingOrTransitions() throws Exception {
        String id = registered();
        MockHttpServletResponse transition = send(eligibility, "/api/v1/asylum/applications/" + id + "/transitions",
                "{\"action\": \"EXTEND_CONSIDERATION\", \"reason\": \"checks\", \"assignedTo\": \"eligibility.officer\"}");
        assertThat(transition.getStatus()).isEqualTo(400);
        String person = JsonPath.read(view(decider, id), "$.personId");
        MockHttpServletResponse lodging = send(registrar, "/api/v1/asylum/applications",
                "{\"personId\": \"%s\", \"lodgedOn\": \"2026-03-18\", \"lodgedAt\": \"Almaty\", \"assignedTo\": \"eligibility.officer\"}"
                        .formatted(person));
        assertThat(lodging.getStatus()).isEqualTo(400);
        assertThat(assignedTo(id)).isNull();
        assertThat(assign(eligibility, id, "eligibility.officer", version(id)).getStatus()).isEqualTo(200);
        assertThat(ok(assign(eligibility, id, "eligibility.officer", version(id)))).as("taking one's own case again changes nothing").isNotEmpty();
        assertThat(assignEvents(id)).isEqualTo(1);
    }

    @Test
    void otherRolesAreRefusedWith403AndAnEligibilityOfficerAssignsNobodyButThemselves() throws Exception {
        String id = registered();
        long version = version(id);
        for (String user : List.of("registration.officer", "appeals.officer", "unhcr.monitor")) {
            MockHttpServletResponse refused = assign(TestApi.bearer(mvc, user), id, "eligibility.officer", version);
            assertThat(refused.getStatus()).as(user).isEqualTo(403);
            assertThat(refused.getContentType()).contains("application/problem+json");
        }
        assertThat(assign(TestApi.bearer(mvc, "border.officer"), id, "eligibility.officer", version).getStatus()).isEqualTo(403);
        assertThat(assign(eligibility, id, "decision.maker2", version).getStatus()).as("only for themselves").isEqualTo(403);
        assertThat(assignedTo(id)).isNull();
        assertThat(assignEvents(id)).isZero();
        audit.seal();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ASYLUM_ASSIGN' AND outcome = 'DENIED' AND actor = 'registration.officer'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void aCaseOfAnotherJurisdictionIsNotFoundAndTheAttemptAudited() throws Exception {
        String id = registered();
        long version = version(id);
        jdbc.sql("UPDATE asylum_application SET jurisdiction = 'UZB' WHERE id = :id").param("id", UUID.fromString(id)).update();

        MockHttpServletResponse hidden = assign(eligibility, id, "eligibility.officer", version);

        assertThat(hidden.getStatus()).isEqualTo(404);
        assertThat(assign(decider, UUID.randomUUID().toString(), "eligibility.officer", 0).getStatus()).isEqualTo(404);
        assertThat(assignedTo(id)).isNull();
        audit.seal();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ASYLUM_ASSIGN' AND outcome = 'DENIED' AND subject_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anUnknownOrIneligibleAssigneeIsRefusedOnTheUsernameField() throws Exception {
        String id = registered();
        long version = version(id);
        for (String username : List.of("nobody.here", "registration.officer", "border.officer", "appeals.officer")) {
            MockHttpServletResponse refused = assign(decider, id, username, version);
            assertThat(refused.getStatus()).as(username).isEqualTo(422);
            assertThat(refused.getContentAsString()).contains("\"username\"");
        }
        // A deactivated colleague is no longer given work.
        jdbc.sql("UPDATE access_user SET active = FALSE WHERE username = 'decision.maker2'").update();
        try {
            assertThat(assign(decider, id, "decision.maker2", version).getStatus()).isEqualTo(422);
        } finally {
            jdbc.sql("UPDATE access_user SET active = TRUE WHERE username = 'decision.maker2'").update();
        }
        assertThat(assignedTo(id)).isNull();
        assertThat(version(id)).isEqualTo(version);
    }

    @Test
    void aStaleVersionIs409AndChangesNothing() throws Exception {
        String id = registered();
        long seen = version(id);
        ok(assign(decider, id, "decision.maker2", seen));

        MockHttpServletResponse stale = assign(decider, id, "eligibility.officer", seen);

        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString()).contains("concurrent-change");
        assertThat(assignedTo(id)).isEqualTo("decision.maker2");
        assertThat(assignEvents(id)).isEqualTo(1);
        assertThat(version(id)).isEqualTo(seen + 1);
    }

    @Test
    void aClosedCaseIsNotAssigned() throws Exception {
        String id = registered();
        ok(send(registrar, "/api/v1/asylum/applications/" + id + "/transitions", "{\"action\": \"WITHDRAW\", \"on\": \"2026-03-25\"}"));
        MockHttpServletResponse closed = assign(decider, id, "eligibility.officer", version(id));
        assertThat(closed.getStatus()).isEqualTo(409);
        assertThat(assignedTo(id)).isNull();
    }

    @Test
    void theMineQueueListsOnlyTheCallersOpenCases() throws Exception {
        String mine = registered();
        String theirs = registered();
        String closed = registered();
        ok(assign(eligibility, mine, "eligibility.officer", version(mine)));
        ok(assign(decider, theirs, "decision.maker2", version(theirs)));
        ok(assign(eligibility, closed, "eligibility.officer", version(closed)));
        ok(send(registrar, "/api/v1/asylum/applications/" + closed + "/transitions", "{\"action\": \"WITHDRAW\", \"on\": \"2026-03-25\"}"));

        String queue = ok(mvc.perform(get("/api/v1/asylum/applications/queues/mine?size=100").header("Authorization", eligibility))
                .andReturn().getResponse());

        List<String> ids = JsonPath.read(queue, "$.items[*].id");
        assertThat(ids).contains(mine).doesNotContain(theirs, closed);
        assertThat((List<String>) JsonPath.read(queue, "$.items[*].assignedTo")).containsOnly("eligibility.officer");
        String other = ok(mvc.perform(get("/api/v1/asylum/applications/queues/mine?size=100").header("Authorization", TestApi.bearer(mvc, "decision.maker2")))
                .andReturn().getResponse());
        assertThat((List<String>) JsonPath.read(other, "$.items[*].id")).contains(theirs).doesNotContain(mine);
        assertThat(mvc.perform(get("/api/v1/asylum/applications/queues/mine").header("Authorization", registrar)).andReturn().getResponse()
                .getStatus()).as("registration officers are not assigned cases").isEqualTo(403);
        assertThat(mvc.perform(get("/api/v1/asylum/applications/queues/overdue").header("Authorization", eligibility)).andReturn().getResponse()
                .getStatus()).as("the other queues still answer").isEqualTo(200);
    }
}
