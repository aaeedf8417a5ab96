package org.pana.matching;

import java.util.LinkedHashSet;
import java.util.Set;
import org.pana.matching.NormalisedProfile.NormalisedName;

/**
 * The keys a person is found by, the same when indexing and when asking (so the database and the in-memory
 * engine select the same candidates):
 * <ul>
 * <li>{@code n:} the unordered pair of a given-name and a family-name skeleton, robust to a swap of the two;</li>
 * <li>{@code y:} one name skeleton (given or family) with the birth year, and the years either side when the
 * year is estimated, so a person is found when the other name is misspelt beyond recognition; a family
 * skeleton also by its first three letters, so a slip late in it (Shinwari, Shinwai) still meets the year;</li>
 * <li>{@code d:} a document number, normalised;</li>
 * <li>{@code t:} every word's skeleton, for {@link NameSearch} (not used for candidates).</li>
 * </ul>
 * Skeletons come with and without the Arabic article, per word and joined, and with Russian Г read as h.
 */
final class MatchKeys {

    static final String PAIR = "n:";
    static final String YEAR = "y:";
    static final String DOCUMENT = "d:";
    static final String WORD = "t:";
    /** Longest key stored; longer ones are cut (the column is 80 characters). */
    static final int MAX_KEY = 80;
    /** Family skeletons longer than this are also keyed by their first letters, with the birth year. */
    private static final int PREFIX = 3;
    /** A name part yields at most this many skeletons for pairs: a bound on keys per person. */
    private static final int MAX_PER_PART = 6;

    private MatchKeys() {}

    /** How much sharing one key of this kind says about two people, to rank candidates before scoring. */
    static int weight(String key) {
        if (key.startsWith(DOCUMENT)) return 8;
        if (key.startsWith(PAIR)) return 3;
        return 2;
    }

    /** The keys that find candidates (pairs, name and year, documents). */
    static Set<String> blocking(NormalisedProfile profile) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (NormalisedName name : profile.names()) {
            Set<String> given = limit(name.given().wordKeys);
            Set<String> family = limit(name.family().wordKeys);
            if (family.isEmpty()) family = limit(name.patronymic().wordKeys);
            for (String g : given) {
                for (String f : family) {
                    if (g.equals(f)) continue;
                    keys.add(cut(PAIR + (g.compareTo(f) < 0 ? g + "|" + f : f + "|" + g)));
                }
            }
            names.addAll(name.given().joinedKeys);
            names.addAll(name.family().joinedKeys);
            for (String key : name.family().joinedKeys) {
                if (key.length() > PREFIX) names.add(key.substring(0, PREFIX));
            }
        }
        if (profile.birthDate() != null) {
            int year = profile.birthDate().getYear();
            boolean estimated = "ESTIMATED".equals(profile.birthDatePrecision());
            for (String n : names) {
                if (n.length() < 2) continue;
                keys.add(cut(YEAR + n + "|" + year));
                if (estimated) {
                    keys.add(cut(YEAR + n + "|" + (year - 1)));
                    keys.add(cut(YEAR + n + "|" + (year + 1)));
                }
            }
        }
        for (String document : profile.documents()) keys.add(cut(DOCUMENT + document));
        return keys;
    }

    /** The word keys {@link NameSearch} finds a person by. */
    static Set<String> words(NormalisedProfile profile) {
        Set<String> keys = new LinkedHashSet<>();
        for (NormalisedName name : profile.names()) {
            for (NamePart part : new NamePart[] {name.given(), name.family(), name.patronymic()}) {
                for (String key : part.wordKeys) keys.add(cut(WORD + key));
            }
        }
        return keys;
    }

    /** All keys stored for a person. */
    static Set<String> all(NormalisedProfile profile) {
        Set<String> keys = blocking(profile);
        keys.addAll(words(profile));
        return keys;
    }

    private static Set<String> limit(Set<String> keys) {
        if (keys.size() <= MAX_PER_PART) return keys;
        Set<String> limited = new LinkedHashSet<>();
        for (String key : keys) {
            if (limited.size() == MAX_PER_PART) break;
            limited.add(key);
        }
        return limited;
    }

    private static String cut(String key) {
        return key.length() <= MAX_KEY ? key : key.substring(0, MAX_KEY);
    }
}
