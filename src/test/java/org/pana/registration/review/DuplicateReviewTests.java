package org.pana.registration.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pana.matching.DuplicateFinder;
import org.pana.matching.MatchReason;
import org.pana.registration.PersonDetails;
import org.pana.testing.SecondaryEffects;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Issue 3 item 7: the duplicate review queue, the comparison, merge, "not the same", undo, access and audit. */
@SpringBootTest
@AutoConfigureMockMvc
class DuplicateReviewTests {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired DuplicateReviews reviews;
    @Autowired DuplicateFinder finder;
    @Autowired JsonMapper json;
    String officer;
    String a;
    String b;

    @BeforeEach
    void twoRecordsOfOnePerson() throws Exception {
        officer = TestApi.bearer(mvc, "registration.officer");
        a = register("""
                {"names": [{"given": "Мухаммад", "family": "Карими", "script": "Cyrl", "kind": "DOCUMENT"},
                           {"given": "محمد", "family": "کریمی", "script": "Arab", "kind": "DECLARED"}],
                 "sex": "MALE", "birthDate": "1990-01-01", "birthDatePrecision": "YEAR", "nationalities": ["AFG"], "languages": ["prs"],
                 "occupation": "Tailor",
                 "documents": [{"type": "PASSPORT", "number": "%s", "issuingCountry": "AFG"}], "specificNeeds": []}""".formatted(number("P")));
        b = register("""
                {"names": [{"given": "Mohammad", "family": "Karimi", "script": "Latn", "kind": "DOCUMENT"}],
                 "sex": "MALE", "birthDate": "1990-01-01", "birthDatePrecision": "YEAR", "nationalities": ["AFG"], "languages": ["prs", "rus"],
                 "documents": [{"type": "NATIONAL_ID", "number": "%s", "issuingCountry": "AFG"}], "specificNeeds": ["LP-ND"]}"""
                .formatted(number("N")));
        // The duplicate check after each registration runs asynchronously: let it finish, so that it does
        // not queue the pair while a test queues it too.
        SecondaryEffects.awaitAll(jdbc);
    }

    static String number(String prefix) {
        return prefix + (System.nanoTime() % 10_000_000) + SERIAL.incrementAndGet();
    }

