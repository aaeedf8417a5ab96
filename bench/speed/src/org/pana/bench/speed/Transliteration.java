package org.pana.bench.speed;

import java.util.Map;

/**
 * A deliberately crude Latin-Cyrillic letter mapping for probes: a name "written by someone else" when
 * the generated person has no name in a second script. Pana's own matching uses ICU; this only has to
 * produce a plausible other spelling.
 */
final class Transliteration {

    private static final String[][] LATIN_TO_CYRILLIC = {
            {"sh", "ш"}, {"ch", "ч"}, {"kh", "х"}, {"zh", "ж"}, {"ya", "я"}, {"yu", "ю"}, {"ts", "ц"},
            {"a", "а"}, {"b", "б"}, {"c", "к"}, {"d", "д"}, {"e", "е"}, {"f", "ф"}, {"g", "г"}, {"h", "х"}, {"i", "и"},
            {"j", "дж"}, {"k", "к"}, {"l", "л"}, {"m", "м"}, {"n", "н"}, {"o", "о"}, {"p", "п"}, {"q", "к"}, {"r", "р"},
            {"s", "с"}, {"t", "т"}, {"u", "у"}, {"v", "в"}, {"w", "в"}, {"x", "кс"}, {"y", "й"}, {"z", "з"}};
    private static final Map<Character, String> CYRILLIC_TO_LATIN = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"),
            Map.entry('е', "e"), Map.entry('ё', "yo"), Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"),
            Map.entry('й', "y"), Map.entry('к', "k"), Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"),
            Map.entry('о', "o"), Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"),
            Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""), Map.entry('ы', "y"), Map.entry('ь', ""),
            Map.entry('э', "e"), Map.entry('ю', "yu"), Map.entry('я', "ya"));

    private Transliteration() {}

    static String convert(String text, boolean toCyrillic) {
        StringBuilder out = new StringBuilder();
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        int i = 0;
        outer:
        while (i < lower.length()) {
            char c = lower.charAt(i);
            if (toCyrillic) {
                for (String[] pair : LATIN_TO_CYRILLIC) {
                    if (lower.startsWith(pair[0], i)) {
                        out.append(pair[1]);
                        i += pair[0].length();
                        continue outer;
                    }
                }
                out.append(c);
            } else {
                out.append(CYRILLIC_TO_LATIN.getOrDefault(c, String.valueOf(c)));
            }
            i++;
        }
        if (out.length() > 0) out.setCharAt(0, Character.toUpperCase(out.charAt(0)));
        return out.toString();
    }
}
