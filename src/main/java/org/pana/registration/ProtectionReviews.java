package org.pana.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.platform.NotFound;
import org.pana.platform.StateConflict;
import org.pana.platform.TimeOrderedIds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The protection review list: every specific need newly flagged on a person is put here for protection
 * staff (UNHCR protection monitors and registration officers of the jurisdiction) to review (domain.md,
 * "Specific needs are flagged at registration and sent for review by protection staff").
 */
@Service
public class ProtectionReviews {

    static final String OPEN = "OPEN";
    static final String REVIEWED = "REVIEWED";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final PersonAccess access;
    private final AuditTrail audit;
    private final SpecificNeedCatalogue catalogue;

    ProtectionReviews(JdbcClient jdbc, JdbcTemplate template, TimeOrderedIds ids, Clock clock, PersonAccess access, AuditTrail audit,
            SpecificNeedCatalogue catalogue) {
        this.jdbc = jdbc;
        this.template = template;
        this.ids = ids;
        this.clock = clock;
        this.access = access;
        this.audit = audit;
        this.catalogue = catalogue;
    }

    /** A need newly flagged on a person. */
    record Flag(UUID personId, String jurisdiction, String needCode) {}

    /** Puts newly flagged needs on the list, in the caller's transaction. */
    void flag(List<Flag> flags, UUID flaggedBy, Instant at) {
        if (flags.isEmpty()) return;
        template.batchUpdate("""
                INSERT INTO registration_protection_review (id, person_id, jurisdiction, need_code, flagged_at, flagged_by, status)
                VALUES (?, ?, ?, ?, ?, ?, 'OPEN')""", flags, 1000, (ps, f) -> {
            ps.setObject(1, ids.next());
            ps.setObject(2, f.personId());
            ps.setString(3, f.jurisdiction());
            ps.setString(4, f.needCode());
            ps.setObject(5, at.atOffset(ZoneOffset.UTC));
            ps.setObject(6, flaggedBy);
        });
    }

    /** The open items of the caller's jurisdiction, oldest first. Each person shown is audited. */
    @Transactional
    public ResultPage<ProtectionReviewItem> open(PanaUser caller, int page, int size) {
        requireReviewer(caller);
        long total = jdbc.sql("SELECT count(*) FROM registration_protection_review WHERE jurisdiction = :j AND status = 'OPEN'")
                .param("j", caller.jurisdiction()).query(Long.class).single();
        List<ProtectionReviewItem> items = jdbc.sql("""
                SELECT r.id, r.person_id, p.registration_number, r.need_code, r.flagged_at, r.status, r.reviewed_by, r.reviewed_at
                FROM registration_protection_review r JOIN registration_person p ON p.id = r.person_id
                WHERE r.jurisdiction = :j AND r.status = 'OPEN' ORDER BY r.flagged_at, r.id LIMIT :limit OFFSET :offset""")
                .param("j", caller.jurisdiction()).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> item(rs)).list();
        List<UUID> shown = new ArrayList<>();
        for (ProtectionReviewItem item : items) {
            if (!shown.contains(item.personId())) {
                shown.add(item.personId());
                audit.record(AuditEntry.success("PERSON_LISTED", "PERSON", item.personId()).withDetails("protection-review"));
            }
        }
        return new ResultPage<>(items, page, size, total);
    }

    /** Marks an item reviewed by the caller; an item of another jurisdiction is not found. */
    @Transactional
    public ProtectionReviewItem markReviewed(PanaUser caller, UUID id) {
        requireReviewer(caller);
        ProtectionReviewItem item = find(caller, id);
        if (!OPEN.equals(item.status())) {
            throw new StateConflict("already-reviewed", "This item was already reviewed.");
        }
        Instant now = clock.instant();
        jdbc.sql("UPDATE registration_protection_review SET status = 'REVIEWED', reviewed_by = :by, reviewed_at = :at WHERE id = :id AND status = 'OPEN'")
                .param("by", caller.userId()).param("at", now.atOffset(ZoneOffset.UTC)).param("id", id).update();
        audit.record(AuditEntry.success("PROTECTION_NEED_REVIEWED", "PERSON", item.personId()).withDetails("item=" + id));
        return find(caller, id);
    }

    private ProtectionReviewItem find(PanaUser caller, UUID id) {
        return jdbc.sql("""
                SELECT r.id, r.person_id, p.registration_number, r.need_code, r.flagged_at, r.status, r.reviewed_by, r.reviewed_at
                FROM registration_protection_review r JOIN registration_person p ON p.id = r.person_id
                WHERE r.id = :id AND r.jurisdiction = :j""")
                .param("id", id).param("j", caller.jurisdiction()).query((rs, n) -> item(rs)).optional()
                .orElseThrow(() -> {
                    audit.recordSeparately(AuditEntry.denied("PROTECTION_NEED_REVIEWED", "PROTECTION_REVIEW", id));
                    return new NotFound("Protection review item");
                });
    }

    private ProtectionReviewItem item(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime reviewedAt = rs.getObject("reviewed_at", OffsetDateTime.class);
        String code = rs.getString("need_code");
        return new ProtectionReviewItem(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getString("registration_number"), code, catalogue.isSensitive(code),
                rs.getObject("flagged_at", OffsetDateTime.class).toInstant(), rs.getString("status"),
                rs.getObject("reviewed_by", UUID.class), reviewedAt == null ? null : reviewedAt.toInstant());
    }

    private void requireReviewer(PanaUser caller) {
        if (!access.reviewsProtection(caller)) throw new AccessDeniedException("Not a protection reviewer");
    }
}
