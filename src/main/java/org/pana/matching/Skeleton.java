package org.pana.matching;

/**
 * The consonant skeleton of a Latinised word: the phonetic key that Мухаммад, Muhammad, Mohammed and محمد
 * share ({@code mhmd}). Arabic script writes no short vowels, so vowels are dropped after the first letter
 * (a first vowel becomes {@code a}: Ibrahim and ابراهیم both start with a vowel, not the same one); letters
 * that spellings of one sound disagree on are merged: kh/h, gh/q/k/c, w/v, j/dj/dzh/zh, th/s, dh/z, ph/f;
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
        int n = word.length();
        StringBuilder out = new StringBuilder(n);
        int i = 0;
        if (word.startsWith("ye") && n > 2) {
            out.append('a'); // Yerlan/Erlan, Yevgeniy/Evgeniy: the BGN y of Е is not a consonant
            i = 2;
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
                    case 'e', 'i', 'o', 'u' -> 'a';
                    case 'y' -> out.length() == 0 ? 'y' : 'a';
                    default -> c;
                };
            }
            i += step;
            boolean vowel = mapped == 'a';
            if (vowel && out.length() > 0) continue;
            if (out.length() > 0 && out.charAt(out.length() - 1) == mapped) continue;
            out.append(mapped);
        }
        int len = out.length();
        if (len > 2 && out.charAt(len - 1) == 'h') out.setLength(--len);
        if (len > 4 && out.charAt(0) == 'a' && out.charAt(1) == 'b' && out.charAt(2) == 'd' && out.charAt(3) == 'l') {
            out.deleteCharAt(3);
        }
        if (out.length() > MAX_LENGTH) out.setLength(MAX_LENGTH);
        return out.toString();
    }

    /** The key of the word with every g read as h, or null when the word has no g to read so. */
    static String russianH(String word) {
        if (word.indexOf('g') < 0) return null;
        StringBuilder h = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean digraph = i + 1 < word.length() && word.charAt(i + 1) == 'h';
            h.append(c == 'g' && !digraph ? 'h' : c);
        }
        return of(h.toString());
    }
}
