package org.pana.matching;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a name typed in Arabic, Persian, Cyrillic (Russian or Kazakh) or Latin script as lowercase ASCII
 * Latin words, the form every comparison and key starts from. Words are separated by one space; an Arabic
 * article is kept glued to its word with a hyphen ({@code al-hasan}) so that keys can offer the word with and
 * without it.
 *
 * <p>ICU4J does the transliteration. Its {@code Persian-Latin/BGN} and {@code Arabic-Latin/BGN} drop or keep
 * alefs untransliterated (see shared/design/matching.md), so Arabic script goes through our own ICU rules after
 * its letter forms are unified (ي→ی, ك→ک, ة→ه, أ/إ/آ→ا) and tashkeel and tatweel are stripped; Cyrillic goes
 * through {@code Russian-Latin/BGN}, or {@code Kazakh-Latin/BGN} when the word has a Kazakh letter (Қ Ғ Ұ Ү Ә
 * Ө І Ң Һ); Tajik and Uzbek letters (Ҳ Ҷ Ӣ Ӯ Ў) are first read as their Russian ones. Latin letters typed
 * inside a Cyrillic word (a, e, o, p, c, x, y, …) are first read as the Cyrillic letters they look like.
 *
 * <p>Transliterators are built once: creating one costs milliseconds, using it microseconds. ICU4J's
 * {@code transliterate(String)} is thread-safe (its rule-based transliterators synchronise on their data), so
 * the instances are shared. Names repeat a lot, so each word's result is also cached (bounded).
 */
final class Latinisation {

    private static final Transliterator RUSSIAN = Transliterator.getInstance("Russian-Latin/BGN; Latin-ASCII");
    private static final Transliterator KAZAKH = Transliterator.getInstance("Kazakh-Latin/BGN; Latin-ASCII");
    private static final Transliterator OTHER = Transliterator.getInstance("Any-Latin; Latin-ASCII");
    private static final Transliterator LATIN = Transliterator.getInstance("Latin-ASCII");
    /**
     * Unified Arabic, Persian and Pashto letters to Latin. Long vowels are written, short ones are not; a medial و
     * is written w (a consonant or the vowel u: {@link NamePart} keys both readings); a final ه is dropped, and one
     * after a letter that would make a digraph (زه is not ژ) gets a vowel. Contexts before { match the output.
     */
    private static final Transliterator ARABIC = Transliterator.createFromRules("pana-arabic-latin", """
            a { و > v ; و } ا > v ; و } و > v ;
            [zdkgstcp] { ه $ > ;
            [zdkgstcp] { ه > ah ;
            ه $ > ;
            ^ و > v ; ^ ی > y ;
            ا > a ; ب > b ; پ > p ; ت > t ; ث > s ; ج > j ; چ > ch ; ح > h ; خ > kh ; د > d ; ذ > z ; ر > r ;
            ز > z ; ژ > zh ; س > s ; ش > sh ; ص > s ; ض > z ; ط > t ; ظ > z ; ع > a ; غ > gh ; ف > f ; ق > q ;
            ک > k ; گ > g ; ل > l ; م > m ; ن > n ; و > w ; ه > h ; ی > i ; ء > ;
            ړ > r ; ټ > t ; ډ > d ; ښ > sh ; ږ > zh ; ځ > z ; څ > s ; ڼ > n ; ڤ > v ;
            """, Transliterator.FORWARD);
    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

    private static final int CACHE_LIMIT = 200_000;
    private static final Map<String, String> WORDS = new ConcurrentHashMap<>();

    /** Articles written as their own word ("al Hassan", "Аль-Хасан", "ad-Din"), glued to the next word. */
    private static final Set<String> ARTICLES = Set.of("al", "el", "ul", "il", "ar", "ad", "as", "ash", "az", "an",
            "at", "ud", "ur", "us", "uz", "ed", "er", "es");

    private Latinisation() {}

    /** The name as lowercase ASCII words separated by single spaces; "" for null or a name with no letters. */
    static String latin(String name) {
        if (name == null || name.isBlank()) return "";
        List<String> words = new ArrayList<>();
        for (String raw : splitWords(NFC.normalize(name))) {
            String word = WORDS.get(raw);
            if (word == null) {
                word = latinWord(raw);
                if (WORDS.size() >= CACHE_LIMIT) WORDS.clear();
                WORDS.put(raw, word);
            }
            if (!word.isEmpty()) words.add(word);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (out.length() > 0) out.append(' ');
            if (ARTICLES.contains(word) && i + 1 < words.size()) {
                out.append(word).append('-').append(words.get(++i));
            } else {
                out.append(word);
            }
        }
        return out.toString();
    }

