package org.pana.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pana.platform.RuleViolation;
import org.pana.platform.TimeOrderedIds;
import org.pana.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The database path: index, candidates, name search, decisions, weights as data and the full scan. */
@SpringBootTest
@AutoConfigureMockMvc
class MatchingDatabaseTests {

    @Autowired MatchIndex index;
    @Autowired DuplicateFinder finder;
    @Autowired NameSearch search;
    @Autowired MatchDecisions decisions;
    @Autowired DuplicateScan scan;
    @Autowired JdbcClient jdbc;

    /** The quality benchmark measures MatchWeights.defaults(): it measures production only while the seeded weights are the same. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"KAZ", "KGZ", "TJK", "TKM"})
    void seedsEachJurisdictionWithTheWeightsTheBenchmarkMeasures(String jurisdiction) {
        java.util.Map<String, Double> seeded = new java.util.HashMap<>();
        jdbc.sql("SELECT name, weight FROM matching_weight WHERE jurisdiction = :j").param("j", jurisdiction)
                .query((rs, n) -> seeded.put(rs.getString(1), rs.getDouble(2))).list();
        org.assertj.core.api.Assertions.assertThat(seeded).isEqualTo(MatchWeights.defaultValues());
    }
    @Autowired TimeOrderedIds ids;
    @Autowired Clock clock;

    @AfterEach
    void resetClock() {
        ((TestClock) clock).reset();
    }

    /** A jurisdiction of this test alone, so tests sharing the context do not see each other's people. */
    private static String jurisdiction() {
        return "T" + (char) ('A' + (int) (Math.random() * 25)) + (char) ('A' + (int) (Math.random() * 25));
    }

    private MatchProfile person(String jurisdiction, String given, String family, String father, String script, String sex,
            LocalDate birth, String precision, String... documents) {
        return new MatchProfile(ids.next(), jurisdiction, List.of(new MatchName(given, family, father, script)), sex, birth,
                precision, List.of("AFG"), List.of(documents));
    }

    private MatchProfile probe(MatchProfile p) {
        return new MatchProfile(null, p.jurisdiction(), p.names(), p.sex(), p.birthDate(), p.birthDatePrecision(), p.nationalities(),
                p.documentNumbers());
    }

    @Test
    void findsTheSameManWrittenInAnotherScriptWithReasons() {
        String j = jurisdiction();
        MatchProfile saved = person(j, "Мухаммад", "Карими", "Юсуф", "Cyrl", "M", LocalDate.of(1990, 5, 12), "DAY");
        index.index(saved);
        MatchProfile probe = person(j, "محمد", "کریمی", null, "Arab", "M", LocalDate.of(1990, 1, 1), "YEAR");

        List<Candidate> candidates = finder.candidates(probe(probe), 10);

        assertThat(candidates).hasSize(1);
        Candidate c = candidates.get(0);
        assertThat(c.personId()).isEqualTo(saved.personId());
        assertThat(c.likelyDuplicate()).isTrue();
        assertThat(c.reasons()).contains(MatchReason.of("given-name-transliteration", "محمد", "Мухаммад"),
                MatchReason.of("family-name-transliteration", "کریمی", "Карими"), MatchReason.of("birth-year-equal", "1990"));
    }

    @Test
    void indexingManyAtOnceStoresTheSameKeysAndProfilesAsOneByOne() {
        String j = jurisdiction();
        MatchProfile one = person(j, "Мухаммад", "Карими", "Юсуф", "Cyrl", "M", LocalDate.of(1990, 5, 12), "DAY", "P1234567");
        MatchProfile two = person(j, "Fatima", "al-Hassan", null, "Latn", "F", LocalDate.of(1988, 1, 1), "YEAR");
        MatchProfile oneAgain = new MatchProfile(ids.next(), j, one.names(), one.sex(), one.birthDate(), one.birthDatePrecision(),
                one.nationalities(), one.documentNumbers());
        MatchProfile twoAgain = new MatchProfile(ids.next(), j, two.names(), two.sex(), two.birthDate(), two.birthDatePrecision(),
                two.nationalities(), two.documentNumbers());
        index.index(one);
        index.index(two);

        index.indexAll(List.of(oneAgain, twoAgain));
        index.indexAll(List.of(oneAgain)); // replaces, as index does

        assertThat(keysOf(oneAgain.personId())).isNotEmpty().isEqualTo(keysOf(one.personId()));
        assertThat(keysOf(twoAgain.personId())).isNotEmpty().isEqualTo(keysOf(two.personId()));
        assertThat(profileOf(oneAgain.personId())).isEqualTo(profileOf(one.personId()));
        assertThat(profileOf(twoAgain.personId())).isEqualTo(profileOf(two.personId()));
        assertThat(finder.candidates(probe(one), 10)).extracting(Candidate::personId)
                .contains(one.personId(), oneAgain.personId());
    }

