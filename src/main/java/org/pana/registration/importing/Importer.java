package org.pana.registration.importing;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.access.PanaUser;
import org.pana.platform.StateConflict;
import org.pana.platform.TimeOrderedIds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports lists of people from CSV and XLSX files: upload (the rows are read and kept, the file's
 * SHA-256 identifies it within the jurisdiction), mapping (which column is which person field), dry
 * run (every row validated by the registry, every invalid row reported, nothing registered), and run
 * (valid rows registered in chunks on a background executor, resumable by any node). Uploading the
 * same file again finds the earlier import; nothing is registered twice.
 */
@Service
public class Importer {

    static final int SAMPLE_ROWS = 20;
    private static final int INSERT_BATCH = 500;

    private final ImportStore store;
    private final ImportRunner runner;
    private final RowCheck rowCheck;
    private final AuditTrail audit;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final long maxFileBytes;
    private final TableReader.Limits limits;
    private final Semaphore readers;

    Importer(ImportStore store, ImportRunner runner, RowCheck rowCheck, AuditTrail audit, TimeOrderedIds ids, Clock clock,
            JsonMapper json, PlatformTransactionManager transactionManager,
            @Value("${pana.import.max-file-size:50MB}") DataSize maxFileSize,
            @Value("${pana.import.max-rows:200000}") int maxRows,
            @Value("${pana.import.max-columns:200}") int maxColumns,
            @Value("${pana.import.concurrent-uploads:2}") int concurrentUploads) {
        this.store = store;
        this.runner = runner;
        this.rowCheck = rowCheck;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.json = json;
        this.transactions = new TransactionTemplate(transactionManager);
        this.maxFileBytes = maxFileSize.toBytes();
        this.limits = new TableReader.Limits(maxRows, maxColumns, 20_000);
        this.readers = new Semaphore(concurrentUploads);
    }

    /** What an upload gave: the import, and whether it is new or the earlier import of the same file. */
    public record Upload(ImportView view, boolean created) {}

    /** The invalid rows of a check or run, a page at a time. */
    public record ProblemPage(String phase, List<RowProblem> items, int page, int size, long total) {}

    /**
     * Reads an uploaded file into a new import, or finds the earlier import of the same bytes in the
     * caller's jurisdiction. Refuses ({@link FileRefused}) files that are too large, have too many rows,
     * or are not CSV or XLSX by their bytes; then nothing is stored.
     */
    public Upload upload(PanaUser caller, InputStream content, String fileName) {
        acquireReader();
        try (ReceivedFile file = FileReception.receive(content, fileName, maxFileBytes)) {
            Optional<ImportRecord> earlier = store.findByFile(caller.jurisdiction(), file.sha256());
            if (earlier.isPresent()) {
                return new Upload(reused(earlier.get()), false);
            }
            try {
                return transactions.execute(tx -> new Upload(create(caller, file), true));
            } catch (DuplicateKeyException sameFileUploadedMeanwhile) {
                return new Upload(reused(store.findByFile(caller.jurisdiction(), file.sha256()).orElseThrow()), false);
            }
        } finally {
            readers.release();
        }
    }

    private ImportView reused(ImportRecord earlier) {
        return transactions.execute(tx -> {
            audit.record(AuditEntry.success("IMPORT_READ", "IMPORT", earlier.id()).withDetails("same file uploaded again"));
            return view(earlier);
        });
    }

