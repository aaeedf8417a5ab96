package org.pana.registration.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
class HouseholdApiTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    String officer;

    @BeforeEach
    void signIn() throws Exception {
        officer = TestApi.bearer(mvc, "registration.officer");
    }

    private UUID person() throws Exception {
        return PeopleFixtures.registered(mvc, officer);
    }

    private MvcResult create(UUID focal, UUID spouse, UUID son) throws Exception {
        return mvc.perform(post("/api/v1/households").header("Authorization", officer).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"focalPointId": "%s", "joinedOn": "2026-01-10", "members": [
                                  {"personId": "%s", "relationship": "SPOUSE", "joinedOn": "2026-01-10"},
                                  {"personId": "%s", "relationship": "SON", "joinedOn": "2026-01-12"}]}""".formatted(focal, spouse, son)))
                .andReturn();
    }

    private UUID household(MvcResult created) throws Exception {
        return UUID.fromString(JsonPath.read(created.getResponse().getContentAsString(), "$.id"));
    }

    private static String count(String table) {
        return "SELECT COUNT(*) FROM " + table;
    }

    @Test
    void registersAHouseholdWithItsNumberMembersAndHistory() throws Exception {
        UUID focal = person(), spouse = person(), son = person();
        MvcResult created = create(focal, spouse, son);

        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        assertThat(created.getResponse().getHeader("ETag")).isEqualTo("\"1\"");
        assertThat(created.getResponse().getHeader("Location")).startsWith("/api/v1/households/");
        UUID id = household(created);
        mvc.perform(get("/api/v1/households/{id}", id).header("Authorization", officer))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andExpect(jsonPath("$.number").value(Matchers.matchesPattern("KAZ-\\d{2}-H\\d{5}")))
                .andExpect(jsonPath("$.focalPointId").value(focal.toString()))
                .andExpect(jsonPath("$.members.length()").value(3))
                .andExpect(jsonPath("$.members[0].relationship").value("FOCAL_POINT"))
                .andExpect(jsonPath("$.members[?(@.personId == '" + son + "')].relationship").value("SON"))
                .andExpect(jsonPath("$.history[0].kind").value("CREATED"))
                .andExpect(jsonPath("$.history[0].by").value("registration.officer"));
        assertThat(PeopleFixtures.auditEvents(jdbc, "HOUSEHOLD_CREATED", id, "SUCCESS")).isEqualTo(1);
        assertThat(PeopleFixtures.auditEvents(jdbc, "HOUSEHOLD_READ", id, "SUCCESS")).isEqualTo(1);
    }

    @Test
    void givesEachHouseholdItsOwnNumber() throws Exception {
        String first = JsonPath.read(create(person(), person(), person()).getResponse().getContentAsString(), "$.number");
        String second = JsonPath.read(create(person(), person(), person()).getResponse().getContentAsString(), "$.number");

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void refusesAMemberAlreadyInAnotherHouseholdWith409AndStoresNothing() throws Exception {
        UUID shared = person();
        create(person(), shared, person());
        long households = jdbc.sql(count("registration_household")).query(Long.class).single();

        mvc.perform(post("/api/v1/households").header("Authorization", officer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"focalPointId\": \"%s\", \"members\": [{\"personId\": \"%s\", \"relationship\": \"BROTHER\"}]}"
                                .formatted(person(), shared)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:pana:problem:already-in-a-household"));
        assertThat(jdbc.sql(count("registration_household")).query(Long.class).single()).isEqualTo(households);
    }

    @Test
    void refusesJoiningASecondHouseholdWith409() throws Exception {
        UUID member = person();
        create(person(), member, person());
        UUID other = household(create(person(), person(), person()));

        mvc.perform(post("/api/v1/households/{id}/members", other).header("Authorization", officer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\": \"%s\", \"relationship\": \"COUSIN\"}".formatted(member)))
                .andExpect(status().isConflict());
    }

    @Test
    void letsAMemberLeaveAndJoinAnotherHouseholdKeepingBothMemberships() throws Exception {
        UUID son = person();
        UUID first = household(create(person(), person(), son));
        UUID second = household(create(person(), person(), person()));

        mvc.perform(post("/api/v1/households/{id}/members/{p}/leave", first, son).header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"leftOn\": \"2026-02-01\", \"reason\": \"Married\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.members[?(@.personId == '" + son + "')].leftOn").value("2026-02-01"))
                .andExpect(jsonPath("$.history[-1].kind").value("MEMBER_LEFT"))
                .andExpect(jsonPath("$.history[-1].reason").value("Married"));
        mvc.perform(post("/api/v1/households/{id}/members", second).header("Authorization", officer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\": \"%s\", \"relationship\": \"SON_IN_LAW\", \"joinedOn\": \"2026-02-02\"}".formatted(son)))
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/persons/{id}/households", son).header("Authorization", officer))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].householdId").value(second.toString()))
                .andExpect(jsonPath("$.items[0].current").value(true))
                .andExpect(jsonPath("$.items[1].current").value(false))
                .andExpect(jsonPath("$.items[1].memberships[0].leftOn").value("2026-02-01"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM registration_household_member WHERE person_id = :p").param("p", son)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void refusesJoiningAgainBeforeTheEarlierMembershipEnded() throws Exception {
        UUID son = person();
        UUID first = household(create(person(), person(), son));
        UUID second = household(create(person(), person(), person()));
        mvc.perform(post("/api/v1/households/{id}/members/{p}/leave", first, son).header("Authorization", officer)
                .contentType(MediaType.APPLICATION_JSON).content("{\"leftOn\": \"2026-02-01\", \"reason\": \"Moved\"}"));

        mvc.perform(post("/api/v1/households/{id}/members", second).header("Authorization", officer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\": \"%s\", \"relationship\": \"COUSIN\", \"joinedOn\": \"2026-01-20\"}".formatted(son)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("joinedOn"));
    }

    @Test
    void refusesLeavingBeforeJoiningWith422() throws Exception {
        UUID son = person();
        UUID id = household(create(person(), person(), son));

        mvc.perform(post("/api/v1/households/{id}/members/{p}/leave", id, son).header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"leftOn\": \"2026-01-11\", \"reason\": \"Moved\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("leftOn"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM registration_household_member WHERE person_id = :p AND left_on IS NULL")
                .param("p", son).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void refusesALeavingDateInTheFuture() throws Exception {
        UUID son = person();
        UUID id = household(create(person(), person(), son));

        mvc.perform(post("/api/v1/households/{id}/members/{p}/leave", id, son).header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"leftOn\": \"2999-01-01\", \"reason\": \"Moved\"}"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void refusesTheFocalPointLeavingWith409() throws Exception {
        UUID focal = person();
        UUID id = household(create(focal, person(), person()));

        mvc.perform(post("/api/v1/households/{id}/members/{p}/leave", id, focal).header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"leftOn\": \"2026-02-01\", \"reason\": \"Moved\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void refusesTheSamePersonTwiceAndAMemberCalledFocalPoint() throws Exception {
        UUID focal = person(), member = person();
        mvc.perform(post("/api/v1/households").header("Authorization", officer).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"focalPointId": "%s", "members": [{"personId": "%s", "relationship": "SON"},
                                 {"personId": "%s", "relationship": "FOCAL_POINT"}]}""".formatted(focal, member, focal)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(2));
    }

    @Test
    void changesTheFocalPointWithIfMatchAndRecordsIt() throws Exception {
        UUID focal = person(), spouse = person(), son = person();
        UUID id = household(create(focal, spouse, son));

        mvc.perform(put("/api/v1/households/{id}/focal-point", id).header("Authorization", officer).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"personId": "%s", "previousFocalPointRelationship": "SPOUSE",
                                 "relationships": [{"personId": "%s", "relationship": "SON"}], "reason": "Husband detained"}"""
                                .formatted(spouse, son)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.focalPointId").value(spouse.toString()))
                .andExpect(jsonPath("$.members[?(@.personId == '" + focal + "')].relationship").value("SPOUSE"))
                .andExpect(jsonPath("$.members[?(@.personId == '" + spouse + "')].relationship").value("FOCAL_POINT"))
                .andExpect(jsonPath("$.history[?(@.kind == 'FOCAL_POINT_CHANGED')].reason").value("Husband detained"));
        assertThat(PeopleFixtures.auditEvents(jdbc, "HOUSEHOLD_FOCAL_POINT_CHANGED", id, "SUCCESS")).isEqualTo(1);
    }

    @Test
    void refusesAFocalPointChangeWithAStaleIfMatchWith412() throws Exception {
        UUID focal = person(), spouse = person(), son = person();
        UUID id = household(create(focal, spouse, son));
        String change = """
                {"personId": "%s", "previousFocalPointRelationship": "SPOUSE", "reason": "Agreed by the family"}""";
        mvc.perform(put("/api/v1/households/{id}/focal-point", id).header("Authorization", officer).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content(change.formatted(spouse)))
                .andExpect(status().isOk());

        // A second officer still holding version 1 tries another change.
        mvc.perform(put("/api/v1/households/{id}/focal-point", id).header("Authorization", officer).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content(change.formatted(son)))
                .andExpect(status().isPreconditionFailed());
        assertThat(jdbc.sql("SELECT focal_person_id FROM registration_household WHERE id = :id").param("id", id)
                .query(UUID.class).single()).isEqualTo(spouse);
    }

    @Test
    void refusesAFocalPointChangeWithoutIfMatchWith428() throws Exception {
        UUID spouse = person();
        UUID id = household(create(person(), spouse, person()));

        mvc.perform(put("/api/v1/households/{id}/focal-point", id).header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\": \"%s\", \"previousFocalPointRelationship\": \"SPOUSE\", \"reason\": \"x\"}".formatted(spouse)))
                .andExpect(status().isPreconditionRequired());
    }

    @Test
    void refusesAFocalPointWhoIsNotAnActiveMemberWith422() throws Exception {
        UUID id = household(create(person(), person(), person()));

        mvc.perform(put("/api/v1/households/{id}/focal-point", id).header("Authorization", officer).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\": \"%s\", \"previousFocalPointRelationship\": \"SPOUSE\", \"reason\": \"x\"}".formatted(person())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("personId"));
    }

    @Test
    void refusesWritesByARoleThatOnlyReadsWith403() throws Exception {
        String eligibility = TestApi.bearer(mvc, "eligibility.officer");

        mvc.perform(post("/api/v1/households").header("Authorization", eligibility).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"focalPointId\": \"%s\", \"members\": []}".formatted(person())))
                .andExpect(status().isForbidden());
        UUID id = household(create(person(), person(), person()));
        mvc.perform(get("/api/v1/households/{id}", id).header("Authorization", eligibility)).andExpect(status().isOk());
    }

    @Test
    void refusesHouseholdsToAStatistician() throws Exception {
        UUID id = household(create(person(), person(), person()));

        mvc.perform(get("/api/v1/households/{id}", id).header("Authorization", TestApi.bearer(mvc, "statistician")))
                .andExpect(status().isForbidden());
    }

    @Test
    void hidesAHouseholdOfAnotherJurisdictionWith404AndADeniedEvent() throws Exception {
        UUID id = PeopleFixtures.householdInKyrgyzstan(jdbc);
        String unknown = mvc.perform(get("/api/v1/households/{id}", UUID.randomUUID()).header("Authorization", officer))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();

        String hidden = mvc.perform(get("/api/v1/households/{id}", id).header("Authorization", officer))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();

        assertThat(JsonPath.<String>read(hidden, "$.type")).isEqualTo(JsonPath.read(unknown, "$.type"));
        assertThat(JsonPath.<String>read(hidden, "$.detail")).isEqualTo(JsonPath.read(unknown, "$.detail"));
        assertThat(PeopleFixtures.auditEvents(jdbc, "HOUSEHOLD_READ", id, "DENIED")).isEqualTo(1);
        mvc.perform(post("/api/v1/households/{id}/members", id).header("Authorization", officer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\": \"%s\", \"relationship\": \"COUSIN\"}".formatted(person())))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM registration_household_member WHERE household_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void refusesAMemberOfAnotherJurisdictionWith404() throws Exception {
        UUID foreign = PeopleFixtures.inKyrgyzstan(jdbc);

        mvc.perform(post("/api/v1/households").header("Authorization", officer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"focalPointId\": \"%s\", \"members\": [{\"personId\": \"%s\", \"relationship\": \"SON\"}]}"
                                .formatted(person(), foreign)))
                .andExpect(status().isNotFound());
        assertThat(PeopleFixtures.auditEvents(jdbc, "HOUSEHOLD_CREATE", foreign, "DENIED")).isEqualTo(1);
    }

    @Test
    void hidesHouseholdsOfAPersonNotReferredToAPartnerWith404AndADeniedEvent() throws Exception {
        UUID focal = person();
        UUID id = household(create(focal, person(), person()));
        String partner = TestApi.bearer(mvc, "legal.partner");

        mvc.perform(get("/api/v1/households/{id}", id).header("Authorization", partner)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/persons/{id}/households", focal).header("Authorization", partner)).andExpect(status().isNotFound());

        assertThat(PeopleFixtures.auditEvents(jdbc, "HOUSEHOLD_READ", id, "DENIED")).isEqualTo(1);
        assertThat(PeopleFixtures.auditEvents(jdbc, "PERSON_HOUSEHOLDS_READ", focal, "DENIED")).isEqualTo(1);
    }

    @Test
    void answersTheSameHouseholdForARetriedCreateWithTheSameIdempotencyKey() throws Exception {
        UUID focal = person();
        String body = "{\"focalPointId\": \"%s\", \"members\": []}".formatted(focal);
        String first = mvc.perform(post("/api/v1/households").header("Authorization", officer).header("Idempotency-Key", "hh-" + focal)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String second = mvc.perform(post("/api/v1/households").header("Authorization", officer).header("Idempotency-Key", "hh-" + focal)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();

        assertThat(JsonPath.<String>read(second, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
    }

    @Test
    void rejectsUnknownFieldsSuchAsAJurisdiction() throws Exception {
        mvc.perform(post("/api/v1/households").header("Authorization", officer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"focalPointId\": \"%s\", \"jurisdiction\": \"KGZ\", \"members\": []}".formatted(person())))
                .andExpect(status().isBadRequest());
    }
}
