package org.pana.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.pana.audit.AuditTrail.StoredEvent;
import org.pana.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One change made directly in SQL to a single audit row, as an attacker with database access would,
 * together with the event that verification must report as the first broken one: its position in the
 * sequence and the id of the event stored there afterwards ({@code null} when that position is empty).
 */
record Tampering(Kind kind, String description, List<Statement> statements, long expectedSeq, UUID expectedEventId) {

    enum Kind { MODIFY, DELETE, INSERT, REORDER }

    /** Every column of {@code audit_event}, each of which a tampering may change. */
    static final List<String> COLUMNS = List.of("seq", "id", "occurred_at", "actor_id", "actor", "organisation_id",
            "organisation", "action", "subject_type", "subject_id", "outcome", "client_address", "purpose", "details",
            "previous_hash", "hash");

    record Statement(String sql, List<Object> params) {}

    /**
     * On PostgreSQL a trigger refuses UPDATE and DELETE of audit events even to their owner; a test that
     * plays the attacker disables it first, inside its own transaction, which it then rolls back.
     */
    static void allowChangesInThisTransaction(JdbcClient jdbc) {
        if (TestDatabase.usesPostgres()) {
            jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only").update();
        }
    }

    void applyTo(JdbcClient jdbc) {
        for (Statement statement : statements) {
            int rows = jdbc.sql(statement.sql()).params(statement.params()).update();
            if (rows != 1) throw new IllegalStateException("Tampering changed " + rows + " rows: " + description);
        }
    }

    /** A random single-row tampering of {@code events}, the whole trail in seq order (1..n). */
    static Tampering random(Random random, List<StoredEvent> events) {
        int roll = random.nextInt(100);
        if (roll < 50) return modify(random, events);
        if (roll < 70) return delete(random, events);
        if (roll < 85) return insert(random, events);
        return reorder(random, events);
    }

    /** Picks the last and the first event more often than the others: the edges are where checks are forgotten. */
    private static StoredEvent anyEvent(Random random, List<StoredEvent> events) {
        int roll = random.nextInt(10);
        if (roll == 0) return events.get(events.size() - 1);
        if (roll == 1) return events.get(0);
        return events.get(random.nextInt(events.size()));
    }

    private static Tampering delete(Random random, List<StoredEvent> events) {
        StoredEvent victim = anyEvent(random, events);
        return new Tampering(Kind.DELETE, "delete event " + victim.seq(),
                List.of(new Statement("DELETE FROM audit_event WHERE seq = ?", List.of(victim.seq()))), victim.seq(), null);
    }

    private static Tampering insert(Random random, List<StoredEvent> events) {
        StoredEvent last = events.get(events.size() - 1);
        boolean atStart = random.nextInt(4) == 0;
        long seq = atStart ? 0 : last.seq() + 1;
        String previousHash = atStart ? AuditTrail.GENESIS_HASH : last.hash();
        UUID id = AuditFixtures.uuid(random);
        AuditActor actor = AuditFixtures.aRandomActor(random);
        AuditEntry entry = AuditFixtures.aRandomEntry(random);
        // A careful forger: correct link and a correctly computed hash, so only the chain's head can betray it.
        StoredEvent forged = new StoredEvent(seq, id, last.occurredAt().plusSeconds(1), actor.userId(), actor.username(),
                actor.organisationId(), actor.organisation(), entry.action(), entry.subjectType(), entry.subjectId(),
                entry.outcome().name(), actor.clientAddress(), entry.purpose(), entry.details(), previousHash, null);
        String hash = AuditTrail.hashOf(forged);
        List<Object> values = new ArrayList<>();
        values.add(forged.seq());
        values.add(forged.id());
        values.add(utc(forged.occurredAt()));
        values.add(forged.actorId());
        values.add(forged.actor());
        values.add(forged.organisationId());
        values.add(forged.organisation());
        values.add(forged.action());
        values.add(forged.subjectType());
        values.add(forged.subjectId());
        values.add(forged.outcome());
        values.add(forged.clientAddress());
        values.add(forged.purpose());
        values.add(forged.details());
        values.add(forged.previousHash());
        values.add(hash);
        String sql = "INSERT INTO audit_event (" + String.join(", ", COLUMNS) + ") VALUES (" + "?, ".repeat(15) + "?)";
        return new Tampering(Kind.INSERT, "insert a forged event " + seq, List.of(new Statement(sql, values)), seq, id);
    }

