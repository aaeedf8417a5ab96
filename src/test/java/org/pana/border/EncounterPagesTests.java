package org.pana.border;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pana.audit.AuditTrail;
import org.pana.registration.household.Relationship;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The border officer's encounter form and the endpoints its script uses, signed in through the real sign-in
 * form: the page in three languages for border officers only, saving with CSRF and an Idempotency-Key shared
 * with the API, field errors named as the form shows them, and duplicate candidates before saving.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EncounterPagesTests {

    private static final Map<String, Cookie> sessions = new ConcurrentHashMap<>();

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired AuditTrail audit;

    @ParameterizedTest
    @CsvSource({"en, Record a border encounter, Nur Zholy (Khorgos)", "ru, Запись встречи на границе, Kordai",
            "kk, Шекарадағы кездесуді тіркеу, Zhibek Zholy"})
    void rendersTheFormForABorderOfficerInEachLanguage(String language, String title, String point) throws Exception {
        MockHttpServletResponse response = perform("border.officer", get("/border/encounters/new").param("lang", language));

        assertThat(response.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select("html").attr("lang")).isEqualTo(language);
        assertThat(page.select("h1").text()).isEqualTo(title);
        assertThat(page.html()).doesNotContain("??");
        assertThat(page.select("#borderPoint option").eachText()).anyMatch(text -> text.startsWith(point));
        assertThat(page.select("#borderPoint option").eachAttr("value")).allMatch(code -> code.startsWith("KAZ-")).contains("KAZ-KHORGOS");
        assertThat(page.select("#arrival option").eachAttr("value"))
                .containsExactlyInAnyOrder("CROSSING_POINT", "IRREGULAR_ENTRY_INLAND", "AIRPORT_TRANSIT_ZONE");
        assertThat(page.select("#profile option").eachAttr("value")).contains("UNACCOMPANIED_OR_SEPARATED_CHILD", "OTHER_MIGRANT");
        assertThat(page.select("#nationalities option").eachAttr("value")).contains("AFG", "XXA", "XXX");
        assertThat(page.select("input[name=specificNeeds]").eachAttr("value")).contains("SC-UC");
        assertThat(page.select("#encounter-form").attr("data-owner")).hasSize(32);
        assertThat(page.select("script[src='/js/border-encounter.js']")).hasSize(1);
        assertThat(page.select("script:not([src])")).as("no inline script under the CSP").isEmpty();
        assertThat(page.select("form[action=/logout]").attr("data-unsent-warning")).contains("{0}");
    }

    @Test
    void offersTheHouseholdRelationshipsOfRegistrationExceptTheFocalPoint() throws Exception {
        List<String> registration = Arrays.stream(Relationship.values()).filter(r -> r != Relationship.FOCAL_POINT).map(Enum::name).toList();
        assertThat(EncounterPages.COMPANION_RELATIONSHIPS).containsExactlyElementsOf(registration);

        Document page = Jsoup.parse(perform("border.officer", get("/border/encounters/new")).getContentAsString());
        Element template = page.selectFirst("#companion-template");
        List<String> offered = Jsoup.parse(template.html()).select("select[data-field$=relationship] option").eachAttr("value");
        assertThat(offered.subList(1, offered.size())).containsExactlyElementsOf(registration);
    }

    @Test
    void refusesTheFormAndItsEndpointsToOtherRoles() throws Exception {
        long encounters = count();
        for (String user : List.of("registration.officer", "migration.officer", "unhcr.monitor", "legal.partner", "statistician")) {
            assertThat(perform(user, get("/border/encounters/new")).getStatus()).as(user).isEqualTo(403);
            assertThat(perform(user, json(post("/border/encounters"), encounter(newPerson("Otherrole"), anHourAgo(), true))
                    .header("Idempotency-Key", UUID.randomUUID().toString())).getStatus()).as(user).isEqualTo(403);
            assertThat(perform(user, json(post("/border/encounters/duplicate-candidates"), newPerson("Otherrole"))).getStatus())
                    .as(user).isEqualTo(403);
            assertThat(perform(user, get("/border/encounters/session").accept(MediaType.APPLICATION_JSON)).getStatus()).as(user).isEqualTo(403);
        }
        assertThat(count()).isEqualTo(encounters);
    }

    @Test
    void savesAnEncounterWithTheCsrfTokenTheSessionEndpointGives() throws Exception {
        MockHttpServletResponse session = mvc.perform(get("/border/encounters/session").cookie(session("border.officer"))
                .accept(MediaType.APPLICATION_JSON)).andReturn().getResponse();
        assertThat(session.getStatus()).isEqualTo(200);
        assertThat(session.getHeader("Cache-Control")).contains("no-store");
        String header = JsonPath.read(session.getContentAsString(), "$.csrfHeader");
        String token = JsonPath.read(session.getContentAsString(), "$.csrfToken");
        long before = count();

        MockHttpServletResponse saved = mvc.perform(post("/border/encounters").cookie(session("border.officer")).header(header, token)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON).content(encounter(newPerson("Csrfina"), anHourAgo(), true))).andReturn().getResponse();

        assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(201);
        assertThat((String) JsonPath.read(saved.getContentAsString(), "$.registrationNumber")).startsWith("KAZ-");
        assertThat((String) JsonPath.read(saved.getContentAsString(), "$.referral.status")).isEqualTo("PENDING");
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void refusesASaveWithoutTheCsrfTokenAndWritesNothing() throws Exception {
        long before = count();
        MockHttpServletResponse refused = mvc.perform(post("/border/encounters").cookie(session("border.officer"))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON).content(encounter(newPerson("Nocsrf"), anHourAgo(), true))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aRetryWithTheSameKeyByThePageOrTheApiReturnsTheFirstEncounter() throws Exception {
        String key = "page-" + UUID.randomUUID();
        String body = encounter(newPerson("Retrina"), anHourAgo(), true);
        long before = count();

        MockHttpServletResponse first = perform("border.officer", json(post("/border/encounters"), body).header("Idempotency-Key", key));
        MockHttpServletResponse again = perform("border.officer", json(post("/border/encounters"), body).header("Idempotency-Key", key));
        MockHttpServletResponse byApi = mvc.perform(post("/api/v1/border/encounters").header("Authorization", TestApi.bearer(mvc, "border.officer"))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();

        assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(201);
        String id = JsonPath.read(first.getContentAsString(), "$.id");
        for (MockHttpServletResponse retry : List.of(again, byApi)) {
            assertThat(retry.getStatus()).isEqualTo(201);
            assertThat(retry.getHeader("Idempotency-Replayed")).isEqualTo("true");
            assertThat((String) JsonPath.read(retry.getContentAsString(), "$.id")).isEqualTo(id);
            assertThat((String) JsonPath.read(retry.getContentAsString(), "$.referral.id"))
                    .isEqualTo(JsonPath.read(first.getContentAsString(), "$.referral.id"));
        }
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void createsExactlyOneEncounterFromAHundredConcurrentRetriesThroughThePage() throws Exception {
        String key = "page-" + UUID.randomUUID();
        String body = encounter(newPerson("Hundreda"), anHourAgo(), true);
        Cookie officer = session("border.officer");
        long before = count();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        Set<String> created = new HashSet<>();
        try {
            List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                answers.add(threads.submit(() -> mvc.perform(post("/border/encounters").cookie(officer).with(csrf())
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                        .content(body)).andReturn().getResponse()));
            }
            for (Future<MockHttpServletResponse> answer : answers) {
                MockHttpServletResponse response = answer.get(2, TimeUnit.MINUTES);
                assertThat(response.getStatus()).as(response.getContentAsString()).isIn(201, 409); // 409: the first is still being recorded
                if (response.getStatus() == 201) created.add(JsonPath.read(response.getContentAsString(), "$.id"));
            }
        } finally {
            threads.shutdownNow();
        }
        MockHttpServletResponse retry = perform("border.officer", json(post("/border/encounters"), body).header("Idempotency-Key", key));
        created.add(JsonPath.read(retry.getContentAsString(), "$.id"));
        assertThat(created).hasSize(1);
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void answersAnInvalidEncounterWith422NamingEachFieldAndWritesNothing() throws Exception {
        long before = count(), people = jdbc.sql("SELECT count(*) FROM registration_person").query(Long.class).single();
        Instant future = clock.instant().plus(Duration.ofHours(3));

        MockHttpServletResponse whenAndWhere = perform("border.officer", json(post("/border/encounters"),
                encounter(newPerson("Futurina"), future, true).replace("KAZ-KHORGOS", "KGZ-FRU")).header("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(whenAndWhere.getStatus()).isEqualTo(422);
        assertThat(whenAndWhere.getContentType()).contains("application/problem+json");
        assertThat((List<String>) JsonPath.read(whenAndWhere.getContentAsString(), "$.errors[*].field"))
                .contains("encounteredAt", "borderPoint");

        MockHttpServletResponse badName = perform("border.officer", json(post("/border/encounters"),
                encounter(newPerson("Bad\u202Ename"), anHourAgo(), true)).header("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(badName.getStatus()).isEqualTo(422);
        assertThat((List<String>) JsonPath.read(badName.getContentAsString(), "$.errors[*].field"))
                .anyMatch(field -> field.matches("(person\\.)?names\\[0]\\.family"));

        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM registration_person").query(Long.class).single()).isEqualTo(people);
    }

    @Test
    void showsDuplicateCandidatesForThePersonMetAndLinksTheEncounterToTheOneChosen() throws Exception {
        String family = "Dupl" + Long.toString(System.nanoTime() % 1_000_000, 36);
        String registered = perform("border.officer", json(post("/border/encounters"), encounter(newPerson(family), anHourAgo(), false))
                .header("Idempotency-Key", UUID.randomUUID().toString())).getContentAsString();
        String personId = JsonPath.read(registered, "$.personId");
        long people = jdbc.sql("SELECT count(*) FROM registration_person").query(Long.class).single();

        MockHttpServletResponse check = perform("border.officer", json(post("/border/encounters/duplicate-candidates"), newPerson(family)));

        assertThat(check.getStatus()).as(check.getContentAsString()).isEqualTo(200);
        assertThat(check.getHeader("Cache-Control")).contains("no-store");
        assertThat((List<String>) JsonPath.read(check.getContentAsString(), "$.candidates[*].personId")).contains(personId);
        String candidate = "$.candidates[?(@.personId == '" + personId + "')]";
        assertThat((List<String>) JsonPath.read(check.getContentAsString(), candidate + ".name")).first().asString().contains(family);
        assertThat((List<String>) JsonPath.read(check.getContentAsString(), candidate + ".registrationNumber")).first().asString().startsWith("KAZ-");
        assertThat(jdbc.sql("SELECT count(*) FROM registration_person").query(Long.class).single()).as("nothing saved").isEqualTo(people);
        audit.seal();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'PERSON_LISTED' AND subject_id = :id AND actor = 'border.officer'")
                .param("id", personId).query(Long.class).single()).isPositive();

        String linked = """
                {"personId": "%s", "encounteredAt": "%s", "borderPoint": "KAZ-KHORGOS", "asylumIntentExpressed": false}"""
                .formatted(personId, anHourAgo());
        MockHttpServletResponse same = perform("border.officer", json(post("/border/encounters"), linked).header("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(same.getStatus()).isEqualTo(201);
        assertThat((String) JsonPath.read(same.getContentAsString(), "$.personId")).isEqualTo(personId);
        assertThat(jdbc.sql("SELECT count(*) FROM registration_person").query(Long.class).single()).isEqualTo(people);

        MockHttpServletResponse invalid = perform("border.officer", json(post("/border/encounters/duplicate-candidates"),
                newPerson(family).replace("\"sex\": \"FEMALE\"", "\"sex\": \"DRAGON\"")));
        assertThat(invalid.getStatus()).isEqualTo(422);
        assertThat(invalid.getContentAsString()).contains("\"sex\"");
    }

    @Test
    void givesEachOfficerTheirOwnStableQueueOwner() throws Exception {
        String first = JsonPath.read(perform("border.officer", get("/border/encounters/session").accept(MediaType.APPLICATION_JSON))
                .getContentAsString(), "$.owner");
        Cookie another = mvc.perform(post("/login").param("username", "border.officer").param("password", TestApi.DEMO_PASSWORD).with(csrf()))
                .andReturn().getResponse().getCookie("__Host-PANA_SESSION");
        String second = JsonPath.read(mvc.perform(get("/border/encounters/session").cookie(another).accept(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString(), "$.owner");
        assertThat(second).as("a new session of the same officer").isEqualTo(first);
        String page = Jsoup.parse(perform("border.officer", get("/border/encounters/new")).getContentAsString())
                .select("#encounter-form").attr("data-owner");
        assertThat(page).isEqualTo(first);
    }

    @Test
    void servesTheServiceWorkerForTheBorderScopeUncached() throws Exception {
        MockHttpServletResponse worker = perform("border.officer", get("/border/service-worker.js"));
        assertThat(worker.getStatus()).isEqualTo(200);
        assertThat(worker.getContentType()).startsWith("text/javascript");
        assertThat(worker.getHeader("Service-Worker-Allowed")).isEqualTo("/border/");
        assertThat(worker.getHeader("Cache-Control")).contains("no-cache");
        assertThat(worker.getContentAsString()).contains("/border/encounters/new").contains("addEventListener('fetch'");
    }

    // ---- helpers ----

    static String newPerson(String family) {
        return """
                {"jurisdiction": "KAZ",
                 "names": [{"given": "Zarina", "family": "%s", "script": "Latn", "kind": "DECLARED"}],
                 "sex": "FEMALE", "birthDate": "1991-03-07", "birthDatePrecision": "DAY", "nationalities": ["AFG"],
                 "languages": ["prs"], "documents": [], "specificNeeds": []}""".formatted(family);
    }

    static String encounter(String person, Instant at, boolean intent) {
        return """
                {"person": %s, "encounteredAt": "%s", "borderPoint": "KAZ-KHORGOS", "arrival": "CROSSING_POINT",
                 "asylumIntentExpressed": %s, "intentInOwnWords": "Cannot go back", "leafletLanguage": "prs", "interpreterLanguage": "prs"}"""
                .formatted(person, at, intent);
    }

    Instant anHourAgo() {
        return clock.instant().minus(Duration.ofHours(1));
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM border_encounter").query(Long.class).single();
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(body);
    }

    private MockHttpServletResponse perform(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.cookie(session(username)).with(csrf())).andReturn().getResponse();
    }

    private Cookie session(String username) throws Exception {
        Cookie session = sessions.get(username);
        if (session == null) {
            session = mvc.perform(post("/login").param("username", username).param("password", TestApi.DEMO_PASSWORD).with(csrf()))
                    .andReturn().getResponse().getCookie("__Host-PANA_SESSION");
            sessions.put(username, session);
        }
        return session;
    }
}
