package org.pana.registration.importing;

import java.util.UUID;
import org.pana.platform.CallerIdentity;

/** The officer who started a run, as stored with it, so a node resuming the run acts as them. */
record StoredCaller(UUID userId, String username, UUID organisationId, String organisationName, String jurisdiction)
        implements CallerIdentity {

    static StoredCaller of(ImportRecord i) {
        ImportRecord.RunBy by = i.runBy();
        return new StoredCaller(by.userId(), by.username(), by.organisationId(), by.organisationName(), i.jurisdiction());
    }
}
