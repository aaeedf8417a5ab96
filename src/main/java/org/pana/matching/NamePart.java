package org.pana.matching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One part of a name (given, family or father's name) as entered and as Latinised, with the forms that
 * comparisons and keys use: the words joined ("abdul rahman" → {@code abdulrahman}), the same without Arabic
 * articles ({@code al-hasan} → {@code hasan}), and the consonant skeletons of the joined forms and of each
 * word (so a compound given name still meets one of its words).
 */
final class NamePart {

    static final char LATIN = 'L', CYRILLIC = 'C', ARABIC = 'A';
    static final NamePart EMPTY = new NamePart("", "", LATIN);

    final String original;
    final String latin;
    /** The script the part was entered in: {@link #LATIN}, {@link #CYRILLIC} or {@link #ARABIC}. */
    final char script;
    final List<String> words;
    final String joined;
    final String bareJoined;
    /** Skeletons of the whole part: joined, without articles, and with Russian Г read as h. */
    final Set<String> joinedKeys;
    /** Skeletons of every word (with and without article, Г as h), for compound names. */
    final Set<String> wordKeys;

    private NamePart(String original, String latin, char script) {
        this.original = original;
        this.latin = latin;
        this.script = script;
        List<String> words = new ArrayList<>();
        StringBuilder joined = new StringBuilder();
        StringBuilder bare = new StringBuilder();
        Set<String> joinedKeys = new LinkedHashSet<>();
        Set<String> wordKeys = new LinkedHashSet<>();
        if (!latin.isEmpty()) {
            for (String word : latin.split(" ")) {
                int hyphen = word.indexOf('-');
                String full = hyphen < 0 ? word : word.substring(0, hyphen) + word.substring(hyphen + 1);
                String bareWord = hyphen < 0 ? word : word.substring(hyphen + 1);
                words.add(full);
                joined.append(full);
                bare.append(bareWord);
                addKeys(wordKeys, full, script);
                if (hyphen >= 0) addKeys(wordKeys, bareWord, script);
            }
        }
        this.words = List.copyOf(words);
        this.joined = joined.toString();
        this.bareJoined = bare.toString();
        if (!this.joined.isEmpty()) {
            addKeys(joinedKeys, this.joined, script);
            addKeys(joinedKeys, this.bareJoined, script);
        }
        joinedKeys.remove("");
        wordKeys.remove("");
        // joined forms first, then words: a stable order, so every node cuts the same keys
        Set<String> all = new LinkedHashSet<>(joinedKeys);
        all.addAll(wordKeys);
        this.joinedKeys = Collections.unmodifiableSet(joinedKeys);
        this.wordKeys = Collections.unmodifiableSet(all);
    }

    static NamePart of(String original, String latin, char script) {
        if (latin == null || latin.isEmpty()) return original == null || original.isBlank() ? EMPTY : new NamePart(original, "", script);
        return new NamePart(original == null ? "" : original, latin, script);
    }

    static NamePart of(String original) {
        if (original == null || original.isBlank()) return EMPTY;
        String iso = Latinisation.iso15924(original);
        return of(original.strip(), Latinisation.latin(original), "Cyrl".equals(iso) ? CYRILLIC : "Arab".equals(iso) ? ARABIC : LATIN);
    }

    boolean isEmpty() {
        return joined.isEmpty();
    }

    private static void addKeys(Set<String> keys, String word, char script) {
        if (word.isEmpty()) return;
        keys.add(Skeleton.of(word));
        if (script == CYRILLIC) {
            String h = Skeleton.russianH(word);
            if (h != null) keys.add(h);
        } else if (script == ARABIC && word.indexOf('w') > 0) {
            // a medial و is a consonant (نوید Navid) or a long vowel (یوسف Yusuf): key both readings
            keys.add(Skeleton.of(word.charAt(0) + word.substring(1).replace('w', 'u')));
        }
    }

    @Override
    public String toString() {
        return latin;
    }
}
