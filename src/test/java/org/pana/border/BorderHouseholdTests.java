package org.pana.border;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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

@SpringBootTest
@AutoConfigureMockMvc
class BorderHouseholdTests {

    static final List<String> TABLES = List.of("registration_person", "registration_household", "registration_household_member",
            "registration_protection_review", "border_encounter", "border_encounter_companion", "border_referral");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    String officer;
    String registrar;

    @BeforeEach
    void signIn() throws Exception {
        officer = TestApi.bearer(mvc, "border.officer");
        registrar = TestApi.bearer(mvc, "registration.officer");
    }

    static String person(String given, String birthDate, String needs) {
        return """
                {"jurisdiction": "KAZ", "names": [{"given": "%s", "family": "Rahimi", "script": "Latn", "kind": "DECLARED"}],
                 "sex": "UNKNOWN", "birthDate": "%s", "birthDatePrecision": "YEAR", "nationalities": ["AFG"], "specificNeeds": [%s]}"""
                .formatted(given, birthDate, needs);
    }

    String encounter(String main, String companions) {
        return """
                {%s, "encounteredAt": "%s", "borderPoint": "KAZ-KORDAI", "asylumIntentExpressed": true,
                 "accompanyingPersons": [%s]}""".formatted(main, clock.instant().minus(Duration.ofHours(2)), companions);
    }

