package org.pana.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MatchScorerTests {

    final MatchingEngine engine = new MatchingEngine();

    static MatchProfile person(String given, String family, String father, String script, String sex, LocalDate birth, String precision,
            String... documents) {
        return new MatchProfile(UUID.randomUUID(), "KAZ", List.of(new MatchName(given, family, father, script)), sex, birth, precision,
                List.of("AFG"), List.of(documents));
    }

    static MatchProfile man(String given, String family, LocalDate birth) {
        return person(given, family, null, null, "M", birth, "DAY");
    }

    private List<String> codes(MatchScore score) {
        return score.reasons().stream().map(MatchReason::code).toList();
    }

    /** Seeded duplicates of generated people (another script or spelling, typos, swaps, date precision lost). */
    static Stream<Integer> seeds() {
        return IntStream.range(0, 40).boxed();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void scoresAGeneratedDuplicateAboveTheCandidateThreshold(int seed) {
        GeneratedPeople people = new GeneratedPeople(seed);
        GeneratedPeople.Person original = people.person(seed);
        MatchProfile duplicate = people.duplicate(original);
        MatchScore score = engine.score(original.profile(), duplicate);
        assertThat(score.score()).as(original.profile().names() + " ~ " + duplicate.names() + " " + score.reasons())
                .isGreaterThanOrEqualTo(engine.weights().candidateThreshold());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void neverFlagsAGeneratedBrotherOrSister(int seed) {
        GeneratedPeople people = new GeneratedPeople(1000 + seed);
        GeneratedPeople.Person original = people.person(seed);
        GeneratedPeople.Person sibling = people.sibling(original, seed + 1);
        assertThat(engine.score(original.profile(), sibling.profile()).likelyDuplicate()).isFalse();
    }

    @Test
    void explainsATransliterationAcrossScripts() {
        MatchScore score = engine.score(person("Мухаммад", "Карими", null, "Cyrl", "M", LocalDate.of(1990, 5, 12), "DAY"),
                person("Muhammad", "Karimi", null, "Latn", "M", LocalDate.of(1990, 5, 12), "DAY"));
        assertThat(score.likelyDuplicate()).isTrue();
        assertThat(score.reasons()).contains(MatchReason.of("given-name-transliteration", "Мухаммад", "Muhammad"),
                MatchReason.of("family-name-transliteration", "Карими", "Karimi"), MatchReason.of("birth-date-equal", "1990-05-12"));
    }

    @Test
    void explainsAGivenAndFamilyNameSwap() {
        MatchScore score = engine.score(man("Karimi", "Yusuf", LocalDate.of(1980, 2, 3)), man("Yusuf", "Karimi", LocalDate.of(1980, 2, 3)));
        assertThat(codes(score)).contains("names-swapped", "given-name-exact", "family-name-exact");
        assertThat(score.likelyDuplicate()).isTrue();
    }

    @Test
    void acceptsDayAndMonthSwappedAndAYearOnlyDate() {
        MatchProfile a = man("Ibrahim", "Noori", LocalDate.of(1977, 3, 11));
        assertThat(codes(engine.score(a, man("Ibrahim", "Noori", LocalDate.of(1977, 11, 3))))).contains("birth-date-day-month-swapped");
        MatchScore yearOnly = engine.score(a, person("Ибрагим", "Нури", null, "Cyrl", "M", LocalDate.of(1977, 1, 1), "YEAR"));
        assertThat(codes(yearOnly)).contains("birth-year-equal");
        assertThat(yearOnly.likelyDuplicate()).isTrue();
        MatchScore firstOfJanuary = engine.score(a, man("Ibrahim", "Noori", LocalDate.of(1977, 1, 1)));
        assertThat(codes(firstOfJanuary)).contains("birth-year-equal");
    }

    @Test
    void acceptsAnEstimatedYearOneApart() {
        MatchScore score = engine.score(person("Zahra", "Safi", null, "Latn", "F", LocalDate.of(1960, 1, 1), "ESTIMATED"),
                person("Захра", "Сафи", null, "Cyrl", "F", LocalDate.of(1961, 1, 1), "YEAR"));
        assertThat(codes(score)).contains("birth-year-close");
        MatchScore exact = engine.score(man("Zahir", "Safi", LocalDate.of(1960, 5, 5)), man("Zahir", "Safi", LocalDate.of(1961, 5, 5)));
        assertThat(codes(exact)).contains("birth-date-different");
        assertThat(exact.likelyDuplicate()).isFalse();
    }

    @Test
    void weighsADifferentSexStronglyAgainst() {
        MatchScore score = engine.score(person("Nadia", "Faizi", null, "Latn", "F", LocalDate.of(1992, 7, 3), "DAY"),
                person("Nadia", "Faizi", null, "Latn", "M", LocalDate.of(1992, 7, 3), "DAY"));
        assertThat(codes(score)).contains("sex-different");
        assertThat(score.likelyDuplicate()).isFalse();
    }

    @Test
    void matchesCompoundGivenNamesAndArticles() {
        MatchProfile a = person("Abdul Rahman", "al-Hassan", null, "Latn", "M", LocalDate.of(1983, 8, 8), "DAY");
        assertThat(codes(engine.score(a, person("عبدالرحمن", "الحسن", null, "Arab", "M", LocalDate.of(1983, 8, 8), "DAY"))))
                .contains("given-name-transliteration", "family-name-transliteration");
        assertThat(codes(engine.score(a, person("Abdurrahman", "Hassan", null, "Latn", "M", LocalDate.of(1983, 8, 8), "DAY"))))
                .contains("given-name-variant", "family-name-exact");
        MatchScore partial = engine.score(man("Mohammad Nasir", "Ahmadi", LocalDate.of(1999, 9, 9)), man("Nasir", "Ahmadi", LocalDate.of(1999, 9, 9)));
        assertThat(codes(partial)).contains("given-name-partial");
    }

    @Test
    void forgivesATypingError() {
        MatchScore score = engine.score(man("Mohammad", "Hashimi", LocalDate.of(1970, 4, 4)), man("Mohammad", "Hasshimi", LocalDate.of(1970, 4, 4)));
        assertThat(codes(score)).containsAnyOf("family-name-typo", "family-name-variant");
        assertThat(score.likelyDuplicate()).isTrue();
    }

    @Test
    void aSharedPassportNumberOutweighsADifferentSpelling() {
        MatchScore score = engine.score(person("Jawid", "Amiri", null, "Latn", "M", null, null, "P 1234567"),
                person("Джавид", "Амири", null, "Cyrl", "M", LocalDate.of(2000, 1, 1), "YEAR", "p1234567"));
        assertThat(codes(score)).contains("document-equal");
        assertThat(score.likelyDuplicate()).isTrue();
    }

    @Test
    void keepsTwinsWithDifferentGivenNamesApart() {
        MatchScore score = engine.score(person("Hassan", "Rasuli", "Ali", "Latn", "M", LocalDate.of(2005, 5, 5), "DAY"),
                person("Хусейн", "Расули", "Али", "Cyrl", "M", LocalDate.of(2005, 5, 5), "DAY"));
        assertThat(score.likelyDuplicate()).isFalse();
        assertThat(codes(score)).contains("given-name-different");
    }

    @Test
    void keepsBrothersWithTheSameFatherApart() {
        MatchScore score = engine.score(person("Ahmad", "Karimi", "Yusuf", "Latn", "M", LocalDate.of(1988, 4, 2), "DAY"),
                person("Хамид", "Карими", "Юсуф", "Cyrl", "M", LocalDate.of(1991, 9, 30), "DAY"));
        assertThat(score.score()).isLessThan(0.05);
        assertThat(codes(score)).contains("given-name-different", "birth-date-different", "fathers-name-transliteration");
    }

    @Test
    void takesTheThresholdsFromTheWeights() {
        MatchProfile a = man("Ali", "Rahimi", LocalDate.of(1975, 6, 6));
        MatchProfile b = man("Ali", "Rahimi", LocalDate.of(1975, 6, 6));
        assertThat(new MatchingEngine().score(a, b).likelyDuplicate()).isTrue();
        assertThat(new MatchingEngine(MatchWeights.of(Map.of("threshold.auto-flag", 0.9999))).score(a, b).likelyDuplicate()).isFalse();
    }

    @Test
    void findsCandidatesInMemoryBestFirstAndHonoursDecisions() {
        MatchingEngine memory = new MatchingEngine();
        MatchProfile a = man("Yusuf", "Azizi", LocalDate.of(1966, 6, 16));
        MatchProfile b = person("Юсуф", "Азизи", null, "Cyrl", "M", LocalDate.of(1966, 1, 1), "YEAR");
        MatchProfile c = man("Yusuf", "Azizi", LocalDate.of(1966, 6, 16));
        memory.add(a);
        memory.add(b);
        List<Candidate> found = memory.candidates(c, 10);
        assertThat(found).extracting(Candidate::personId).containsExactly(a.personId(), b.personId());
        memory.markDistinct(a.personId(), b.personId());
        assertThat(memory.candidates(a, 10)).isEmpty();
    }
}
