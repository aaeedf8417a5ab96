package org.pana.matching;

/**
 * The consonant skeleton of a Latinised word: the phonetic key that Мухаммад, Muhammad, Mohammed and محمد
 * share ({@code mhmd}). Arabic script writes no short vowels, so vowels are dropped after the first letter
 * (a first vowel becomes {@code a}: Ibrahim and ابراهیم both start with a vowel, not the same one); letters
 * that spellings of one sound disagree on are merged: kh/h/x (Uzbek Latin), gh/q/k/c, w/v, j/dj/dzh/zh, th/s, dh/z, ph/f;
 * doubled letters collapse; a final h (ه, ة, Fatemeh) is dropped, and the article of
 * "Abdul-/Abdur-/Abdu-" (Abdul Rahman, Abdurrahman, Абдурахмон) is dropped after "abd".
 *
 * <p>Russian writes Г for the h of Arabic names (Магомед, Гусейн, Ибрагим): {@link #russianH} gives the
 * second key of a word that came from Cyrillic.
 */
final class Skeleton {

    static final int MAX_LENGTH = 24;

    private Skeleton() {}

    static String of(String word) {
        return build(word, null, false);
    }

    /** Vowel-class bits of a gap between consonants: a, i (e is both a and i), u (o); LONG for the diphthongs ei/ey/ai/ay. */
    static final int A = 1, I = 2, U = 4, LONG = 8;

    /**
     * The skeleton, and in {@code gaps} one char per skeleton letter: the classes of the vowels written after it
     * ({@link #A}, {@link #I}, {@link #U}, {@link #LONG}); for Arabic script only ی and و count. Two spellings with one skeleton but vowels that cannot be
     * the same (Hassan and Hussein, Mahmoud and Muhammad) are told apart by these.
     */
    static String build(String word, StringBuilder gaps, boolean arabic) {
        int n = word.length();
        StringBuilder out = new StringBuilder(n);
        StringBuilder gap = gaps == null ? new StringBuilder() : gaps;
        gap.setLength(0);
        int mask = 0;
        char previousVowel = 0;
        int i = 0;
        if (word.startsWith("ye") && n > 2) {
            out.append('a'); // Yerlan/Erlan, Yevgeniy/Evgeniy: the BGN y of Е is not a consonant
            i = 2;
        } else if ((word.startsWith("iu") || word.startsWith("ia")) && n > 2 && "aeiouy".indexOf(word.charAt(2)) < 0) {
            out.append('y'); // Iusupova/Yusupova, Iakov/Yakov: the ICAO (passport) writing of Ю and Я
            i = 1;
        }
        while (i < n) {
            char c = word.charAt(i);
            char next = i + 1 < n ? word.charAt(i + 1) : 0;
            char mapped;
            int step = 1;
            if (c == 'd' && next == 'z' && i + 2 < n && word.charAt(i + 2) == 'h') {
                mapped = 'j';
                step = 3;
            } else if (next == 'h' && (c == 'k' || c == 'g' || c == 's' || c == 'c' || c == 'z' || c == 't' || c == 'd' || c == 'p')) {
                mapped = switch (c) {
                    case 'k' -> 'h';
                    case 'g' -> 'k';
                    case 's' -> 'x';
                    case 'c' -> 'c';
                    case 'z' -> 'j';
                    case 't' -> 's';
                    case 'd' -> 'z';
                    default -> 'f';
                };
                step = 2;
            } else if (c == 'a' && next == 'u' && i > 0) {
                mapped = 'v'; // Daud/Dawood/داوود, Rauf/رئوف: the diphthong is the consonant w
                step = 2;
            } else if (c == 'd' && next == 'j') {
                mapped = 'j';
                step = 2;
            } else {
                mapped = switch (c) {
                    case 'q', 'c', 'g' -> 'k';
                    case 'w' -> 'v';
                    case 'x' -> 'h'; // Uzbek and Tajik Latin: Xolov, Raximova (Холов, Рахимова)
                    case 'e', 'i', 'o', 'u' -> 'a';
                    case 'y' -> out.length() == 0 ? 'y' : 'a';
                    default -> c;
                };
            }
            i += step;
            boolean vowel = mapped == 'a';
            if (vowel && out.length() > 0) {
                mask |= switch (c) {
                    case 'a' -> arabic ? 0 : A; // alef and ain: an article, a hamza seat, any vowel
                    case 'e' -> A | I;
                    case 'i', 'y' -> I;
                    default -> U;
                };
                if (previousVowel != 0 && isLong(previousVowel, c)) mask |= LONG;
                previousVowel = c;
                continue;
            }
            previousVowel = 0;
            if (out.length() > 0 && out.charAt(out.length() - 1) == mapped) continue;
            if (out.length() > 0) gap.append((char) mask);
            mask = 0;
            out.append(mapped);
        }
        if (out.length() > 0) gap.append((char) mask);
        int len = out.length();
        if (len > 2 && out.charAt(len - 1) == 'h') {
            out.setLength(--len);
            gap.setCharAt(len - 1, (char) (gap.charAt(len - 1) | gap.charAt(len)));
            gap.setLength(len);
        }
        if (len > 4 && out.charAt(0) == 'a' && out.charAt(1) == 'b' && out.charAt(2) == 'd' && out.charAt(3) == 'l') {
            out.deleteCharAt(3);
            gap.setCharAt(2, (char) (gap.charAt(2) | gap.charAt(3)));
            gap.deleteCharAt(3);
        }
        if (out.length() > MAX_LENGTH) {
            out.setLength(MAX_LENGTH);
            gap.setLength(MAX_LENGTH);
        }
        return out.toString();
    }

    private static boolean isLong(char first, char second) {
        return (first == 'e' || first == 'a') && (second == 'i' || second == 'y');
    }

    /**
     * Whether the vowels written in two spellings with one skeleton can be the same name. Short vowels drift
     * between languages (Yusufzai/Yousafzai, Abdurahmon/Abdurahman), so one gap whose vowels disagree is
     * forgiven, two are not (Mahmud/Muhammad). A diphthong ei/ay against a vowel without i tells names apart
     * (Hussein/Hassan, and حسن/Hussein: Arabic writes the long vowel). A long vowel written in Arabic script
     * (ی, و) that the other spelling contradicts, except at the end of the word (مصطفی is Mostafa), tells
     * them apart too.
     */
    static boolean vowelsAgree(CharSequence a, boolean arabicA, CharSequence b, boolean arabicB) {
        int n = Math.min(a.length(), b.length());
        int disagreements = 0;
        for (int i = 0; i < n; i++) {
            int x = a.charAt(i), y = b.charAt(i);
            int cx = x & 7, cy = y & 7;
            if (cx != 0 && cy != 0 && (cx & cy) == 0) {
                if ((arabicA || arabicB) && i < n - 1) return false;
                if (++disagreements > 1) return false;
            }
            if ((x & LONG) != 0 && (y & LONG) == 0 && (cy & I) == 0 && (cy != 0 || arabicB)) return false;
            if ((y & LONG) != 0 && (x & LONG) == 0 && (cx & I) == 0 && (cx != 0 || arabicA)) return false;
        }
        return true;
    }

    /** The key of the word with every g read as h, or null when the word has no g to read so. */
    static String russianH(String word) {
        if (word.indexOf('g') < 0) return null;
        return of(russianHWord(word));
    }

    /** The word with every g that is not part of gh read as h. */
    static String russianHWord(String word) {
        StringBuilder h = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean digraph = i + 1 < word.length() && word.charAt(i + 1) == 'h';
            h.append(c == 'g' && !digraph ? 'h' : c);
        }
        return h.toString();
    }
}
