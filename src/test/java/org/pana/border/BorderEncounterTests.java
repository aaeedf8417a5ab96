package org.pana.border;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
class BorderEncounterTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired AuditTrail audit;
    @Autowired OverdueReferrals overdue;

    String officer;
    String registrar;

    @BeforeEach
    void signIn() throws Exception {
        officer = TestApi.bearer(mvc, "border.officer");
        registrar = TestApi.bearer(mvc, "registration.officer");
    }

    static String newPerson() {
        return """
                {"jurisdiction": "KAZ",
                 "names": [{"given": "Фарид", "family": "Амири", "script": "Cyrl", "kind": "DECLARED"}],
                 "sex": "MALE", "birthDate": "1994-01-01", "birthDatePrecision": "YEAR", "nationalities": ["AFG"],
                 "languages": ["prs"], "documents": [], "specificNeeds": []}""";
    }

    String encounter(String person, Instant at, String point, boolean intent) {
        return """
                {"person": %s, "encounteredAt": "%s", "borderPoint": "%s", "arrival": "CROSSING_POINT",
                 "asylumIntentExpressed": %s, "intentInOwnWords": "Said he cannot go back, fears the Taliban",
                 "leafletLanguage": "prs", "interpreterLanguage": "prs"}""".formatted(person, at, point, intent);
    }

    MockHttpServletResponse post(String token, String body, String key) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/border/encounters")
                .header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(body);
        if (key != null) request.header("Idempotency-Key", key);
        return mvc.perform(request).andReturn().getResponse();
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    Instant anHourAgo() {
        return clock.instant().minus(Duration.ofHours(1));
    }

    @Test
    void recordsAPersonWithoutDocumentsWhoAsksForAsylumAndRefersThemWithinSeventyTwoHours() throws Exception {
        Instant at = anHourAgo();
        MockHttpServletResponse created = post(officer, encounter(newPerson(), at, "KAZ-KHORGOS", true), null);
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        String json = created.getContentAsString();
        assertThat((String) JsonPath.read(json, "$.registrationNumber")).startsWith("KAZ-");
        assertThat((String) JsonPath.read(json, "$.referral.status")).isEqualTo("PENDING");
        assertThat(Instant.parse(JsonPath.read(json, "$.referral.dueAt"))).isEqualTo(at.plus(Duration.ofHours(72)));
        assertThat((String) JsonPath.read(json, "$.referral.dueBasis")).contains("72 hours");
        assertThat((String) JsonPath.read(json, "$.referral.receivingUnit")).isNotNull();

        String person = JsonPath.read(json, "$.personId");
        MockHttpServletResponse check = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/removal-checks")
                .header("Authorization", officer).contentType(MediaType.APPLICATION_JSON).content("{\"personId\": \"" + person + "\"}"))
                .andReturn().getResponse();
        assertThat((Boolean) JsonPath.read(check.getContentAsString(), "$.removalAllowed")).isFalse();
        assertThat((List<String>) JsonPath.read(check.getContentAsString(), "$.grounds[*].kind")).containsExactly("OPEN_BORDER_REFERRAL");

        String referral = JsonPath.read(json, "$.referral.id");
        MockHttpServletResponse incoming = mvc.perform(get("/api/v1/border/referrals?status=PENDING&size=100").header("Authorization", registrar))
                .andReturn().getResponse();
        assertThat((List<String>) JsonPath.read(incoming.getContentAsString(), "$.items[*].id")).contains(referral);
        assertThat((Integer) JsonPath.read(incoming.getContentAsString(), "$.total")).isPositive();
        MockHttpServletResponse acknowledged = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/v1/border/referrals/" + referral + "/acknowledge").header("Authorization", registrar)).andReturn().getResponse();
        assertThat(acknowledged.getStatus()).isEqualTo(200);
        assertThat((String) JsonPath.read(acknowledged.getContentAsString(), "$.status")).isEqualTo("ACKNOWLEDGED");
        MockHttpServletResponse again = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/v1/border/referrals/" + referral + "/acknowledge").header("Authorization", registrar)).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(409);
    }

    @Test
    void recordsAnEncounterWithoutAsylumIntentWithoutAReferralAndLinksAPersonAlreadyRegistered() throws Exception {
        String first = post(officer, encounter(newPerson(), anHourAgo(), "KAZ-ALA", false), null).getContentAsString();
        assertThat((Object) JsonPath.read(first, "$.referral")).isNull();
        String person = JsonPath.read(first, "$.personId");
        long people = count("registration_person");
        String linked = """
                {"personId": "%s", "encounteredAt": "%s", "borderPoint": "KAZ-ALA", "arrival": "AIRPORT_TRANSIT_ZONE",
                 "asylumIntentExpressed": false}""".formatted(person, anHourAgo());
        MockHttpServletResponse second = post(officer, linked, null);
        assertThat(second.getStatus()).as(second.getContentAsString()).isEqualTo(201);
        assertThat((String) JsonPath.read(second.getContentAsString(), "$.personId")).isEqualTo(person);
        assertThat(count("registration_person")).isEqualTo(people);
    }

    @Test
    void refusesBadEncountersWithoutWritingAnything() throws Exception {
        long encounters = count("border_encounter"), referrals = count("border_referral"), people = count("registration_person");
        Instant future = clock.instant().plus(Duration.ofHours(2));
        assertProblem(post(officer, encounter(newPerson(), future, "KAZ-KHORGOS", true), null), 422, "encounteredAt");
        assertProblem(post(officer, encounter(newPerson(), anHourAgo(), "KGZ-FRU", true), null), 422, "borderPoint");
        assertProblem(post(officer, encounter(newPerson(), anHourAgo(), "NOWHERE", true), null), 422, "borderPoint");
        String both = encounter(newPerson(), anHourAgo(), "KAZ-KHORGOS", true).replaceFirst("\\{\"person\"", "{\"personId\": \"" + UUID.randomUUID() + "\", \"person\"");
        assertProblem(post(officer, both, null), 422, "person");
        String unknown = """
                {"personId": "%s", "encounteredAt": "%s", "borderPoint": "KAZ-KHORGOS", "asylumIntentExpressed": true}"""
                .formatted(UUID.randomUUID(), anHourAgo());
        assertThat(post(officer, unknown, null).getStatus()).isEqualTo(404);
        for (String[] bad : new String[][] {{"\"arrival\": \"CROSSING_POINT\"", "\"arrival\": \"SWAM\"", "arrival"},
                {"\"leafletLanguage\": \"prs\"", "\"leafletLanguage\": \"Dari\"", "leafletLanguage"},
                {"\"asylumIntentExpressed\": true,", "\"asylumIntentExpressed\": true, \"profile\": \"TOURIST\",", "profile"},
                {"\"asylumIntentExpressed\": true,", "", "asylumIntentExpressed"},
                {"fears the Taliban", "fears \\u202Ethe Taliban", "intentInOwnWords"}}) {
            String body = encounter(newPerson(), anHourAgo(), "KAZ-KHORGOS", true);
            assertThat(body).contains(bad[0]);
            assertProblem(post(officer, body.replace(bad[0], bad[1]), null), 422, bad[2]);
        }
        String badName = encounter(newPerson().replace("Фарид", "Фа\u202Eрид"), anHourAgo(), "KAZ-KHORGOS", true);
        assertThat(post(officer, badName, null).getStatus()).isEqualTo(422);
        assertThat(post(registrar, encounter(newPerson(), anHourAgo(), "KAZ-KHORGOS", true), null).getStatus()).isEqualTo(403);
        assertThat(count("border_encounter")).isEqualTo(encounters);
        assertThat(count("border_referral")).isEqualTo(referrals);
        assertThat(count("registration_person")).isEqualTo(people);
    }

    private static void assertProblem(MockHttpServletResponse response, int status, String field) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).contains("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"" + field + "\"");
    }

    @Test
    void createsExactlyOneEncounterFromAHundredConcurrentRetriesOfOneKey() throws Exception {
        String key = "enc-" + UUID.randomUUID();
        String body = encounter(newPerson(), anHourAgo(), "KAZ-KORDAI", true);
        long before = count("border_encounter");
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
        java.util.Set<String> created = new java.util.HashSet<>();
        try {
            for (int i = 0; i < 100; i++) answers.add(threads.submit(() -> post(officer, body, key)));
            for (Future<MockHttpServletResponse> answer : answers) {
                MockHttpServletResponse response = answer.get(2, TimeUnit.MINUTES);
                assertThat(response.getStatus()).isIn(201, 409); // 409: the first is still being recorded
                if (response.getStatus() == 201) created.add(JsonPath.read(response.getContentAsString(), "$.id"));
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(count("border_encounter")).isEqualTo(before + 1);
        MockHttpServletResponse retry = post(officer, body, key);
        assertThat(retry.getStatus()).isEqualTo(201);
        created.add(JsonPath.read(retry.getContentAsString(), "$.id"));
        assertThat(created).hasSize(1);
    }

    @Test
    void aReferralIsAcknowledgedOnlyByTheUnitItWasSentToAndWaitsUnroutedWithoutARoute() throws Exception {
        jdbc.sql("DELETE FROM border_referral_route WHERE region = 'Astana' AND valid_from = :d").param("d", LocalDate.of(2026, 1, 1)).update();
        jdbc.sql("INSERT INTO border_referral_route (jurisdiction, region, valid_from, receiving_organisation_id) VALUES ('KAZ', 'Astana', :d, :unit)")
                .param("d", LocalDate.of(2026, 1, 1)).param("unit", UUID.randomUUID()).update();
        String elsewhere = post(officer, encounter(newPerson(), anHourAgo(), "KAZ-NQZ", true), null).getContentAsString();
        String referral = JsonPath.read(elsewhere, "$.referral.id");
        MockHttpServletResponse notTheirs = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/v1/border/referrals/" + referral + "/acknowledge").header("Authorization", registrar)).andReturn().getResponse();
        assertThat(notTheirs.getStatus()).isEqualTo(404);
        String ours = mvc.perform(get("/api/v1/border/referrals?size=100").header("Authorization", registrar)).andReturn().getResponse()
                .getContentAsString();
        assertThat((List<String>) JsonPath.read(ours, "$.items[*].id")).doesNotContain(referral);
        audit.seal();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'BORDER_REFERRAL_ACKNOWLEDGED' AND outcome = 'DENIED' AND subject_id = :id")
                .param("id", referral).query(Long.class).single()).isEqualTo(1);

        jdbc.sql("INSERT INTO border_point (code, jurisdiction, name, region, kind, active) VALUES (:c, 'KAZ', 'Test post', :r, 'LAND', TRUE)")
                .param("c", "KAZ-T" + ThreadLocalRandom.current().nextInt(100_000)).param("r", "Nowhere-" + UUID.randomUUID()).update();
        String code = jdbc.sql("SELECT code FROM border_point WHERE region LIKE 'Nowhere-%' ORDER BY code DESC LIMIT 1").query(String.class).single();
        String unrouted = post(officer, encounter(newPerson(), anHourAgo(), code, true), null).getContentAsString();
        assertThat((String) JsonPath.read(unrouted, "$.referral.status")).isEqualTo("UNROUTED");
    }

    @Test
    void refusesTheBorderApiToRolesThatHaveNoPartInIt() throws Exception {
        for (String user : List.of("legal.partner", "statistician", "auditor")) {
            String token = TestApi.bearer(mvc, user);
            assertThat(mvc.perform(get("/api/v1/border/points").header("Authorization", token)).andReturn().getResponse().getStatus())
                    .as(user).isEqualTo(403);
            assertThat(mvc.perform(get("/api/v1/border/referrals").header("Authorization", token)).andReturn().getResponse().getStatus())
                    .as(user).isEqualTo(403);
            assertThat(post(token, encounter(newPerson(), anHourAgo(), "KAZ-KHORGOS", true), null).getStatus()).as(user).isEqualTo(403);
        }
        String referral = JsonPath.read(post(officer, encounter(newPerson(), anHourAgo(), "KAZ-KHORGOS", true), null).getContentAsString(),
                "$.referral.id");
        for (String user : List.of("eligibility.officer", "border.officer", "unhcr.monitor")) {
            assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/border/referrals/" + referral
                    + "/acknowledge").header("Authorization", TestApi.bearer(mvc, user))).andReturn().getResponse().getStatus()).as(user).isEqualTo(403);
        }
    }

    @Test
    void acknowledgesAReferralOnceWhenTwoOfficersOfTheUnitTryAtTheSameTime() throws Exception {
        String referral = JsonPath.read(post(officer, encounter(newPerson(), anHourAgo(), "KAZ-KHORGOS", true), null).getContentAsString(),
                "$.referral.id");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(threads.submit(() -> mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/v1/border/referrals/" + referral + "/acknowledge").header("Authorization", registrar)).andReturn()
                        .getResponse().getStatus()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) statuses.add(answer.get(1, TimeUnit.MINUTES));
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void auditsEveryReferralShownAsAListingOfItsPerson() throws Exception {
        String created = post(officer, encounter(newPerson(), anHourAgo(), "KAZ-KHORGOS", true), null).getContentAsString();
        String person = JsonPath.read(created, "$.personId");
        mvc.perform(get("/api/v1/border/referrals?status=PENDING&size=100").header("Authorization", TestApi.bearer(mvc, "unhcr.monitor")));
        audit.seal();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'PERSON_LISTED' AND subject_id = :id AND details = 'border-referrals'"
                + " AND actor = 'unhcr.monitor'").param("id", person).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void listsTheBorderPointsOfTheCallersJurisdictionOnly() throws Exception {
        String points = mvc.perform(get("/api/v1/border/points").header("Authorization", officer)).andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(points, "$.items[*].jurisdiction")).isNotEmpty().containsOnly("KAZ");
        assertThat((List<String>) JsonPath.read(points, "$.items[*].code")).contains("KAZ-KHORGOS").doesNotContain("KGZ-FRU");
        for (String query : List.of("status=LOST", "page=-1", "size=0", "size=101")) {
            assertThat(mvc.perform(get("/api/v1/border/referrals?" + query).header("Authorization", officer)).andReturn().getResponse()
                    .getStatus()).as(query).isEqualTo(422);
        }
    }

    @Autowired Referrals referrals;

    @Test
    void theDueTimeIsTheCalendarsHandOverRuleWithItsBasisSoALawyersCorrectionAppliesToNewReferrals() throws Exception {
        Instant met = anHourAgo();
        String before = post(officer, encounter(newPerson(), met, "KAZ-KHORGOS", true), null).getContentAsString();
        assertThat(Instant.parse(JsonPath.read(before, "$.referral.dueAt"))).isEqualTo(met.plus(Duration.ofHours(72)));
        assertThat((String) JsonPath.read(before, "$.referral.dueBasis")).contains("72 hours").contains("calendar rule KAZ ASYLUM/BORDER_HANDOVER")
                .contains("Tajikistan");
        jdbc.sql("UPDATE calendar_deadline_rule SET amount = 48, basis = 'Corrected by counsel: 48 hours' WHERE jurisdiction = 'KAZ'"
                + " AND procedure_code = 'ASYLUM' AND step_code = 'BORDER_HANDOVER'").update();
        try {
            String after = post(officer, encounter(newPerson(), met, "KAZ-KHORGOS", true), null).getContentAsString();
            assertThat(Instant.parse(JsonPath.read(after, "$.referral.dueAt"))).isEqualTo(met.plus(Duration.ofHours(48)));
            assertThat((String) JsonPath.read(after, "$.referral.dueBasis")).contains("48 hours").contains("Corrected by counsel");
            String referral = JsonPath.read(before, "$.referral.id");
            assertThat(jdbc.sql("SELECT due_basis FROM border_referral WHERE id = :id").param("id", UUID.fromString(referral)).query(String.class)
                    .single()).as("an existing referral keeps its due time and basis").contains("72 hours");
        } finally {
            jdbc.sql("UPDATE calendar_deadline_rule SET amount = 72, basis = :b WHERE jurisdiction = 'KAZ' AND procedure_code = 'ASYLUM'"
                    + " AND step_code = 'BORDER_HANDOVER'").param("b", "Not confirmed against the official text: default 72 hours, as in"
                    + " Tajikistan's Law on Refugees [C]").update();
        }
        Referrals.Due elsewhere = referrals.due("TKM", met);
        assertThat(elsewhere.at()).as("no rule: pana.border.referral-due").isEqualTo(met.plus(Duration.ofHours(72)));
        assertThat(elsewhere.basis()).contains("pana.border.referral-due").contains("TKM has no calendar rule");
    }

    @Test
    void theHourlyJobMarksReferralsNobodyAcknowledgedInTimeAndTheyStillBlockRemoval() throws Exception {
        String late = post(officer, encounter(newPerson(), clock.instant().minus(Duration.ofHours(73)), "KAZ-KHORGOS", true), null)
                .getContentAsString();
        String referral = JsonPath.read(late, "$.referral.id");
        String onTime = JsonPath.read(post(officer, encounter(newPerson(), anHourAgo(), "KAZ-KHORGOS", true), null).getContentAsString(),
                "$.referral.id");
        long runs = jdbc.sql("SELECT count(*) FROM platform_job_run WHERE name = :n").param("n", OverdueReferrals.JOB).query(Long.class).single();

        overdue.hourly();

        assertThat(jdbc.sql("SELECT status FROM border_referral WHERE id = :id").param("id", UUID.fromString(referral)).query(String.class).single())
                .isEqualTo("OVERDUE");
        assertThat(jdbc.sql("SELECT status FROM border_referral WHERE id = :id").param("id", UUID.fromString(onTime)).query(String.class).single())
                .isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT count(*) FROM platform_job_run WHERE name = :n").param("n", OverdueReferrals.JOB).query(Long.class).single())
                .isEqualTo(runs + 1);
        for (String user : List.of("border.officer", "unhcr.monitor", "registration.officer")) {
            String list = mvc.perform(get("/api/v1/border/referrals?status=OVERDUE&size=100").header("Authorization", TestApi.bearer(mvc, user)))
                    .andReturn().getResponse().getContentAsString();
            assertThat((List<String>) JsonPath.read(list, "$.items[*].id")).as(user).contains(referral).doesNotContain(onTime);
        }
        String person = JsonPath.read(late, "$.personId");
        String check = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/removal-checks")
                .header("Authorization", officer).contentType(MediaType.APPLICATION_JSON).content("{\"personId\": \"" + person + "\"}"))
                .andReturn().getResponse().getContentAsString();
        assertThat((Boolean) JsonPath.read(check, "$.removalAllowed")).isFalse();
    }
}
