package org.pana.registration.importing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An import as stored: the file's identity, header, mapping and progress. */
record ImportRecord(UUID id, String jurisdiction, String fileName, String fileSha256, ImportFormat format, long fileSize,
        List<String> header, int rowCount, ImportMapping mapping, String mappingSha256, ImportStatus status,
        Integer checkedValid, Integer checkedInvalid, int rowsDone, int rowsRegistered, int rowsRejected, UUID createdBy,
        Instant createdAt, Instant startedAt, Instant finishedAt, RunBy runBy, long version) {

    /** Who started the run, kept so that a node resuming it acts (and is audited) as them. */
    record RunBy(UUID userId, String username, UUID organisationId, String organisationName) {}
}
