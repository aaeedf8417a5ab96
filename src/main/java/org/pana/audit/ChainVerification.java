package org.pana.audit;

import java.util.UUID;

/**
 * The result of checking the audit trail's hash chain. When the chain is broken, {@code firstBrokenSeq}
 * is the first position in the sequence where it does not hold, {@code firstBrokenEventId} the event
 * stored there ({@code null} when the event at that position is missing), and {@code problem} says
 * what is wrong in one sentence. {@code events} is the number of events stored.
 */
public record ChainVerification(boolean intact, long events, Long firstBrokenSeq, UUID firstBrokenEventId, String problem) {

    static ChainVerification intact(long events) {
        return new ChainVerification(true, events, null, null, null);
    }

    static ChainVerification broken(long events, long seq, UUID eventId, String problem) {
        return new ChainVerification(false, events, seq, eventId, problem);
    }
}
