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

    static final NamePart EMPTY = new NamePart("", "", false);

    final String original;
    final String latin;
    final boolean cyrillic;
    final List<String> words;
    final String joined;
    final String bareJoined;
    /** Skeletons of the whole part: joined, without articles, and with Russian Г read as h. */
    final Set<String> joinedKeys;
    /** Skeletons of every word (with and without article, Г as h), for compound names. */
    final Set<String> wordKeys;

    private NamePart(String original, String latin, boolean cyrillic) {
        this.original = original;
        this.latin = latin;
        this.cyrillic = cyrillic;
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
                addKeys(wordKeys, full, cyrillic);
                if (hyphen >= 0) addKeys(wordKeys, bareWord, cyrillic);
            }
        }
        this.words = List.copyOf(words);
        this.joined = joined.toString();
        this.bareJoined = bare.toString();
        if (!this.joined.isEmpty()) {
            addKeys(joinedKeys, this.joined, cyrillic);
            addKeys(joinedKeys, this.bareJoined, cyrillic);
        }
        joinedKeys.remove("");
        wordKeys.remove("");
        // joined forms first, then words: a stable order, so every node cuts the same keys
        Set<String> all = new LinkedHashSet<>(joinedKeys);
        all.addAll(wordKeys);
        this.joinedKeys = Collections.unmodifiableSet(joinedKeys);
        this.wordKeys = Collections.unmodifiableSet(all);
    }

    static NamePart of(String original, String latin, boolean cyrillic) {
        if (latin == null || latin.isEmpty()) return original == null || original.isBlank() ? EMPTY : new NamePart(original, "", cyrillic);
        return new NamePart(original == null ? "" : original, latin, cyrillic);
    }

    static NamePart of(String original) {
        if (original == null || original.isBlank()) return EMPTY;
        return of(original.strip(), Latinisation.latin(original), "Cyrl".equals(Latinisation.iso15924(original)));
    }

    boolean isEmpty() {
        return joined.isEmpty();
    }

    private static void addKeys(Set<String> keys, String word, boolean cyrillic) {
        if (word.isEmpty()) return;
        keys.add(Skeleton.of(word));
        if (cyrillic) {
            String h = Skeleton.russianH(word);
            if (h != null) keys.add(h);
        }
    }

    @Override
    public String toString() {
        return latin;
    }
}