    String register(String body) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/v1/persons").header("Authorization", officer)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return JsonPath.read(response.getContentAsString(), "$.id");
    }

    /** Puts the pair on the queue (as a scan would) and returns the item's id. */
    String reviewOf(String x, String y) {
        reviews.enqueue("KAZ", List.of(new ProposedPair(UUID.fromString(x), UUID.fromString(y), 0.97,
                List.of(MatchReason.of("birth-year-equal", "1990")))), DuplicateReviews.FOUND_BY_SCAN);
        return jdbc.sql("SELECT id FROM registration_duplicate_review WHERE (person_a = :x AND person_b = :y) OR (person_a = :y AND person_b = :x)")
                .param("x", UUID.fromString(x)).param("y", UUID.fromString(y)).query(UUID.class).single().toString();
    }

    MockHttpServletResponse call(String method, String path, String token, String body) throws Exception {
        var request = switch (method) {
            case "GET" -> get(path);
            case "PATCH" -> patch(path);
            default -> post(path);
        };
        request.header("Authorization", token);
        if (body != null) request.contentType(MediaType.APPLICATION_JSON).content(body);
        return mvc.perform(request).andReturn().getResponse();
    }

    MockHttpServletResponse samePerson(String review, String survivor) throws Exception {
        return call("POST", "/api/v1/duplicate-reviews/" + review + "/same-person", officer, "{\"survivorId\": \"" + survivor + "\"}");
    }

    Map<String, Object> personJson(String id) throws Exception {
        MockHttpServletResponse response = call("GET", "/api/v1/persons/" + id, officer, null);
        assertThat(response.getStatus()).isEqualTo(200);
        Map<String, Object> person = JsonPath.parse(response.getContentAsString()).json();
        person.remove("version");
        person.remove("updatedAt");
        return person;
    }

    List<String> historyKinds(String id) throws Exception {
        return JsonPath.read(call("GET", "/api/v1/persons/" + id + "/history?size=50", officer, null).getContentAsString(), "$.items[*].kind");
    }

    long count(String sql, Object id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    @Test
    void listsOpenPairsOfTheJurisdictionBestFirst() throws Exception {
        String review = reviewOf(a, b);
        String c = register("""
                {"names": [{"given": "Zahra", "family": "Ahmadi", "script": "Latn", "kind": "DECLARED"}], "sex": "FEMALE",
                 "birthDate": "1985-06-15", "birthDatePrecision": "DAY", "nationalities": ["AFG"], "documents": [], "specificNeeds": []}""");
        reviews.enqueue("KAZ", List.of(new ProposedPair(UUID.fromString(a), UUID.fromString(c), 0.999, List.of())), DuplicateReviews.FOUND_BY_SCAN);
        // Other tests share this database and leave many pairs: page through them all, best score first.
        List<String> ids = new java.util.ArrayList<>();
        List<Double> scores = new java.util.ArrayList<>();
        for (int p = 0; p < 100; p++) {
            MockHttpServletResponse response = call("GET", "/api/v1/duplicate-reviews?size=100&page=" + p, officer, null);
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentAsString()).doesNotContain("Karimi").doesNotContain("Карими");
            List<String> page = JsonPath.read(response.getContentAsString(), "$.items[*].id");
            if (page.isEmpty()) break;
            ids.addAll(page);
            scores.addAll(JsonPath.<List<Double>>read(response.getContentAsString(), "$.items[*].score"));
        }
        assertThat(ids).contains(review);
        assertThat(scores).isSortedAccordingTo((x, y) -> Double.compare(y, x));
    }

    @Test
    void showsBothRecordsSideBySideWithScoreReasonsAndDifferingFields() throws Exception {
        String review = reviewOf(a, b);
        MockHttpServletResponse response = call("GET", "/api/v1/duplicate-reviews/" + review, officer, null);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        String body = response.getContentAsString();
        assertThat(JsonPath.<List<String>>read(body, "$.differing")).contains("names", "documents", "languages", "specificNeeds")
                .doesNotContain("sex", "birthDate");
        assertThat(JsonPath.<List<String>>read(body, "$.reasons")).isNotEmpty();
        assertThat(JsonPath.<Double>read(body, "$.score")).isBetween(0.0, 1.0);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'PERSON_READ' AND subject_id = :id", a)).isPositive();
    }

    @Test
    void mergesTheSamePersonAndTheMergedRecordRedirectsToTheSurvivor() throws Exception {
        String review = reviewOf(a, b);
        Map<String, Object> mergedBefore = personJson(b);
        MockHttpServletResponse decided = samePerson(review, a);
        assertThat(decided.getStatus()).as(decided.getContentAsString()).isEqualTo(200);
        assertThat((String) JsonPath.read(decided.getContentAsString(), "$.status")).isEqualTo("MERGED");

        MockHttpServletResponse redirect = call("GET", "/api/v1/persons/" + b, officer, null);
        assertThat(redirect.getStatus()).isEqualTo(308);
        assertThat(redirect.getHeader("Location")).isEqualTo("/api/v1/persons/" + a);

        Map<String, Object> survivor = personJson(a);
        assertThat(JsonPath.<List<String>>read(survivor, "$.names[*].given")).containsExactly("Мухаммад", "محمد", "Mohammad");
        assertThat(JsonPath.<List<String>>read(survivor, "$.names[*].kind")).containsExactly("DOCUMENT", "DECLARED", "DOCUMENT");
        assertThat(JsonPath.<List<String>>read(survivor, "$.documents[*].type")).containsExactly("PASSPORT", "NATIONAL_ID");
        assertThat(JsonPath.<List<String>>read(survivor, "$.languages")).containsExactly("prs", "rus");
        assertThat(JsonPath.<List<String>>read(survivor, "$.specificNeeds")).containsExactly("LP-ND");
        assertThat(survivor.get("occupation")).isEqualTo("Tailor");

        assertThat(historyKinds(a)).containsExactly("MERGED_FROM", "REGISTERED");
        assertThat(historyKinds(b)).containsExactly("MERGED_INTO", "REGISTERED");
        String reason = JsonPath.read(call("GET", "/api/v1/persons/" + a + "/history", officer, null).getContentAsString(), "$.items[0].reason");
        assertThat(reason).startsWith("Merged from " + mergedBefore.get("registrationNumber"));
        assertThat(jdbc.sql("SELECT status FROM registration_person WHERE id = :id").param("id", UUID.fromString(b)).query(String.class).single())
                .isEqualTo("MERGED");
        assertThat(jdbc.sql("SELECT merged_into FROM registration_person WHERE id = :id").param("id", UUID.fromString(b)).query(UUID.class).single())
                .isEqualTo(UUID.fromString(a));
        assertThat(count("SELECT count(*) FROM matching_profile WHERE person_id = :id", UUID.fromString(b))).isZero();
    }

    @Test
    void aMergedRecordCannotBeChangedButItsHistoryStaysReadable() throws Exception {
        samePerson(reviewOf(a, b), a);
        MockHttpServletResponse changed = mvc.perform(patch("/api/v1/persons/" + b).header("Authorization", officer).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"occupation\": \"Driver\", \"reason\": \"Correction\"}")).andReturn().getResponse();
        assertThat(changed.getStatus()).isEqualTo(409);
        assertThat(call("GET", "/api/v1/persons/" + b + "/history", officer, null).getStatus()).isEqualTo(200);
    }

    @Test
    void hidesTheRedirectFromCallersWhoMayNotSeeThePerson() throws Exception {
        samePerson(reviewOf(a, b), a);
        assertThat(call("GET", "/api/v1/persons/" + b, TestApi.bearer(mvc, "legal.partner"), null).getStatus()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/persons/" + b, TestApi.bearer(mvc, "eligibility.officer"), null).getStatus()).isEqualTo(308);
    }

    @Test
    void undoingTheMergeRestoresBothRecordsExactlyAndRecordsItInBothHistories() throws Exception {
        String review = reviewOf(a, b);
        Map<String, Object> survivorBefore = personJson(a);
        Map<String, Object> mergedBefore = personJson(b);
        assertThat(samePerson(review, a).getStatus()).isEqualTo(200);
        MockHttpServletResponse undone = call("POST", "/api/v1/duplicate-reviews/" + review + "/undo-merge", officer, null);
        assertThat(undone.getStatus()).as(undone.getContentAsString()).isEqualTo(200);
        assertThat((String) JsonPath.read(undone.getContentAsString(), "$.status")).isEqualTo("OPEN");

        assertThat(personJson(a)).isEqualTo(survivorBefore);
        assertThat(personJson(b)).isEqualTo(mergedBefore);
        assertThat(historyKinds(a)).containsExactly("MERGE_UNDONE", "MERGED_FROM", "REGISTERED");
        assertThat(historyKinds(b)).containsExactly("MERGE_UNDONE", "MERGED_INTO", "REGISTERED");
        assertThat(count("SELECT count(*) FROM matching_profile WHERE person_id = :id", UUID.fromString(b))).isOne();
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'DUPLICATE_MERGE_UNDONE' AND subject_id = :id", review)).isOne();
    }

    @Test
    void refusesToUndoAMergeWhoseAdditionsWereChangedSince() throws Exception {
        String review = reviewOf(a, b);
        samePerson(review, a);
        MockHttpServletResponse current = call("GET", "/api/v1/persons/" + a, officer, null);
        MockHttpServletResponse changed = mvc.perform(patch("/api/v1/persons/" + a).header("Authorization", officer)
                .header("If-Match", current.getHeader("ETag")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"documents\": [" + json.writeValueAsString(JsonPath.parse(current.getContentAsString()).read("$.documents[0]"))
                        + "], \"reason\": \"The identity card was entered twice\"}")).andReturn().getResponse();
        assertThat(changed.getStatus()).as(changed.getContentAsString()).isEqualTo(200);
        MockHttpServletResponse undone = call("POST", "/api/v1/duplicate-reviews/" + review + "/undo-merge", officer, null);
        assertThat(undone.getStatus()).isEqualTo(409);
        assertThat(undone.getContentAsString()).contains("documents");
        assertThat(call("GET", "/api/v1/persons/" + b, officer, null).getStatus()).as("still merged").isEqualTo(308);
    }

    @Test
    void notTheSamePersonClosesTheItemAndThePairIsNeverProposedAgain() throws Exception {
        String review = reviewOf(a, b);
        MockHttpServletResponse decided = call("POST", "/api/v1/duplicate-reviews/" + review + "/not-same-person", officer, null);
        assertThat(decided.getStatus()).as(decided.getContentAsString()).isEqualTo(200);
        assertThat((String) JsonPath.read(decided.getContentAsString(), "$.status")).isEqualTo("DISTINCT");
        assertThat(JsonPath.<List<String>>read(call("GET", "/api/v1/duplicate-reviews?size=100", officer, null).getContentAsString(), "$.items[*].id"))
                .doesNotContain(review);

        PersonDetails bDetails = json.readValue(call("GET", "/api/v1/persons/" + b, officer, null).getContentAsString(), PersonDetails.class);
        var candidates = finder.candidates(DuplicateReviews.profileOf(UUID.fromString(b), "KAZ", bDetails), 20);
        assertThat(candidates).noneMatch(c -> c.personId().toString().equals(a));
        jdbc.sql("DELETE FROM registration_duplicate_review WHERE id = :id").param("id", UUID.fromString(review)).update();
        assertThat(reviews.enqueue("KAZ", List.of(new ProposedPair(UUID.fromString(b), UUID.fromString(a), 0.99, List.of())),
                DuplicateReviews.FOUND_BY_SCAN)).as("a pair decided distinct is not queued again").isZero();
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'DUPLICATE_REVIEW_DECIDED' AND subject_id = :id", review)).isOne();
    }

    @Test
    void theSecondDecisionOnAPairIsAConflict() throws Exception {
        String review = reviewOf(a, b);
        assertThat(samePerson(review, a).getStatus()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/duplicate-reviews/" + review + "/not-same-person", officer, null).getStatus()).isEqualTo(409);
        assertThat(samePerson(review, b).getStatus()).isEqualTo(409);
    }

    @Test
    void aDecisionOnAStaleVersionIsAConflict() throws Exception {
        String review = reviewOf(a, b);
        MockHttpServletResponse stale = call("POST", "/api/v1/duplicate-reviews/" + review + "/not-same-person", officer, "{\"version\": 7}");
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentType()).startsWith("application/problem+json");
    }

    @Test
    void ofTwoOfficersDecidingAtOnceOneWinsAndTheOtherGetsAConflict() throws Exception {
        String review = reviewOf(a, b);
        String second = TestApi.bearer(mvc, "registration.officer");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> calls = List.of(
                    () -> { start.await(); return samePerson(review, a).getStatus(); },
                    () -> { start.await(); return call("POST", "/api/v1/duplicate-reviews/" + review + "/not-same-person", second, null).getStatus(); });
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> c : calls) futures.add(pool.submit(c));
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) statuses.add(f.get());
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'DUPLICATE_REVIEW_DECIDED' AND subject_id = :id", review)).isOne();
    }

    @Test
    void onlyRegistrationOfficersReviewDuplicates() throws Exception {
        String review = reviewOf(a, b);
        for (String user : List.of("eligibility.officer", "unhcr.monitor", "legal.partner", "admin")) {
            String token = TestApi.bearer(mvc, user);
            assertThat(call("GET", "/api/v1/duplicate-reviews", token, null).getStatus()).as(user).isEqualTo(403);
            assertThat(call("GET", "/api/v1/duplicate-reviews/" + review, token, null).getStatus()).as(user).isEqualTo(403);
            assertThat(call("POST", "/api/v1/duplicate-reviews/" + review + "/same-person", token, "{\"survivorId\": \"" + a + "\"}").getStatus())
                    .as(user).isEqualTo(403);
        }
        assertThat(jdbc.sql("SELECT status FROM registration_duplicate_review WHERE id = :id").param("id", UUID.fromString(review))
                .query(String.class).single()).isEqualTo("OPEN");
    }

    @Test
    void anItemOfAnotherJurisdictionIsNotFound() throws Exception {
        UUID foreign = UUID.randomUUID();
        jdbc.sql("DELETE FROM registration_duplicate_review WHERE person_a IN (:ids) OR person_b IN (:ids)")
                .param("ids", List.of(UUID.fromString(a), UUID.fromString(b))).update();
        jdbc.sql("""
                INSERT INTO registration_duplicate_review (id, jurisdiction, person_a, person_b, score, reasons, status, found_at)
                VALUES (:id, 'KGZ', :a, :b, 0.99, '[]', 'OPEN', CURRENT_TIMESTAMP)""")
                .param("id", foreign).param("a", UUID.fromString(a)).param("b", UUID.fromString(b)).update();
        assertThat(call("GET", "/api/v1/duplicate-reviews/" + foreign, officer, null).getStatus()).isEqualTo(404);
        MockHttpServletResponse merge = samePerson(foreign.toString(), a);
        assertThat(merge.getStatus()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/duplicate-reviews/" + foreign + "/undo-merge", officer, null).getStatus()).isEqualTo(404);
        assertThat(JsonPath.<List<String>>read(call("GET", "/api/v1/duplicate-reviews?size=100", officer, null).getContentAsString(), "$.items[*].id"))
                .doesNotContain(foreign.toString());
        assertThat(count("SELECT count(*) FROM audit_event WHERE outcome = 'DENIED' AND subject_id = :id", foreign.toString())).isGreaterThanOrEqualTo(2);
        assertThat(call("GET", "/api/v1/persons/" + b, officer, null).getStatus()).as("nothing merged").isEqualTo(200);
    }

    @Test
    void refusesASurvivorOutsideThePair() throws Exception {
        String review = reviewOf(a, b);
        MockHttpServletResponse response = samePerson(review, UUID.randomUUID().toString());
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(JsonPath.<List<String>>read(response.getContentAsString(), "$.errors[*].field")).containsExactly("survivorId");
    }

    @Test
    void auditsEveryDecisionWithIdsOnly() throws Exception {
        String review = reviewOf(a, b);
        samePerson(review, a);
        call("POST", "/api/v1/duplicate-reviews/" + review + "/undo-merge", officer, null);
        call("POST", "/api/v1/duplicate-reviews/" + review + "/not-same-person", officer, null);
        List<String> details = jdbc.sql("""
                SELECT action || ' ' || coalesce(details, '') FROM audit_event
                WHERE subject_id IN (:ids) AND action IN ('DUPLICATE_REVIEW_DECIDED', 'DUPLICATE_MERGE_UNDONE', 'PERSON_MERGED', 'PERSON_MERGE_UNDONE')
                ORDER BY seq""").param("ids", List.of(review, a, b)).query(String.class).list();
        assertThat(details).hasSize(5);
        assertThat(String.join("\n", details)).contains("decision=same-person", "decision=not-same-person", "survivor=" + a)
                .doesNotContain("Karimi", "Карими", "KAZ-");
    }

    @Test
    void thePagesCompareDecideAndUndo() throws Exception {
        String review = reviewOf(a, b);
        Cookie session = mvc.perform(post("/login").param("username", "registration.officer").param("password", "pana-demo").with(csrf()))
                .andReturn().getResponse().getCookie("__Host-PANA_SESSION");
        Document queue = Jsoup.parse(mvc.perform(get("/duplicates").cookie(session)).andReturn().getResponse().getContentAsString());
        // Other tests of this shared database leave many high-scoring pairs; the queue shows the best first.
        assertThat(queue.select("[data-testid=duplicates] a[href^=/duplicates/]")).isNotEmpty();

        Document page = Jsoup.parse(mvc.perform(get("/duplicates/" + review).cookie(session)).andReturn().getResponse().getContentAsString());
        assertThat(page.select("[data-testid=comparison] td span[dir=auto]").eachText()).contains("Мухаммад Карими", "Mohammad Karimi");
        assertThat(page.select("[data-testid=differs]")).hasSize(1);
        assertThat(page.select("[data-testid=reasons] li")).isNotEmpty();
        assertThat(page.select("input[name=survivorId][checked]").val()).as("the older record is kept by default").isEqualTo(a);

        String version = page.select("[data-testid=same-person] input[name=version]").val();
        var decided = mvc.perform(post("/duplicates/" + review + "/same-person").cookie(session).with(csrf())
                .param("survivorId", a).param("version", version)).andReturn().getResponse();
        assertThat(decided.getRedirectedUrl()).isEqualTo("/duplicates/" + review);
        var again = mvc.perform(post("/duplicates/" + review + "/not-same-person").cookie(session).with(csrf()).param("version", version))
                .andReturn();
        assertThat(again.getFlashMap().get("failure")).isEqualTo("duplicate.conflict.already-decided");

        var personPage = mvc.perform(get("/persons/" + b).cookie(session)).andReturn();
        assertThat(personPage.getResponse().getRedirectedUrl()).isEqualTo("/persons/" + a);
        assertThat(personPage.getFlashMap().get(MergedRecordRedirects.MERGED_FROM)).isEqualTo(UUID.fromString(b));

        Document merged = Jsoup.parse(mvc.perform(get("/duplicates/" + review).cookie(session)).andReturn().getResponse().getContentAsString());
        String newVersion = merged.select("[data-testid=undo-merge] input[name=version]").val();
        mvc.perform(post("/duplicates/" + review + "/undo-merge").cookie(session).with(csrf()).param("version", newVersion));
        assertThat(call("GET", "/api/v1/persons/" + b, officer, null).getStatus()).isEqualTo(200);
    }
}
