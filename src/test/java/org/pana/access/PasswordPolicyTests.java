package org.pana.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTests {

    final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"", "elevenchars", "абвгдежзий"})
    void refusesPasswordsShorterThanTwelveCharacters(String password) {
        assertThat(policy.problemWith(password)).hasValueSatisfying(p -> assertThat(p).contains("at least 12"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "qwertyuiopas", "PASSWORD1234", "pana-demo", "!!monkey2024!!", "aaaaaaaaaaaaaa", "123456789012", "ababababababab"})
    void refusesCommonPasswordsWhateverTheirCase(String password) {
        assertThat(policy.problemWith(password)).isPresent();
    }

    @Test
    void knowsAtLeastThreeThousandCommonPasswords() throws Exception {
        try (var in = getClass().getResourceAsStream("/access/common-passwords.txt")) {
            long entries = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#!comment") && !l.isEmpty()).count();
            assertThat(entries).isGreaterThanOrEqualTo(3000);
        }
    }

    @Test
    void acceptsLongPassphrasesWithoutCompositionRules() {
        assertThat(policy.problemWith("the steppe wind carries seven quiet horses past Almaty at dawn!!")).isEmpty();
        assertThat("the steppe wind carries seven quiet horses past Almaty at dawn!!").hasSize(64);
        assertThat(policy.problemWith("all lower case words here")).isEmpty();
        assertThat(policy.problemWith("қазақша құпия сөз")).isEmpty();
        assertThat(policy.problemWith("x".repeat(129))).isPresent();
    }

    @Test
    void checksPasswordsExactlyAsTyped() {
        var encoder = PasswordHashing.passwordEncoder();
        String hash = encoder.encode("Correct Horse Battery ");
        assertThat(hash).startsWith("{bcrypt}");
        assertThat(encoder.matches("Correct Horse Battery ", hash)).isTrue();
        assertThat(encoder.matches("Correct Horse Battery", hash)).isFalse();
        assertThat(encoder.matches("correct horse battery ", hash)).isFalse();
    }
}
