package org.pana.audit;

import java.util.UUID;

/**
 * Checks events one by one in {@code seq} order against the chain's rules and remembers the first
 * break. The walk keeps only the previous event's hash, so a trail of any length is checked in
 * constant memory.
 */
final class ChainWalk {

    private final long headSeq;
    private final String headHash;
    private long expectedSeq = 1;
    private String previousHash = AuditTrail.GENESIS_HASH;
    private UUID previousId;
    private long events;
    private Break firstBreak;

    ChainWalk(long headSeq, String headHash) {
        this.headSeq = headSeq;
        this.headHash = headHash;
    }

    void check(AuditTrail.StoredEvent event) {
        events++;
        if (firstBreak != null) {
            return;
        }
        if (event.seq() > expectedSeq) {
            firstBreak = new Break(expectedSeq, null, "Event " + expectedSeq + " is missing.");
        } else if (event.seq() < expectedSeq) {
            firstBreak = new Break(event.seq(), event.id(), "The event has a sequence number outside the chain.");
        } else if (!previousHash.equals(event.previousHash())) {
            firstBreak = new Break(event.seq(), event.id(), "The event does not link to the event before it.");
        } else if (!AuditTrail.hashOf(event).equals(event.hash())) {
            firstBreak = new Break(event.seq(), event.id(), "The event's content does not match its hash.");
        } else if (event.seq() > headSeq) {
            firstBreak = new Break(event.seq(), event.id(), "The event was added after the chain's last recorded event.");
        }
        expectedSeq++;
        previousHash = event.hash();
        previousId = event.id();
    }

    ChainVerification result() {
        if (firstBreak != null) {
            return ChainVerification.broken(events, firstBreak.seq(), firstBreak.eventId(), firstBreak.problem());
        }
        long lastSeq = expectedSeq - 1;
        if (headSeq > lastSeq) {
            return ChainVerification.broken(events, lastSeq + 1, null,
                    "Event " + (lastSeq + 1) + " is missing: the chain's head records " + headSeq + " events.");
        }
        if (!headHash.equals(previousHash)) {
            return ChainVerification.broken(events, lastSeq, previousId, "The last event is not the one the chain's head records.");
        }
        return ChainVerification.intact(events);
    }

    private record Break(long seq, UUID eventId, String problem) {}
}