    /** Splits on spaces, hyphens, dots, commas and the like; drops invisible format characters. */
    private static List<String> splitWords(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.FORMAT || type == Character.CONTROL) continue; // ZWNJ, bidi marks, tatweel is Lm
            if (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK) {
                word.appendCodePoint(c);
            } else if (c == '\'' || c == 'ʼ' || c == 'ʻ' || c == '’' || c == '`' || c == 'ʿ' || c == 'ʾ') {
                // apostrophes inside a word (O'Brien, Ma'ruf, ain) are not word breaks
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) words.add(word.toString());
        return words;
    }

    static String latinWord(String word) {
        String latin = switch (script(word)) {
            case ARABIC -> arabicWord(word);
            case CYRILLIC -> cyrillicWord(word);
            case LATIN -> LATIN.transliterate(word);
            case OTHER -> OTHER.transliterate(word);
        };
        StringBuilder ascii = new StringBuilder(latin.length());
        for (int i = 0; i < latin.length(); i++) {
            char c = Character.toLowerCase(latin.charAt(i));
            if (c >= 'a' && c <= 'z' || c == '-' && ascii.length() > 0) ascii.append(c);
        }
        return ascii.toString();
    }

    enum Script { ARABIC, CYRILLIC, LATIN, OTHER }

    static Script script(String word) {
        int arabic = 0, cyrillic = 0, latin = 0, other = 0;
        for (int i = 0; i < word.length(); ) {
            int c = word.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) continue;
            Character.UnicodeScript s = Character.UnicodeScript.of(c);
            if (s == Character.UnicodeScript.ARABIC) arabic++;
            else if (s == Character.UnicodeScript.CYRILLIC) cyrillic++;
            else if (s == Character.UnicodeScript.LATIN) latin++;
            else other++;
        }
        if (arabic > 0 && arabic >= cyrillic + latin) return Script.ARABIC;
        if (cyrillic > 0) return Script.CYRILLIC; // Latin letters inside a Cyrillic word are typing slips
        if (latin > 0 || other == 0) return Script.LATIN;
        return Script.OTHER;
    }

    /** The script of a whole name part, as ISO 15924 ({@code Arab}, {@code Cyrl}, {@code Latn}). */
    static String iso15924(String name) {
        if (name == null) return "Latn";
        return switch (script(name)) {
            case ARABIC -> "Arab";
            case CYRILLIC -> "Cyrl";
            case LATIN -> "Latn";
            case OTHER -> "Zyyy";
        };
    }

    private static String arabicWord(String word) {
        StringBuilder unified = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640') continue; // tashkeel, tatweel
            unified.append(switch (c) {
                case 'ي', 'ى', 'ئ', 'ې', 'ۍ' -> 'ی';
                case 'ك' -> 'ک';
                case 'ة', 'ۀ', 'ہ', 'ە' -> 'ه';
                case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
                case 'ؤ' -> 'و';
                case 'ڭ' -> 'گ';
                default -> c;
            });
        }
        // Arabic script glues the article to its word (الحسن): keep it apart so keys offer the word without it
        if (unified.length() > 4 && unified.charAt(0) == 'ا' && unified.charAt(1) == 'ل') {
            return "al-" + ARABIC.transliterate(unified.substring(2));
        }
        return ARABIC.transliterate(unified.toString());
    }

    private static String cyrillicWord(String word) {
        StringBuilder cyrillic = new StringBuilder(word.length());
        boolean kazakh = false;
        for (int i = 0; i < word.length(); i++) {
            char c = homoglyph(word.charAt(i));
            kazakh |= "ӘәҒғҚқҢңӨөҰұҮүҺһІі".indexOf(c) >= 0;
            String russian = tajikOrUzbek(c);
            if (russian != null) cyrillic.append(russian);
            else cyrillic.append(c);
        }
        return (kazakh ? KAZAKH : RUSSIAN).transliterate(cyrillic.toString());
    }

    /**
     * The Russian letters for a Tajik or Uzbek one that neither BGN table knows (Таҳмина, Ҳолова, Ҷамшед,
     * Ғуломов stays Kazakh's ғ), or null: without this the letter would be dropped.
     */
    private static String tajikOrUzbek(char c) {
        return switch (c) {
            case 'ҳ' -> "х"; case 'Ҳ' -> "Х"; case 'ҷ' -> "дж"; case 'Ҷ' -> "Дж"; case 'ӣ' -> "и"; case 'Ӣ' -> "И";
            case 'ӯ' -> "у"; case 'Ӯ' -> "У"; case 'ў' -> "у"; case 'Ў' -> "У";
            default -> null;
        };
    }

    /** The Cyrillic letter a Latin letter typed inside a Cyrillic word stands for. */
    private static char homoglyph(char c) {
        return switch (c) {
            case 'a' -> 'а'; case 'A' -> 'А'; case 'e' -> 'е'; case 'E' -> 'Е'; case 'o' -> 'о'; case 'O' -> 'О';
            case 'p' -> 'р'; case 'P' -> 'Р'; case 'c' -> 'с'; case 'C' -> 'С'; case 'x' -> 'х'; case 'X' -> 'Х';
            case 'y' -> 'у'; case 'Y' -> 'У'; case 'k' -> 'к'; case 'K' -> 'К'; case 'M' -> 'М'; case 'm' -> 'м';
            case 'T' -> 'Т'; case 'H' -> 'Н'; case 'B' -> 'В'; case 'i' -> 'і'; case 'I' -> 'І';
            default -> c;
        };
    }
}
