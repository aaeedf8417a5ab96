package org.pana.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pana.platform.RuleViolation.FieldProblem;

/** The text rule for names, on seeded generated names in three scripts. */
class PersonRulesTests {

    static final String[] ALPHABETS = {"abcdefghijklmnopqrstuvwxyz", "абвгдежзийклмнопрстуфхцчшщыэюяәғқңөұүһі", "ابتثجحخدذرزسشصضطظعغفقكلمنهوي\u200c"};
    static final char[] UNSAFE = {'\u0000', '\u0001', '\n', '\r', '\t', '\u007f', '\u0085', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e',
            '\u2066', '\u2067', '\u2068', '\u2069', '\u2028', '\u2029'};

    static Stream<Long> seeds() {
        return IntStream.range(0, 20).mapToObj(i -> 7_000L + i);
    }

    private static String name(Random random) {
        String alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
        StringBuilder name = new StringBuilder();
        int length = 2 + random.nextInt(30);
        for (int i = 0; i < length; i++) name.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return name.toString();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void keepsGeneratedNamesExactlyAsEntered(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            String name = name(random);
            List<FieldProblem> problems = new ArrayList<>();
            assertThat(PersonRules.text(name, "given", 200, problems)).isEqualTo(name.strip());
            assertThat(problems).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void refusesGeneratedNamesWithAnUnsafeCharacterAnywhereInside(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            String name = name(random);
            int at = 1 + random.nextInt(name.length() - 1);
            String unsafe = name.substring(0, at) + UNSAFE[random.nextInt(UNSAFE.length)] + name.substring(at);
            List<FieldProblem> problems = new ArrayList<>();
            assertThat(PersonRules.text(unsafe, "given", 200, problems)).isNull();
            assertThat(problems).extracting(FieldProblem::field).containsExactly("given");
            if (name.length() > 6) assertThat(problems.get(0).message()).doesNotContain(name);
        }
    }

    @Test
    void refusesAHalfSurrogatePairAndTooLongText() {
        List<FieldProblem> problems = new ArrayList<>();
        assertThat(PersonRules.text("Ali\uD83D", "given", 200, problems)).isNull();
        assertThat(PersonRules.text("A".repeat(201), "family", 200, problems)).isNull();
        assertThat(PersonRules.text("\uD83D\uDE00 emoji is text", "given", 200, problems)).isNotNull();
        assertThat(problems).extracting(FieldProblem::field).containsExactly("given", "family");
    }

    @Test
    void reducesDocumentNumbersToLettersAndDigits() {
        assertThat(HeldDocument.keyOf(" p 123-45.67 ")).isEqualTo("P1234567");
        assertThat(HeldDocument.keyOf("№ АБ 0012")).isEqualTo("АБ0012");
    }

    @Test
    void formatsRegistrationNumbersWithAtLeastSixDigits() {
        assertThat(RegistrationNumber.of("KAZ", 2026, 123).value()).isEqualTo("KAZ-26-000123");
        assertThat(RegistrationNumber.of("KAZ", 2026, 1_234_567).value()).isEqualTo("KAZ-26-1234567");
        assertThat(RegistrationNumber.looksLikeOne("KAZ-26-000123")).isTrue();
        assertThat(RegistrationNumber.looksLikeOne("Karimi")).isFalse();
    }
}