    private ImportView create(PanaUser caller, ReceivedFile file) {
        UUID id = ids.next();
        ImportRecord draft = new ImportRecord(id, caller.jurisdiction(), file.name(), file.sha256(), file.format(), file.size(),
                List.of(), 0, null, null, ImportStatus.UPLOADED, null, null, 0, 0, 0, caller.userId(), clock.instant(), null, null,
                null, 0);
        List<TableRow> pending = new ArrayList<>(INSERT_BATCH);
        int[] count = {0};
        boolean[] inserted = {false};
        List<String> header = TableReader.read(file.path(), file.format(), limits, row -> {
            if (!inserted[0]) {
                store.insert(draft);
                inserted[0] = true;
            }
            pending.add(row);
            count[0]++;
            if (pending.size() == INSERT_BATCH) {
                store.insertRows(id, pending);
                pending.clear();
            }
        });
        if (count[0] == 0) {
            throw new FileRefused(FileRefused.Reason.EMPTY, "The file has a header but no rows.");
        }
        store.insertRows(id, pending);
        ImportRecord withHeader = new ImportRecord(id, draft.jurisdiction(), draft.fileName(), draft.fileSha256(), draft.format(),
                draft.fileSize(), header, count[0], null, null, ImportStatus.UPLOADED, null, null, 0, 0, 0, draft.createdBy(),
                draft.createdAt(), null, null, null, 0);
        store.setHeader(id, json.writeValueAsString(header), count[0]);
        audit.record(AuditEntry.success("IMPORT_CREATED", "IMPORT", id)
                .withDetails("format=" + file.format() + " rows=" + count[0] + " bytes=" + file.size()));
        return view(withHeader);
    }

