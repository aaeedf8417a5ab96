package org.pana.registration;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.pana.matching.Candidate;
import org.pana.matching.DuplicateFinder;
import org.pana.platform.TimeOrderedIds;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * After a person is registered (and committed), asks matching for candidates and puts every pair at or
 * above the jurisdiction's auto-flag threshold on the duplicate review queue
 * ({@code registration_duplicate_review}), once per pair. The batch import does not come here: a full
 * scan job finds its duplicates.
 */
@Component
class DuplicateReviewQueue {

    static final int CANDIDATES = 20;

    private final DuplicateFinder finder;
    private final PersonRepository people;
    private final JdbcClient jdbc;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final JsonMapper json;

    DuplicateReviewQueue(DuplicateFinder finder, PersonRepository people, JdbcClient jdbc, TimeOrderedIds ids, Clock clock,
            JsonMapper json) {
        this.finder = finder;
        this.people = people;
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.json = json;
    }

    @ApplicationModuleListener
    void on(PersonRegistered registered) {
        queueLikelyDuplicatesOf(registered.personId());
    }

    /** Queues the person's likely duplicates; returns how many pairs were new on the queue. */
    int queueLikelyDuplicatesOf(UUID personId) {
        Person person = people.findById(personId).orElse(null);
        if (person == null) return 0;
        int queued = 0;
        List<Candidate> candidates = finder.candidates(person.matchProfile(), CANDIDATES);
        for (Candidate candidate : candidates) {
            if (!candidate.likelyDuplicate() || candidate.personId().equals(personId)) continue;
            UUID a = personId.compareTo(candidate.personId()) < 0 ? personId : candidate.personId();
            UUID b = a.equals(personId) ? candidate.personId() : personId;
            try {
                queued += jdbc.sql("""
                        INSERT INTO registration_duplicate_review (id, jurisdiction, person_a, person_b, score, reasons, status, found_at)
                        SELECT :id, :jurisdiction, :a, :b, :score, :reasons, 'OPEN', :at
                        WHERE NOT EXISTS (SELECT 1 FROM registration_duplicate_review WHERE person_a = :a AND person_b = :b)""")
                        .param("id", ids.next()).param("jurisdiction", person.jurisdiction()).param("a", a).param("b", b)
                        .param("score", candidate.score()).param("reasons", json.writeValueAsString(candidate.reasons()))
                        .param("at", clock.instant().atOffset(ZoneOffset.UTC)).update();
            } catch (DuplicateKeyException queuedMeanwhile) {
                // another node queued the same pair at the same moment
            }
        }
        return queued;
    }
}