    @Test
    void indexingManyAtOnceRefusesAnUnsavedPersonAndWritesNothing() {
        String j = jurisdiction();
        MatchProfile saved = person(j, "Yusuf", "Ahmadi", null, "Latn", "M", LocalDate.of(1985, 3, 4), "DAY");
        MatchProfile unsaved = probe(person(j, "Ali", "Rezai", null, "Latn", "M", LocalDate.of(1980, 1, 1), "YEAR"));

        assertThatThrownBy(() -> index.indexAll(List.of(saved, unsaved))).isInstanceOf(IllegalArgumentException.class);

        assertThat(keysOf(saved.personId())).isEmpty();
    }

    private List<String> keysOf(UUID personId) {
        return jdbc.sql("SELECT match_key FROM matching_key WHERE person_id = :id ORDER BY match_key").param("id", personId)
                .query(String.class).list();
    }

    private List<Object> profileOf(UUID personId) {
        return jdbc.sql("SELECT names, sex, birth_date, birth_date_precision, nationalities, documents FROM matching_profile WHERE person_id = :id")
                .param("id", personId).query((rs, n) -> List.<Object>of(String.valueOf(rs.getString(1)), String.valueOf(rs.getString(2)),
                        String.valueOf(rs.getObject(3)), String.valueOf(rs.getString(4)), String.valueOf(rs.getString(5)),
                        String.valueOf(rs.getString(6))))
                .list().stream().findFirst().orElse(null);
    }

    @Test
    void leavesOutTheProbeItselfAndPeopleOfOtherJurisdictions() {
        String j = jurisdiction();
        MatchProfile saved = person(j, "Yusuf", "Ahmadi", null, "Latn", "M", LocalDate.of(1985, 3, 4), "DAY");
        index.index(saved);
        index.index(person(j, "Юсуф", "Ахмади", null, "Cyrl", "M", LocalDate.of(1985, 3, 4), "DAY"));
        MatchProfile elsewhere = person("TZZ", "Юсуф", "Ахмади", null, "Cyrl", "M", LocalDate.of(1985, 3, 4), "DAY");
        index.index(elsewhere);

        List<Candidate> candidates = finder.candidates(saved, 10);

        assertThat(candidates).extracting(Candidate::personId).doesNotContain(saved.personId(), elsewhere.personId()).hasSize(1);
    }

    @Test
    void neverProposesAgainAPairDecidedDistinct() {
        String j = jurisdiction();
        MatchProfile a = person(j, "Ali", "Hashimi", null, "Latn", "M", LocalDate.of(1970, 1, 1), "YEAR");
        MatchProfile b = person(j, "Али", "Хашими", null, "Cyrl", "M", LocalDate.of(1970, 1, 1), "YEAR");
        index.index(a);
        index.index(b);
        assertThat(finder.candidates(b, 10)).extracting(Candidate::personId).containsExactly(a.personId());

        decisions.markDistinct(b.personId(), a.personId());
        decisions.markDistinct(a.personId(), b.personId());

        assertThat(decisions.decidedDistinct(a.personId(), b.personId())).isTrue();
        assertThat(finder.candidates(b, 10)).isEmpty();
        assertThat(finder.candidates(a, 10)).isEmpty();
    }

