package org.pana.registration.importing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.Optional;
import org.pana.access.Accounts;
import org.pana.access.PanaUser;
import org.pana.audit.AuditActor;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.platform.ScheduledJobs;
import org.pana.platform.TimeOrderedIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs imports in the background, a chunk of at most 1,000 rows per transaction. The rows of a chunk
 * are marked registered (or rejected) in the same transaction as the people they create, and the
 * import's counters move in it too: a node that dies mid-chunk leaves nothing of that chunk behind,
 * and whoever resumes the run starts at the first row still pending, so no row is registered twice.
 *
 * <p>A run is held by one node at a time through a lease on the import row, renewed with every chunk.
 * A run whose lease ran out (its node stopped) is picked up by the resume job on any node.
 */
@Component
class ImportRunner implements DisposableBean {

    static final int CHUNK = 1000;
    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final ImportStore store;
    private final RowCheck rowCheck;
    private final AuditTrail audit;
    private final ScheduledJobs jobs;
    private final Accounts accounts;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ThreadPoolTaskExecutor executor;
    private final String node;

    /** For tests: runs inside each chunk's transaction after the rows are registered, before commit. */
    volatile Runnable beforeChunkCommit = () -> {};

    /** Rows per chunk (and per registry batch); at most {@value #CHUNK}. Tests make it small. */
    volatile int chunkSize = CHUNK;

    ImportRunner(ImportStore store, RowCheck rowCheck, AuditTrail audit, ScheduledJobs jobs, Accounts accounts, Clock clock,
            TimeOrderedIds ids, PlatformTransactionManager transactionManager) {
        this.accounts = accounts;
        this.store = store;
        this.rowCheck = rowCheck;
        this.audit = audit;
        this.jobs = jobs;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.node = "import-runner/" + ids.next();
        this.executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(1000);
        executor.setThreadNamePrefix("import-");
        executor.initialize();
    }

    /** Queues the run on this node's executor; if the queue is full, the resume job will pick it up. */
    void submit(UUID importId) {
        try {
            executor.execute(() -> {
                try {
                    resume(importId, Math.min(chunkSize, CHUNK));
                } catch (RuntimeException e) {
                    log.error("Import {} stopped; the resume job will continue it", importId, e);
                }
            });
        } catch (RejectedExecutionException full) {
            log.warn("Import {} queued for the resume job", importId);
        }
    }

    /** Every minute, on one node: runs whose node stopped renewing their lease are continued here. */
    @Scheduled(fixedDelayString = "${pana.import.resume-every:PT1M}", initialDelayString = "${pana.import.resume-every:PT1M}")
    void resumeStalled() {
        jobs.runExclusively("registration-import-resume", Duration.ofSeconds(30), Duration.ofMinutes(1),
                () -> store.runsWithoutHolder(clock.instant()).forEach(this::submit));
    }

    /**
     * Registers the pending rows of a running import, chunk by chunk, if this node can take its lease.
     * Returns the number of chunks done. Package-private with a chunk size for tests.
     */
    int resume(UUID importId, int chunkSize) {
        Instant now = clock.instant();
        if (!store.claim(importId, node, now, now.plus(LEASE))) return 0;
        int chunks = 0;
        SecurityContext before = SecurityContextHolder.getContext();
        try {
            Optional<PanaUser> officer = officerOf(importId);
            if (officer.isEmpty()) {
                log.warn("Import {} waits: the officer who started it is no longer active", importId);
                return 0;
            }
            // The registry audits and checks the caller from the security context, as in a request.
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(officer.get(), null, officer.get().getAuthorities()));
            SecurityContextHolder.setContext(context);
            while (Boolean.TRUE.equals(transactions.execute(tx -> chunk(importId, officer.get(), chunkSize)))) {
                chunks++;
            }
        } finally {
            SecurityContextHolder.setContext(before);
            transactions.executeWithoutResult(tx -> store.release(importId, node));
        }
        return chunks;
    }

    private Optional<PanaUser> officerOf(UUID importId) {
        return store.jurisdictionOf(importId).flatMap(j -> store.find(j, importId)).map(ImportRecord::runBy)
                .flatMap(by -> accounts.activeUser(by.userId()));
    }

    /** One chunk in one transaction; false when the run is finished or another node holds it. */
    private boolean chunk(UUID importId, PanaUser caller, int chunkSize) {
        if (!store.renew(importId, node, clock.instant().plus(LEASE))) return false;
        ImportRecord i = store.find(caller.jurisdiction(), importId).orElseThrow();
        List<TableRow> rows = store.rows(importId, 0, chunkSize, true);
        if (rows.isEmpty()) {
            store.complete(importId, clock.instant());
            audit.record(AuditActor.of(caller, null), AuditEntry.success("IMPORT_RUN_COMPLETED", "IMPORT", importId)
                    .withDetails("registered=" + i.rowsRegistered() + " rejected=" + i.rowsRejected()));
            return false;
        }
        List<RowCheck.Outcome> outcomes = rowCheck.register(caller, i, rows);
        int registered = 0;
        int rejected = 0;
        List<RowProblem> problems = new ArrayList<>();
        for (RowCheck.Outcome outcome : outcomes) {
            if (outcome.personId() != null) {
                registered++;
            } else {
                problems.addAll(outcome.problems());
                rejected++;
            }
        }
        store.markRows(importId, outcomes);
        store.insertProblems(importId, ImportStore.Phase.RUN, problems);
        store.advance(importId, outcomes.size(), registered, rejected);
        beforeChunkCommit.run();
        return true;
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
