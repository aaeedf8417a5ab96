package org.pana.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PopulationGeneratorTests {

    private static final int SIZE = 20_000;
    private static List<GeneratedPerson> people;

    @BeforeAll
    static void generate() {
        people = new PopulationGenerator(42).people(SIZE).toList();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 20261127})
    void theSameSeedGivesTheSameRecords(long seed) {
        List<String> first = new PopulationGenerator(seed).people(3_000).map(p -> PersonBodies.json(p, "KAZ") + p).toList();
        List<String> second = new PopulationGenerator(seed).people(3_000).map(p -> PersonBodies.json(p, "KAZ") + p).toList();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void anotherSeedGivesOtherRecords() {
        List<String> a = new PopulationGenerator(1).people(200).map(p -> PersonBodies.json(p, "KAZ")).toList();
        List<String> b = new PopulationGenerator(2).people(200).map(p -> PersonBodies.json(p, "KAZ")).toList();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void givesExactlyTheNumberAskedForIndexedInOrder() {
        assertThat(people).hasSize(SIZE);
        for (int i = 0; i < SIZE; i++) {
            assertThat(people.get(i).index()).isEqualTo(i);
        }
        assertThat(new PopulationGenerator(3).people(0)).isEmpty();
        assertThat(new PopulationGenerator(3).people(1)).hasSize(1);
    }

    @Test
    void aboutOnePersonInTenIsRegisteredTwiceEachSecondRecordAfterItsFirst() {
        Map<String, List<GeneratedPerson>> byIdentity = people.stream()
                .collect(Collectors.groupingBy(GeneratedPerson::identity));
        long twice = byIdentity.values().stream().filter(records -> records.size() == 2).count();
        assertThat(byIdentity.values()).allSatisfy(records -> assertThat(records.size()).isBetween(1, 2));
        assertThat((double) twice / byIdentity.size()).isBetween(0.08, 0.11);
        for (List<GeneratedPerson> records : byIdentity.values()) {
            assertThat(records.get(0).variation()).isNull();
            if (records.size() == 2) {
                assertThat(records.get(1).variation()).startsWith("scripts=");
                assertThat(records.get(1).index()).isGreaterThan(records.get(0).index());
                assertThat(records.get(1).family()).isEqualTo(records.get(0).family());
                assertThat(records.get(1).sex()).isEqualTo(records.get(0).sex());
            }
        }
    }

    @Test
    void everyKindOfVariationOccurs() {
        Set<String> seen = new HashSet<>();
        people.stream().filter(GeneratedPerson::duplicate)
                .forEach(p -> List.of(p.variation().split(";")).stream().skip(1).forEach(seen::add));
        assertThat(seen).containsExactlyInAnyOrder("patronymic", "swapped", "typo", "compound", "article", "homoglyphs",
                "year-only", "day-month-swapped", "year-shifted", "documents-on-first-only", "documents-on-second-only");
    }

    @Test
    void householdsHaveOneFocalPointAndSiblingsShareFamilyNameFatherAndAddress() {
        Map<String, List<GeneratedPerson>> byFamily = people.stream().filter(p -> !p.duplicate())
                .collect(Collectors.groupingBy(GeneratedPerson::family));
        int withSiblings = 0;
        int twins = 0;
        int sameSex = 0;
        for (List<GeneratedPerson> household : byFamily.values()) {
            assertThat(household.stream().filter(p -> p.relation().equals("FOCAL_POINT")).count()).isLessThanOrEqualTo(1);
            assertThat(household.stream().map(GeneratedPerson::address).distinct()).hasSize(1);
            List<GeneratedPerson> children = household.stream().filter(p -> p.relation().equals("CHILD")).toList();
            if (children.size() >= 2) {
                withSiblings++;
                Set<LocalDate> births = new HashSet<>();
                for (GeneratedPerson child : children) {
                    if (!births.add(child.birthDate()) && child.birthDatePrecision().equals("DAY")) {
                        twins++;
                    }
                }
                if (children.stream().map(GeneratedPerson::sex).distinct().count() < children.size()) {
                    sameSex++;
                }
                Set<String> fathers = children.stream().flatMap(c -> c.names().stream())
                        .filter(n -> n.script().equals("Arab") && n.patronymic() != null)
                        .map(GeneratedName::patronymic).collect(Collectors.toSet());
                assertThat(fathers).hasSizeLessThanOrEqualTo(1);
            }
        }
        assertThat(withSiblings).isGreaterThan(1_000);
        assertThat(twins).isGreaterThan(20);
        assertThat(sameSex).isGreaterThan(500);
        assertThat(people.stream().filter(p -> p.relation().equals("SIBLING"))).isNotEmpty();
        assertThat(people.stream().filter(p -> p.relation().equals("PARENT"))).isNotEmpty();
    }

    @Test
    void everyScriptAndTheLettersOnlySomeLanguagesHaveArePresent() {
        String all = people.stream().flatMap(p -> p.names().stream())
                .map(n -> n.given() + " " + n.family() + " " + n.patronymic()).collect(Collectors.joining(" "));
        assertThat(people.stream().flatMap(p -> p.names().stream()).map(GeneratedName::script).distinct())
                .containsExactlyInAnyOrder("Arab", "Latn", "Cyrl");
        assertThat(all).contains("پ", "ی", "ک", "ړ", "ۍ"); // Persian and Pashto letters
        assertThat(all).contains("ي", "ة", "ال"); // Arabic letters and the article
        assertThat(all).contains("қ", "ұ", "ә", "і"); // Kazakh letters
        assertThat(all).contains("ович", "овна", "ұлы", "кызы", "al-", "Аль-");
    }

    @Test
    void codesAreValidAndYearOnlyDatesAreTheFirstOfJanuary() {
        Set<String> countries = Set.of("AFG", "SYR", "IRQ", "UZB", "TJK", "KAZ", "KGZ", "RUS", "XXA", "XXX");
        Set<String> languages = Set.of("prs", "pus", "ara", "uzb", "tgk", "kaz", "kir", "rus");
        Set<String> seenCountries = new HashSet<>();
        Set<String> seenLanguages = new HashSet<>();
        for (GeneratedPerson person : people) {
            assertThat(person.sex()).isIn("MALE", "FEMALE");
            assertThat(person.birthDatePrecision()).isIn("DAY", "MONTH", "YEAR", "ESTIMATED");
            assertThat(person.birthDate()).isBeforeOrEqualTo(PopulationGenerator.REFERENCE_DATE);
            if (person.birthDatePrecision().equals("YEAR") || person.birthDatePrecision().equals("ESTIMATED")) {
                assertThat(person.birthDate().getDayOfYear()).isEqualTo(1);
            } else if (person.birthDatePrecision().equals("MONTH")) {
                assertThat(person.birthDate().getDayOfMonth()).isEqualTo(1);
            }
            assertThat(person.nationalities()).isNotEmpty().allSatisfy(c -> assertThat(c).isIn(countries));
            assertThat(person.languages()).isNotEmpty().allSatisfy(l -> assertThat(l).isIn(languages));
            seenCountries.addAll(person.nationalities());
            seenLanguages.addAll(person.languages());
            assertThat(person.names()).isNotEmpty().allSatisfy(name -> {
                assertThat(name.script()).isIn("Arab", "Latn", "Cyrl");
                assertThat(name.kind()).isIn("DOCUMENT", "DECLARED", "ALIAS");
                assertThat(name.given()).isNotBlank();
                assertThat(name.family()).isNotBlank();
            });
            assertThat(person.documents()).allSatisfy(document -> {
                assertThat(document.type()).isIn("PASSPORT", "NATIONAL_ID");
                assertThat(document.number()).matches("[A-Z0-9]{6,14}");
                assertThat(document.issuingCountry()).isIn(countries);
            });
        }
        assertThat(seenCountries).isEqualTo(countries);
        assertThat(seenLanguages).isEqualTo(languages);
    }

    @Test
    void spellingsOfFirstRecordsComeFromTheCuratedTableNotFromATransliterator() throws Exception {
        Set<String> curated = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                NameTable.class.getResourceAsStream("names.tsv"), StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(line -> {
                String[] cells = line.split("\t");
                curated.addAll(List.of(cells[3].split("\\|")));
                curated.addAll(List.of(cells[4].split("\\|")));
            });
        }
        List<String> givenNames = people.stream().filter(p -> !p.duplicate()).flatMap(p -> p.names().stream())
                .filter(n -> !n.script().equals("Arab")).map(GeneratedName::given).toList();
        assertThat(givenNames).isNotEmpty().allSatisfy(given -> assertThat(curated).contains(given));
    }

    @Test
    void bodiesHaveTheShapeOfTheRegistrationApiAndTheTruthFileMatchesThem(@TempDir Path folder) throws Exception {
        Path out = folder.resolve("people.jsonl");
        Path truth = folder.resolve("truth.csv");
        int written = GeneratePopulation.write(new PopulationGenerator(42).iterator(500), "KAZ", out, truth);
        assertThat(written).isEqualTo(500);
        List<String> lines = Files.readAllLines(out);
        List<String> truths = Files.readAllLines(truth);
        assertThat(lines).hasSize(500);
        assertThat(truths).hasSize(502);
        assertThat(truths.get(1)).isEqualTo(PersonBodies.TRUTH_HEADER);
        JsonMapper json = JsonMapper.builder().build();
        Set<String> fields = Set.of("jurisdiction", "names", "sex", "birthDate", "birthDatePrecision", "nationalities",
                "languages", "documents", "specificNeeds");
        List<GeneratedPerson> expected = new PopulationGenerator(42).people(500).toList();
        Map<String, Integer> identities = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode body = json.readTree(lines.get(i));
            List<String> names = new ArrayList<>(body.propertyNames());
            assertThat(names).containsExactlyInAnyOrderElementsOf(fields);
            assertThat(body.get("jurisdiction").asString()).isEqualTo("KAZ");
            assertThat(body.get("names").get(0).get("given").asString()).isEqualTo(expected.get(i).names().get(0).given());
            String[] row = truths.get(i + 2).split(",", -1);
            assertThat(row[0]).isEqualTo(Integer.toString(i));
            assertThat(row[1]).isEqualTo(expected.get(i).identity());
            identities.merge(row[1], 1, Integer::sum);
        }
        assertThat(identities.values()).contains(2);
    }

    @Test
    void escapesQuotesAndBackslashesInBodies() {
        GeneratedPerson odd = new GeneratedPerson(0, "P1", "H1", "FOCAL_POINT",
                List.of(new GeneratedName("A\"b", "C\\d", null, "Latn", "DECLARED")), "MALE", LocalDate.of(1990, 1, 1),
                "YEAR", List.of("AFG"), List.of("prs"), List.of(), null, "x");
        JsonNode body = JsonMapper.builder().build().readTree(PersonBodies.json(odd, "KAZ"));
        assertThat(body.get("names").get(0).get("given").asString()).isEqualTo("A\"b");
        assertThat(body.get("names").get(0).get("family").asString()).isEqualTo("C\\d");
        assertThat(body.get("names").get(0).has("patronymic")).isFalse();
    }
}
