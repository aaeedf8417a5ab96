package org.pana.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pana.registration.PersonFixtures.aPerson;
import static org.pana.registration.PersonFixtures.change;
import static org.pana.registration.PersonFixtures.create;
import static org.pana.registration.PersonFixtures.read;
import static org.pana.registration.PersonFixtures.register;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
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

/** api.md "People (registration)": create, read, change with If-Match, history, search. */
@SpringBootTest
@AutoConfigureMockMvc
class PersonApiTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    String officer;

    @BeforeEach
    void signIn() throws Exception {
        officer = TestApi.bearer(mvc, "registration.officer");
    }

    private long count(String sql, Object id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    @Test
    void registersAPersonWithANumberLocationAndETag() throws Exception {
        MockHttpServletResponse response = create(mvc, officer, aPerson());
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        String body = response.getContentAsString();
        String id = JsonPath.read(body, "$.id");
        assertThat(response.getHeader("Location")).isEqualTo("/api/v1/persons/" + id);
        assertThat(response.getHeader("ETag")).isEqualTo("\"0\"");
        assertThat((String) JsonPath.read(body, "$.registrationNumber")).matches("KAZ-\\d{2}-\\d{6}");
        assertThat((String) JsonPath.read(body, "$.names[0].given")).isEqualTo("Мухаммад");
        assertThat((String) JsonPath.read(body, "$.names[1].family")).isEqualTo("کریمی");
        assertThat((String) JsonPath.read(body, "$.birthDatePrecision")).isEqualTo("YEAR");
        assertThat((List<String>) JsonPath.read(body, "$.languages")).containsExactly("prs", "rus");
        assertThat((String) JsonPath.read(body, "$.createdAt")).isNotBlank();
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'PERSON_REGISTERED' AND subject_id = :id", id)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM registration_person_change WHERE person_id = :id AND kind = 'REGISTERED'", UUID.fromString(id))).isEqualTo(1);
    }

    @Test
    void readsAPersonWithItsETagAndAuditsTheRead() throws Exception {
        String id = register(mvc, officer, aPerson());
        MockHttpServletResponse response = read(mvc, officer, id);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("ETag")).isEqualTo("\"0\"");
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        assertThat((String) JsonPath.read(response.getContentAsString(), "$.documents[0].type")).isEqualTo("PASSPORT");
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'PERSON_READ' AND subject_id = :id AND outcome = 'SUCCESS'", id)).isEqualTo(1);
    }

    @Test
    void answersAnUnknownIdWith404() throws Exception {
        MockHttpServletResponse response = read(mvc, officer, UUID.randomUUID().toString());
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentType()).startsWith("application/problem+json");
    }

    @Test
    void changesAPersonWithAMergePatchAndKeepsTheHistory() throws Exception {
        String id = register(mvc, officer, aPerson());
        MockHttpServletResponse changed = change(mvc, officer, id, "\"0\"", """
                {"reason": "Passport shown at interview", "birthDate": "1990-03-04", "birthDatePrecision": "DAY",
                 "languages": ["prs"], "occupation": "Driver"}""");
        assertThat(changed.getStatus()).as(changed.getContentAsString()).isEqualTo(200);
        assertThat(changed.getHeader("ETag")).isEqualTo("\"1\"");
        String body = changed.getContentAsString();
        assertThat((String) JsonPath.read(body, "$.birthDate")).isEqualTo("1990-03-04");
        assertThat((List<String>) JsonPath.read(body, "$.languages")).containsExactly("prs");
        assertThat((List<?>) JsonPath.read(body, "$.names")).hasSize(2);

        MockHttpServletResponse removed = change(mvc, officer, id, "\"1\"", "{\"reason\": \"Not a driver\", \"occupation\": null}");
        assertThat(removed.getStatus()).isEqualTo(200);
        assertThat(removed.getContentAsString()).doesNotContain("occupation");

        String history = mvc.perform(get("/api/v1/persons/" + id + "/history").header("Authorization", officer))
                .andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(history, "$.total")).isEqualTo(3);
        assertThat((String) JsonPath.read(history, "$.items[0].reason")).isEqualTo("Not a driver");
        assertThat((String) JsonPath.read(history, "$.items[1].reason")).isEqualTo("Passport shown at interview");
        assertThat((String) JsonPath.read(history, "$.items[1].actor.username")).isEqualTo("registration.officer");
        assertThat((String) JsonPath.read(history, "$.items[1].actor.organisation")).isNotBlank();
        assertThat((List<String>) JsonPath.read(history, "$.items[1].changes[*].field"))
                .containsExactlyInAnyOrder("birthDate", "birthDatePrecision", "languages", "occupation");
        assertThat((List<String>) JsonPath.read(history, "$.items[1].changes[?(@.field == 'birthDate')].before")).containsExactly("1990-01-01");
        assertThat((List<String>) JsonPath.read(history, "$.items[1].changes[?(@.field == 'birthDate')].after")).containsExactly("1990-03-04");
        assertThat((String) JsonPath.read(history, "$.items[2].kind")).isEqualTo("REGISTERED");
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'PERSON_UPDATED' AND subject_id = :id", id)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'PERSON_HISTORY_READ' AND subject_id = :id", id)).isEqualTo(1);
    }

    @Test
    void acceptsAMergePatchSentAsPlainJson() throws Exception {
        String id = register(mvc, officer, aPerson());
        MockHttpServletResponse response = mvc.perform(patch("/api/v1/persons/" + id).header("Authorization", officer)
                .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"Typo\", \"sex\": \"UNKNOWN\"}")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat((String) JsonPath.read(response.getContentAsString(), "$.sex")).isEqualTo("UNKNOWN");
    }

    @Test
    void replacesArraysWholeInAMergePatch() throws Exception {
        String id = register(mvc, officer, aPerson());
        MockHttpServletResponse response = change(mvc, officer, id, "\"0\"", """
                {"reason": "Declared name only", "names": [{"given": "Mohammad", "family": "Karimi", "script": "Latn", "kind": "DECLARED"}]}""");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat((List<String>) JsonPath.read(response.getContentAsString(), "$.names[*].given")).containsExactly("Mohammad");
    }

    @Test
    void refusesAChangeWithoutAReason() throws Exception {
        String id = register(mvc, officer, aPerson());
        MockHttpServletResponse response = change(mvc, officer, id, "\"0\"", "{\"occupation\": \"Driver\"}");
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat((List<String>) JsonPath.read(response.getContentAsString(), "$.errors[*].field")).containsExactly("reason");
        assertThat(count("SELECT version FROM registration_person WHERE id = :id", UUID.fromString(id))).isZero();
    }

    @Test
    void refusesAStaleIfMatchWith412() throws Exception {
        String id = register(mvc, officer, aPerson());
        assertThat(change(mvc, officer, id, "\"0\"", "{\"reason\": \"r\", \"occupation\": \"Driver\"}").getStatus()).isEqualTo(200);
        MockHttpServletResponse stale = change(mvc, officer, id, "\"0\"", "{\"reason\": \"r\", \"occupation\": \"Cook\"}");
        assertThat(stale.getStatus()).isEqualTo(412);
        assertThat(stale.getContentType()).startsWith("application/problem+json");
        assertThat(jdbc.sql("SELECT occupation FROM registration_person WHERE id = :id").param("id", UUID.fromString(id)).query(String.class).single())
                .isEqualTo("Driver");
    }

    @Test
    void refusesAMissingIfMatchWith428() throws Exception {
        String id = register(mvc, officer, aPerson());
        MockHttpServletResponse response = change(mvc, officer, id, null, "{\"reason\": \"r\", \"occupation\": \"Driver\"}");
        assertThat(response.getStatus()).isEqualTo(428);
        assertThat(count("SELECT version FROM registration_person WHERE id = :id", UUID.fromString(id))).isZero();
    }

    @Test
    void refusesAnUnknownFieldInAPatch() throws Exception {
        String id = register(mvc, officer, aPerson());
        MockHttpServletResponse response = change(mvc, officer, id, "\"0\"", "{\"reason\": \"r\", \"favouriteColour\": \"blue\"}");
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat((List<String>) JsonPath.read(response.getContentAsString(), "$.errors[*].field")).containsExactly("favouriteColour");
    }

    @Test
    void findsAPersonByRegistrationNumberDocumentNumberAndName() throws Exception {
        String document = PersonFixtures.uniqueDocumentNumber();
        String body = aPerson().replaceFirst("\"number\": \"[^\"]+\"", "\"number\": \"" + document + "\"");
        MockHttpServletResponse created = create(mvc, officer, body);
        String id = JsonPath.read(created.getContentAsString(), "$.id");
        String number = JsonPath.read(created.getContentAsString(), "$.registrationNumber");

        String byNumber = search(number.toLowerCase());
        assertThat((List<String>) JsonPath.read(byNumber, "$.items[*].id")).containsExactly(id);
        assertThat((Integer) JsonPath.read(byNumber, "$.total")).isEqualTo(1);

        String spaced = document.substring(0, 3) + " " + document.substring(3).toLowerCase();
        String byDocument = search(spaced);
        assertThat((List<String>) JsonPath.read(byDocument, "$.items[*].id")).containsExactly(id);
        assertThat((String) JsonPath.read(byDocument, "$.items[0].registrationNumber")).isEqualTo(number);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'PERSON_LISTED' AND subject_id = :id", id)).isEqualTo(2);

        String byName = search("Карими");
        assertThat((Integer) JsonPath.read(byName, "$.page")).isZero();
        assertThat((Integer) JsonPath.read(byName, "$.size")).isEqualTo(20);
        assertThat((Integer) JsonPath.read(byName, "$.total")).isNotNegative();
    }

    @Test
    void refusesAnEmptySearchAndAnOversizedPage() throws Exception {
        assertThat(mvc.perform(post("/api/v1/persons/search").header("Authorization", officer).contentType(MediaType.APPLICATION_JSON)
                .content("{\"query\": \"  \"}")).andReturn().getResponse().getStatus()).isEqualTo(422);
        assertThat(mvc.perform(post("/api/v1/persons/search").header("Authorization", officer).contentType(MediaType.APPLICATION_JSON)
                .content("{\"query\": \"Karimi\", \"size\": 1000}")).andReturn().getResponse().getStatus()).isEqualTo(422);
    }

    private String search(String query) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/v1/persons/search").header("Authorization", officer)
                .contentType(MediaType.APPLICATION_JSON).content("{\"query\": \"" + query + "\"}")).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }
}
