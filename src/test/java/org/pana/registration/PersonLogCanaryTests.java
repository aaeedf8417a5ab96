package org.pana.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * security.md #30 for people: canary names in three scripts and a canary document number, sent through
 * every person endpoint (valid and invalid, visible and hidden), reach neither the log at INFO nor the
 * audit trail.
 */
// A context of its own (the second property): like NoPersonalDataInLogsTests, this test needs the
// start-up log in its capture, which a context shared with that test would have written only once.
@SpringBootTest(properties = {"logging.level.root=INFO", "logging.level.org.pana.registration=INFO"})
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class PersonLogCanaryTests {

    static final String LATIN = "Qaswarcanaryzx";
    static final String CYRILLIC = "Касварканарейказ";
    static final String ARABIC = "قسوركناريز";
    static final String DOCUMENT = "CANARY7Q9Z4412";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    private String person() {
        return """
                {"names": [{"given": "%s", "family": "%s", "script": "Latn", "kind": "DOCUMENT"},
                           {"given": "%s", "script": "Cyrl", "kind": "DECLARED"},
                           {"given": "%s", "script": "Arab", "kind": "DECLARED"}],
                 "sex": "MALE", "birthDate": "1991-05-05", "nationalities": ["SYR"],
                 "documents": [{"type": "PASSPORT", "number": "%s", "issuingCountry": "SYR"}]}""".formatted(LATIN, LATIN, CYRILLIC, ARABIC, DOCUMENT);
    }

    @Test
    void writesNoNameOrDocumentNumberToTheLogOrTheAuditTrail(CapturedOutput log) throws Exception {
        String officer = TestApi.bearer(mvc, "registration.officer");
        String partner = TestApi.bearer(mvc, "legal.partner");
        String created = PersonFixtures.create(mvc, officer, person()).getContentAsString();
        String id = JsonPath.read(created, "$.id");
        PersonFixtures.read(mvc, officer, id);
        PersonFixtures.read(mvc, partner, id);
        PersonFixtures.change(mvc, officer, id, "\"0\"", "{\"reason\": \"" + CYRILLIC + "\", \"occupation\": \"" + ARABIC + "\"}");
        PersonFixtures.change(mvc, officer, id, "\"0\"", "{\"reason\": \"stale\", \"occupation\": \"" + LATIN + "\"}");
        PersonFixtures.change(mvc, partner, id, "\"1\"", "{\"reason\": \"x\", \"occupation\": \"" + LATIN + "\"}");
        PersonFixtures.create(mvc, officer, person().replace("1991-05-05", "2026-02-30").replace(LATIN + "\"", LATIN + "\\u202e\""));
        PersonFixtures.create(mvc, officer, person().replace("\"sex\"", "\"" + LATIN + "\": 1, \"sex\""));
        PersonFixtures.create(mvc, officer, "{\"names\": [\"" + CYRILLIC);
        for (String query : List.of(LATIN, CYRILLIC, ARABIC, DOCUMENT)) {
            for (String token : List.of(officer, partner)) {
                mvc.perform(post("/api/v1/persons/search").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"query\": \"" + query + "\"}"));
            }
        }
        mvc.perform(post("/api/v1/persons/duplicate-candidates").header("Authorization", officer).contentType(MediaType.APPLICATION_JSON)
                .content(person()));
        mvc.perform(post("/api/v1/persons/batch").header("Authorization", officer).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).content("[" + person() + "," + person().replace("SYR\"]", "ZZZ\"]") + "]"));

        String audit = String.join("\n", jdbc.sql("SELECT concat(coalesce(actor, ''), '|', coalesce(subject_id, ''), '|', coalesce(purpose, ''), '|', "
                + "coalesce(details, '')) FROM audit_event").query(String.class).list());
        assertThat(log.getAll()).isNotEmpty();
        for (String canary : new String[] {LATIN, CYRILLIC, ARABIC, DOCUMENT}) {
            assertThat(log.getAll()).as(canary).doesNotContain(canary);
            assertThat(audit).as(canary).doesNotContain(canary);
        }
    }
}
