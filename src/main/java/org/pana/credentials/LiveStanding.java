package org.pana.credentials;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The live standing behind a document, asked at every verification so that a record that ended (a ceased or deprived
 * status, a closed case, a decision overturned on appeal, a border referral taken over by an application) shows its
 * documents as revoked or replaced at once, before anyone marks them so in the register. Each module whose records
 * documents are printed from has one; a document of a source type no standing answers for is judged by the register
 * alone.
 */
interface LiveStanding {

    /** Why the record no longer stands; {@code replaced}: another document took the place of this one (not a revocation). */
    record Ended(String reason, boolean replaced) {

        static Ended revoked(String reason) {
            return new Ended(reason, false);
        }

        static Ended replaced(String reason) {
            return new Ended(reason, true);
        }
    }

    /** Whether documents of this source type (as the register records it) are judged by this standing. */
    boolean answersFor(String sourceType);

    /**
     * Whether the record a document was printed from still stands today.
     *
     * @param sourceVersion what the document attests of the record, as the source module gave it at issue (or null)
     */
    Optional<Ended> ended(String sourceType, UUID sourceId, String sourceVersion, LocalDate today);
}
