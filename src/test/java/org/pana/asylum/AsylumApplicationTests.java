package org.pana.asylum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

/** Lodging, registration, fingerprints, extension and withdrawal of asylum applications, with their deadlines and grounds. */
@SpringBootTest
@AutoConfigureMockMvc
class AsylumApplicationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired AuditTrail audit;

    String registrar;

    @BeforeEach
    void signIn() throws Exception {
        registrar = TestApi.bearer(mvc, "registration.officer");
    }

    MockHttpServletResponse send(String token, String path, String body) throws Exception {
        return mvc.perform(post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
    }

    String person(String given, String birthDate) throws Exception {
        MockHttpServletResponse created = send(registrar, "/api/v1/persons", """
                {"jurisdiction": "KAZ", "names": [{"given": "%s", "family": "Rahimi%s", "script": "Latn", "kind": "DECLARED"}],
                 "sex": "FEMALE", "birthDate": "%s", "birthDatePrecision": "DAY", "nationalities": ["AFG"]}"""
                .formatted(given, UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "x"), birthDate));
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        return JsonPath.read(created.getContentAsString(), "$.id");
    }

    MockHttpServletResponse lodge(String body) throws Exception {
        return send(registrar, "/api/v1/asylum/applications", body);
    }

    String lodged(String body) throws Exception {
        MockHttpServletResponse response = lodge(body);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return response.getContentAsString();
    }

    MockHttpServletResponse transition(String token, String id, String body) throws Exception {
        return send(token, "/api/v1/asylum/applications/" + id + "/transitions", body);
    }

    String ok(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    String deadline(String json, String step, String field) {
        List<Object> found = JsonPath.read(json, "$.deadlines[?(@.step == '" + step + "')]." + field);
        return found.isEmpty() ? null : String.valueOf(found.get(0));
    }

    List<String> grounds(String personId) throws Exception {
        String check = send(TestApi.bearer(mvc, "border.officer"), "/api/v1/removal-checks", "{\"personId\": \"" + personId + "\"}").getContentAsString();
        return JsonPath.read(check, "$.grounds[*].kind");
    }

    @Test
    void anApplicationOpenedFromABorderReferralTakesItOverAndBecomesTheGroundAgainstRemoval() throws Exception {
        String encounter = send(TestApi.bearer(mvc, "border.officer"), "/api/v1/border/encounters", """
                {"person": {"jurisdiction": "KAZ", "names": [{"given": "Soraya", "family": "Haidari", "script": "Latn", "kind": "DECLARED"}],
                            "sex": "FEMALE", "birthDate": "1990-01-01", "birthDatePrecision": "YEAR", "nationalities": ["AFG"]},
                 "encounteredAt": "%s", "borderPoint": "KAZ-KHORGOS", "arrival": "IRREGULAR_ENTRY_INLAND", "asylumIntentExpressed": true}"""
                .formatted(clock.instant().minus(Duration.ofDays(3)))).getContentAsString();
        String person = JsonPath.read(encounter, "$.personId");
        String referral = JsonPath.read(encounter, "$.referral.id");
        assertThat(grounds(person)).containsExactly("OPEN_BORDER_REFERRAL");
        String today = clock.instant().atZone(java.time.ZoneId.of("Asia/Almaty")).toLocalDate().toString();

        String json = lodged("""
                {"personId": "%s", "lodgedOn": "%s", "lodgedAt": "Department of Employment, Almaty", "referralId": "%s"}"""
                .formatted(person, today, referral));

        assertThat((String) JsonPath.read(json, "$.number")).matches("KAZ-AS-\\d{2}-\\d{5}");
        assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("LODGED");
        assertThat((Boolean) JsonPath.read(json, "$.irregularEntry")).as("from the encounter's arrival").isTrue();
        assertThat((Boolean) JsonPath.read(json, "$.lateLodging")).as("3 days after an irregular entry, the rule is 1 day").isTrue();
        assertThat(deadline(json, "LODGING_AFTER_IRREGULAR_ENTRY", "met")).isEqualTo("false");
        assertThat((List<String>) JsonPath.read(json, "$.allowedActions")).containsExactlyInAnyOrder("REGISTER", "WITHDRAW");
        assertThat(jdbc.sql("SELECT status FROM border_referral WHERE id = :id").param("id", UUID.fromString(referral)).query(String.class).single())
                .isEqualTo("TAKEN_OVER");
        assertThat(grounds(person)).containsExactly("PENDING_ASYLUM_APPLICATION");
        // The same referral cannot open a second application.
        MockHttpServletResponse again = lodge("""
                {"personId": "%s", "lodgedOn": "%s", "lodgedAt": "Almaty", "referralId": "%s"}""".formatted(person, today, referral));
        assertThat(again.getStatus()).isEqualTo(422);
        assertThat(again.getContentAsString()).contains("referralId");
    }

    @Test
    void registrationFingerprintsAndExtensionsFollowTheCalendarsRulesUpToOneYear() throws Exception {
        String mother = person("Mariam", "1988-05-02");
        String child = person("Zahra", "2015-07-09");
        String json = lodged("""
                {"personId": "%s", "lodgedOn": "2026-03-18", "lodgedAt": "Almaty", "arrivedOn": "2026-03-10", "includedChildren": ["%s"]}"""
                .formatted(mother, child));
        String id = JsonPath.read(json, "$.id");
        // Lodging: 5 calendar days after arrival on 10 March is 15 March; lodged on the 18th: late, recorded, not refused.
        assertThat(deadline(json, "LODGING", "dueOn")).isEqualTo("2026-03-15");
        assertThat((Boolean) JsonPath.read(json, "$.lateLodging")).isTrue();
        assertThat((List<String>) JsonPath.read(json, "$.includedChildren")).containsExactly(child);
        assertThat(grounds(child)).containsExactly("PENDING_ASYLUM_APPLICATION");

        json = ok(transition(registrar, id, "{\"action\": \"REGISTER\", \"registeredOn\": \"2026-03-20\"}"));
        assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("REGISTERED");
        // Fingerprints within 3 calendar days of the certificate: 23 March; the certificate is valid 3 months: 20 June.
        assertThat(deadline(json, "FINGERPRINTING", "dueOn")).isEqualTo("2026-03-23");
        assertThat(deadline(json, "CERTIFICATE_VALIDITY", "dueOn")).isEqualTo("2026-06-20");
        assertThat(deadline(json, "DECISION", "dueOn")).as("the decision clock starts with fingerprints").isNull();
        assertThat((List<String>) JsonPath.read(json, "$.certificates[*].validUntil")).containsExactly("2026-06-20");

        json = ok(transition(registrar, id, "{\"action\": \"RECORD_FINGERPRINTS\", \"takenOn\": \"2026-03-23\"}"));
        assertThat(deadline(json, "FINGERPRINTING", "met")).isEqualTo("true");
        // The decision: 3 months from registration, 20 June 2026, with the law's article as its basis.
        assertThat(deadline(json, "DECISION", "dueOn")).isEqualTo("2026-06-20");
        assertThat(deadline(json, "DECISION", "basis")).contains("Art. 11(1)");

        String eligibility = TestApi.bearer(mvc, "eligibility.officer");
        assertThat(transition(eligibility, id, "{\"action\": \"EXTEND_CONSIDERATION\", \"reason\": \" \"}").getStatus()).isEqualTo(422);
        List<String> dues = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            json = ok(transition(eligibility, id, "{\"action\": \"EXTEND_CONSIDERATION\", \"reason\": \"Identity documents sent for verification\"}"));
            dues.add(deadline(json, "DECISION", "dueOn"));
        }
        // Each extension adds a 3-month certificate period; never past one year from registration (20 March 2027).
        assertThat(dues).containsExactly("2026-09-20", "2026-12-20", "2027-03-20");
        assertThat(deadline(json, "DECISION", "basis")).contains("at most until 2027-03-20");
        assertThat((List<String>) JsonPath.read(json, "$.certificates[*].number")).hasSize(4);
        assertThat((List<String>) JsonPath.read(json, "$.allowedActions")).doesNotContain("EXTEND_CONSIDERATION");
        long version = ((Number) JsonPath.read(json, "$.version")).longValue();
        MockHttpServletResponse beyond = transition(eligibility, id, "{\"action\": \"EXTEND_CONSIDERATION\", \"reason\": \"More checks\"}");
        assertThat(beyond.getStatus()).isEqualTo(409);
        assertThat(beyond.getContentAsString()).contains("one year");
        assertThat(jdbc.sql("SELECT version FROM asylum_application WHERE id = :id").param("id", UUID.fromString(id)).query(Long.class).single())
                .as("nothing changed").isEqualTo(version);

        List<Map<String, Object>> history = JsonPath.read(json, "$.history");
        assertThat(history).extracting(h -> h.get("action")).containsExactly("LODGE", "REGISTER", "RECORD_FINGERPRINTS", "EXTEND_CONSIDERATION",
                "EXTEND_CONSIDERATION", "EXTEND_CONSIDERATION");
        assertThat(history).extracting(h -> h.get("effectiveOn")).startsWith("2026-03-18", "2026-03-20", "2026-03-23");
        assertThat(history).allMatch(h -> h.get("recordedAt") != null && h.get("recordedBy") != null);
    }

    @Test
    void forbiddenTransitionsAnswer409AndChangeNothingAndRolesWithoutThePowerGet403Or404() throws Exception {
        String json = lodged("{\"personId\": \"%s\", \"lodgedOn\": \"2026-04-01\", \"lodgedAt\": \"Almaty\"}".formatted(person("Nadia", "1979-02-02")));
        String id = JsonPath.read(json, "$.id");
        assertThat(transition(TestApi.bearer(mvc, "decision.maker"), id, "{\"action\": \"EXTEND_CONSIDERATION\", \"reason\": \"x\"}")
                .getStatus()).as("not registered yet").isEqualTo(409);
        assertThat(transition(registrar, id, "{\"action\": \"RECORD_FINGERPRINTS\", \"takenOn\": \"2026-04-02\"}").getStatus()).isEqualTo(409);
        assertThat(transition(registrar, id, "{\"action\": \"FLY_AWAY\"}").getStatus()).isEqualTo(422);
        assertThat(transition(registrar, id, "{\"action\": \"REGISTER\", \"registeredOn\": \"2026-03-31\"}").getStatus())
                .as("before lodging").isEqualTo(422);
        assertThat(transition(registrar, id, "{\"action\": \"REGISTER\", \"registeredOn\": \"2999-01-01\"}").getStatus())
                .as("in the future").isEqualTo(422);
        assertThat(transition(TestApi.bearer(mvc, "eligibility.officer"), id, "{\"action\": \"REGISTER\", \"registeredOn\": \"2026-04-02\"}")
                .getStatus()).isEqualTo(403);
        assertThat(transition(TestApi.bearer(mvc, "unhcr.monitor"), id, "{\"action\": \"WITHDRAW\", \"on\": \"2026-04-02\"}").getStatus())
                .isEqualTo(403);
        assertThat(transition(TestApi.bearer(mvc, "border.officer"), id, "{\"action\": \"WITHDRAW\", \"on\": \"2026-04-02\"}").getStatus())
                .isEqualTo(403);
        String monitorView = ok(mvc.perform(get("/api/v1/asylum/applications/" + id).header("Authorization", TestApi.bearer(mvc, "unhcr.monitor")))
                .andReturn().getResponse());
        assertThat((List<String>) JsonPath.read(monitorView, "$.allowedActions")).isEmpty();
        assertThat(mvc.perform(get("/api/v1/asylum/applications/" + UUID.randomUUID()).header("Authorization", registrar)).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT version FROM asylum_application WHERE id = :id").param("id", UUID.fromString(id)).query(Long.class).single())
                .isZero();
        audit.seal();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ASYLUM_RECORD_FINGERPRINTS' AND outcome = 'DENIED'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void refusesBadLodgingsWithTheFieldAtFaultAndWritesNothing() throws Exception {
        String adult = person("Karim", "1990-01-01");
        String grownChild = person("Omid", "2000-01-01");
        long before = jdbc.sql("SELECT count(*) FROM asylum_application").query(Long.class).single();
        Map<String, String> bodies = Map.of(
                "lodgedOn", "{\"personId\": \"%s\", \"lodgedOn\": \"2999-01-01\", \"lodgedAt\": \"Almaty\"}".formatted(adult),
                "lodgedAt", "{\"personId\": \"%s\", \"lodgedOn\": \"2026-04-01\", \"lodgedAt\": \" \"}".formatted(adult),
                "arrivedOn", "{\"personId\": \"%s\", \"lodgedOn\": \"2026-04-01\", \"lodgedAt\": \"Almaty\", \"arrivedOn\": \"2026-04-05\"}".formatted(adult),
                "includedChildren[0]", "{\"personId\": \"%s\", \"lodgedOn\": \"2026-04-01\", \"lodgedAt\": \"Almaty\", \"includedChildren\": [\"%s\"]}"
                        .formatted(adult, grownChild),
                "referralId", "{\"personId\": \"%s\", \"lodgedOn\": \"2026-04-01\", \"lodgedAt\": \"Almaty\", \"referralId\": \"%s\"}"
                        .formatted(adult, UUID.randomUUID()));
        for (var bad : bodies.entrySet()) {
            MockHttpServletResponse response = lodge(bad.getValue());
            assertThat(response.getStatus()).as(bad.getKey()).isEqualTo(422);
            assertThat((List<String>) JsonPath.read(response.getContentAsString(), "$.errors[*].field")).as(bad.getKey()).contains(bad.getKey());
        }
        assertThat(lodge("{\"personId\": \"%s\", \"lodgedOn\": \"2026-04-01\", \"lodgedAt\": \"Almaty\"}".formatted(UUID.randomUUID())).getStatus())
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM asylum_application").query(Long.class).single()).isEqualTo(before);
        assertThat(send(TestApi.bearer(mvc, "border.officer"), "/api/v1/asylum/applications",
                "{\"personId\": \"%s\", \"lodgedOn\": \"2026-04-01\", \"lodgedAt\": \"Almaty\"}".formatted(adult)).getStatus()).isEqualTo(403);

        lodged("{\"personId\": \"%s\", \"lodgedOn\": \"2026-04-01\", \"lodgedAt\": \"Almaty\"}".formatted(adult));
        MockHttpServletResponse second = lodge("{\"personId\": \"%s\", \"lodgedOn\": \"2026-04-02\", \"lodgedAt\": \"Almaty\"}".formatted(adult));
        assertThat(second.getStatus()).as("one open application per person").isEqualTo(409);
    }

    @Test
    void aRetriedLodgingReturnsTheFirstApplicationAndAWithdrawnOneNoLongerBlocksRemoval() throws Exception {
        String person = person("Leila", "1985-03-03");
        String body = "{\"personId\": \"%s\", \"lodgedOn\": \"2026-05-04\", \"lodgedAt\": \"Almaty\"}".formatted(person);
        String key = UUID.randomUUID().toString();
        String first = mvc.perform(post("/api/v1/asylum/applications").header("Authorization", registrar).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getContentAsString();
        String retry = mvc.perform(post("/api/v1/asylum/applications").header("Authorization", registrar).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(retry, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
        assertThat(jdbc.sql("SELECT count(*) FROM asylum_application WHERE person_id = :p").param("p", UUID.fromString(person)).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(grounds(person)).containsExactly("PENDING_ASYLUM_APPLICATION");
        String closed = ok(transition(registrar, JsonPath.read(first, "$.id"), "{\"action\": \"WITHDRAW\", \"on\": \"2026-05-10\"}"));
        assertThat((String) JsonPath.read(closed, "$.status")).isEqualTo("CLOSED");
        assertThat((String) JsonPath.read(closed, "$.outcome")).isEqualTo("WITHDRAWN");
        assertThat(grounds(person)).isEmpty();
    }

    @Test
    void theRemovalCheckPageNamesAPendingApplicationInEveryLanguage() throws Exception {
        String person = person("Parwin", "1987-08-08");
        lodged("{\"personId\": \"%s\", \"lodgedOn\": \"2026-06-01\", \"lodgedAt\": \"Almaty\"}".formatted(person));
        String number = JsonPath.read(mvc.perform(get("/api/v1/persons/" + person).header("Authorization", registrar)).andReturn().getResponse()
                .getContentAsString(), "$.registrationNumber");
        var officer = mvc.perform(post("/login").param("username", "border.officer").param("password", TestApi.DEMO_PASSWORD)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn().getResponse().getCookie("__Host-PANA_SESSION");
        Map<String, String> texts = Map.of("en", "Asylum application pending", "ru", "Ходатайство о предоставлении убежища на рассмотрении",
                "kk", "Баспана беру туралы өтінішхат қаралуда");
        for (var language : texts.entrySet()) {
            String html = mvc.perform(post("/removal-checks").param("lang", language.getKey()).param("registrationNumber", number).cookie(officer)
                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                    .andReturn().getResponse().getContentAsString();
            var ground = org.jsoup.Jsoup.parse(html).select("[data-testid=ground][data-kind=PENDING_ASYLUM_APPLICATION]");
            assertThat(ground.text()).as(language.getKey()).contains(language.getValue()).contains("2026").contains("KAZ-AS-");
        }
    }

    @Test
    void twoOfficersRegisteringTheSameApplicationAtOnceGetOneRegistrationAndOneConflict() throws Exception {
        String id = JsonPath.read(lodged("{\"personId\": \"%s\", \"lodgedOn\": \"2026-05-04\", \"lodgedAt\": \"Almaty\"}"
                .formatted(person("Samira", "1992-02-02"))), "$.id");
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        var threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (String day : List.of("2026-05-05", "2026-05-06")) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return transition(registrar, id, "{\"action\": \"REGISTER\", \"registeredOn\": \"" + day + "\"}").getStatus();
                }));
            }
            start.countDown();
            List<Integer> statuses = List.of(answers.get(0).get(), answers.get(1).get());
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            threads.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM asylum_certificate c JOIN asylum_application a ON a.id = c.application_id WHERE a.id = :id")
                .param("id", UUID.fromString(id)).query(Long.class).single()).as("one certificate, not two").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM asylum_application_event WHERE application_id = :id AND action = 'REGISTER'")
                .param("id", UUID.fromString(id)).query(Long.class).single()).isEqualTo(1);
    }
}