    MockHttpServletResponse record(String body) throws Exception {
        return mvc.perform(post("/api/v1/border/encounters").header("Authorization", officer).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse();
    }

    String registered(String given) throws Exception {
        MockHttpServletResponse created = mvc.perform(post("/api/v1/persons").header("Authorization", registrar)
                .contentType(MediaType.APPLICATION_JSON).content(person(given, "1980-01-01", ""))).andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        return JsonPath.read(created.getContentAsString(), "$.id");
    }

    String household(String id) throws Exception {
        MockHttpServletResponse read = mvc.perform(get("/api/v1/households/" + id).header("Authorization", registrar)).andReturn().getResponse();
        assertThat(read.getStatus()).isEqualTo(200);
        return read.getContentAsString();
    }

    Map<String, Long> counts() {
        return TABLES.stream().collect(Collectors.toMap(t -> t, t -> jdbc.sql("SELECT count(*) FROM " + t).query(Long.class).single()));
    }

    @Test
    void makesTheMainPersonAndTheNewCompanionsOneHouseholdAndRefersItWithTheReferral() throws Exception {
        long people = counts().get("registration_person");
        MockHttpServletResponse created = record(encounter("\"person\": " + person("Hamid", "1985-01-01", ""),
                "{\"person\": " + person("Laila", "1987-01-01", "") + ", \"relationship\": \"SPOUSE\"},"
                        + "{\"person\": " + person("Omid", "2015-01-01", "") + ", \"relationship\": \"SON\"}"));
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        String json = created.getContentAsString();
        String householdId = JsonPath.read(json, "$.householdId");
        assertThat((String) JsonPath.read(json, "$.householdNumber")).matches("KAZ-\\d{2}-H\\d{5,}");
        assertThat((List<String>) JsonPath.read(json, "$.accompanyingPersons[*].relationship")).containsExactly("SPOUSE", "SON");
        assertThat((List<String>) JsonPath.read(json, "$.accompanyingPersons[*].registrationNumber")).allMatch(n -> n.startsWith("KAZ-"));
        assertThat((String) JsonPath.read(json, "$.referral.householdId")).isEqualTo(householdId);
        assertThat(counts().get("registration_person")).isEqualTo(people + 3);

        String household = household(householdId);
        String main = JsonPath.read(json, "$.personId");
        assertThat((String) JsonPath.read(household, "$.focalPointId")).isEqualTo(main);
        List<String> companions = JsonPath.read(json, "$.accompanyingPersons[*].personId");
        assertThat((List<String>) JsonPath.read(household, "$.members[*].personId")).containsExactly(main, companions.get(0), companions.get(1));
        assertThat((List<String>) JsonPath.read(household, "$.members[*].relationship")).containsExactly("FOCAL_POINT", "SPOUSE", "SON");

        UUID encounter = UUID.fromString(JsonPath.read(json, "$.id"));
        var row = jdbc.sql("SELECT household_id, organisation_id FROM border_encounter WHERE id = :id").param("id", encounter)
                .query((rs, n) -> List.of(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).single();
        assertThat(row.get(0)).hasToString(householdId);
        assertThat(row.get(1)).isEqualTo(jdbc.sql("SELECT organisation_id FROM access_user WHERE username = 'border.officer'").query(UUID.class).single());
        assertThat(jdbc.sql("SELECT person_id FROM border_encounter_companion WHERE encounter_id = :id ORDER BY position").param("id", encounter)
                .query(UUID.class).list().stream().map(UUID::toString).toList()).isEqualTo(companions);
    }

    @Test
    void linksCompanionsAlreadyRegisteredAndJoinsTheHouseholdTheMainPersonIsIn() throws Exception {
        String main = registered("Nasrin");
        String sister = registered("Parisa");
        String cousin = registered("Yusuf");
        String existing = JsonPath.read(mvc.perform(post("/api/v1/households").header("Authorization", registrar)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"focalPointId": "%s", "members": [{"personId": "%s", "relationship": "SISTER"}]}""".formatted(main, sister)))
                .andReturn().getResponse().getContentAsString(), "$.id");
        Map<String, Long> before = counts();

        MockHttpServletResponse created = record(encounter("\"personId\": \"" + main + "\"",
                "{\"personId\": \"" + sister + "\", \"relationship\": \"SISTER\"}, {\"personId\": \"" + cousin + "\", \"relationship\": \"COUSIN\"},"
                        + "{\"person\": " + person("Arman", "2019-01-01", "") + ", \"relationship\": \"NEPHEW_OR_NIECE\"}"));
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        String json = created.getContentAsString();
        assertThat((String) JsonPath.read(json, "$.householdId")).isEqualTo(existing);
        assertThat((List<String>) JsonPath.read(json, "$.accompanyingPersons[*].personId")).startsWith(sister, cousin);
        assertThat(counts().get("registration_person")).isEqualTo(before.get("registration_person") + 1);
        assertThat(counts().get("registration_household")).isEqualTo(before.get("registration_household"));
        String household = household(existing);
        assertThat((List<String>) JsonPath.read(household, "$.members[*].personId")).hasSize(4).contains(main, sister, cousin);
        assertThat((String) JsonPath.read(household, "$.focalPointId")).isEqualTo(main);
    }

    @Test
    void namesEveryProblemWithItsPathInTheEncounter() throws Exception {
        String body = encounter("\"person\": " + person("Ha\\u202Emid", "1985-01-01", ""),
                "{\"person\": " + person("Laila", "1987-01-01", "") + ", \"relationship\": \"WIFE\"},"
                        + "{\"person\": " + person("Om\\u202Eid", "2015-01-01", "") + ", \"relationship\": \"SON\"},"
                        + "{\"personId\": \"" + UUID.randomUUID() + "\", \"relationship\": \"BROTHER\"},"
                        + "{\"relationship\": \"BROTHER\"}");
        MockHttpServletResponse refused = record(body);
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat((List<String>) JsonPath.read(refused.getContentAsString(), "$.errors[*].field")).contains("person.names[0].given",
                "accompanyingPersons[0].relationship", "accompanyingPersons[1].person.names[0].given", "accompanyingPersons[2].personId",
                "accompanyingPersons[3].person");
        String many = IntStream.range(0, 21).mapToObj(i -> "{\"person\": " + person("Child", "2010-01-01", "") + ", \"relationship\": \"SON\"}")
                .collect(Collectors.joining(","));
        assertThat((List<String>) JsonPath.read(record(encounter("\"person\": " + person("Hamid", "1985-01-01", ""), many))
                .getContentAsString(), "$.errors[*].field")).containsExactly("accompanyingPersons");
    }

    @Test
    void writesNothingWhenOneCompanionIsWrong() throws Exception {
        Map<String, Long> before = counts();
        String main = "\"person\": " + person("Hamid", "1985-01-01", "\"WR-LC\"");
        String good = "{\"person\": " + person("Laila", "1987-01-01", "\"WR-LC\"") + ", \"relationship\": \"SPOUSE\"}";
        assertThat(record(encounter(main, good + ", {\"person\": " + person("Omid", "2999-01-01", "") + ", \"relationship\": \"SON\"}"))
                .getStatus()).isEqualTo(422);
        assertThat(counts()).isEqualTo(before);

        String otherFocal = registered("Karim");
        String inAnotherHousehold = registered("Farzana");
        assertThat(mvc.perform(post("/api/v1/households").header("Authorization", registrar).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"focalPointId": "%s", "members": [{"personId": "%s", "relationship": "SPOUSE"}]}""".formatted(otherFocal, inAnotherHousehold)))
                .andReturn().getResponse().getStatus()).isEqualTo(201);
        before = counts();
        MockHttpServletResponse conflict = record(encounter(main, good + ", {\"personId\": \"" + inAnotherHousehold + "\", \"relationship\": \"SISTER\"}"));
        assertThat(conflict.getStatus()).as(conflict.getContentAsString()).isEqualTo(409);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void sendsSpecificNeedsRecordedAtTheBorderToTheProtectionReview() throws Exception {
        MockHttpServletResponse created = record(encounter("\"person\": " + person("Hamid", "1985-01-01", ""),
                "{\"person\": " + person("Omid", "2012-01-01", "\"SC-UC\"") + ", \"relationship\": \"NEPHEW_OR_NIECE\"}"));
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        String child = JsonPath.read(created.getContentAsString(), "$.accompanyingPersons[0].personId");
        String review = mvc.perform(get("/api/v1/protection-review?size=100").header("Authorization", TestApi.bearer(mvc, "unhcr.monitor")))
                .andReturn().getResponse().getContentAsString();
        int total = JsonPath.read(review, "$.total");
        String all = review;
        for (int page = 1; page * 100 < total; page++) {
            all += mvc.perform(get("/api/v1/protection-review?size=100&page=" + page).header("Authorization", TestApi.bearer(mvc, "unhcr.monitor")))
                    .andReturn().getResponse().getContentAsString();
        }
        assertThat(all).contains("\"personId\":\"" + child + "\",");
        assertThat(jdbc.sql("SELECT need_code FROM registration_protection_review WHERE person_id = :p AND status = 'OPEN'")
                .param("p", UUID.fromString(child)).query(String.class).list()).containsExactly("SC-UC");
    }
}
