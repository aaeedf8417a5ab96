package org.pana.registration.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A pair of people on the duplicate review queue: their ids and registration numbers, the score matching
 * gave when the pair was found, how it was found ({@code REGISTRATION} or {@code SCAN}), the state
 * ({@code OPEN}, {@code MERGED}, {@code DISTINCT}), who decided and when, the record kept after a merge, and
 * the version a decision must be based on. No names: the comparison shows them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DuplicateReview(UUID id, UUID personA, String registrationNumberA, UUID personB, String registrationNumberB,
        double score, String foundBy, Instant foundAt, String status, UUID decidedBy, Instant decidedAt, UUID survivor, long version) {

    public static final String OPEN = "OPEN";
    public static final String MERGED = "MERGED";
    public static final String DISTINCT = "DISTINCT";

    /** The other record of the pair. */
    public UUID other(UUID personId) {
        return personA.equals(personId) ? personB : personA;
    }

    public boolean open() {
        return OPEN.equals(status);
    }
}
