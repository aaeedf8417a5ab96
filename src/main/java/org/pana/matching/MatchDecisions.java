package org.pana.matching;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.pana.platform.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Remembers that a caseworker decided two people are not the same, so the pair is not proposed again. */
@Service
public class MatchDecisions {

    private final JdbcClient jdbc;
    private final Clock clock;

    MatchDecisions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void markDistinct(UUID personA, UUID personB) {
        if (personA == null || personB == null || personA.equals(personB)) {
            throw new RuleViolation("matching-same-person", "A person cannot be marked as distinct from themselves");
        }
        List<UUID> pair = StoredProfile.pair(personA, personB);
        if (decidedDistinct(personA, personB)) return;
        jdbc.sql("INSERT INTO matching_distinct_pair (person_a, person_b, decided_at) VALUES (:a, :b, :at)")
                .param("a", pair.get(0)).param("b", pair.get(1)).param("at", clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    @Transactional(readOnly = true)
    public boolean decidedDistinct(UUID personA, UUID personB) {
        if (personA == null || personB == null) return false;
        List<UUID> pair = StoredProfile.pair(personA, personB);
        return jdbc.sql("SELECT COUNT(*) FROM matching_distinct_pair WHERE person_a = :a AND person_b = :b")
                .param("a", pair.get(0)).param("b", pair.get(1)).query(Long.class).single() > 0;
    }
}
