package org.pana.matching;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weights and thresholds of one jurisdiction: log-odds added for each field agreement or disagreement
 * (positive for evidence of one person, negative against), a prior added to all, and two thresholds on the
 * resulting score: {@code threshold.candidate} (shown to the caseworker) and {@code threshold.auto-flag}
 * (reported as a likely duplicate). They are data ({@code matching_weight}); {@link #defaults()} are the values
 * seeded for every jurisdiction and used by the in-memory {@link MatchingEngine}.
 */
public final class MatchWeights {

    private static final Map<String, Double> DEFAULTS = new LinkedHashMap<>();

    static {
        // given name: the most telling field, and the one that tells brothers and sisters apart
        DEFAULTS.put("given.exact", 4.0);
        DEFAULTS.put("given.transliteration", 4.0);
        DEFAULTS.put("given.variant", 3.5);
        DEFAULTS.put("given.typo", 2.5);
        DEFAULTS.put("given.partial", 1.5);
        DEFAULTS.put("given.different", -7.0);
        // family name: shared by a whole family
        DEFAULTS.put("family.exact", 3.0);
        DEFAULTS.put("family.transliteration", 3.0);
        DEFAULTS.put("family.variant", 2.5);
        DEFAULTS.put("family.typo", 2.0);
        DEFAULTS.put("family.partial", 1.0);
        DEFAULTS.put("family.different", -4.0);
        // father's name (patronymic): shared by brothers and sisters, so weak for, strong against
        DEFAULTS.put("fathers.exact", 1.0);
        DEFAULTS.put("fathers.transliteration", 1.0);
        DEFAULTS.put("fathers.variant", 0.8);
        DEFAULTS.put("fathers.typo", 0.5);
        DEFAULTS.put("fathers.partial", 0.3);
        DEFAULTS.put("fathers.different", -3.0);
        DEFAULTS.put("names.swapped", -0.5);
        // birth date, with its precision
        DEFAULTS.put("birth.date-equal", 4.0);
        DEFAULTS.put("birth.year-equal", 2.0);
        DEFAULTS.put("birth.day-month-swapped", 3.0);
        DEFAULTS.put("birth.day-different", -1.0);
        DEFAULTS.put("birth.year-close", 1.5);
        DEFAULTS.put("birth.different", -6.0);
        DEFAULTS.put("sex.equal", 0.3);
        DEFAULTS.put("sex.different", -9.0);
        DEFAULTS.put("document.equal", 9.0);
        DEFAULTS.put("nationality.shared", 0.3);
        DEFAULTS.put("nationality.different", -1.5);
        DEFAULTS.put("prior", -6.5);
        DEFAULTS.put("threshold.candidate", 0.3);
        DEFAULTS.put("threshold.auto-flag", 0.9);
    }

    private final Map<String, Double> weights;

    private MatchWeights(Map<String, Double> weights) {
        this.weights = weights;
    }

    public static MatchWeights defaults() {
        return new MatchWeights(Map.copyOf(DEFAULTS));
    }

    /** The defaults with some weights replaced; names not known are refused. */
    public static MatchWeights of(Map<String, Double> overrides) {
        Map<String, Double> all = new LinkedHashMap<>(DEFAULTS);
        overrides.forEach((name, value) -> {
            if (!DEFAULTS.containsKey(name)) throw new IllegalArgumentException("Unknown matching weight: " + name);
            all.put(name, value);
        });
        return new MatchWeights(Map.copyOf(all));
    }

    /** Every weight name with its default value, in a stable order. */
    public static Map<String, Double> defaultValues() {
        return java.util.Collections.unmodifiableMap(DEFAULTS);
    }

    public double weight(String name) {
        Double w = weights.get(name);
        if (w == null) throw new IllegalArgumentException("Unknown matching weight: " + name);
        return w;
    }

    public double candidateThreshold() {
        return weights.get("threshold.candidate");
    }

    public double autoFlagThreshold() {
        return weights.get("threshold.auto-flag");
    }

    public Map<String, Double> asMap() {
        return weights;
    }
}
