package org.pana.border;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.pana.access.OrganisationDirectory;
import org.pana.access.OrganisationType;
import org.pana.access.PanaUser;
import org.pana.access.Role;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.calendar.Deadline;
import org.pana.calendar.LegalDeadlines;
import org.pana.calendar.UnknownDeadlineRule;
import org.pana.calendar.UnknownJurisdiction;
import org.pana.platform.FieldText;
import org.pana.platform.NotFound;
import org.pana.platform.RemovalGround;
import org.pana.platform.RemovalGrounds;
import org.pana.platform.RuleViolation;
import org.pana.platform.RuleViolation.FieldProblem;
import org.pana.platform.StateConflict;
import org.pana.platform.TimeOrderedIds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals from the border to the asylum authority: created when an encounter records asylum intent, routed
 * to the unit that receives referrals from the border point's region on that date (routing table as data),
 * due by the calendar's hand-over rule after the encounter (72 hours by default), acknowledged by the receiving
 * unit. An open referral is a ground against removal.
 */
@Service
class Referrals implements RemovalGrounds {

    static final String OPEN_REFERRAL = "OPEN_BORDER_REFERRAL";

    /** A referral as the API and the pages show it, with every forward it went through (oldest first). */
    record Referral(UUID id, String jurisdiction, UUID personId, UUID householdId, UUID receivingUnit, String status, Instant dueAt,
            String dueBasis, Instant createdAt, Instant acknowledgedAt, long version, List<Forward> forwards) {

        Referral {
            forwards = List.copyOf(forwards);
        }

        boolean overdue(Instant now) {
            return acknowledgedAt == null && ("OVERDUE".equals(status) || dueAt.isBefore(now));
        }
    }

    /** One hand-over to another unit: from which unit (none while unrouted), to which, by whom, when and why. */
    record Forward(UUID from, UUID to, String by, Instant at, String reason) {}

    /** What the forwarding officer sends: the unit that should receive the referral, and why. */
    record Forwarding(String organisationId, String reason) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration defaultDue;
    private final OrganisationDirectory directory;
    private final BorderNotices notices;
    private final LegalDeadlines deadlines;

