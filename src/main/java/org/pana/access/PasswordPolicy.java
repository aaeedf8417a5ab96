package org.pana.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be (OWASP ASVS 5.0, 6.2; security.md #14): at least 12 characters, at most 128,
 * not one of the commonly used passwords (Openwall's list of 3,546, public domain, plus our demo
 * password), no composition rules, and checked exactly as typed (no trimming, no case folding).
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    /** Why the password is not acceptable, or empty if it is. */
    Optional<String> problemWith(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Password must be at least " + MIN_LENGTH + " characters long.");
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            return Optional.of("Password must be at most " + MAX_LENGTH + " characters long.");
        }
        if (isPredictable(password)) {
            return Optional.of("This password is too common. Choose a less predictable one, for example a few unrelated words.");
        }
        return Optional.empty();
    }

    /**
     * A common password, a common password padded with digits or symbols ("password1234"), a run along
     * the keyboard or the alphabet ("qwertyuiopas", "abcdefghijkl"), or a few characters repeated.
     * The common list holds mostly short passwords, which the length rule refuses anyway; the padding
     * and run rules are what catches the long variants people choose to satisfy a length rule.
     */
    boolean isPredictable(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) return true;
        String root = lower.replaceAll("^[\\p{N}\\p{P}\\p{S}\\s]+|[\\p{N}\\p{P}\\p{S}\\s]+$", "");
        if (root.length() < lower.length() && (root.isEmpty() || common.contains(root) || isRun(root))) return true;
        if (isRun(lower)) return true;
        return lower.codePoints().distinct().count() <= 3;
    }

    private static final String[] RUNS = {"qwertyuiopasdfghjklzxcvbnm", "1234567890", "abcdefghijklmnopqrstuvwxyz",
            "йцукенгшщзхъфывапролджэячсмитьбю", "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p"};

    /** The whole text is one stretch of a keyboard row or of the alphabet, forwards or backwards. */
    private static boolean isRun(String text) {
        if (text.length() < 4) return false;
        String reversed = new StringBuilder(text).reverse().toString();
        for (String run : RUNS) {
            if (run.contains(text) || run.contains(reversed)) return true;
        }
        return false;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("access/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.startsWith("#!comment") && !line.isEmpty()) words.add(line.toLowerCase(Locale.ROOT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