    @Test
    void refusesToMarkAPersonDistinctFromThemselves() {
        UUID id = ids.next();
        assertThatThrownBy(() -> decisions.markDistinct(id, id)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void keepsBrothersSharingFamilyFatherAndNationalityApart() {
        String j = jurisdiction();
        MatchProfile older = person(j, "Ahmad", "Karimi", "Yusuf", "Latn", "M", LocalDate.of(1988, 4, 2), "DAY");
        MatchProfile younger = person(j, "Махмуд", "Карими", "Юсуф", "Cyrl", "M", LocalDate.of(1992, 9, 30), "DAY");
        MatchProfile twin = person(j, "Хамид", "Карими", "Юсуф", "Cyrl", "M", LocalDate.of(1988, 4, 2), "DAY");
        index.index(older);

        assertThat(finder.candidates(younger, 10)).noneMatch(Candidate::likelyDuplicate);
        assertThat(finder.candidates(twin, 10)).noneMatch(Candidate::likelyDuplicate);
    }

    @Test
    void forgetsARemovedPerson() {
        String j = jurisdiction();
        MatchProfile saved = person(j, "Zahra", "Noori", null, "Latn", "F", LocalDate.of(2001, 7, 7), "DAY");
        index.index(saved);
        index.remove(saved.personId());

        assertThat(finder.candidates(probe(saved), 10)).isEmpty();
        assertThat(search.find(j, "Zahra", 0, 10).total()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM matching_key WHERE person_id = :id").param("id", saved.personId()).query(Long.class).single()).isZero();
    }

    @Test
    void reindexingReplacesThePreviousKeys() {
        String j = jurisdiction();
        MatchProfile saved = person(j, "Zahra", "Noori", null, "Latn", "F", LocalDate.of(2001, 7, 7), "DAY");
        index.index(saved);
        index.index(new MatchProfile(saved.personId(), j, List.of(new MatchName("Soraya", "Noori", null, "Latn")), "F",
                saved.birthDate(), "DAY", List.of(), List.of()));

        assertThat(search.find(j, "Zahra", 0, 10).total()).isZero();
        assertThat(search.find(j, "Сорая", 0, 10).personIds()).containsExactly(saved.personId());
    }

    @Test
    void findsANameTypedInAnyScriptWithPagesAndAnExactTotal() {
        String j = jurisdiction();
        List<UUID> karimis = new ArrayList<>();
        String[][] names = {{"Мухаммад", "Карими", "Cyrl"}, {"Mohammad", "Karimi", "Latn"}, {"محمد", "کریمی", "Arab"},
                {"Yusuf", "Karimi", "Latn"}, {"Ali", "Ahmadi", "Latn"}};
        for (String[] n : names) {
            MatchProfile p = person(j, n[0], n[1], null, n[2], "M", LocalDate.of(1980, 1, 1), "YEAR");
            index.index(p);
            if (n[1].equals("Карими") || n[1].equals("Karimi") || n[1].equals("کریمی")) karimis.add(p.personId());
        }
        index.index(person("TZZ", "Mohammad", "Karimi", null, "Latn", "M", LocalDate.of(1980, 1, 1), "YEAR"));

        for (String text : List.of("Карими", "Karimi", "کریمی", "KARIMI", "Kаrimi")) {
            NameSearch.Hits hits = search.find(j, text, 0, 10);
            assertThat(hits.total()).as(text).isEqualTo(4);
            assertThat(hits.personIds()).as(text).containsExactlyInAnyOrderElementsOf(karimis);
        }
        NameSearch.Hits both = search.find(j, "Мухаммад Karimi", 0, 10);
        assertThat(both.total()).isEqualTo(3);
        NameSearch.Hits first = search.find(j, "karimi", 0, 3);
        NameSearch.Hits second = search.find(j, "karimi", 3, 3);
        assertThat(first.personIds()).hasSize(3);
        assertThat(second.personIds()).hasSize(1).doesNotContainAnyElementsOf(first.personIds());
        assertThat(second.total()).isEqualTo(4);
        assertThat(search.find(j, "  ", 0, 10).total()).isZero();
        assertThat(search.find(j, "Zzyzx", 0, 10).total()).isZero();
    }

    @Test
    void readsThresholdsFromTheWeightTablePerJurisdiction() {
        String j = jurisdiction();
        MatchProfile a = person(j, "Ali", "Rahimi", null, "Latn", "M", LocalDate.of(1975, 1, 1), "YEAR");
        MatchProfile b = person(j, "Али", "Рахими", null, "Cyrl", "M", LocalDate.of(1975, 1, 1), "YEAR");
        index.index(a);
        assertThat(finder.candidates(b, 10)).singleElement().matches(Candidate::likelyDuplicate);

        jdbc.sql("INSERT INTO matching_weight (jurisdiction, name, weight) VALUES (:j, 'threshold.auto-flag', 0.999)").param("j", j).update();
        ((TestClock) clock).advance(Duration.ofMinutes(2));

        assertThat(finder.candidates(b, 10)).singleElement().matches(c -> !c.likelyDuplicate());
    }

    @Test
    void scansTheRegistryIntoClustersOfExplainedPairs() {
        String j = jurisdiction();
        MatchProfile a = person(j, "Fatima", "Haidari", "Karim", "Latn", "F", LocalDate.of(1993, 6, 1), "DAY");
        MatchProfile b = person(j, "Фатима", "Хайдари", "Карим", "Cyrl", "F", LocalDate.of(1993, 6, 1), "DAY");
        MatchProfile c = person(j, "فاطمه", "حیدری", null, "Arab", "F", LocalDate.of(1993, 1, 1), "YEAR");
        MatchProfile sister = person(j, "Zainab", "Haidari", "Karim", "Latn", "F", LocalDate.of(1996, 2, 10), "DAY");
        MatchProfile other = person(j, "Nasir", "Popal", null, "Latn", "M", LocalDate.of(1960, 1, 1), "YEAR");
        for (MatchProfile p : List.of(a, b, c, sister, other)) index.index(p);

        UUID id = scan.start(j, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> !scan.progress(id, j).orElseThrow().status().equals("RUNNING"));

        DuplicateScan.Progress progress = scan.progress(id, j).orElseThrow();
        assertThat(progress.status()).isEqualTo("COMPLETED");
        assertThat(progress.clusters()).isEqualTo(1);
        assertThat(progress.processed()).isEqualTo(progress.total()).isPositive();
        List<DuplicateScan.Cluster> clusters = scan.clusters(id, 0, 10);
        assertThat(clusters).singleElement().satisfies(cluster -> {
            assertThat(cluster.personIds()).containsExactlyInAnyOrder(a.personId(), b.personId(), c.personId());
            assertThat(cluster.pairs()).allSatisfy(p -> {
                assertThat(p.score()).isGreaterThanOrEqualTo(0.9);
                assertThat(p.reasons()).isNotEmpty().allMatch(code -> code.matches("[a-z-]+"));
            });
        });
        assertThat(scan.progress(id, "TZZ")).isEmpty();
    }
}
