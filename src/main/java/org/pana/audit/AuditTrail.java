package org.pana.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.pana.platform.CallerIdentity;
import org.pana.platform.Database;
import org.pana.platform.TimeOrderedIds;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends events to the hash-chained audit trail.
 *
 * <p>{@link #record} writes in the caller's transaction, just before it commits, so an audited write
 * and its event commit or roll back together, and the chain is in commit order. {@link #recordSeparately} is for events that must survive a rollback (a denied
 * access, a failed sign-in): it writes in a transaction of its own, after the caller's transaction has
 * ended, so it never waits for a chain lock the caller itself holds.
 *
 * <p>Appends are serialised by a row lock on {@code audit_chain_head}, which also holds the last
 * sequence number and hash: that is what lets {@code verify} notice a deleted last event.
 */
@Service
public class AuditTrail {

    static final String GENESIS_HASH = "0".repeat(64);
    static final String EVENT_COLUMNS = "seq, id, occurred_at, actor_id, actor, organisation_id, organisation, action,"
            + " subject_type, subject_id, outcome, client_address, purpose, details, previous_hash, hash";
    private static final int VERIFY_PAGE_SIZE = 1000;
    private static final int SEAL_BATCH = 500;
    private static final Pattern UNSAFE_CHARACTERS = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}\\u202A-\\u202E\\u2066-\\u2069]");

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final TimeOrderedIds ids;
    private final TransactionTemplate separateTransaction;
    private final PlatformTransactionManager transactions;
    private final Database database;

    AuditTrail(JdbcClient jdbc, DataSource dataSource, Clock clock, TimeOrderedIds ids, PlatformTransactionManager transactions,
            Database database) {
        this.jdbc = jdbc;
        this.database = database;
        this.dataSource = dataSource;
        this.batch = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.ids = ids;
        this.transactions = transactions;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records an event by the signed-in caller, in the caller's transaction. */
    @Transactional
    public void record(AuditEntry entry) {
        record(currentActor(), entry);
    }

    /** Records an event by an explicitly named actor, in the caller's transaction. */
    @Transactional
    public void record(AuditActor actor, AuditEntry entry) {
        pendingInThisTransaction().add(new Pending(actor, entry, now()));
    }

    /**
     * The events recorded in the current transaction. Just before it commits they are written to
     * {@code audit_pending_event} (no lock: they commit or roll back with the transaction); right after
     * it commits they are sealed into the chain by {@link #seal()}, so the chain's head lock is never
     * held through a business transaction's commit.
     */
    private List<Pending> pendingInThisTransaction() {
        @SuppressWarnings("unchecked")
        List<Pending> pending = (List<Pending>) TransactionSynchronizationManager.getResource(PENDING_KEY);
        if (pending == null) {
            List<Pending> fresh = new java.util.ArrayList<>();
            TransactionSynchronizationManager.bindResource(PENDING_KEY, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    writePending(fresh);
                    fresh.clear();
                }

                @Override
                public void afterCommit() {
                    onTheFinishedTransactionsConnection(() -> sealAfterCommit());
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING_KEY);
                }
            });
            pending = fresh;
        }
        return pending;
    }

    private record Pending(AuditActor actor, AuditEntry entry, Instant at) {}

    private static final Object PENDING_KEY = new Object();

    /** Records an event by the signed-in caller that stays recorded even if the caller's transaction rolls back. */
    public void recordSeparately(AuditEntry entry) {
        recordSeparately(currentActor(), entry);
    }

    /** Records an event by a named actor that stays recorded even if the caller's transaction rolls back. */
    public void recordSeparately(AuditActor actor, AuditEntry entry) {
        Instant at = now();
        List<Pending> event = List.of(new Pending(actor, entry, at));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    onTheFinishedTransactionsConnection(() -> {
                        writePending(event);
                        sealAfterCommit();
                    });
                }
            });
        } else {
            separateTransaction.executeWithoutResult(s -> writePending(event));
            separateTransaction.execute(s -> sealOnce(true));
        }
    }

    /**
     * Walks the whole trail in {@code seq} order, a page at a time, and checks that every event's hash
     * matches its content, that it links to the hash of the event before it, that the sequence numbers
     * run 1, 2, 3... without a gap, and that the last event is the one the chain's head records. Any
     * single changed, deleted (the last one included), inserted or reordered event is reported as the
     * first broken event. Runs in one repeatable-read snapshot, so events appended meanwhile do not
     * look like tampering.
     */
    public ChainVerification verify() {
        seal();
        TransactionTemplate snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return snapshot.execute(status -> verifySnapshot());
    }

    private ChainVerification verifySnapshot() {
        ChainHead head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")
                .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2))).single();
        ChainWalk walk = new ChainWalk(head.lastSeq(), head.lastHash());
        long after = Long.MIN_VALUE;
        List<StoredEvent> page;
        do {
            page = jdbc.sql("SELECT " + EVENT_COLUMNS + " FROM audit_event WHERE seq > :after ORDER BY seq LIMIT :limit")
                    .param("after", after).param("limit", VERIFY_PAGE_SIZE)
                    .query(AuditTrail::storedEvent).list();
            page.forEach(walk::check);
            if (!page.isEmpty()) after = page.get(page.size() - 1).seq();
        } while (page.size() == VERIFY_PAGE_SIZE);
        return walk.result();
    }

    /** The actor of the current request, from the security context and the servlet request. */
    public static AuditActor currentActor() {
        String address = clientAddress();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CallerIdentity caller) {
            return AuditActor.of(caller, address);
        }
        String name = authentication == null ? "anonymous" : authentication.getName();
        return new AuditActor(null, name, null, null, address);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private void writePending(List<Pending> events) {
        if (events.isEmpty()) return;
        List<Object[]> rows = new java.util.ArrayList<>(events.size());
        for (Pending p : events) {
            AuditActor actor = p.actor();
            AuditEntry entry = p.entry();
            rows.add(new Object[] {ids.next(), p.at().atOffset(ZoneOffset.UTC), actor.userId(), clean(actor.username(), 100),
                    actor.organisationId(), clean(actor.organisation(), 200), entry.action(), clean(entry.subjectType(), 60),
                    clean(entry.subjectId(), 100), entry.outcome().name(), clean(actor.clientAddress(), 64),
                    clean(entry.purpose(), 200), clean(entry.details(), 1000)});
        }
        batch.batchUpdate("INSERT INTO audit_pending_event (id, occurred_at, actor_id, actor, organisation_id, organisation, action,"
                + " subject_type, subject_id, outcome, client_address, purpose, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /**
     * Moves every committed pending event into the hash chain, oldest first, under the chain's head lock,
     * in one short transaction: many requests' events share one lock and one commit. Safe to call from
     * any node at any time; returns how many events were sealed.
     */
    public int seal() {
        Integer sealed = separateTransaction.execute(status -> sealOnce(false));
        return sealed == null ? 0 : Math.max(sealed, 0);
    }

    /**
     * One seal in the current transaction or connection; with {@code skipIfBusy}, returns -1 at once when
     * another seal holds the head. Inserts and deletes are batched: a seal of 500 events is a handful of
     * statements.
     */
    private int sealOnce(boolean skipIfBusy) {
        // A seal lost in a crash is done again: the pending events it moved were committed durably and are
        // still there. So its commit need not wait for the disk, and a request does not wait twice.
        database.commitWithoutWaitingForDisk();
        List<ChainHead> heads = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE"
                        + (skipIfBusy ? " SKIP LOCKED" : ""))
                .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2))).list();
        if (heads.isEmpty()) return -1;
        ChainHead head = heads.get(0);
        List<StoredEvent> pending = jdbc.sql("SELECT id, occurred_at, actor_id, actor, organisation_id, organisation, action,"
                        + " subject_type, subject_id, outcome, client_address, purpose, details"
                        + " FROM audit_pending_event ORDER BY occurred_at, id LIMIT :limit")
                .param("limit", SEAL_BATCH)
                .query((rs, n) -> new StoredEvent(0, rs.getObject("id", UUID.class),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getObject("actor_id", UUID.class),
                        rs.getString("actor"), rs.getObject("organisation_id", UUID.class), rs.getString("organisation"),
                        rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("outcome"),
                        rs.getString("client_address"), rs.getString("purpose"), rs.getString("details"), null, null))
                .list();
        if (pending.isEmpty()) return 0;
        long seq = head.lastSeq();
        String previousHash = head.lastHash();
        List<Object[]> rows = new java.util.ArrayList<>(pending.size());
        List<Object[]> sealedIds = new java.util.ArrayList<>(pending.size());
        for (StoredEvent p : pending) {
            StoredEvent event = new StoredEvent(++seq, p.id(), p.occurredAt(), p.actorId(), p.actor(), p.organisationId(),
                    p.organisation(), p.action(), p.subjectType(), p.subjectId(), p.outcome(), p.clientAddress(),
                    p.purpose(), p.details(), previousHash, null);
            String hash = hashOf(event);
            rows.add(new Object[] {event.seq(), event.id(), event.occurredAt().atOffset(ZoneOffset.UTC), event.actorId(),
                    event.actor(), event.organisationId(), event.organisation(), event.action(), event.subjectType(),
                    event.subjectId(), event.outcome(), event.clientAddress(), event.purpose(), event.details(),
                    event.previousHash(), hash});
            sealedIds.add(new Object[] {event.id()});
            previousHash = hash;
        }
        batch.batchUpdate("INSERT INTO audit_event (" + EVENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        batch.batchUpdate("DELETE FROM audit_pending_event WHERE id = ?", sealedIds);
        jdbc.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", seq).param("hash", previousHash).update();
        return pending.size();
    }

    /**
     * Seals right after a commit without queueing behind another seal: if one is running, it leaves; the
     * running seal looks for pending events again after its own commit, and ours committed before that
     * look, so it is sealed either way. A few rounds at most: no request pays for a long backlog, which
     * {@link AuditSealing} works off.
     */
    private void sealAfterCommit() {
        for (int round = 0; round < 3; round++) {
            int sealed = sealOnce(true);
            commitBoundConnection();
            if (sealed <= 0 || (sealed < SEAL_BATCH && !anyPending())) return;
        }
    }

    /**
     * Runs work after the caller's transaction finished, on the connection that transaction used (still
     * bound to the thread until Spring releases it), committing it explicitly: taking a second pooled
     * connection here while the first is still held would starve the pool under load. A failure loses
     * nothing: pending events wait for the next seal.
     */
    private void onTheFinishedTransactionsConnection(Runnable work) {
        try {
            work.run();
            commitBoundConnection();
        } catch (RuntimeException e) {
            try {
                DataSourceUtils.getConnection(dataSource).rollback();
            } catch (SQLException | RuntimeException ignored) {
                // the connection is released by the transaction manager right after this
            }
            org.slf4j.LoggerFactory.getLogger(AuditTrail.class).warn("Sealing audit events failed; they stay pending: {}", e.getClass().getName());
        }
    }

    private void commitBoundConnection() {
        try {
            java.sql.Connection connection = DataSourceUtils.getConnection(dataSource);
            if (!connection.getAutoCommit()) connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not commit the audit seal", e);
        }
    }

    private boolean anyPending() {
        return !jdbc.sql("SELECT id FROM audit_pending_event LIMIT 1").query(UUID.class).list().isEmpty();
    }

    private Instant now() {
        // Microseconds: what both H2 and PostgreSQL store exactly, so the hash can be recomputed from the row.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Replaces line breaks and control characters with spaces (no forged log or CSV lines) and bounds the
     * length. Besides ASCII controls this covers C1 controls such as NEL, the Unicode line and paragraph
     * separators and the bidirectional overrides that can make a log line read differently than it is.
     */
    static String clean(String value, int max) {
        if (value == null) return null;
        String cleaned = UNSAFE_CHARACTERS.matcher(value).replaceAll(" ");
        if (cleaned.length() <= max) return cleaned;
        // Do not cut a surrogate pair in half: half a character cannot be stored and hashed identically.
        int end = Character.isHighSurrogate(cleaned.charAt(max - 1)) ? max - 1 : max;
        return cleaned.substring(0, end);
    }

    /** SHA-256 over every stored field and the previous event's hash, each length-prefixed so fields cannot run into each other. */
    static String hashOf(StoredEvent e) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object field : new Object[] {e.seq(), e.id(), e.occurredAt().getEpochSecond() * 1_000_000L + e.occurredAt().getNano() / 1000,
                    e.actorId(), e.actor(), e.organisationId(), e.organisation(), e.action(), e.subjectType(), e.subjectId(),
                    e.outcome(), e.clientAddress(), e.purpose(), e.details(), e.previousHash()}) {
                byte[] bytes = field == null ? new byte[0] : field.toString().getBytes(StandardCharsets.UTF_8);
                digest.update((field == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static StoredEvent storedEvent(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(rs.getLong("seq"), rs.getObject("id", UUID.class),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getObject("actor_id", UUID.class),
                rs.getString("actor"), rs.getObject("organisation_id", UUID.class), rs.getString("organisation"),
                rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("outcome"),
                rs.getString("client_address"), rs.getString("purpose"), rs.getString("details"),
                rs.getString("previous_hash"), rs.getString("hash"));
    }

    private record ChainHead(long lastSeq, String lastHash) {}

    /** An event as stored: the row's columns, in hash order. */
    record StoredEvent(long seq, UUID id, Instant occurredAt, UUID actorId, String actor, UUID organisationId,
            String organisation, String action, String subjectType, String subjectId, String outcome,
            String clientAddress, String purpose, String details, String previousHash, String hash) {}
}
