package org.pana.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import org.pana.platform.CallerIdentity;
import org.pana.platform.TimeOrderedIds;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * <p>{@link #record} writes in the caller's transaction, so an audited write and its event commit or
 * roll back together. {@link #recordSeparately} is for events that must survive a rollback (a denied
 * access, a failed sign-in): it writes in a transaction of its own, after the caller's transaction has
 * ended, so it never waits for a chain lock the caller itself holds.
 *
 * <p>Appends are serialised by a row lock on {@code audit_chain_head}, which also holds the last
 * sequence number and hash: that is what lets {@code verify} notice a deleted last event.
 */
@Service
public class AuditTrail {

    static final String GENESIS_HASH = "0".repeat(64);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TimeOrderedIds ids;
    private final TransactionTemplate separateTransaction;

    AuditTrail(JdbcClient jdbc, Clock clock, TimeOrderedIds ids, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ids = ids;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records an event by the signed-in caller, in the caller's transaction. */
    @Transactional
    public void record(AuditEntry entry) {
        append(currentActor(), entry);
    }

    /** Records an event by an explicitly named actor, in the caller's transaction. */
    @Transactional
    public void record(AuditActor actor, AuditEntry entry) {
        append(actor, entry);
    }

    /** Records an event by the signed-in caller that stays recorded even if the caller's transaction rolls back. */
    public void recordSeparately(AuditEntry entry) {
        recordSeparately(currentActor(), entry);
    }

    /** Records an event by a named actor that stays recorded even if the caller's transaction rolls back. */
    public void recordSeparately(AuditActor actor, AuditEntry entry) {
        Instant at = now();
        Runnable write = () -> separateTransaction.executeWithoutResult(s -> append(actor, entry, at));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    write.run();
                }
            });
        } else {
            write.run();
        }
    }

    /** The actor of the current request, from the security context and the servlet request. */
    public static AuditActor currentActor() {
        String address = clientAddress();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CallerIdentity caller) {
            return new AuditActor(caller.userId(), caller.username(), caller.organisationId(), caller.organisationName(), address);
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

    private void append(AuditActor actor, AuditEntry entry) {
        append(actor, entry, now());
    }

    private void append(AuditActor actor, AuditEntry entry, Instant at) {
        ChainHead head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2))).single();
        StoredEvent event = new StoredEvent(head.lastSeq() + 1, ids.next(), at, actor.userId(), clean(actor.username(), 100),
                actor.organisationId(), clean(actor.organisation(), 200), entry.action(), clean(entry.subjectType(), 60),
                clean(entry.subjectId(), 100), entry.outcome().name(), clean(actor.clientAddress(), 64),
                clean(entry.purpose(), 200), clean(entry.details(), 1000), head.lastHash(), null);
        String hash = hashOf(event);
        jdbc.sql("""
                INSERT INTO audit_event (seq, id, occurred_at, actor_id, actor, organisation_id, organisation, action,
                  subject_type, subject_id, outcome, client_address, purpose, details, previous_hash, hash)
                VALUES (:seq, :id, :at, :actorId, :actor, :organisationId, :organisation, :action,
                  :subjectType, :subjectId, :outcome, :clientAddress, :purpose, :details, :previousHash, :hash)""")
                .param("seq", event.seq()).param("id", event.id()).param("at", Timestamp.from(event.occurredAt()))
                .param("actorId", event.actorId()).param("actor", event.actor())
                .param("organisationId", event.organisationId()).param("organisation", event.organisation())
                .param("action", event.action()).param("subjectType", event.subjectType()).param("subjectId", event.subjectId())
                .param("outcome", event.outcome()).param("clientAddress", event.clientAddress()).param("purpose", event.purpose())
                .param("details", event.details()).param("previousHash", event.previousHash()).param("hash", hash)
                .update();
        jdbc.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", event.seq()).param("hash", hash).update();
    }

    private Instant now() {
        // Microseconds: what both H2 and PostgreSQL store exactly, so the hash can be recomputed from the row.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Removes line breaks and control characters (no forged log or CSV lines) and bounds the length. */
    static String clean(String value, int max) {
        if (value == null) return null;
        String cleaned = value.replaceAll("\\p{Cntrl}", " ");
        return cleaned.length() <= max ? cleaned : cleaned.substring(0, max);
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

    private record ChainHead(long lastSeq, String lastHash) {}

    /** An event as stored: the row's columns, in hash order. */
    record StoredEvent(long seq, UUID id, Instant occurredAt, UUID actorId, String actor, UUID organisationId,
            String organisation, String action, String subjectType, String subjectId, String outcome,
            String clientAddress, String purpose, String details, String previousHash, String hash) {}
}
