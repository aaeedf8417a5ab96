package org.pana.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A {@link MatchProfile} with every name already Latinised, the form candidates are scored in. It is stored
 * with the person ({@code matching_profile}, see {@link #encode()}), so scoring a candidate needs no
 * transliteration, only the probe's.
 */
record NormalisedProfile(UUID personId, String jurisdiction, List<NormalisedName> names, String sex,
        LocalDate birthDate, String birthDatePrecision, Set<String> nationalities, Set<String> documents) {

    /** One written form of the name: its script and its three parts. */
    record NormalisedName(String script, NamePart given, NamePart family, NamePart patronymic) {}

    private static final char FIELD = '\u001F';
    private static final char RECORD = '\u001E';

    static NormalisedProfile of(MatchProfile profile) {
        List<NormalisedName> names = new ArrayList<>();
        for (MatchName name : profile.names()) {
            if (name == null) continue;
            NamePart given = NamePart.of(name.given());
            NamePart family = NamePart.of(name.family());
            NamePart patronymic = NamePart.of(name.patronymic());
            if (given.isEmpty() && family.isEmpty() && patronymic.isEmpty()) continue;
            String script = name.script() != null ? name.script()
                    : Latinisation.iso15924(String.join(" ", nonNull(name.given()), nonNull(name.family())));
            names.add(new NormalisedName(script, given, family, patronymic));
        }
        Set<String> documents = new LinkedHashSet<>();
        for (String number : profile.documentNumbers()) {
            String normal = documentNumber(number);
            if (normal.length() >= 4) documents.add(normal);
        }
        Set<String> nationalities = new LinkedHashSet<>();
        for (String n : profile.nationalities()) {
            if (n != null && !n.isBlank()) nationalities.add(n.strip().toUpperCase(java.util.Locale.ROOT));
        }
        return new NormalisedProfile(profile.personId(), profile.jurisdiction(), List.copyOf(names),
                profile.sex() == null ? null : profile.sex().strip().toUpperCase(java.util.Locale.ROOT),
                profile.birthDate(), profile.birthDate() == null ? null
                        : profile.birthDatePrecision() == null ? "DAY" : profile.birthDatePrecision().toUpperCase(java.util.Locale.ROOT),
                Set.copyOf(nationalities), Set.copyOf(documents));
    }

    /**
     * Letters and digits only, upper case, any script's digits as ASCII, Cyrillic letters that look like Latin
     * ones (a passport number typed in the wrong keyboard layout) as those: "n 12-345 67" → "N1234567".
     */
    static String documentNumber(String number) {
        if (number == null) return "";
        StringBuilder out = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); ) {
            int c = number.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isDigit(c)) {
                out.append((char) ('0' + Character.digit(c, 10)));
            } else if (Character.isLetter(c)) {
                int upper = Character.toUpperCase(c);
                int latin = "АВЕКМНОРСТУХ".indexOf(upper);
                out.appendCodePoint(latin >= 0 ? "ABEKMHOPCTYX".charAt(latin) : upper);
            }
        }
        return out.toString();
    }

    /** The compact stored form: one line of fields per name, then the other facts. */
    String encode() {
        StringBuilder out = new StringBuilder();
        for (NormalisedName n : names) {
            out.append(n.script()).append(FIELD)
                    .append(n.given().original).append(FIELD).append(n.given().latin).append(FIELD).append(n.given().script).append(FIELD)
                    .append(n.family().original).append(FIELD).append(n.family().latin).append(FIELD).append(n.family().script).append(FIELD)
                    .append(n.patronymic().original).append(FIELD).append(n.patronymic().latin).append(FIELD).append(n.patronymic().script)
                    .append(RECORD);
        }
        return out.toString();
    }

    static List<NormalisedName> decodeNames(String encoded) {
        List<NormalisedName> names = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) return names;
        for (String line : encoded.split(String.valueOf(RECORD))) {
            if (line.isEmpty()) continue;
            String[] f = line.split(String.valueOf(FIELD), -1);
            names.add(new NormalisedName(f[0], NamePart.of(f[1], f[2], f[3].charAt(0)),
                    NamePart.of(f[4], f[5], f[6].charAt(0)), NamePart.of(f[7], f[8], f[9].charAt(0))));
        }
        return List.copyOf(names);
    }

    static String encodeSet(Set<String> values) {
        return String.join(" ", values);
    }

    static Set<String> decodeSet(String encoded) {
        if (encoded == null || encoded.isBlank()) return Set.of();
        return new LinkedHashSet<>(List.of(encoded.strip().split(" +")));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
