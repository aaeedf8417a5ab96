package org.pana.border;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
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

@SpringBootTest
@AutoConfigureMockMvc
class RemovalCheckTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail audit;

    String registrar;
    String borderOfficer;

    @BeforeEach
    void signIn() throws Exception {
        registrar = TestApi.bearer(mvc, "registration.officer");
        borderOfficer = TestApi.bearer(mvc, "border.officer");
    }

    private String register(String specificNeeds) throws Exception {
        String body = """
                {"jurisdiction": "KAZ",
                 "names": [{"given": "Хамид", "family": "Носири", "script": "Cyrl", "kind": "DOCUMENT"}],
                 "sex": "MALE", "birthDate": "1988-04-02", "birthDatePrecision": "DAY", "nationalities": ["AFG"],
                 "languages": ["prs"],
                 "documents": [{"type": "PASSPORT", "number": "R%d", "issuingCountry": "AFG", "expiresOn": "2029-01-31"}],
                 "specificNeeds": %s}""".formatted(ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999), specificNeeds);
        MockHttpServletResponse created = mvc.perform(post("/api/v1/persons").header("Authorization", registrar)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        return JsonPath.read(created.getContentAsString(), "$.id");
    }

    private MockHttpServletResponse check(String token, String body) throws Exception {
        return mvc.perform(post("/api/v1/removal-checks").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse();
    }

    private long audited(String outcome, String personId) {
        audit.seal();
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'REMOVAL_CHECKED' AND outcome = :o AND subject_id = :id")
                .param("o", outcome).param("id", personId).query(Long.class).single();
    }

    @Test
    void allowsTheRemovalOfAPersonWithNoGroundAndAuditsTheCheck() throws Exception {
        String person = register("[]");
        MockHttpServletResponse answer = check(borderOfficer, "{\"personId\": \"" + person + "\"}");
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat((Boolean) JsonPath.read(answer.getContentAsString(), "$.removalAllowed")).isTrue();
        assertThat((List<?>) JsonPath.read(answer.getContentAsString(), "$.grounds")).isEmpty();
        assertThat(audited("SUCCESS", person)).isEqualTo(1);
    }

    @Test
    void blocksTheRemovalOfAPersonAtRiskOfRefoulementAndSaysSince() throws Exception {
        String person = register("[\"LP-RR\"]");
        MockHttpServletResponse answer = check(TestApi.bearer(mvc, "migration.officer"), "{\"personId\": \"" + person + "\"}");
        assertThat(answer.getStatus()).isEqualTo(200);
        String json = answer.getContentAsString();
        assertThat((Boolean) JsonPath.read(json, "$.removalAllowed")).isFalse();
        assertThat((String) JsonPath.read(json, "$.grounds[0].kind")).isEqualTo("SPECIFIC_NEED_LP_RR");
        assertThat((String) JsonPath.read(json, "$.grounds[0].since")).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(json).doesNotContain("Хамид", "Носири");
        audit.seal();
        assertThat(jdbc.sql("SELECT details FROM audit_event WHERE action = 'REMOVAL_CHECKED' AND subject_id = :id")
                .param("id", person).query(String.class).single()).contains("SPECIFIC_NEED_LP_RR");
    }

    @Test
    void refusesRolesThatDoNotRemovePeople() throws Exception {
        String person = register("[]");
        for (String user : List.of("registration.officer", "unhcr.monitor", "legal.partner", "auditor")) {
            assertThat(check(TestApi.bearer(mvc, user), "{\"personId\": \"" + person + "\"}").getStatus()).as(user).isEqualTo(403);
        }
        assertThat(audited("SUCCESS", person)).isZero();
    }

    @Test
    void answersNotFoundForAnUnknownPersonAndAuditsTheAttempt() throws Exception {
        String unknown = UUID.randomUUID().toString();
        MockHttpServletResponse answer = check(borderOfficer, "{\"personId\": \"" + unknown + "\"}");
        assertThat(answer.getStatus()).isEqualTo(404);
        assertThat(answer.getContentType()).contains("application/problem+json");
        assertThat(audited("DENIED", unknown)).isEqualTo(1);
    }

    @Test
    void refusesAMissingOrMalformedPersonIdWithAProblem() throws Exception {
        MockHttpServletResponse missing = check(borderOfficer, "{}");
        assertThat(missing.getStatus()).isEqualTo(422);
        assertThat(missing.getContentAsString()).contains("personId");
        assertThat(check(borderOfficer, "{\"personId\": \"not-a-uuid\"}").getStatus()).isEqualTo(400);
        assertThat(check(borderOfficer, "{\"personId\": \"" + UUID.randomUUID() + "\", \"force\": true}").getStatus()).isEqualTo(400);
    }
}
