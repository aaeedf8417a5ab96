package org.pana.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pana.registration.PersonFixtures.aPerson;
import static org.pana.registration.PersonFixtures.change;
import static org.pana.registration.PersonFixtures.create;
import static org.pana.registration.PersonFixtures.read;
import static org.pana.registration.PersonFixtures.register;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Need-to-know for people: security.md #1, #2, #3, #5, #6 and #8 for the registration module. */
@SpringBootTest
@AutoConfigureMockMvc
class PersonAccessTests {

    static final String CANARY_ETHNICITY = "Ethnicitycanary7k";
    static final String CANARY_RELIGION = "Religioncanary7k";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    String officer;

    @BeforeEach
    void signIn() throws Exception {
        officer = TestApi.bearer(mvc, "registration.officer");
    }

    private long deniedEvents(String action, String subjectId) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :action AND subject_id = :id AND outcome = 'DENIED'")
                .param("action", action).param("id", subjectId).query(Long.class).single();
    }

    /** Everything registration keeps, row by row: equal before and after means nothing changed. */
    private String registrationTables() {
        StringBuilder all = new StringBuilder();
        for (String table : List.of("registration_person", "registration_person_name", "registration_person_nationality",
                "registration_person_language", "registration_person_document", "registration_person_need",
                "registration_person_change", "registration_protection_review")) {
            List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM " + table).query().listOfRows();
            all.append(table).append(rows.stream().map(Object::toString).sorted().toList());
        }
        return all.toString();
    }

    /** A person of another jurisdiction, put straight into the tables. */
    private String aKyrgyzPerson() {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO registration_person (id, jurisdiction, registration_number, status, sex, created_at, updated_at, version)
                VALUES (:id, 'KGZ', :number, 'ACTIVE', 'MALE', :now, :now, 0)""")
                .param("id", id).param("number", "KGZ-26-" + String.valueOf(Math.abs(id.getLeastSignificantBits()) % 1_000_000 + 1_000_000).substring(1))
                .param("now", now).update();
        jdbc.sql("INSERT INTO registration_person_name (person_id, idx, given, family, script, kind) VALUES (:id, 0, 'Kyrgyzcanary', 'Asanov', 'Latn', 'DOCUMENT')")
                .param("id", id).update();
        return id.toString();
    }

    @Test
    void hidesEveryPersonFromPartnersWith404ShapedLikeAnUnknownIdAndAuditsTheDenial() throws Exception {
        String id = register(mvc, officer, aPerson());
        String partner = TestApi.bearer(mvc, "legal.partner");
        MockHttpServletResponse hidden = read(mvc, partner, id);
        MockHttpServletResponse unknown = read(mvc, partner, UUID.randomUUID().toString());
        assertThat(hidden.getStatus()).isEqualTo(404);
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(hidden.getContentType()).isEqualTo(unknown.getContentType());
        Map<String, Object> hiddenBody = JsonPath.read(hidden.getContentAsString(), "$");
        Map<String, Object> unknownBody = JsonPath.read(unknown.getContentAsString(), "$");
        hiddenBody.remove("instance");
        unknownBody.remove("instance");
        assertThat(hiddenBody).isEqualTo(unknownBody);
        assertThat(hidden.getContentAsString()).doesNotContain("Карими").doesNotContain(id.substring(0, 8) + "x");

        Map<String, Object> event = jdbc.sql("""
                SELECT actor, organisation, action, subject_type, outcome FROM audit_event WHERE subject_id = :id AND outcome = 'DENIED'""")
                .param("id", id).query().singleRow();
        assertThat(event).containsEntry("actor", "legal.partner").containsEntry("action", "PERSON_READ")
                .containsEntry("subject_type", "PERSON").containsEntry("outcome", "DENIED");
        assertThat((String) event.get("organisation")).isNotBlank();
    }

    @Test
    void answersEveryVerbAndSubResourceOnAHiddenPersonWith404AndChangesNothing() throws Exception {
        String id = register(mvc, officer, aPerson());
        String partner = TestApi.bearer(mvc, "legal.partner");
        String before = registrationTables();
        assertThat(change(mvc, partner, id, "\"0\"", "{\"reason\": \"x\", \"occupation\": \"Spy\"}").getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/v1/persons/" + id + "/history").header("Authorization", partner)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(registrationTables()).isEqualTo(before);
        assertThat(deniedEvents("PERSON_UPDATED", id)).isEqualTo(1);
        assertThat(deniedEvents("PERSON_HISTORY_READ", id)).isEqualTo(1);
    }

    @Test
    void keepsPeopleOfAnotherJurisdictionHiddenFromEveryVerb() throws Exception {
        String id = aKyrgyzPerson();
        String before = registrationTables();
        assertThat(read(mvc, officer, id).getStatus()).isEqualTo(404);
        assertThat(change(mvc, officer, id, "\"0\"", "{\"reason\": \"x\", \"occupation\": \"Spy\"}").getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/v1/persons/" + id + "/history").header("Authorization", officer)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(registrationTables()).isEqualTo(before);
        assertThat(deniedEvents("PERSON_READ", id)).isEqualTo(1);
        String search = mvc.perform(post("/api/v1/persons/search").header("Authorization", officer).contentType(MediaType.APPLICATION_JSON)
                .content("{\"query\": \"" + jdbc.sql("SELECT registration_number FROM registration_person WHERE id = :id")
                        .param("id", UUID.fromString(id)).query(String.class).single() + "\"}")).andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(search, "$.total")).isZero();
    }

    @Test
    void countsNoHiddenPersonInAPartnersSearch() throws Exception {
        MockHttpServletResponse created = create(mvc, officer, aPerson());
        String number = JsonPath.read(created.getContentAsString(), "$.registrationNumber");
        String document = JsonPath.read(created.getContentAsString(), "$.documents[0].number");
        String partner = TestApi.bearer(mvc, "legal.partner");
        for (String query : List.of(number, document, "Карими")) {
            MockHttpServletResponse response = mvc.perform(post("/api/v1/persons/search").header("Authorization", partner)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"query\": \"" + query + "\"}")).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat((Integer) JsonPath.read(response.getContentAsString(), "$.total")).as(query).isZero();
            assertThat((List<?>) JsonPath.read(response.getContentAsString(), "$.items")).isEmpty();
        }
        MockHttpServletResponse candidates = mvc.perform(post("/api/v1/persons/duplicate-candidates").header("Authorization", partner)
                .contentType(MediaType.APPLICATION_JSON).content(aPerson())).andReturn().getResponse();
        assertThat(candidates.getStatus()).isEqualTo(200);
        assertThat((List<?>) JsonPath.read(candidates.getContentAsString(), "$.candidates")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "auditor", "statistician"})
    void refusesPersonEndpointsToRolesWithoutCasework(String user) throws Exception {
        String id = register(mvc, officer, aPerson());
        String token = TestApi.bearer(mvc, user);
        assertThat(read(mvc, token, id).getStatus()).isEqualTo(403);
        assertThat(create(mvc, token, aPerson()).getStatus()).isEqualTo(403);
        assertThat(change(mvc, token, id, "\"0\"", "{\"reason\": \"x\", \"occupation\": \"Spy\"}").getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/api/v1/persons/search").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"query\": \"Karimi\"}")).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/v1/persons/" + id + "/history").header("Authorization", token)).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(post("/api/v1/persons/duplicate-candidates").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content(aPerson())).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"border.officer", "eligibility.officer", "decision.maker", "appeals.officer", "statelessness.officer",
            "migration.officer", "unhcr.monitor"})
    void letsReadingRolesReadButNotRegisterOrChange(String user) throws Exception {
        String id = register(mvc, officer, aPerson());
        String token = TestApi.bearer(mvc, user);
        assertThat(read(mvc, token, id).getStatus()).isEqualTo(200);
        assertThat(create(mvc, token, aPerson()).getStatus()).isEqualTo(403);
        assertThat(change(mvc, token, id, "\"0\"", "{\"reason\": \"x\", \"occupation\": \"Spy\"}").getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT version FROM registration_person WHERE id = :id").param("id", UUID.fromString(id)).query(Long.class).single())
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"border.officer", "migration.officer", "statelessness.officer"})
    void leavesSensitiveFieldGroupsOutForRolesThatDoNotNeedThem(String user) throws Exception {
        String id = register(mvc, officer, PersonFixtures.aPersonWithSensitiveFields(CANARY_ETHNICITY, CANARY_RELIGION));
        assertThat(change(mvc, officer, id, "\"0\"", "{\"reason\": \"Disclosed\", \"religion\": \"" + CANARY_RELIGION + "2\"}").getStatus())
                .isEqualTo(200);
        String token = TestApi.bearer(mvc, user);
        String body = read(mvc, token, id).getContentAsString();
        assertThat(body).doesNotContain(CANARY_ETHNICITY).doesNotContain(CANARY_RELIGION).doesNotContain("ethnicity")
                .doesNotContain("religion").doesNotContain("SV-VA").doesNotContain("SM-CI").contains("WR-SF").contains("Zahra");
        String history = mvc.perform(get("/api/v1/persons/" + id + "/history").header("Authorization", token)).andReturn().getResponse()
                .getContentAsString();
        assertThat(history).doesNotContain(CANARY_RELIGION).doesNotContain("religion").doesNotContain("sensitiveSpecificNeeds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"registration.officer", "eligibility.officer", "decision.maker", "appeals.officer", "unhcr.monitor"})
    void showsSensitiveFieldGroupsToRolesThatNeedThem(String user) throws Exception {
        String id = register(mvc, officer, PersonFixtures.aPersonWithSensitiveFields(CANARY_ETHNICITY, CANARY_RELIGION));
        String body = read(mvc, TestApi.bearer(mvc, user), id).getContentAsString();
        assertThat(body).contains(CANARY_ETHNICITY).contains(CANARY_RELIGION).contains("SV-VA").contains("SM-CI").contains("WR-SF");
    }

    @Test
    void neverStoresHistoryValuesOfSensitiveFields() throws Exception {
        String id = register(mvc, officer, PersonFixtures.aPersonWithSensitiveFields(CANARY_ETHNICITY, CANARY_RELIGION));
        change(mvc, officer, id, "\"0\"", "{\"reason\": \"Disclosed\", \"religion\": \"" + CANARY_RELIGION + "2\", \"specificNeeds\": [\"SV-VA\"]}");
        String stored = String.join(" ", jdbc.sql("SELECT changes FROM registration_person_change WHERE person_id = :id")
                .param("id", UUID.fromString(id)).query(String.class).list());
        assertThat(stored).contains("religion").contains("sensitiveSpecificNeeds").doesNotContain(CANARY_RELIGION).doesNotContain("SM-CI");
        String history = mvc.perform(get("/api/v1/persons/" + id + "/history").header("Authorization", officer)).andReturn().getResponse()
                .getContentAsString();
        assertThat((List<Boolean>) JsonPath.read(history, "$.items[0].changes[?(@.field == 'religion')].sensitive")).containsExactly(true);
    }

    @Test
    void ignoresServerFieldsInACreateAndStoresNoneOfThem() throws Exception {
        String foreignId = "00000000-0000-7000-8000-00000000abcd";
        String body = aPerson().replaceFirst("\\{", """
                {"id": "%s", "registrationNumber": "KAZ-99-999999", "version": 42, "createdAt": "2001-01-01T00:00:00Z",
                 "organisationId": "%s", "status": "MERGED", "assignedTo": "%s",""".formatted(foreignId, foreignId, foreignId));
        MockHttpServletResponse response = create(mvc, officer, body);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        String id = JsonPath.read(response.getContentAsString(), "$.id");
        assertThat(id).isNotEqualTo(foreignId);
        Map<String, Object> row = jdbc.sql("SELECT registration_number, version, status, organisation_id, created_at FROM registration_person WHERE id = :id")
                .param("id", UUID.fromString(id)).query().singleRow();
        assertThat((String) row.get("registration_number")).isNotEqualTo("KAZ-99-999999");
        assertThat(((Number) row.get("version")).longValue()).isZero();
        assertThat(row.get("status")).isEqualTo("ACTIVE");
        assertThat(row.get("organisation_id").toString()).isNotEqualTo(foreignId);
        assertThat(row.get("created_at").toString()).doesNotStartWith("2001");
        assertThat(jdbc.sql("SELECT count(*) FROM registration_person WHERE id = :id OR registration_number = 'KAZ-99-999999'")
                .param("id", UUID.fromString(foreignId)).query(Long.class).single()).isZero();
    }

    @Test
    void ignoresServerFieldsInAPatchAndStoresNoneOfThem() throws Exception {
        String id = register(mvc, officer, aPerson());
        String number = jdbc.sql("SELECT registration_number FROM registration_person WHERE id = :id").param("id", UUID.fromString(id))
                .query(String.class).single();
        MockHttpServletResponse response = change(mvc, officer, id, "\"0\"", """
                {"reason": "Try to take over", "id": "00000000-0000-7000-8000-00000000abcd", "registrationNumber": "KAZ-99-999999",
                 "version": 42, "createdAt": "2001-01-01T00:00:00Z", "organisationId": "00000000-0000-7000-8000-00000000abcd",
                 "status": "MERGED", "assignedTo": "00000000-0000-7000-8000-00000000abcd", "occupation": "Cook"}""");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        Map<String, Object> row = jdbc.sql("SELECT registration_number, version, status, occupation FROM registration_person WHERE id = :id")
                .param("id", UUID.fromString(id)).query().singleRow();
        assertThat(row).containsEntry("registration_number", number).containsEntry("status", "ACTIVE").containsEntry("occupation", "Cook");
        assertThat(((Number) row.get("version")).longValue()).isEqualTo(1);
    }

    @Test
    void refusesAnotherJurisdictionInACreateOrAPatch() throws Exception {
        MockHttpServletResponse created = create(mvc, officer, aPerson().replace("\"jurisdiction\": \"KAZ\"", "\"jurisdiction\": \"KGZ\""));
        assertThat(created.getStatus()).isEqualTo(422);
        assertThat((List<String>) JsonPath.read(created.getContentAsString(), "$.errors[*].field")).containsExactly("jurisdiction");
        String id = register(mvc, officer, aPerson());
        MockHttpServletResponse changed = change(mvc, officer, id, "\"0\"", "{\"reason\": \"Move\", \"jurisdiction\": \"KGZ\"}");
        assertThat(changed.getStatus()).isEqualTo(422);
        assertThat(jdbc.sql("SELECT jurisdiction FROM registration_person WHERE id = :id").param("id", UUID.fromString(id)).query(String.class).single())
                .isEqualTo("KAZ");
    }
}
