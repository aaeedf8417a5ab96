package org.pana.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.pana.matching.NormalisedProfile.NormalisedName;

/**
 * Scores two profiles field by field, Fellegi–Sunter style: each field's agreement level adds a weight (the
 * log-odds that two records agreeing so are one person), the sum plus a prior is squashed to 0..1. Every weight
 * that counted becomes a {@link MatchReason}, most telling first.
 *
 * <p>Names are compared on every pair of written forms (each script recorded) and both ways round (given and
 * family name swapped), keeping the best. Relatives share a family name, a father's name and often an address,
 * so those weigh little for and much against, while a different given name or birth date weighs heavily against:
 * brothers, and twins with different given names, stay apart.
 */
final class MatchScorer {

    enum Agreement { EXACT, TRANSLITERATION, VARIANT, TYPO, PARTIAL, DIFFERENT, MISSING }

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);
    private static final Set<String> UNKNOWN = Set.of("XXX", "");

    private MatchScorer() {}

    /** A weight that counted, and how to say why (made only for pairs that reach the candidate threshold). */
    private record Weighted(double weight, Supplier<MatchReason> reason) {}

    private static final String[] FIELDS = {"given", "family", "fathers"};
    /** Weight names and reason codes per field and agreement, made once: the scan scores hundreds of millions. */
    private static final String[][] WEIGHT_NAMES = new String[FIELDS.length][Agreement.values().length];
    private static final String[][] REASON_CODES = new String[FIELDS.length][Agreement.values().length];

    static {
        for (int f = 0; f < FIELDS.length; f++) {
            for (Agreement agreement : Agreement.values()) {
                String level = agreement.name().toLowerCase(java.util.Locale.ROOT);
                WEIGHT_NAMES[f][agreement.ordinal()] = FIELDS[f] + "." + level;
                REASON_CODES[f][agreement.ordinal()] = ("fathers".equals(FIELDS[f]) ? "fathers-name-" : FIELDS[f] + "-name-") + level;
            }
        }
    }

    private static final int GIVEN = 0, FAMILY = 1, FATHERS = 2;

    static MatchScore score(NormalisedProfile a, NormalisedProfile b, MatchWeights weights) {
        return score(a, b, weights, true);
    }

    /**
     * For bulk work (choosing candidates, the full scan): the reasons are left out below the candidate
     * threshold, where nobody reads them; making them is a good part of the cost of a score.
     */
    static MatchScore scoreForSelection(NormalisedProfile a, NormalisedProfile b, MatchWeights weights) {
        return score(a, b, weights, false);
    }

    private static MatchScore score(NormalisedProfile a, NormalisedProfile b, MatchWeights weights, boolean alwaysExplain) {
        List<Weighted> parts = new ArrayList<>();
        names(a, b, weights, parts);
        birthDate(a, b, weights, parts);
        if (known(a.sex()) && known(b.sex())) {
            if (a.sex().equals(b.sex())) parts.add(new Weighted(weights.weight("sex.equal"), null));
            else parts.add(new Weighted(weights.weight("sex.different"), () -> MatchReason.of("sex-different")));
        }
        for (String document : a.documents()) {
            if (b.documents().contains(document)) {
                parts.add(new Weighted(weights.weight("document.equal"), () -> MatchReason.of("document-equal")));
                break;
            }
        }
        nationalities(a, b, weights, parts);
        double logit = weights.weight("prior");
        for (Weighted part : parts) logit += part.weight();
        double score = Math.round(1000.0 / (1.0 + Math.exp(-logit))) / 1000.0;
        if (!alwaysExplain && score < weights.candidateThreshold()) return new MatchScore(score, score >= weights.autoFlagThreshold(), List.of());
        List<MatchReason> reasons = parts.stream().filter(p -> p.reason() != null)
                .sorted(Comparator.comparingDouble((Weighted p) -> -Math.abs(p.weight()))).map(p -> p.reason().get()).toList();
        return new MatchScore(score, score >= weights.autoFlagThreshold(), reasons);
    }

    private static boolean known(String sex) {
        return sex != null && (sex.equals("M") || sex.equals("F") || sex.equals("MALE") || sex.equals("FEMALE"));
    }

    // ---- names -------------------------------------------------------------------------------------------

    private static void names(NormalisedProfile a, NormalisedProfile b, MatchWeights weights, List<Weighted> parts) {
        List<Weighted> best = List.of();
        double bestSum = Double.NEGATIVE_INFINITY;
        for (NormalisedName x : a.names()) {
            for (NormalisedName y : b.names()) {
                List<Weighted> straight = new ArrayList<>(3);
                straight.add(field(GIVEN, x.given(), x.script(), y.given(), y.script(), weights));
                straight.add(field(FAMILY, x.family(), x.script(), y.family(), y.script(), weights));
                straight.add(field(FATHERS, x.patronymic(), x.script(), y.patronymic(), y.script(), weights));
                double sum = sum(straight);
                if (sum > bestSum) {
                    bestSum = sum;
                    best = straight;
                }
                if (!x.given().isEmpty() && !x.family().isEmpty() && !y.given().isEmpty() && !y.family().isEmpty()) {
                    List<Weighted> swapped = new ArrayList<>(4);
                    swapped.add(field(GIVEN, x.given(), x.script(), y.family(), y.script(), weights));
                    swapped.add(field(FAMILY, x.family(), x.script(), y.given(), y.script(), weights));
                    swapped.add(straight.get(2));
                    swapped.add(new Weighted(weights.weight("names.swapped"), () -> MatchReason.of("names-swapped")));
                    double swappedSum = sum(swapped);
                    if (swappedSum > bestSum) {
                        bestSum = swappedSum;
                        best = swapped;
                    }
                }
            }
        }
        for (Weighted w : best) if (w != null) parts.add(w);
    }

    private static double sum(List<Weighted> parts) {
        double sum = 0;
        for (Weighted w : parts) if (w != null) sum += w.weight();
        return sum;
    }

    private static Weighted field(int field, NamePart a, String scriptA, NamePart b, String scriptB, MatchWeights weights) {
        Agreement agreement = compare(a, scriptA, b, scriptB);
        if (agreement == Agreement.MISSING) return null;
        String code = REASON_CODES[field][agreement.ordinal()];
        return new Weighted(weights.weight(WEIGHT_NAMES[field][agreement.ordinal()]), () -> MatchReason.of(code, a.original, b.original));
    }

    static Agreement compare(NamePart a, String scriptA, NamePart b, String scriptB) {
        if (a.isEmpty() || b.isEmpty()) return Agreement.MISSING;
        boolean sameScript = scriptA == null ? scriptB == null : scriptA.equals(scriptB);
        if (a.joined.equals(b.joined) || a.bareJoined.equals(b.bareJoined)) {
            return sameScript ? Agreement.EXACT : Agreement.TRANSLITERATION;
        }
        boolean sameKey = false;
        for (NamePart.Form x : a.forms) {
            for (NamePart.Form y : b.forms) {
                if (!x.key().equals(y.key())) continue;
                sameKey = true;
                if (Skeleton.vowelsAgree(x.gaps(), a.script == NamePart.ARABIC, y.gaps(), b.script == NamePart.ARABIC)) {
                    return sameScript ? Agreement.VARIANT : Agreement.TRANSLITERATION;
                }
            }
        }
        // one skeleton but vowels that cannot agree (Hassan, Hussein) is another name, unless the letters say slip
        if (sameKey ? closeSpelling(a, scriptA, b, scriptB) : typo(a, scriptA, b, scriptB)) return Agreement.TYPO;
        if (compound(a, b) || compound(b, a)) return Agreement.PARTIAL;
        return Agreement.DIFFERENT;
    }

    /** Both written with vowels (not Arabic script) and close letter by letter (Khaild/Khalid). */
    private static boolean closeSpelling(NamePart a, String scriptA, NamePart b, String scriptB) {
        boolean vowelled = a.script != NamePart.ARABIC && b.script != NamePart.ARABIC;
        return vowelled && a.bareJoined.length() >= 4 && b.bareJoined.length() >= 4
                && JARO_WINKLER.apply(a.bareJoined, b.bareJoined) >= 0.92;
    }

    private static boolean typo(NamePart a, String scriptA, NamePart b, String scriptB) {
        if (closeSpelling(a, scriptA, b, scriptB)) return true;
        for (String x : a.joinedKeys) {
            for (String y : b.joinedKeys) {
                if (oneSlip(x, y) || shortSlip(x, y) && closeLetters(a, b)) return true;
            }
        }
        return false;
    }

    /**
     * Short skeletons one slip apart (Karim كريم written كيم, Jamal written Jaal, Haidar written حیرد): at most
     * three consonants, same first letter. Short names are many and near one another (Hamid, Hamza), so a slip
     * this short only counts when the spellings, vowels and all, are close as well ({@link #closeLetters}).
     */
    static boolean shortSlip(String x, String y) {
        if (x.isEmpty() || y.isEmpty() || x.charAt(0) != y.charAt(0)) return false;
        if (Math.max(x.length(), y.length()) < 2 || Math.max(x.length(), y.length()) > 3) return false;
        return slips(x, y) <= 1;
    }

    /**
     * The Latinised spellings (articles off) one slip apart; two when the records are in different scripts, as
     * a transliteration adds its own letter (Жанар zhanar, Dzhaar), or when both are long (Rasouli, Rasuui).
     */
    private static boolean closeLetters(NamePart a, NamePart b) {
        String x = a.bareJoined, y = b.bareJoined;
        if (Math.min(x.length(), y.length()) < 3) return false;
        return slips(x, y) <= (a.script == b.script && Math.min(x.length(), y.length()) < 6 ? 1 : 2);
    }

    /** Edits between two words, a swap of neighbours counting as one (optimal string alignment). */
    static int slips(String x, String y) {
        int n = x.length(), m = y.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) d[i][0] = i;
        for (int j = 0; j <= m; j++) d[0][j] = j;
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && x.charAt(i - 1) == y.charAt(j - 2) && x.charAt(i - 2) == y.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[n][m];
    }

    /**
     * Skeletons one slip apart (a letter added, dropped, changed, or two neighbours swapped), starting with the
     * same letter and long enough that the slip does not turn one name into another (Hamid/Ahmad stay apart).
     */
    static boolean oneSlip(String x, String y) {
        if (Math.min(x.length(), y.length()) < 3 || Math.max(x.length(), y.length()) < 4 || x.charAt(0) != y.charAt(0)) return false;
        if (ONE_EDIT.apply(x, y) >= 0) return true;
        if (x.length() != y.length()) return false;
        int first = -1;
        for (int i = 0; i < x.length(); i++) {
            if (x.charAt(i) == y.charAt(i)) continue;
            if (first >= 0) return i == first + 1 && x.charAt(first) == y.charAt(i) && x.charAt(i) == y.charAt(first)
                    && x.regionMatches(i + 1, y, i + 1, x.length() - i - 1);
            first = i;
        }
        return false;
    }

    /** Every word of {@code part} is a word of {@code whole}, which has more words: "Nasir" in "Mohammad Nasir". */
    private static boolean compound(NamePart part, NamePart whole) {
        if (part.words.size() >= whole.words.size()) return false;
        for (String word : part.words) {
            NamePart single = NamePart.of(word, word, part.script);
            if (!intersects(single.wordKeys, whole.wordKeys)) return false;
        }
        return true;
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        for (String x : a) if (b.contains(x)) return true;
        return false;
    }

    // ---- birth date ----------------------------------------------------------------------------------------

    private static void birthDate(NormalisedProfile a, NormalisedProfile b, MatchWeights weights, List<Weighted> parts) {
        LocalDate x = a.birthDate(), y = b.birthDate();
        if (x == null || y == null) return;
        String px = a.birthDatePrecision(), py = b.birthDatePrecision();
        boolean coarse = yearOnly(px) || yearOnly(py) || isFirstOfJanuary(x) || isFirstOfJanuary(y);
        if (x.getYear() == y.getYear()) {
            if (coarse || ("MONTH".equals(px) || "MONTH".equals(py)) && x.getMonthValue() == y.getMonthValue()) {
                parts.add(new Weighted(weights.weight("birth.year-equal"), () -> MatchReason.of("birth-year-equal", String.valueOf(x.getYear()))));
            } else if (x.equals(y)) {
                parts.add(new Weighted(weights.weight("birth.date-equal"), () -> MatchReason.of("birth-date-equal", x.toString())));
            } else if (x.getDayOfMonth() == y.getMonthValue() && x.getMonthValue() == y.getDayOfMonth()) {
                parts.add(new Weighted(weights.weight("birth.day-month-swapped"), () -> MatchReason.of("birth-date-day-month-swapped", x.toString(), y.toString())));
            } else {
                parts.add(new Weighted(weights.weight("birth.day-different"), () -> MatchReason.of("birth-date-day-different", x.toString(), y.toString())));
            }
        } else if (Math.abs(x.getYear() - y.getYear()) == 1 && ("ESTIMATED".equals(px) || "ESTIMATED".equals(py))) {
            parts.add(new Weighted(weights.weight("birth.year-close"), () -> MatchReason.of("birth-year-close", String.valueOf(x.getYear()), String.valueOf(y.getYear()))));
        } else {
            parts.add(new Weighted(weights.weight("birth.different"), () -> MatchReason.of("birth-date-different", x.toString(), y.toString())));
        }
    }

    private static boolean yearOnly(String precision) {
        return "YEAR".equals(precision) || "ESTIMATED".equals(precision);
    }

    private static boolean isFirstOfJanuary(LocalDate date) {
        return date.getDayOfMonth() == 1 && date.getMonthValue() == 1;
    }

    // ---- nationality ---------------------------------------------------------------------------------------

    private static void nationalities(NormalisedProfile a, NormalisedProfile b, MatchWeights weights, List<Weighted> parts) {
        Set<String> x = known(a.nationalities()), y = known(b.nationalities());
        if (x.isEmpty() || y.isEmpty()) return;
        if (intersects(x, y)) {
            parts.add(new Weighted(weights.weight("nationality.shared"), null));
        } else {
            parts.add(new Weighted(weights.weight("nationality.different"),
                    () -> MatchReason.of("nationality-different", String.join(", ", x), String.join(", ", y))));
        }
    }

    private static Set<String> known(Set<String> nationalities) {
        if (nationalities.stream().noneMatch(UNKNOWN::contains)) return nationalities;
        Set<String> known = new java.util.LinkedHashSet<>(nationalities);
        known.removeAll(UNKNOWN);
        return known;
    }
}
