package org.pana.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The weights of each jurisdiction, read from {@code matching_weight}. The table is tiny, so each node re-reads
 * it at most a minute after the last read: a change made on one node reaches every node within a minute, with
 * no cache to invalidate. A jurisdiction with no rows gets {@link MatchWeights#defaults()}.
 */
@Component
class JurisdictionWeights {

    static final Duration FRESHNESS = Duration.ofMinutes(1);

    private record Loaded(MatchWeights weights, Instant at) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Loaded> cache = new ConcurrentHashMap<>();

    JurisdictionWeights(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    MatchWeights of(String jurisdiction) {
        Instant now = clock.instant();
        Loaded loaded = cache.get(jurisdiction);
        if (loaded != null && loaded.at().plus(FRESHNESS).isAfter(now) && !loaded.at().isAfter(now)) return loaded.weights();
        Map<String, Double> values = new HashMap<>();
        jdbc.sql("SELECT name, weight FROM matching_weight WHERE jurisdiction = :j").param("j", jurisdiction)
                .query(rs -> {
                    if (MatchWeights.defaultValues().containsKey(rs.getString(1))) values.put(rs.getString(1), rs.getDouble(2));
                });
        MatchWeights weights = MatchWeights.of(values);
        cache.put(jurisdiction, new Loaded(weights, now));
        return weights;
    }
}
