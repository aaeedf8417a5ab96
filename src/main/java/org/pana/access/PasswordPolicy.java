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
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of("This password is too common. Choose a less predictable one, for example a few unrelated words.");
        }
        return Optional.empty();
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
