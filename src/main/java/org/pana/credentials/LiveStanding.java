package org.pana.credentials;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The live standing behind a document, asked at every verification so that a status that ended (ceased, deprived,
 * a closed case) shows the document as revoked at once, before anyone revoked it in the registry. Without a bean
 * of this type nothing is revoked this way ({@link #NOTHING_REVOKED}).
 */
interface LiveStanding {

    LiveStanding NOTHING_REVOKED = (sourceType, sourceId, today) -> Optional.empty();

    /** Why the record a document was issued from (e.g. ASYLUM_CERTIFICATE and its id) no longer stands today, if it does not. */
    Optional<String> revokedBecause(String sourceType, UUID sourceId, LocalDate today);
}
