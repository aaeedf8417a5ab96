package org.pana.population;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * How a name is written rather than transliterated: the female form of a family name, patronymics
 * (-ovich/-ovna, -uly/-kyzy, o'g'li/qizi), Persian letter forms, the Arabic article, compound names written
 * apart or joined, and the slips of a hurried clerk (one-letter typos, Latin letters typed inside Cyrillic).
 */
final class Spellings {

    private Spellings() {}

    /** Irregular Russian patronymic stems: Cyrillic, then the Latin stems seen in passports. */
    private static final Map<String, String[]> PATRONYMIC_STEMS = Map.of(
            "Сергей", new String[] {"Сергеев", "Sergeyev", "Sergeev"},
            "Андрей", new String[] {"Андреев", "Andreyev", "Andreev"},
            "Алексей", new String[] {"Алексеев", "Alekseyev", "Alekseev", "Alexeyev"},
            "Николай", new String[] {"Николаев", "Nikolayev", "Nikolaev"},
            "Дмитрий", new String[] {"Дмитриев", "Dmitriyev", "Dmitriev"},
            "Евгений", new String[] {"Евгеньев", "Yevgenyev", "Evgeniev"},
            "Юрий", new String[] {"Юрьев", "Yuryev", "Yuriev"},
            "Игорь", new String[] {"Игорев", "Igorev"},
            "Михаил", new String[] {"Михайлов", "Mikhaylov", "Mikhailov"},
            "Павел", new String[] {"Павлов", "Pavlov", "Pawlow"});

    /** The female form of a family name: Каримов → Каримова, Ковалевский → Ковалевская, Karimov → Karimova. */
    static String feminine(String family, boolean cyrillic) {
        if (cyrillic) {
            if (family.endsWith("ский") || family.endsWith("цкий")) {
                return family.substring(0, family.length() - 2) + "ая";
            }
            if (family.endsWith("ов") || family.endsWith("ев") || family.endsWith("ёв") || family.endsWith("ин")
                    || family.endsWith("ын")) {
                return family + "а";
            }
            return family;
        }
        if (family.endsWith("skiy") || family.endsWith("skij")) {
            return family.substring(0, family.length() - 2) + "aya";
        }
        if (family.endsWith("sky") || family.endsWith("ski")) {
            return family.substring(0, family.length() - 1) + "aya";
        }
        if (family.endsWith("off")) {
            return family.substring(0, family.length() - 2) + "va";
        }
        if (family.endsWith("ine")) {
            return family.substring(0, family.length() - 1) + "a";
        }
        if (family.endsWith("ov") || family.endsWith("ev") || family.endsWith("in") || family.endsWith("yn")
                || family.endsWith("ow") || family.endsWith("ew")) {
            return family + "a";
        }
        return family;
    }

    /** A Russian-style patronymic from the father's given name as written: Карим → Каримович / Каримовна. */
    static String russianPatronymic(String fatherCyrillicOriginal, String fatherSpelling, boolean cyrillic, boolean male,
            SplittableRandom random) {
        String[] stems = PATRONYMIC_STEMS.get(fatherCyrillicOriginal);
        String stem;
        if (stems != null) {
            stem = cyrillic ? stems[0] : stems[1 + random.nextInt(stems.length - 1)];
        } else {
            stem = fatherSpelling.replace(" ", "");
            char last = Character.toLowerCase(stem.charAt(stem.length() - 1));
            if (cyrillic) {
                if (last == 'й' || last == 'ь') {
                    stem = stem.substring(0, stem.length() - 1) + "ев";
                } else if ("аяоиуеэ".indexOf(last) >= 0) {
                    stem = stem + "ев";
                } else {
                    stem = stem + "ов";
                }
            } else if ("aoiue".indexOf(last) >= 0) {
                stem = stem + (random.nextInt(2) == 0 ? "yev" : "ev");
            } else {
                stem = stem + "ov";
            }
        }
        if (cyrillic) {
            return stem + (male ? "ич" : "на");
        }
        return stem + (male ? "ich" : "na");
    }

    /** A Turkic patronymic: the father's name and ұлы/қызы (Kazakh), уулу/кызы (Kyrgyz), ўғли/қизи (Uzbek). */
    static String turkicPatronymic(Origin origin, String fatherSpelling, boolean cyrillic, boolean male,
            SplittableRandom random) {
        String[] forms = switch (origin) {
            case KAZAKH -> cyrillic
                    ? (male ? new String[] {"ұлы", "улы"} : new String[] {"қызы", "кызы"})
                    : (male ? new String[] {"uly", "uli"} : new String[] {"kyzy", "qyzy"});
            case KYRGYZ -> cyrillic
                    ? (male ? new String[] {"уулу"} : new String[] {"кызы"})
                    : (male ? new String[] {"uulu", "uluu"} : new String[] {"kyzy", "kizi"});
            default -> cyrillic
                    ? (male ? new String[] {"ўғли", "угли"} : new String[] {"қизи", "кизи"})
                    : (male ? new String[] {"o'g'li", "ugli"} : new String[] {"qizi", "kizi"});
        };
        return fatherSpelling + " " + forms[random.nextInt(forms.length)];
    }

