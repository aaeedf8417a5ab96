package org.pana.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.pana.matching.Candidate;
import org.pana.matching.DuplicateFinder;
import org.pana.platform.Database;
import org.pana.platform.RequestsInFlight;
import org.pana.platform.TimeOrderedIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Looks for the likely duplicates of each person registered one at a time, after the registration
 * committed, and puts every pair at or above the jurisdiction's auto-flag threshold on the duplicate review
 * queue ({@code registration_duplicate_review}), once per pair. The batch import does not come here: a full
 * scan job finds its duplicates.
 *
 * <p>The registering transaction writes the person's id to {@code registration_duplicate_check}; a worker
 * on every node takes up to {@value #BATCH} of them at a time ({@code FOR UPDATE SKIP LOCKED}), queues their
 * pairs and deletes them, in one transaction whose commit does not wait for the disk (it is done again if a
 * crash loses it). The worker wakes when a registration on its node commits, and every
 * {@code pana.registration.duplicate-check-interval} for the others, and gives way while the node is busy
 * serving requests ({@link RequestsInFlight}). So a burst of registrations costs one extra commit per batch,
 * not three per person, the check never holds more than one connection per node, and it catches up when the
 * burst is over.
 */
@Component
class DuplicateReviewQueue implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DuplicateReviewQueue.class);

    static final int CANDIDATES = 20;
    static final int BATCH = 50;
    static final Duration MAX_DEFERRAL = Duration.ofSeconds(30);

    private final DuplicateFinder finder;
    private final JdbcClient jdbc;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final JsonMapper json;
    private final Database database;
    private final RequestsInFlight requests;
    private final TransactionTemplate batchTransaction;
    private final TransactionTemplate personSavepoint;
    private final Duration interval;
    private final Semaphore wake = new Semaphore(0);
    private volatile Thread worker;

    DuplicateReviewQueue(DuplicateFinder finder, JdbcClient jdbc, TimeOrderedIds ids, Clock clock,
            JsonMapper json, Database database, RequestsInFlight requests, PlatformTransactionManager transactions,
            @Value("${pana.registration.duplicate-check-interval:PT2S}") Duration interval) {
        this.finder = finder;
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.json = json;
        this.database = database;
        this.requests = requests;
        this.batchTransaction = new TransactionTemplate(transactions);
        this.batchTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.personSavepoint = new TransactionTemplate(transactions);
        this.personSavepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.interval = interval;
    }

    /** In the registering transaction: the person's duplicates are looked for once it has committed. */
    void enqueue(Person person) {
        jdbc.sql("INSERT INTO registration_duplicate_check (person_id, jurisdiction, queued_at) VALUES (:id, :j, :at)")
                .param("id", person.id()).param("j", person.jurisdiction()).param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake.release();
                }
            });
        }
    }

    /** Works off one batch of registered people; returns how many were taken. */
    int checkNextBatch() {
        Integer taken = batchTransaction.execute(status -> {
            database.commitWithoutWaitingForDisk();
            List<UUID> batch = jdbc.sql("""
                    SELECT person_id FROM registration_duplicate_check ORDER BY queued_at, person_id LIMIT :n FOR UPDATE SKIP LOCKED""")
                    .param("n", BATCH).query(UUID.class).list();
            for (UUID personId : batch) check(personId);
            if (!batch.isEmpty()) {
                jdbc.sql("DELETE FROM registration_duplicate_check WHERE person_id IN (:ids)").param("ids", batch).update();
            }
            return batch.size();
        });
        return taken == null ? 0 : taken;
    }

    /** One person, in a savepoint: a failure is logged and the others of the batch go on. */
    private void check(UUID personId) {
        for (int attempt = 1; ; attempt++) {
            try {
                personSavepoint.executeWithoutResult(s -> queueLikelyDuplicatesOf(personId));
                return;
            } catch (DuplicateKeyException queuedMeanwhile) {
                if (attempt == 2) return; // H2 only (PostgreSQL's ON CONFLICT waits and does nothing): queued meanwhile, twice
            } catch (RuntimeException e) {
                log.warn("Looking for duplicates of person {} failed; a full duplicate scan will find them", personId, e);
                return;
            }
        }
    }

    /**
     * Queues the person's likely duplicates (their profile as matching indexed it at registration); returns
     * how many pairs were new on the queue.
     */
    int queueLikelyDuplicatesOf(UUID personId) {
        String jurisdiction = jdbc.sql("SELECT jurisdiction FROM registration_person WHERE id = :id AND status = 'ACTIVE'")
                .param("id", personId).query(String.class).optional().orElse(null);
        if (jurisdiction == null) return 0;
        int queued = 0;
        List<Candidate> candidates = finder.candidatesOf(personId, CANDIDATES);
        for (Candidate candidate : candidates) {
            if (!candidate.likelyDuplicate() || candidate.personId().equals(personId)) continue;
            UUID a = personId.compareTo(candidate.personId()) < 0 ? personId : candidate.personId();
            UUID b = a.equals(personId) ? candidate.personId() : personId;
            queued += jdbc.sql("""
                    INSERT INTO registration_duplicate_review (id, jurisdiction, person_a, person_b, score, reasons, status, found_at)
                    VALUES (:id, :jurisdiction, :a, :b, :score, :reasons, 'OPEN', :at)
                    ON CONFLICT DO NOTHING""")
                    .param("id", ids.next()).param("jurisdiction", jurisdiction).param("a", a).param("b", b)
                    .param("score", candidate.score()).param("reasons", json.writeValueAsString(candidate.reasons()))
                    .param("at", clock.instant().atOffset(ZoneOffset.UTC)).update();
        }
        return queued;
    }

    private void work() {
        while (worker == Thread.currentThread()) {
            try {
                wake.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                giveWayToRequests();
                wake.drainPermits();
                while (worker == Thread.currentThread() && checkNextBatch() == BATCH) {
                    giveWayToRequests();
                    wake.drainPermits();
                }
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException e) {
                log.warn("The duplicate check worker failed; it tries again in {}", interval, e);
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException stopping) {
                    return;
                }
            }
        }
    }

    /**
     * While the node is busy serving requests, waits (at most {@link #MAX_DEFERRAL}, then one batch goes
     * anyway): the checks wait safely in their table, people at the counter do not.
     */
    private void giveWayToRequests() throws InterruptedException {
        long until = System.nanoTime() + MAX_DEFERRAL.toNanos();
        while (requests.busy() && System.nanoTime() < until && worker == Thread.currentThread()) {
            Thread.sleep(100);
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::work, "duplicate-check");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
