package org.pana.asylum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every transition the state machine forbids in a state answers 409 and changes nothing; every transition tried by
 * a role that may not take it answers 403 (or 404 where the caller may not see the case), also changing nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AsylumTransitionSweepTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    /** The user who holds the role for each action (drafts are made by eligibility.officer, so decision.maker2 is a second pair of eyes). */
    static final Map<AsylumAction, String> ACTOR = new LinkedHashMap<>();

    static {
        for (AsylumAction action : AsylumAction.values()) {
            if (!action.transition()) continue;
            ACTOR.put(action, switch (action) {
                case REGISTER, RECORD_FINGERPRINTS, NOTIFY, WITHDRAW -> "registration.officer";
                case EXTEND_CONSIDERATION, SCHEDULE_INTERVIEW, RECORD_INTERVIEW, RECORD_NO_SHOW, SUBMIT_ASSESSMENT, DRAFT_DECISION -> "eligibility.officer";
                case APPROVE_DECISION, RETURN_DECISION, EXTEND_STATUS, TERMINATE_STATUS, DEPRIVE_STATUS -> "decision.maker2";
                case LODGE_APPEAL, DECIDE_APPEAL -> "appeals.officer";
                default -> throw new IllegalStateException(action.name());
            });
        }
    }

    final Map<String, String> tokens = new LinkedHashMap<>();

    String token(String user) throws Exception {
        String token = tokens.get(user);
        if (token == null) tokens.put(user, token = TestApi.bearer(mvc, user));
        return token;
    }

    MockHttpServletResponse send(String user, String path, String body) throws Exception {
        return mvc.perform(post(path).header("Authorization", token(user)).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
    }

    void step(String id, AsylumAction action, String fields) throws Exception {
        MockHttpServletResponse response = send(ACTOR.get(action), "/api/v1/asylum/applications/" + id + "/transitions",
                "{\"action\": \"" + action + "\"" + fields + "}");
        assertThat(response.getStatus()).as(action + " " + response.getContentAsString()).isEqualTo(200);
    }

    List<String> allowed(String user, String id) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/v1/asylum/applications/" + id).header("Authorization", token(user))).andReturn().getResponse()
                .getContentAsString(), "$.allowedActions");
    }

    String snapshot(String id) {
        return jdbc.sql("SELECT status || ':' || version FROM asylum_application WHERE id = :id").param("id", UUID.fromString(id)).query(String.class).single()
                + ":" + jdbc.sql("SELECT count(*) FROM asylum_application_event WHERE application_id = :id").param("id", UUID.fromString(id))
                .query(Long.class).single();
    }

    /** Valid-looking fields for every action, so that only the state (or the role) can be the reason for a refusal. */
    String fields(LocalDate today) {
        return (", \"registeredOn\": \"%1$s\", \"takenOn\": \"%1$s\", \"reason\": \"r\", \"on\": \"%1$s\", \"at\": \"%2$s\", \"place\": \"p\","
                + " \"heldOn\": \"%1$s\", \"record\": \"r\", \"recommendation\": \"REJECT\", \"summary\": \"s\", \"exclusionConsidered\": true,"
                + " \"outcome\": \"REJECTED\", \"reasons\": \"r\", \"notifiedOn\": \"%1$s\", \"level\": \"ADMINISTRATIVE\", \"lodgedOn\": \"%1$s\","
                + " \"decidedOn\": \"%1$s\", \"ground\": \"RENUNCIATION\"").formatted(today, clock.instant());
    }

    @Test
    void everyForbiddenTransitionIn409AndEveryForbiddenRoleIn403ChangesNothing() throws Exception {
        LocalDate today = clock.instant().atZone(ZoneId.of("Asia/Almaty")).toLocalDate();
        String person = JsonPath.read(send("registration.officer", "/api/v1/persons", """
                {"jurisdiction": "KAZ", "names": [{"given": "Sweep", "family": "Case%s", "script": "Latn", "kind": "DECLARED"}],
                 "sex": "FEMALE", "birthDate": "1980-01-01", "birthDatePrecision": "YEAR", "nationalities": ["SYR"]}"""
                .formatted(UUID.randomUUID().toString().substring(0, 5).replaceAll("[0-9]", "z"))).getContentAsString(), "$.id");
        String id = JsonPath.read(send("registration.officer", "/api/v1/asylum/applications",
                "{\"personId\": \"%s\", \"lodgedOn\": \"%s\", \"lodgedAt\": \"Almaty\"}".formatted(person, today)).getContentAsString(), "$.id");
        // The path through the states; after each step, every action is tried.
        List<Map.Entry<AsylumAction, String>> path = List.of(
                Map.entry(AsylumAction.REGISTER, ", \"registeredOn\": \"" + today + "\""),
                Map.entry(AsylumAction.RECORD_FINGERPRINTS, ", \"takenOn\": \"" + today + "\""),
                Map.entry(AsylumAction.SCHEDULE_INTERVIEW, ", \"at\": \"" + clock.instant() + "\", \"place\": \"Almaty\""),
                Map.entry(AsylumAction.RECORD_INTERVIEW, ", \"heldOn\": \"" + today + "\", \"record\": \"Q and A\""),
                Map.entry(AsylumAction.SUBMIT_ASSESSMENT, ", \"recommendation\": \"REJECT\", \"summary\": \"s\", \"exclusionConsidered\": true"),
                Map.entry(AsylumAction.DRAFT_DECISION, ", \"outcome\": \"REJECTED\", \"reasons\": \"r\""),
                Map.entry(AsylumAction.APPROVE_DECISION, ""),
                Map.entry(AsylumAction.NOTIFY, ", \"notifiedOn\": \"" + today + "\""),
                Map.entry(AsylumAction.LODGE_APPEAL, ", \"level\": \"ADMINISTRATIVE\", \"lodgedOn\": \"" + today + "\""));
        List<String> checked = new ArrayList<>();
        for (int i = 0; i <= path.size(); i++) {
            String state = snapshot(id);
            for (var entry : ACTOR.entrySet()) {
                AsylumAction action = entry.getKey();
                if (allowed(entry.getValue(), id).contains(action.name())) continue;
                MockHttpServletResponse refused = send(entry.getValue(), "/api/v1/asylum/applications/" + id + "/transitions",
                        "{\"action\": \"" + action + "\"" + fields(today) + "}");
                assertThat(refused.getStatus()).as(action + " in " + state + ": " + refused.getContentAsString()).isEqualTo(409);
                assertThat(snapshot(id)).as(action + " changed nothing").isEqualTo(state);
                checked.add(action + "@" + state.split(":")[0]);
            }
            for (var entry : ACTOR.entrySet()) {
                for (String outsider : List.of("border.officer", "unhcr.monitor", entry.getValue().equals("appeals.officer") ? "decision.maker" : "appeals.officer")) {
                    MockHttpServletResponse refused = send(outsider, "/api/v1/asylum/applications/" + id + "/transitions",
                            "{\"action\": \"" + entry.getKey() + "\"" + fields(today) + "}");
                    assertThat(refused.getStatus()).as(entry.getKey() + " by " + outsider).isIn(403, 404);
                    assertThat(snapshot(id)).isEqualTo(state);
                }
            }
            if (i < path.size()) step(id, path.get(i).getKey(), path.get(i).getValue());
        }
        assertThat(checked).as("refusals tried").hasSizeGreaterThan(100);
    }
}
