package org.pana.border;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.platform.StateConflict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the asylum procedure needs of a border referral: the facts it was made on, and taking it over when an
 * application is opened from it. A referral taken over counts as acknowledged, leaves the border's lists of work
 * and stops being a ground against removal: the application is the ground from then on.
 */
@Service
public class BorderReferrals {

    public static final String TAKEN_OVER = "TAKEN_OVER";

    /** A referral not yet taken over, with what the asylum authority needs to open an application from it. */
    public record OpenReferral(UUID id, String jurisdiction, UUID personId, UUID householdId, UUID receivingUnit, Instant encounteredAt,
            boolean irregularEntry) {}

    /**
     * What a border referral slip prints (issue 6): the border point and day the person asked for asylum, the asylum
     * authority unit they are referred to (null while unrouted) and by when the hand-over is due. {@code takenOver}:
     * an application was opened from the referral, whose asylum-seeker certificate replaces the slip.
     */
    public record Slip(UUID referralId, String jurisdiction, UUID personId, String borderPoint, Instant encounteredAt, UUID receivingUnit,
            Instant dueAt, boolean takenOver) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final java.time.Clock clock;

    BorderReferrals(JdbcClient jdbc, AuditTrail audit, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The referral, if it exists and is not taken over yet (the caller checks jurisdiction and unit). */
    public Optional<OpenReferral> open(UUID referralId) {
        return jdbc.sql("""
                SELECT r.id, r.jurisdiction, r.person_id, r.household_id, r.receiving_organisation_id, e.encountered_at, e.arrival
                FROM border_referral r JOIN border_encounter e ON e.id = r.encounter_id
                WHERE r.id = :id AND r.status <> 'TAKEN_OVER'""")
                .param("id", referralId)
                .query((rs, n) -> new OpenReferral(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getObject(6, OffsetDateTime.class).toInstant(),
                        "IRREGULAR_ENTRY_INLAND".equals(rs.getString(7))))
                .optional();
    }

    /** The slip facts of a referral, taken over or not (the caller checks who may see it). */
    public Optional<Slip> slip(UUID referralId) {
        return slips("r.id = :id", referralId).stream().findFirst();
    }

    /** The slip facts of each referral of the person, the newest encounter first. */
    public List<Slip> slipsOf(UUID personId) {
        return slips("r.person_id = :id", personId);
    }

    private List<Slip> slips(String where, UUID id) {
        return jdbc.sql("""
                SELECT r.id, r.jurisdiction, r.person_id, p.name, e.encountered_at, r.receiving_organisation_id, r.due_at, r.status
                FROM border_referral r JOIN border_encounter e ON e.id = r.encounter_id JOIN border_point p ON p.code = e.border_point
                """ + "WHERE " + where + " ORDER BY e.encountered_at DESC, r.id")
                .param("id", id)
                .query((rs, n) -> new Slip(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getObject(6, UUID.class), rs.getObject(7, OffsetDateTime.class).toInstant(),
                        TAKEN_OVER.equals(rs.getString(8))))
                .list();
    }

    /** Marks the referral taken over by {@code reference} (an application number), in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void takeOver(PanaUser caller, UUID referralId, String reference) {
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                UPDATE border_referral SET status = 'TAKEN_OVER', version = version + 1,
                       acknowledged_at = COALESCE(acknowledged_at, :now), acknowledged_by = COALESCE(acknowledged_by, :by)
                WHERE id = :id AND status <> 'TAKEN_OVER'""")
                .param("now", now.atOffset(ZoneOffset.UTC)).param("by", caller.userId()).param("id", referralId).update();
        if (changed == 0) throw new StateConflict("referral-taken-over", "The referral was already taken over by an application.");
        UUID person = jdbc.sql("SELECT person_id FROM border_referral WHERE id = :id").param("id", referralId).query(UUID.class).single();
        audit.record(AuditEntry.success("BORDER_REFERRAL_TAKEN_OVER", "PERSON", person).withDetails("referral " + referralId + " by " + reference));
    }
}
