package org.pana.credentials;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many times each document was verified per day, and how many codes were not genuine (under no document).
 * Only counts: who verified, from which address and with which code is never stored (issue 6, item 3).
 */
@Component
class VerificationCounts {

    private final JdbcClient jdbc;

    VerificationCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One more verification of this document (null: a code that was not genuine) on this day. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void count(UUID documentId, LocalDate day) {
        String which = documentId == null ? "document_id IS NULL" : "document_id = :document";
        var update = jdbc.sql("UPDATE credentials_verification_count SET verifications = verifications + 1 WHERE " + which + " AND verified_on = :day")
                .param("day", day);
        if (documentId != null) update = update.param("document", documentId);
        if (update.update() == 0) {
            var insert = jdbc.sql("INSERT INTO credentials_verification_count (document_id, verified_on, verifications) VALUES ("
                    + (documentId == null ? "NULL" : ":document") + ", :day, 1)").param("day", day);
            if (documentId != null) insert = insert.param("document", documentId);
            insert.update();
        }
    }

    /** Verifications of this document (null: not genuine codes) on this day. */
    long on(UUID documentId, LocalDate day) {
        String which = documentId == null ? "document_id IS NULL" : "document_id = :document";
        var query = jdbc.sql("SELECT COALESCE(SUM(verifications), 0) FROM credentials_verification_count WHERE " + which + " AND verified_on = :day")
                .param("day", day);
        if (documentId != null) query = query.param("document", documentId);
        return query.query(Long.class).single();
    }
}
