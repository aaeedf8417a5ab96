package org.pana.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds people by a name typed in any script: «Карими», "Karimi" and «کریمی» find the same people.
 *
 * <p>The text goes through the same Latinisation as the names; each word becomes its skeletons (with and
 * without article, Г read as h), and a person is found when every typed word meets one of their name words
 * (any part, any script recorded). Paged in SQL by person id, with an exact count of the jurisdiction's people.
 */
@Service
public class NameSearch {

    /** Words beyond this many are ignored: a name search, not a text search. */
    static final int MAX_WORDS = 5;

    /** A page of matching person ids, best first, and how many match in all. */
    public record Hits(List<UUID> personIds, long total) {}

    private final JdbcClient jdbc;

    NameSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Hits find(String jurisdiction, String text, int offset, int limit) {
        List<Set<String>> words = words(text);
        if (words.isEmpty() || jurisdiction == null || limit <= 0) return new Hits(List.of(), 0);
        Map<String, Object> params = new HashMap<>();
        params.put("j", jurisdiction);
        StringBuilder found = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) found.append(" INTERSECT ");
            found.append("SELECT person_id FROM matching_key WHERE jurisdiction = :j AND match_key IN (:w").append(i).append(')');
            params.put("w" + i, List.copyOf(words.get(i)));
        }
        params.put("limit", limit);
        params.put("offset", Math.max(0, offset));
        // One pass over the keys for the page and the count (a common name has tens of thousands of them).
        long[] total = {-1};
        List<UUID> ids = jdbc.sql("SELECT person_id, COUNT(*) OVER () AS total FROM (" + found + ") found ORDER BY person_id"
                + " LIMIT :limit OFFSET :offset").params(params).query((rs, n) -> {
                    total[0] = rs.getLong(2);
                    return rs.getObject(1, UUID.class);
                }).list();
        if (total[0] < 0) { // no row on this page: count on its own
            total[0] = jdbc.sql("SELECT COUNT(*) FROM (" + found + ") found").params(params).query(Long.class).single();
        }
        return new Hits(ids, total[0]);
    }

    /** For each typed word, the search keys that find it. */
    static List<Set<String>> words(String text) {
        String latin = Latinisation.latin(text);
        if (latin.isEmpty()) return List.of();
        String iso = Latinisation.iso15924(text);
        char script = "Cyrl".equals(iso) ? NamePart.CYRILLIC : "Arab".equals(iso) ? NamePart.ARABIC : NamePart.LATIN;
        List<Set<String>> words = new ArrayList<>();
        for (String word : latin.split(" ")) {
            if (words.size() == MAX_WORDS) break;
            Set<String> keys = new LinkedHashSet<>();
            for (String key : NamePart.of(word, word, script).joinedKeys) keys.add(MatchKeys.WORD + key);
            if (!keys.isEmpty()) words.add(keys);
        }
        return words;
    }
}
