package org.pana.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pana.registration.PersonFixtures.aPerson;
import static org.pana.registration.PersonFixtures.aPersonNamed;
import static org.pana.registration.PersonFixtures.register;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pana.access.PanaUser;
import org.pana.audit.AuditTrail;
import org.pana.matching.Candidate;
import org.pana.matching.DuplicateFinder;
import org.pana.matching.MatchIndex;
import org.pana.matching.MatchProfile;
import org.pana.matching.MatchReason;
import org.pana.matching.NameSearch;
import org.pana.platform.Database;
import org.pana.platform.RequestsInFlight;
import org.pana.platform.TimeOrderedIds;
import org.pana.testing.SecondaryEffects;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * How registration uses matching's candidates: visibility, order, limit, registration numbers, audit,
 * rendered reasons, and the review queue after a registration. Matching's own quality is tested in
 * matching; here a stand-in finder returns fixed candidates.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DuplicateCandidatesTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PersonRepository people;
    @Autowired PersonRows rows;
    @Autowired PersonQueries queries;
    @Autowired PersonRules rules;
    @Autowired RegistrationNumbers numbers;
    @Autowired PersonHistory history;
    @Autowired ProtectionReviews reviews;
    @Autowired PersonAccess access;
    @Autowired SpecificNeedCatalogue catalogue;
    @Autowired MatchIndex matchIndex;
    @Autowired NameSearch nameSearch;
    @Autowired AuditTrail audit;
    @Autowired ApplicationEventPublisher events;
    @Autowired TimeOrderedIds ids;
    @Autowired Clock clock;
    @Autowired JsonMapper json;
    @Autowired TransactionTemplate transactions;
    @Autowired DuplicateReviewQueue duplicateChecks;
    @Autowired Database database;
    @Autowired RequestsInFlight requests;
    @Autowired PlatformTransactionManager transactionManager;
    String officer;

    @BeforeEach
    void signIn() throws Exception {
        officer = TestApi.bearer(mvc, "registration.officer");
    }

    /** Matching as it will answer one day: these candidates, whatever the probe. */
    static DuplicateFinder finderAnswering(List<Candidate> candidates) {
        DuplicateFinder finder = org.mockito.Mockito.mock(DuplicateFinder.class);
        org.mockito.Mockito.when(finder.candidates(org.mockito.ArgumentMatchers.any(MatchProfile.class), org.mockito.ArgumentMatchers.anyInt()))
                .thenReturn(candidates);
        org.mockito.Mockito.when(finder.candidatesOf(org.mockito.ArgumentMatchers.any(UUID.class), org.mockito.ArgumentMatchers.anyInt()))
                .thenReturn(candidates);
        return finder;
    }

    private Registry registryWith(DuplicateFinder finder) {
        return new Registry(people, rows, queries, rules, numbers, history, reviews, access, catalogue, matchIndex, finder, duplicateChecks,
                nameSearch, audit, events, ids, clock, java.time.ZoneId.of("Asia/Almaty"));
    }

    private UUID aKyrgyzPerson() {
        UUID id = ids.next();
        jdbc.sql("INSERT INTO registration_person (id, jurisdiction, registration_number, status, created_at, updated_at, version) "
                + "VALUES (:id, 'KGZ', :n, 'ACTIVE', :now, :now, 0)").param("id", id)
                .param("n", "KGZ-26-" + (100000 + Math.abs(id.hashCode() % 900000))).param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
        return id;
    }

    @Test
    void returnsOnlyVisibleCandidatesBestFirstWithNumbersAndAuditsEach() throws Exception {
        UUID near = UUID.fromString(register(mvc, officer, aPerson()));
        UUID nearer = UUID.fromString(register(mvc, officer, aPerson()));
        UUID hidden = aKyrgyzPerson();
        Registry registry = registryWith(finderAnswering(List.of(
                new Candidate(near, 0.71, false, List.of(MatchReason.of("birth-year-equal"))),
                new Candidate(hidden, 0.99, true, List.of()),
                new Candidate(nearer, 0.95, true, List.of(MatchReason.of("given-name-transliteration", "Мухаммад", "Muhammad"))))));
        PanaUser caller = TestUsers.principal(jdbc, "registration.officer");
        List<DuplicateCandidate> found = TestUsers.as(caller, () -> transactions.execute(s ->
                registry.duplicateCandidates(caller, json.readValue(aPerson(), PersonDetails.class), 10)));
        assertThat(found).extracting(DuplicateCandidate::personId).containsExactly(nearer, near);
        assertThat(found.get(0).registrationNumber()).matches("KAZ-\\d{2}-\\d{6,}");
        assertThat(found.get(0).likelyDuplicate()).isTrue();
        for (UUID shown : List.of(near, nearer)) {
            assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'PERSON_LISTED' AND subject_id = :id")
                    .param("id", shown.toString()).query(Long.class).single()).isEqualTo(1);
        }
        List<DuplicateCandidate> one = TestUsers.as(caller, () -> transactions.execute(s ->
                registry.duplicateCandidates(caller, json.readValue(aPerson(), PersonDetails.class), 1)));
        assertThat(one).extracting(DuplicateCandidate::personId).containsExactly(nearer);
        PanaUser partner = TestUsers.principal(jdbc, "legal.partner");
        List<DuplicateCandidate> forPartner = TestUsers.as(partner, () -> transactions.execute(s ->
                registry.duplicateCandidates(partner, json.readValue(aPerson(), PersonDetails.class), 10)));
        assertThat(forPartner).isEmpty();
    }

    @Test
    void rendersReasonsInTheReadersLanguageAndFallsBackToTheCode() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("matching.reason.given-name-transliteration", Locale.ENGLISH, "given name: {0} ~ {1} (transliteration)");
        messages.addMessage("matching.reason.given-name-transliteration", Locale.forLanguageTag("ru"), "имя: {0} ~ {1} (транслитерация)");
        List<MatchReason> reasons = List.of(MatchReason.of("given-name-transliteration", "Мухаммад", "Muhammad"), MatchReason.of("birth-year-equal"));
        assertThat(MatchReasonTexts.render(messages, reasons, Locale.ENGLISH))
                .containsExactly("given name: Мухаммад ~ Muhammad (transliteration)", "birth-year-equal");
        assertThat(MatchReasonTexts.render(messages, reasons, Locale.forLanguageTag("ru")))
                .containsExactly("имя: Мухаммад ~ Muhammad (транслитерация)", "birth-year-equal");
    }

    @Test
    void answersTheCandidatesEndpointInTheApiShapeAndSavesNothing() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM registration_person").query(Long.class).single();
        MockHttpServletResponse response = mvc.perform(post("/api/v1/persons/duplicate-candidates?limit=10").header("Authorization", officer)
                .contentType(MediaType.APPLICATION_JSON).content(aPerson())).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat((List<?>) JsonPath.read(response.getContentAsString(), "$.candidates")).isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM registration_person").query(Long.class).single()).isEqualTo(before);
        MockHttpServletResponse tooMany = mvc.perform(post("/api/v1/persons/duplicate-candidates?limit=1000").header("Authorization", officer)
                .contentType(MediaType.APPLICATION_JSON).content(aPerson())).andReturn().getResponse();
        assertThat(tooMany.getStatus()).isEqualTo(422);
        MockHttpServletResponse bad = mvc.perform(post("/api/v1/persons/duplicate-candidates").header("Authorization", officer)
                .contentType(MediaType.APPLICATION_JSON).content(aPerson().replace("1990-01-01", "2026-02-30"))).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(422);
    }

    @Test
    void queuesLikelyDuplicatesOnceAndLeavesUnlikelyOnesOut() throws Exception {
        UUID registered = UUID.fromString(register(mvc, officer, aPerson()));
        UUID likely = UUID.fromString(register(mvc, officer, aPerson()));
        UUID unlikely = UUID.fromString(register(mvc, officer, aPerson()));
        // The real duplicate check (asynchronous, after each commit) queues these same-looking people too;
        // once it is done, clear its pairs so this test sees only what the queue under test does.
        SecondaryEffects.awaitAll(jdbc);
        jdbc.sql("DELETE FROM registration_duplicate_review WHERE person_a IN (:ids) OR person_b IN (:ids)")
                .param("ids", List.of(registered, likely, unlikely)).update();
        DuplicateReviewQueue queue = new DuplicateReviewQueue(finderAnswering(List.of(
                new Candidate(likely, 0.97, true, List.of(MatchReason.of("birth-year-equal"))),
                new Candidate(unlikely, 0.4, false, List.of()),
                new Candidate(registered, 1.0, true, List.of()))), jdbc, ids, clock, json, database, requests, transactionManager,
                Duration.ofSeconds(2));
        assertThat((Integer) transactions.execute(s -> queue.queueLikelyDuplicatesOf(registered))).isEqualTo(1);
        assertThat((Integer) transactions.execute(s -> queue.queueLikelyDuplicatesOf(registered))).isZero();
        List<String> pairs = jdbc.sql("SELECT person_a || '/' || person_b || '/' || status FROM registration_duplicate_review "
                + "WHERE person_a IN (:ids) OR person_b IN (:ids)").param("ids", List.of(registered, likely, unlikely)).query(String.class).list();
        UUID a = registered.compareTo(likely) < 0 ? registered : likely;
        UUID b = a.equals(registered) ? likely : registered;
        assertThat(pairs).containsExactly(a + "/" + b + "/OPEN");
    }

    @Test
    void looksForDuplicatesAfterEachSingleRegistrationCommitsAndLeavesNothingQueued() throws Exception {
        String family = aRareFamilyName();
        UUID first = UUID.fromString(register(mvc, officer, aPersonNamed("Мухаммад", family)));
        UUID second = UUID.fromString(register(mvc, officer, aPersonNamed("Мухаммад", family)));
        UUID a = first.compareTo(second) < 0 ? first : second;
        UUID b = a.equals(first) ? second : first;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT count(*) FROM registration_duplicate_review WHERE person_a = :a AND person_b = :b AND status = 'OPEN'")
                .param("a", a).param("b", b).query(Long.class).single()).isEqualTo(1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT count(*) FROM registration_duplicate_check WHERE person_id IN (:ids)").param("ids", List.of(first, second))
                .query(Long.class).single()).isZero());
    }

    @Test
    void aCheckOfAPersonWhoIsGoneIsDroppedAndTheRestOfTheBatchIsChecked() throws Exception {
        SecondaryEffects.awaitAll(jdbc);
        UUID gone = ids.next();
        transactions.executeWithoutResult(s -> jdbc.sql(
                "INSERT INTO registration_duplicate_check (person_id, jurisdiction, queued_at) VALUES (:id, 'KAZ', :at)")
                .param("id", gone).param("at", OffsetDateTime.now(ZoneOffset.UTC)).update());
        String family = aRareFamilyName();
        UUID first = UUID.fromString(register(mvc, officer, aPersonNamed("Мухаммад", family)));
        UUID second = UUID.fromString(register(mvc, officer, aPersonNamed("Мухаммад", family)));
        SecondaryEffects.awaitAll(jdbc);
        assertThat(jdbc.sql("SELECT count(*) FROM registration_duplicate_review WHERE person_a IN (:ids) AND person_b IN (:ids)")
                .param("ids", List.of(first, second)).query(Long.class).single()).isEqualTo(1);
    }

    /**
     * A family name nobody else in this test context has: the other tests register many «Мухаммад Карими»,
     * and the candidates of a new one are the 20 best of them, not necessarily the newest.
     */
    private static String aRareFamilyName() {
        String consonants = "бвгджзклмнпрстфхш", vowels = "аоуи";
        java.util.Random random = new java.util.Random(UUID.randomUUID().getMostSignificantBits());
        StringBuilder name = new StringBuilder("Т");
        for (int i = 0; i < 4; i++) name.append(vowels.charAt(random.nextInt(4))).append(consonants.charAt(random.nextInt(consonants.length())));
        return name.append("ов").toString();
    }
}