    /** Afghans write Arabic-script names with Persian letters: ي → ی, ك → ک, ة → ه, and usually no hamza seat. */
    static String persian(String arabic) {
        StringBuilder out = new StringBuilder(arabic.length());
        for (int i = 0; i < arabic.length(); i++) {
            char c = arabic.charAt(i);
            out.append(switch (c) {
                case 'ي', 'ى' -> 'ی';
                case 'ك' -> 'ک';
                case 'ة' -> 'ه';
                case 'أ', 'إ' -> 'ا';
                default -> c;
            });
        }
        return out.toString();
    }

    private static final String[] LATIN_ARTICLES = {"al-", "Al-", "Al ", "El ", "el-", "El-"};
    private static final String[] CYRILLIC_ARTICLES = {"Аль-", "Эль-", "аль-", "Аш-", "Ат-", "Аз-", "Ас-", "Ар-", "Ан-",
            "Ад-"};

    /** The name without its Arabic article, or the name itself: al-Hassan → Hassan, Аш-Шами → Шами, الحسن → حسن. */
    static String withoutArticle(String name) {
        if (name.startsWith("ال") && name.length() > 3) {
            return name.substring(2);
        }
        for (String article : LATIN_ARTICLES) {
            if (name.startsWith(article) && name.length() > article.length() + 1) {
                return capitalised(name.substring(article.length()));
            }
        }
        if (name.startsWith("Al") && name.length() > 4 && !name.startsWith("Ali") && !name.startsWith("Alo")) {
            return capitalised(name.substring(2));
        }
        for (String article : CYRILLIC_ARTICLES) {
            if (name.startsWith(article)) {
                return capitalised(name.substring(article.length()));
            }
        }
        return name;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static final String LATIN_LETTERS = "abdefghijklmnoprstuvyz";
    private static final String CYRILLIC_LETTERS = "абвгдежзиклмнопрстуфхшыэя";

    /** One slip of the keyboard: a letter replaced, dropped, doubled, or two letters swapped (never the first). */
    static String typo(String name, SplittableRandom random) {
        if (name.length() < 4) {
            return name + name.charAt(name.length() - 1);
        }
        boolean cyrillic = Character.UnicodeBlock.of(name.charAt(0)) == Character.UnicodeBlock.CYRILLIC;
        int at = 1 + random.nextInt(name.length() - 2);
        if (!Character.isLetter(name.charAt(at))) {
            at = name.length() - 2;
        }
        StringBuilder out = new StringBuilder(name);
        switch (random.nextInt(4)) {
            case 0 -> {
                String letters = cyrillic ? CYRILLIC_LETTERS : LATIN_LETTERS;
                char replacement = letters.charAt(random.nextInt(letters.length()));
                if (replacement == Character.toLowerCase(name.charAt(at))) {
                    replacement = letters.charAt((letters.indexOf(replacement) + 1) % letters.length());
                }
                out.setCharAt(at, replacement);
            }
            case 1 -> out.deleteCharAt(at);
            case 2 -> out.insert(at, name.charAt(at));
            default -> {
                char a = out.charAt(at);
                out.setCharAt(at, out.charAt(at + 1));
                out.setCharAt(at + 1, a);
            }
        }
        return out.toString();
    }

    private static final String CYRILLIC_LOOKALIKES = "аеорсхАВЕКМНОРСТХ";
    private static final String LATIN_LOOKALIKES = "aeopcxABEKMHOPCTX";

    /** Latin letters typed inside a Cyrillic name by a keyboard left on the wrong layout: «Kаримов» (K Latin). */
    static String homoglyphs(String cyrillic, SplittableRandom random) {
        StringBuilder out = new StringBuilder(cyrillic);
        int changed = 0;
        int wanted = 1 + random.nextInt(3);
        int start = random.nextInt(2) == 0 ? 0 : random.nextInt(cyrillic.length());
        for (int i = 0; i < out.length() && changed < wanted; i++) {
            int at = (start + i) % out.length();
            int k = CYRILLIC_LOOKALIKES.indexOf(out.charAt(at));
            if (k >= 0) {
                out.setCharAt(at, LATIN_LOOKALIKES.charAt(k));
                changed++;
            }
        }
        return out.toString();
    }
}
