package org.pana.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class AuditApiTests {

    @Autowired MockMvc mvc;
    @Autowired AuditTrail trail;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired JsonMapper json;

    @Test
    @WithMockUser(username = "registrar1", roles = "REGISTRATION_OFFICER")
    void refusesCallersWhoAreNotAuditors() throws Exception {
        mvc.perform(get("/api/v1/audit/events")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit/verify")).andExpect(status().isForbidden());
    }

    @Test
    void refusesCallersWhoAreNotSignedIn() throws Exception {
        int status = mvc.perform(get("/api/v1/audit/events")).andReturn().getResponse().getStatus();
        // The final answer (401 for the API) belongs to the access module's security configuration.
        assertThat(status).isIn(401, 403, 302);
    }

    @Test
    @WithMockUser(username = "auditor1", roles = "AUDITOR")
    void listsTheEventsAboutOneRecordNewestFirstOnePageAtATime() throws Exception {
        String subject = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            trail.record(AuditFixtures.anActor("officer" + i), AuditFixtures.aPersonRead(subject));
        }

        JsonNode first = read("/api/v1/audit/events?subjectId=" + subject + "&size=2");
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("total").asLong()).isEqualTo(5);
        assertThat(first.get("items")).hasSize(2);
        JsonNode newest = first.get("items").get(0);
        assertThat(fieldNames(newest)).containsExactlyInAnyOrder("at", "actor", "organisation", "action", "subjectType",
                "subjectId", "outcome", "seq", "id", "clientAddress", "purpose");
        assertThat(newest.get("actor").asString()).isEqualTo("officer4");
        assertThat(newest.get("organisation").asString()).isEqualTo("Border Service");
        assertThat(newest.get("action").asString()).isEqualTo("PERSON_READ");
        assertThat(newest.get("subjectType").asString()).isEqualTo("PERSON");
        assertThat(newest.get("subjectId").asString()).isEqualTo(subject);
        assertThat(newest.get("outcome").asString()).isEqualTo("SUCCESS");
        assertThat(newest.get("purpose").asString()).isEqualTo("case review");
        assertThat(newest.get("clientAddress").asString()).isEqualTo("10.0.0.7");
        assertThat(newest.get("at").asString()).endsWith("Z");
        assertThat(newest.get("seq").asLong()).isGreaterThan(first.get("items").get(1).get("seq").asLong());

        JsonNode last = read("/api/v1/audit/events?subjectId=" + subject + "&size=2&page=2");
        assertThat(last.get("items")).hasSize(1);
        assertThat(last.get("items").get(0).get("actor").asString()).isEqualTo("officer0");
    }

    @Test
    @WithMockUser(username = "auditor1", roles = "AUDITOR")
    void filtersByActorAndByTime() throws Exception {
        String actor = "actor-" + UUID.randomUUID().toString().substring(0, 8);
        trail.record(AuditFixtures.anActor(actor), AuditFixtures.aPersonRead("p-1"));
        trail.record(AuditFixtures.anActor("someone-else"), AuditFixtures.aPersonRead("p-1"));
        trail.record(AuditFixtures.anActor(actor), AuditFixtures.aPersonRead("p-2"));

        JsonNode byActor = read("/api/v1/audit/events?actor=" + actor);
        assertThat(byActor.get("total").asLong()).isEqualTo(2);
        assertThat(byActor.get("items")).extracting(item -> item.get("subjectId").asString()).containsExactly("p-2", "p-1");

        String firstAt = byActor.get("items").get(1).get("at").asString();
        assertThat(read("/api/v1/audit/events?actor=" + actor + "&from=" + firstAt).get("total").asLong()).isEqualTo(2);
        assertThat(read("/api/v1/audit/events?actor=" + actor + "&to=" + firstAt).get("total").asLong()).isZero();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(read("/api/v1/audit/events?actor=" + actor + "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1))
                .get("total").asLong()).isEqualTo(2);
        assertThat(read("/api/v1/audit/events?actor=" + actor + "&from=2000-01-01&to=2000-12-31").get("total").asLong()).isZero();
    }

    @Test
    @WithMockUser(username = "auditor7", roles = "AUDITOR")
    void recordsThatAnAuditorReadTheTrail() throws Exception {
        String subject = UUID.randomUUID().toString();
        read("/api/v1/audit/events?subjectId=" + subject);

        var read = jdbc.sql("SELECT actor, outcome, subject_type, details FROM audit_event ORDER BY seq DESC LIMIT 1")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).single();
        assertThat(read).containsExactly("auditor7", "SUCCESS", "AUDIT_TRAIL", "subjectId=" + subject + " page=0 size=50");
        assertThat(jdbc.sql("SELECT action FROM audit_event ORDER BY seq DESC LIMIT 1").query(String.class).single())
                .isEqualTo("AUDIT_EVENTS_READ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=yesterday", "to=2026-13-01", "from=2026-03-01T10:00", "size=0", "size=10000", "size=ten",
            "page=-1", "page=1.5", "from=2026-03-02&to=2026-03-01"})
    @WithMockUser(roles = "AUDITOR")
    void answersBadParametersWithAProblem(String query) throws Exception {
        mvc.perform(get("/api/v1/audit/events?" + query))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.type").value("urn:pana:problem:validation"))
                .andExpect(jsonPath("$.errors[0].field").exists());
    }

    @Test
    @WithMockUser(roles = "AUDITOR")
    void reportsAnIntactChain() throws Exception {
        trail.record(AuditFixtures.anActor("officer1"), AuditFixtures.aPersonRead("p-9"));
        long events = jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();

        JsonNode verification = read("/api/v1/audit/verify");

        assertThat(fieldNames(verification)).containsExactlyInAnyOrder("intact", "events");
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("events").asLong()).isEqualTo(events);
    }

    @Test
    @WithMockUser(roles = "AUDITOR")
    void namesTheExactEventThatWasTamperedWith() throws Exception {
        for (int i = 0; i < 3; i++) {
            trail.record(AuditFixtures.anActor("officer1"), AuditFixtures.aPersonRead("p-" + i));
        }
        long seq = jdbc.sql("SELECT MAX(seq) FROM audit_event").query(Long.class).single() - 1;
        UUID id = jdbc.sql("SELECT id FROM audit_event WHERE seq = ?").param(seq).query(UUID.class).single();

        JsonNode verification = transactions.execute(status -> {
            status.setRollbackOnly();
            Tampering.allowChangesInThisTransaction(jdbc);
            jdbc.sql("UPDATE audit_event SET subject_id = 'someone-else' WHERE seq = ?").param(seq).update();
            return read("/api/v1/audit/verify");
        });

        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(verification.get("firstBrokenEvent").get("seq").asLong()).isEqualTo(seq);
        assertThat(verification.get("firstBrokenEvent").get("id").asString()).isEqualTo(id.toString());
        assertThat(read("/api/v1/audit/verify").get("intact").asBoolean()).isTrue();
    }

    private JsonNode read(String url) {
        try {
            String body = mvc.perform(get(url)).andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith("application/json"))
                    .andReturn().getResponse().getContentAsString();
            return json.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