    private void acquireReader() {
        try {
            if (!readers.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new FileRefused(FileRefused.Reason.BUSY, "Other files are being read. Try again in a minute.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FileRefused(FileRefused.Reason.BUSY, "Other files are being read. Try again in a minute.");
        }
    }

    /** The caller's jurisdiction's imports, newest first. */
    public List<ImportView> imports(PanaUser caller) {
        return store.list(caller.jurisdiction(), 100).stream().map(i -> ImportView.of(i, null)).toList();
    }

    /** One import with its suggested mapping; audited, as the suggestion reads the first rows. */
    public ImportView view(PanaUser caller, UUID id) {
        return transactions.execute(tx -> {
            ImportRecord i = found(caller, id, "IMPORT_READ");
            audit.record(AuditEntry.success("IMPORT_READ", "IMPORT", id));
            return view(i);
        });
    }

    /** The progress of the run (counts only, not audited: it is polled while the run goes on). */
    public ImportView.Progress progress(PanaUser caller, UUID id) {
        return store.find(caller.jurisdiction(), id).map(ImportView.Progress::of).orElseThrow(ImportNotFound::new);
    }

    /** The status alone, for the progress fragment. */
    public ImportStatus status(PanaUser caller, UUID id) {
        return store.find(caller.jurisdiction(), id).map(ImportRecord::status).orElseThrow(ImportNotFound::new);
    }

    /** Sets the mapping (refused, 422, if it does not fit the file; 409 once the run has started). */
    public ImportView map(PanaUser caller, UUID id, ImportMapping mapping) {
        return transactions.execute(tx -> {
            ImportRecord i = store.lock(caller.jurisdiction(), id).orElseThrow(() -> denied(id, "IMPORT_MAPPED"));
            if (i.status().started()) {
                if (sha256(mapping).equals(i.mappingSha256())) return view(i);
                throw new StateConflict("import-already-run",
                        "This file has already been imported with another mapping; importing it again would register its people twice.");
            }
            mapping.checkAgainst(i.header());
            store.saveMapping(id, mapping, sha256(mapping));
            audit.record(AuditEntry.success("IMPORT_MAPPED", "IMPORT", id));
            return view(store.find(caller.jurisdiction(), id).orElseThrow());
        });
    }

    /**
     * The dry run: every row translated by the mapping and validated by the registry exactly as an API
     * person would be; every invalid row reported with its field and reason. No person is registered.
     */
    public ImportView check(PanaUser caller, UUID id) {
        ImportRecord i = transactions.execute(tx -> {
            ImportRecord locked = store.lock(caller.jurisdiction(), id).orElseThrow(() -> denied(id, "IMPORT_CHECKED"));
            requireMapping(locked);
            if (locked.status().started()) {
                throw new StateConflict("import-already-run", "This import has already been run; its report is the run's report.");
            }
            store.deleteProblems(id, ImportStore.Phase.CHECK);
            return locked;
        });
        int valid = 0;
        int invalid = 0;
        int after = 0;
        while (true) {
            List<TableRow> rows = store.rows(id, after, ImportRunner.CHUNK, false);
            if (rows.isEmpty()) break;
            List<RowCheck.Outcome> outcomes = rowCheck.check(caller, i, rows);
            List<RowProblem> problems = new ArrayList<>();
            for (RowCheck.Outcome outcome : outcomes) {
                if (outcome.problems().isEmpty()) valid++;
                else invalid++;
                problems.addAll(outcome.problems());
            }
            transactions.executeWithoutResult(tx -> store.insertProblems(id, ImportStore.Phase.CHECK, problems));
            after = rows.get(rows.size() - 1).number();
        }
        int validRows = valid;
        int invalidRows = invalid;
        return transactions.execute(tx -> {
            store.saveCheck(id, validRows, invalidRows);
            audit.record(AuditEntry.success("IMPORT_CHECKED", "IMPORT", id).withDetails("valid=" + validRows + " invalid=" + invalidRows));
            return view(store.find(caller.jurisdiction(), id).orElseThrow());
        });
    }

    /**
     * Starts the run on the background executor and returns at once. Asking again while it runs, or
     * after it completed, changes nothing: the same import is returned and nothing is registered twice.
     */
    public ImportView run(PanaUser caller, UUID id) {
        return transactions.execute(tx -> {
            ImportRecord i = store.lock(caller.jurisdiction(), id).orElseThrow(() -> denied(id, "IMPORT_RUN_STARTED"));
            requireMapping(i);
            if (i.status().started()) return view(i);
            store.start(id, new ImportRecord.RunBy(caller.userId(), caller.username(), caller.organisationId(), caller.organisationName()),
                    clock.instant());
            audit.record(AuditEntry.success("IMPORT_RUN_STARTED", "IMPORT", id).withDetails("rows=" + i.rowCount()));
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    runner.submit(id);
                }
            });
            return view(store.find(caller.jurisdiction(), id).orElseThrow());
        });
    }

    /** The invalid rows of the dry run ({@code CHECK}) or the run ({@code RUN}), a page at a time. */
    public ProblemPage problems(PanaUser caller, UUID id, String phase, int page, int size) {
        ImportRecord i = store.find(caller.jurisdiction(), id).orElseThrow(ImportNotFound::new);
        ImportStore.Phase p = phase == null ? (i.status().started() ? ImportStore.Phase.RUN : ImportStore.Phase.CHECK)
                : "RUN".equalsIgnoreCase(phase) ? ImportStore.Phase.RUN : ImportStore.Phase.CHECK;
        int safeSize = Math.max(1, Math.min(size, 500));
        int safePage = Math.max(0, page);
        return new ProblemPage(p.name(), store.problems(id, p, safePage, safeSize), safePage, safeSize, store.countProblems(id, p));
    }

    private ImportRecord found(PanaUser caller, UUID id, String action) {
        return store.find(caller.jurisdiction(), id).orElseThrow(() -> denied(id, action));
    }

    private ImportNotFound denied(UUID id, String action) {
        audit.recordSeparately(AuditEntry.denied(action, "IMPORT", id));
        return new ImportNotFound();
    }

    private static void requireMapping(ImportRecord i) {
        if (i.mapping() == null) {
            throw new StateConflict("import-not-mapped", "Choose and save the column mapping first.");
        }
    }

    private ImportView view(ImportRecord i) {
        return ImportView.of(i, MappingSuggestion.suggest(i.header(), store.rows(i.id(), 0, SAMPLE_ROWS, false)));
    }

    private String sha256(ImportMapping mapping) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(json.writeValueAsString(mapping).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
