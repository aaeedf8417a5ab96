package org.pana.border;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.access.Role;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.platform.NotFound;
import org.pana.platform.RemovalGround;
import org.pana.platform.RemovalGrounds;
import org.pana.platform.StateConflict;
import org.pana.platform.TimeOrderedIds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals from the border to the asylum authority: created when an encounter records asylum intent, routed
 * to the unit that receives referrals from the border point's region on that date (routing table as data),
 * due {@code pana.border.referral-due} after the encounter (72 hours by default), acknowledged by the receiving
 * unit. An open referral is a ground against removal.
 */
@Service
class Referrals implements RemovalGrounds {

    static final String OPEN_REFERRAL = "OPEN_BORDER_REFERRAL";

    record Referral(UUID id, UUID personId, UUID receivingUnit, String status, Instant dueAt, String dueBasis, Instant createdAt,
            Instant acknowledgedAt) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration due;
    private final BorderNotices notices;

    Referrals(JdbcClient jdbc, AuditTrail audit, TimeOrderedIds ids, Clock clock, BorderNotices notices,
            @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone,
            @Value("${pana.border.referral-due:PT72H}") Duration due) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.zone = zone;
        this.due = due;
        this.notices = notices;
    }

    /** Where and by when; the basis is shown with the deadline. */
    String dueBasis() {
        return "Hand-over to the asylum authority within " + due.toHours() + " hours of the encounter"
                + " (pana.border.referral-due; domain.md: at the border, default 72 hours)";
    }

    /** Creates the referral and notifies (BorderNotices) in the encounter's transaction; {@code profile} is the preliminary profile. */
    Referral create(String jurisdiction, UUID encounterId, UUID personId, String region, Instant encounteredAt, String profile) {
        LocalDate day = encounteredAt.atZone(zone).toLocalDate();
        UUID unit = jdbc.sql("""
                SELECT receiving_organisation_id FROM border_referral_route
                WHERE jurisdiction = :j AND region = :r AND valid_from <= :day ORDER BY valid_from DESC LIMIT 1""")
                .param("j", jurisdiction).param("r", region).param("day", day).query(UUID.class).optional().orElse(null);
        UUID id = ids.next();
        Instant now = clock.instant();
        Instant dueAt = encounteredAt.plus(due);
        jdbc.sql("""
                INSERT INTO border_referral (id, jurisdiction, encounter_id, person_id, receiving_organisation_id, status, due_at, due_basis,
                                             created_at, version)
                VALUES (:id, :j, :encounter, :person, :unit, :status, :due, :basis, :now, 0)""")
                .param("id", id).param("j", jurisdiction).param("encounter", encounterId).param("person", personId).param("unit", unit)
                .param("status", unit == null ? "UNROUTED" : "PENDING").param("due", dueAt.atOffset(ZoneOffset.UTC))
                .param("basis", dueBasis()).param("now", now.atOffset(ZoneOffset.UTC)).update();
        audit.record(AuditEntry.success("BORDER_REFERRAL_CREATED", "PERSON", personId).withDetails("referral " + id));
        Referral referral = new Referral(id, personId, unit, unit == null ? "UNROUTED" : "PENDING", dueAt, dueBasis(), now, null);
        notices.referralCreated(jurisdiction, referral, profile);
        return referral;
    }

    /** The receiving unit acknowledges: once, and only the unit it was sent to. */
    @Transactional
    Referral acknowledge(PanaUser caller, UUID id) {
        Referral referral = find(id).filter(r -> mayAcknowledge(caller, r))
                .orElseThrow(() -> {
                    audit.recordSeparately(AuditEntry.denied("BORDER_REFERRAL_ACKNOWLEDGED", "REFERRAL", id));
                    return new NotFound("referral");
                });
        if (referral.acknowledgedAt() != null) throw new StateConflict("already-acknowledged", "The referral was already acknowledged.");
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                UPDATE border_referral SET status = 'ACKNOWLEDGED', acknowledged_at = :now, acknowledged_by = :by, version = version + 1
                WHERE id = :id AND acknowledged_at IS NULL""")
                .param("now", now.atOffset(ZoneOffset.UTC)).param("by", caller.userId()).param("id", id).update();
        if (changed == 0) throw new StateConflict("already-acknowledged", "The referral was already acknowledged.");
        audit.record(AuditEntry.success("BORDER_REFERRAL_ACKNOWLEDGED", "PERSON", referral.personId()).withDetails("referral " + id));
        return find(id).orElseThrow();
    }

    private static boolean mayAcknowledge(PanaUser caller, Referral referral) {
        return referral.receivingUnit() != null && referral.receivingUnit().equals(caller.organisationId())
                && caller.roles().contains(Role.REGISTRATION_OFFICER);
    }

    /** A page of referrals, most urgent first, and how many there are in all. */
    record Page(List<Referral> items, int page, int size, long total) {}

    /**
     * The referrals a caller works with: the receiving unit's, or (border officers, monitors) the jurisdiction's.
     * A referral says a person asked for asylum: each one shown is audited as a listing of that person.
     */
    @Transactional
    Page list(PanaUser caller, String status, int page, int size) {
        boolean unit = caller.roles().contains(Role.REGISTRATION_OFFICER);
        String where = unit ? "receiving_organisation_id = :org" : "jurisdiction = :j";
        // overdue: marked by the hourly job, or past due since its last run
        if ("OVERDUE".equals(status)) where += " AND acknowledged_at IS NULL AND (status = 'OVERDUE' OR due_at < :now)";
        else if (status != null) where += " AND status = :status";
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("org", caller.organisationId());
        params.put("j", caller.jurisdiction());
        params.put("status", status);
        params.put("now", clock.instant().atOffset(ZoneOffset.UTC));
        long total = jdbc.sql("SELECT count(*) FROM border_referral WHERE " + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Referral> items = jdbc.sql("SELECT * FROM border_referral WHERE " + where + " ORDER BY due_at, id LIMIT :limit OFFSET :offset")
                .params(params).query((rs, n) -> referral(rs)).list();
        for (Referral r : items) audit.record(AuditEntry.success("PERSON_LISTED", "PERSON", r.personId()).withDetails("border-referrals"));
        return new Page(items, page, size, total);
    }

    Optional<Referral> find(UUID id) {
        return jdbc.sql("SELECT * FROM border_referral WHERE id = :id").param("id", id).query((rs, n) -> referral(rs)).optional();
    }

    private static Referral referral(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime acknowledged = rs.getObject("acknowledged_at", OffsetDateTime.class);
        return new Referral(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getObject("receiving_organisation_id", UUID.class), rs.getString("status"),
                rs.getObject("due_at", OffsetDateTime.class).toInstant(), rs.getString("due_basis"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), acknowledged == null ? null : acknowledged.toInstant());
    }

    /** An open referral (not yet taken over by an asylum application) blocks removal from the day it was made. */
    @Override
    public List<RemovalGround> of(UUID personId, LocalDate asOf) {
        return jdbc.sql("SELECT id, created_at FROM border_referral WHERE person_id = :p AND status IN ('PENDING', 'UNROUTED', 'OVERDUE', 'ACKNOWLEDGED')")
                .param("p", personId)
                .query((rs, n) -> new RemovalGround(OPEN_REFERRAL,
                        rs.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate(), "referral " + rs.getObject("id", UUID.class)))
                .list().stream().filter(g -> !g.since().isAfter(asOf)).toList();
    }
}