    private static Tampering reorder(Random random, List<StoredEvent> events) {
        StoredEvent a = anyEvent(random, events);
        StoredEvent b = anyEvent(random, events);
        while (b.seq() == a.seq()) b = events.get(random.nextInt(events.size()));
        StoredEvent earlier = a.seq() < b.seq() ? a : b;
        StoredEvent later = a.seq() < b.seq() ? b : a;
        String move = "UPDATE audit_event SET seq = ? WHERE seq = ?";
        return new Tampering(Kind.REORDER, "swap events " + earlier.seq() + " and " + later.seq(), List.of(
                new Statement(move, List.of(-1_000_000L, earlier.seq())),
                new Statement(move, List.of(earlier.seq(), later.seq())),
                new Statement(move, List.of(later.seq(), -1_000_000L))), earlier.seq(), later.id());
    }

    private static Tampering modify(Random random, List<StoredEvent> events) {
        StoredEvent victim = anyEvent(random, events);
        String column = COLUMNS.get(random.nextInt(COLUMNS.size()));
        long seq = victim.seq();
        UUID id = victim.id();
        String description = "change " + column + " of event " + seq;
        return switch (column) {
            case "seq" -> {
                long lastSeq = events.get(events.size() - 1).seq();
                if (random.nextBoolean()) {
                    long newSeq = lastSeq + 1 + random.nextInt(5);
                    yield set(description + " to " + newSeq, "seq", newSeq, seq, seq, null);
                }
                long newSeq = -1 - random.nextInt(5);
                yield set(description + " to " + newSeq, "seq", newSeq, seq, newSeq, id);
            }
            case "id" -> {
                UUID newId = AuditFixtures.uuid(random);
                yield set(description, "id", newId, seq, seq, newId);
            }
            case "occurred_at" -> {
                long micros = (1 + random.nextInt(1_000_000_000)) * (random.nextBoolean() ? 1L : -1L);
                yield set(description, column, utc(victim.occurredAt().plus(micros, ChronoUnit.MICROS)), seq, seq, id);
            }
            case "actor_id", "organisation_id" -> {
                UUID current = "actor_id".equals(column) ? victim.actorId() : victim.organisationId();
                yield current != null && random.nextBoolean()
                        ? set(description + " to null", column, null, seq, seq, id)
                        : set(description, column, AuditFixtures.uuid(random), seq, seq, id);
            }
            case "action" -> set(description, column, changed(random, victim.action(), "ABCDEFGHIJKLMNOPQRSTUVWXYZ_"), seq, seq, id);
            case "outcome" -> {
                String other = victim.outcome().equals("SUCCESS") ? (random.nextBoolean() ? "DENIED" : "success") : "SUCCESS";
                yield set(description, column, other, seq, seq, id);
            }
            case "previous_hash", "hash" -> {
                String current = "hash".equals(column) ? victim.hash() : victim.previousHash();
                yield set(description, column, changed(random, current, "0123456789abcdef"), seq, seq, id);
            }
            default -> {
                String current = text(victim, column);
                if (current == null) yield set(description, column, "forged", seq, seq, id);
                int how = random.nextInt(3);
                if (how == 0) yield set(description + " to null", column, null, seq, seq, id);
                if (how == 1) yield set(description + " (trailing space)", column, current + " ", seq, seq, id);
                yield set(description, column, changed(random, current, "abcxyzабвқөү0123456789"), seq, seq, id);
            }
        };
    }

    private static Tampering set(String description, String column, Object value, long seq, long expectedSeq, UUID expectedId) {
        Statement statement = value == null
                ? new Statement("UPDATE audit_event SET " + column + " = NULL WHERE seq = ?", List.of(seq))
                : new Statement("UPDATE audit_event SET " + column + " = ? WHERE seq = ?", List.of(value, seq));
        return new Tampering(Kind.MODIFY, description, List.of(statement), expectedSeq, expectedId);
    }

    /** The text with one character replaced by a different one from {@code alphabet}. */
    private static String changed(Random random, String text, String alphabet) {
        int at = random.nextInt(text.length());
        char replacement;
        do {
            replacement = alphabet.charAt(random.nextInt(alphabet.length()));
        } while (replacement == text.charAt(at));
        return text.substring(0, at) + replacement + text.substring(at + 1);
    }

    private static String text(StoredEvent e, String column) {
        return switch (column) {
            case "actor" -> e.actor();
            case "organisation" -> e.organisation();
            case "subject_type" -> e.subjectType();
            case "subject_id" -> e.subjectId();
            case "client_address" -> e.clientAddress();
            case "purpose" -> e.purpose();
            case "details" -> e.details();
            default -> throw new IllegalArgumentException(column);
        };
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
