package org.pana.registration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Set;

/**
 * The code lists a person's fields are checked against, kept as data: scripts (ISO 15924), countries
 * (ISO 3166-1 alpha-3 as the JDK knows them, plus ICAO 9303's {@code XXA} stateless and {@code XXX}
 * unknown) and languages (ISO 639: the JDK's two-letter codes and their three-letter equivalents, plus
 * the ISO 639-3 codes listed in {@code registration/languages-iso639-3.txt}).
 */
final class Codes {

    /** The scripts names are entered in. Matching transliterates these; add one here when matching can. */
    static final Set<String> SCRIPTS = Set.of("Latn", "Cyrl", "Arab");

    static final Set<String> COUNTRIES = countries();
    static final Set<String> LANGUAGES = languages();

    private Codes() {}

    private static Set<String> countries() {
        Set<String> codes = new HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
        codes.add("XXA");
        codes.add("XXX");
        return Set.copyOf(codes);
    }

    private static Set<String> languages() {
        Set<String> codes = new HashSet<>();
        for (String two : Locale.getISOLanguages()) {
            codes.add(two);
            try {
                String three = new Locale(two).getISO3Language();
                if (!three.isEmpty()) codes.add(three);
            } catch (MissingResourceException noThreeLetterCode) {
                // the two-letter code alone
            }
        }
        try (InputStream in = Codes.class.getResourceAsStream("/registration/languages-iso639-3.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(codes::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(codes);
    }
}