    Referrals(JdbcClient jdbc, AuditTrail audit, TimeOrderedIds ids, Clock clock, OrganisationDirectory directory, BorderNotices notices,
            LegalDeadlines deadlines, @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone,
            @Value("${pana.border.referral-due:PT72H}") Duration defaultDue) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.zone = zone;
        this.defaultDue = defaultDue;
        this.directory = directory;
        this.notices = notices;
        this.deadlines = deadlines;
    }

    /** The present moment, as the referral rules see it. */
    Instant now() {
        return clock.instant();
    }

    /** When a referral is due, and why: shown with the deadline. */
    record Due(Instant at, String basis) {}

    static final String HANDOVER_PROCEDURE = "ASYLUM";
    static final String HANDOVER_STEP = "BORDER_HANDOVER";

    /**
     * The hand-over deadline of the jurisdiction's calendar rule ASYLUM / BORDER_HANDOVER (data a lawyer can correct,
     * with its basis); {@code pana.border.referral-due} only where the jurisdiction has no such rule.
     */
    Due due(String jurisdiction, Instant encounteredAt) {
        try {
            Deadline deadline = deadlines.dueDate(jurisdiction, HANDOVER_PROCEDURE, HANDOVER_STEP, encounteredAt);
            Instant at = deadline.dueAt() != null ? deadline.dueAt()
                    : deadline.dueDate().plusDays(1).atStartOfDay(zone).toInstant(); // a rule in days: to the end of the due day
            return new Due(at, "Hand-over to the asylum authority within " + deadline.rule().amount() + " "
                    + deadline.rule().unit().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " of the encounter (calendar rule "
                    + jurisdiction + " " + HANDOVER_PROCEDURE + "/" + HANDOVER_STEP + ": " + deadline.basis() + ")");
        } catch (UnknownDeadlineRule | UnknownJurisdiction noRule) {
            return new Due(encounteredAt.plus(defaultDue), "Hand-over to the asylum authority within " + defaultDue.toHours() + " hours of the encounter"
                    + " (pana.border.referral-due: " + jurisdiction + " has no calendar rule " + HANDOVER_PROCEDURE + "/" + HANDOVER_STEP
                    + "; domain.md: at the border, default 72 hours)");
        }
    }

    /** Creates the referral and notifies (BorderNotices) in the encounter's transaction; {@code profile} is the preliminary profile. */
    Referral create(String jurisdiction, UUID encounterId, UUID personId, UUID householdId, String region, Instant encounteredAt, String profile) {
        LocalDate day = encounteredAt.atZone(zone).toLocalDate();
        UUID unit = jdbc.sql("""
                SELECT receiving_organisation_id FROM border_referral_route
                WHERE jurisdiction = :j AND region = :r AND valid_from <= :day ORDER BY valid_from DESC LIMIT 1""")
                .param("j", jurisdiction).param("r", region).param("day", day).query(UUID.class).optional().orElse(null);
        UUID id = ids.next();
        Instant now = clock.instant();
        Due due = due(jurisdiction, encounteredAt);
        jdbc.sql("""
                INSERT INTO border_referral (id, jurisdiction, encounter_id, person_id, household_id, receiving_organisation_id, status, due_at,
                                             due_basis, created_at, version)
                VALUES (:id, :j, :encounter, :person, :household, :unit, :status, :due, :basis, :now, 0)""")
                .param("id", id).param("j", jurisdiction).param("encounter", encounterId).param("person", personId)
                .param("household", householdId).param("unit", unit)
                .param("status", unit == null ? "UNROUTED" : "PENDING").param("due", due.at().atOffset(ZoneOffset.UTC))
                .param("basis", due.basis()).param("now", now.atOffset(ZoneOffset.UTC)).update();
        audit.record(AuditEntry.success("BORDER_REFERRAL_CREATED", "PERSON", personId).withDetails("referral " + id));
        Referral referral = new Referral(id, jurisdiction, personId, householdId, unit, unit == null ? "UNROUTED" : "PENDING", due.at(), due.basis(),
                now, null, 0, List.of());
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
                WHERE id = :id AND version = :version AND acknowledged_at IS NULL""")
                .param("now", now.atOffset(ZoneOffset.UTC)).param("by", caller.userId()).param("id", id).param("version", referral.version())
                .update();
        if (changed == 0) throw new StateConflict("concurrent-change", "The referral was acknowledged or forwarded meanwhile: reload it.");
        audit.record(AuditEntry.success("BORDER_REFERRAL_ACKNOWLEDGED", "PERSON", referral.personId()).withDetails("referral " + id));
        return find(id).orElseThrow();
    }

    private static boolean mayAcknowledge(PanaUser caller, Referral referral) {
        return referral.receivingUnit() != null && referral.receivingUnit().equals(caller.organisationId())
                && caller.roles().contains(Role.REGISTRATION_OFFICER);
    }

    /**
     * Hands a referral on to the unit that should have it (issue 4: it «forwards it to the right unit, which
     * restarts nothing and is audited»). The due time stays as it was, so the person's 72 hours keep running;
     * the referral is pending again for the new unit (overdue if its time has passed). Only the receiving unit's
     * registration officers forward it; an unrouted one (no route for its region) is routed so by any asylum
     * authority unit of the jurisdiction. Acknowledged referrals are not forwarded (409); a forward and an
     * acknowledgement at the same moment: one wins, the other gets 409.
     */
    @Transactional
    Referral forward(PanaUser caller, UUID id, Forwarding request) {
        Referral referral = find(id).filter(r -> mayForward(caller, r))
                .orElseThrow(() -> {
                    audit.recordSeparately(AuditEntry.denied("BORDER_REFERRAL_FORWARDED", "REFERRAL", id));
                    return new NotFound("referral");
                });
        List<FieldProblem> problems = new ArrayList<>();
        String reason = FieldText.lines(request == null ? null : request.reason(), "reason", 1000, problems);
        if (reason == null && problems.isEmpty()) problems.add(new FieldProblem("reason", "Say why the referral goes to another unit."));
        UUID to = uuid(request == null ? null : request.organisationId());
        if (to == null) {
            problems.add(new FieldProblem("organisationId", "Choose the unit that should receive the referral."));
        } else if (directory.find(to).filter(u -> u.type() == OrganisationType.ASYLUM_AUTHORITY)
                .filter(u -> u.jurisdiction().equals(referral.jurisdiction())).isEmpty()) {
            problems.add(new FieldProblem("organisationId", "Choose an asylum authority unit of " + referral.jurisdiction() + "."));
        } else if (to.equals(referral.receivingUnit())) {
            problems.add(new FieldProblem("organisationId", "The referral is already with this unit."));
        }
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The forward has invalid fields.", problems);
        if (referral.acknowledgedAt() != null) {
            throw new StateConflict("already-acknowledged", "The referral was acknowledged: it is no longer forwarded.");
        }
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                UPDATE border_referral SET receiving_organisation_id = :to, version = version + 1,
                       status = CASE WHEN status = 'OVERDUE' OR due_at < :now THEN 'OVERDUE' ELSE 'PENDING' END
                WHERE id = :id AND version = :version AND acknowledged_at IS NULL""")
                .param("to", to).param("now", now.atOffset(ZoneOffset.UTC)).param("id", id).param("version", referral.version()).update();
        if (changed == 0) throw new StateConflict("concurrent-change", "The referral was acknowledged or forwarded meanwhile: reload it.");
        jdbc.sql("""
                INSERT INTO border_referral_forward (id, referral_id, from_organisation_id, to_organisation_id, forwarded_by,
                                                     forwarded_by_username, forwarded_at, reason)
                VALUES (:id, :referral, :from, :to, :by, :username, :at, :reason)""")
                .param("id", ids.next()).param("referral", id).param("from", referral.receivingUnit()).param("to", to)
                .param("by", caller.userId()).param("username", caller.username()).param("at", now.atOffset(ZoneOffset.UTC))
                .param("reason", reason).update();
        audit.record(AuditEntry.success("BORDER_REFERRAL_FORWARDED", "PERSON", referral.personId())
                .withDetails("referral " + id + " to " + to));
        Referral forwarded = find(id).orElseThrow();
        announceForwarded(forwarded);
        return forwarded;
    }

    private static UUID uuid(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException notAnId) {
            return new UUID(0, 0); // no organisation has it: answered as a unit that is not there
        }
    }

    /** Tells the new unit that a referral reached it (in the forward's transaction). */
    private void announceForwarded(Referral referral) {
        notices.referralForwarded(referral);
    }

    /** The receiving unit's officers; for an unrouted referral, any asylum authority unit of its jurisdiction. */
    static boolean mayForward(PanaUser caller, Referral referral) {
        if (!caller.roles().contains(Role.REGISTRATION_OFFICER) || !caller.jurisdiction().equals(referral.jurisdiction())) return false;
        if (referral.receivingUnit() == null) return caller.organisationType() == OrganisationType.ASYLUM_AUTHORITY;
        return referral.receivingUnit().equals(caller.organisationId());
    }

    /** The asylum authority units a referral may be forwarded to (the caller's jurisdiction), by name. */
    List<OrganisationDirectory.Unit> units(PanaUser caller) {
        return directory.of(caller.jurisdiction(), OrganisationType.ASYLUM_AUTHORITY);
    }

    /** A page of referrals, most urgent first, and how many there are in all. */
    record Page(List<Referral> items, int page, int size, long total) {}

    /**
     * The referrals a caller works with: the receiving unit's, or (border officers, monitors) the jurisdiction's.
     * A referral says a person asked for asylum: each one shown is audited as a listing of that person.
     */
    @Transactional
    Page list(PanaUser caller, String status, int page, int size) {
        Page found = unaudited(caller, status, page, size);
        for (Referral r : found.items()) audit.record(AuditEntry.success("PERSON_LISTED", "PERSON", r.personId()).withDetails("border-referrals"));
        return found;
    }

    /**
     * The same list, for a page that shows each person through the register's audited listing (so each person
     * shown is audited once, there). Registration officers of an asylum authority also see the jurisdiction's
     * unrouted referrals: any of them may route one.
     */
    Page unaudited(PanaUser caller, String status, int page, int size) {
        String where = "jurisdiction = :j";
        if (caller.roles().contains(Role.REGISTRATION_OFFICER)) {
            where += caller.organisationType() == OrganisationType.ASYLUM_AUTHORITY
                    ? " AND (receiving_organisation_id = :org OR receiving_organisation_id IS NULL)" : " AND receiving_organisation_id = :org";
        }
        // overdue: marked by the hourly job, or past due since its last run
        if ("OVERDUE".equals(status)) where += " AND acknowledged_at IS NULL AND (status = 'OVERDUE' OR due_at < :now)";
        else if (status != null) where += " AND status = :status";
        Map<String, Object> params = new HashMap<>();
        params.put("org", caller.organisationId());
        params.put("j", caller.jurisdiction());
        params.put("status", status);
        params.put("now", clock.instant().atOffset(ZoneOffset.UTC));
        long total = jdbc.sql("SELECT count(*) FROM border_referral WHERE " + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Referral> items = withForwards(jdbc.sql("SELECT * FROM border_referral WHERE " + where
                + " ORDER BY due_at, id LIMIT :limit OFFSET :offset").params(params).query((rs, n) -> referral(rs)).list());
        return new Page(items, page, size, total);
    }

    /**
     * One referral, if it is in the caller's scope as in {@link #unaudited}: the jurisdiction's, and for a
     * registration officer their unit's (or, in an asylum authority, an unrouted one). Otherwise empty, and the
     * attempt is audited as denied.
     */
    Optional<Referral> visibleTo(PanaUser caller, UUID id) {
        Optional<Referral> found = find(id).filter(r -> r.jurisdiction().equals(caller.jurisdiction()))
                .filter(r -> !caller.roles().contains(Role.REGISTRATION_OFFICER) || caller.roles().contains(Role.PROTECTION_MONITOR)
                        || caller.roles().contains(Role.BORDER_OFFICER) || Objects.equals(r.receivingUnit(), caller.organisationId())
                        || (r.receivingUnit() == null && caller.organisationType() == OrganisationType.ASYLUM_AUTHORITY));
        if (found.isEmpty()) audit.recordSeparately(AuditEntry.denied("BORDER_REFERRAL_VIEWED", "REFERRAL", id));
        return found;
    }

    Optional<Referral> find(UUID id) {
        return jdbc.sql("SELECT * FROM border_referral WHERE id = :id").param("id", id).query((rs, n) -> referral(rs)).optional()
                .map(r -> withForwards(List.of(r)).get(0));
    }

    /** The referrals with their forwards, read in one query. */
    List<Referral> withForwards(List<Referral> referrals) {
        if (referrals.isEmpty()) return referrals;
        Map<UUID, List<Forward>> forwards = new HashMap<>();
        jdbc.sql("""
                SELECT referral_id, from_organisation_id, to_organisation_id, forwarded_by_username, forwarded_at, reason
                FROM border_referral_forward WHERE referral_id IN (:ids) ORDER BY forwarded_at, id""")
                .param("ids", referrals.stream().map(Referral::id).toList())
                .query((rs, n) -> Map.entry(rs.getObject("referral_id", UUID.class), new Forward(rs.getObject("from_organisation_id", UUID.class),
                        rs.getObject("to_organisation_id", UUID.class), rs.getString("forwarded_by_username"),
                        rs.getObject("forwarded_at", OffsetDateTime.class).toInstant(), rs.getString("reason"))))
                .list().forEach(e -> forwards.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return referrals.stream().map(r -> new Referral(r.id(), r.jurisdiction(), r.personId(), r.householdId(), r.receivingUnit(), r.status(),
                r.dueAt(), r.dueBasis(), r.createdAt(), r.acknowledgedAt(), r.version(), forwards.getOrDefault(r.id(), List.of()))).toList();
    }

    static Referral referral(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime acknowledged = rs.getObject("acknowledged_at", OffsetDateTime.class);
        return new Referral(rs.getObject("id", UUID.class), rs.getString("jurisdiction"), rs.getObject("person_id", UUID.class),
                rs.getObject("household_id", UUID.class), rs.getObject("receiving_organisation_id", UUID.class), rs.getString("status"),
                rs.getObject("due_at", OffsetDateTime.class).toInstant(), rs.getString("due_basis"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), acknowledged == null ? null : acknowledged.toInstant(),
                rs.getLong("version"), List.of());
    }

    /**
     * An open referral (not yet taken over by an asylum application) blocks removal from the day the person asked for
     * asylum at the border (the encounter), not from the day it was entered: an encounter recorded offline and sent
     * the next day protected the person from the first moment.
     */
    @Override
    public List<RemovalGround> of(UUID personId, LocalDate asOf) {
        return jdbc.sql("""
                        SELECT r.id, e.encountered_at FROM border_referral r JOIN border_encounter e ON e.id = r.encounter_id
                        WHERE r.person_id = :p AND r.status IN ('PENDING', 'UNROUTED', 'OVERDUE', 'ACKNOWLEDGED')""")
                .param("p", personId)
                .query((rs, n) -> new RemovalGround(OPEN_REFERRAL,
                        rs.getObject("encountered_at", OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate(), "referral " + rs.getObject("id", UUID.class)))
                .list().stream().filter(g -> !g.since().isAfter(asOf)).toList();
    }
}
