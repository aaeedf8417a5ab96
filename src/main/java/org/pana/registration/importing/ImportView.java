package org.pana.registration.importing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import as the API and the pages show it: the file, its columns, the suggested and the chosen
 * mapping, the dry run's counts and the run's progress. No cell values: those are personal data.
 */
public record ImportView(UUID id, String fileName, ImportFormat format, long fileSize, String fileSha256, List<String> columns,
        int rowCount, ImportStatus status, ImportMapping suggestedMapping, ImportMapping mapping, Integer checkedValid,
        Integer checkedInvalid, Progress progress, Instant createdAt, Instant startedAt, Instant finishedAt) {

    /** How far the run is: rows done of the total, of which registered and rejected. */
    public record Progress(int rowsDone, int rowsTotal, int rowsRegistered, int rowsRejected, int percent) {

        static Progress of(ImportRecord i) {
            int percent = i.rowCount() == 0 ? 100 : (int) Math.floor(100.0 * i.rowsDone() / i.rowCount());
            return new Progress(i.rowsDone(), i.rowCount(), i.rowsRegistered(), i.rowsRejected(), percent);
        }
    }

    static ImportView of(ImportRecord i, ImportMapping suggested) {
        return new ImportView(i.id(), i.fileName(), i.format(), i.fileSize(), i.fileSha256(), i.header(), i.rowCount(), i.status(),
                suggested, i.mapping(), i.checkedValid(), i.checkedInvalid(), Progress.of(i), i.createdAt(), i.startedAt(),
                i.finishedAt());
    }
}
