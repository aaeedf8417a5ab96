package org.pana.border;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.pana.access.OrganisationType;
import org.pana.access.PanaUser;
import org.pana.access.Role;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.platform.FieldText;
import org.pana.platform.NotFound;
import org.pana.platform.RemovalGround;
import org.pana.platform.RuleViolation;
import org.pana.platform.RuleViolation.FieldProblem;
import org.pana.platform.TimeOrderedIds;
import org.pana.registration.Registry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removals reported as carried out. The software cannot stop a removal; it makes a breach visible at once. The
 * guard's grounds are taken as of the removal's date (the country's date) and stored with the report; if any
 * stood, the report is a possible refoulement and the jurisdiction's protection monitors and ministry are told in
 * the same transaction (issue 4, item 4; non-refoulement, 1951 Refugee Convention, Art. 33).
 */
@Service
class RemovalReports {

    static final String REPORTED = "REMOVAL_REPORTED";
    static final String READ = "REMOVAL_REPORT_READ";
    static final Set<String> COUNTRIES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
    /** Ministry roles (demo: appeals.officer, statistician, auditor) read reports only from a ministry organisation. */
    static final Set<Role> MINISTRY_ROLES = Set.of(Role.APPEALS_OFFICER, Role.STATISTICIAN, Role.AUDITOR);

    /** What the officer reports: where is a border point of their jurisdiction or, away from one, a place. */
    record RemovalReportRequest(UUID personId, Instant removedAt, String borderPoint, String place, String destinationCountry,
            String note) {}

    /** A stored report: {@code removedDespiteGrounds} is the breach flag. */
    record RemovalReport(UUID id, UUID personId, Instant removedAt, String borderPoint, String place, String destinationCountry,
            String note, LocalDate groundsAsOf, List<RemovalGround> grounds, boolean removedDespiteGrounds, Instant reportedAt) {}

    private final JdbcClient jdbc;
    private final RemovalGuard guard;
    private final BorderPoints points;
    private final Registry registry;
    private final BorderNotices notices;
    private final AuditTrail audit;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final ZoneId zone;

    RemovalReports(JdbcClient jdbc, RemovalGuard guard, BorderPoints points, Registry registry, BorderNotices notices, AuditTrail audit,
            TimeOrderedIds ids, Clock clock, @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.points = points;
        this.registry = registry;
        this.notices = notices;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.zone = zone;
    }

    @Transactional
    RemovalReport report(PanaUser officer, RemovalReportRequest request) {
        Instant now = clock.instant();
        List<FieldProblem> problems = new ArrayList<>();
        if (request.personId() == null) problems.add(new FieldProblem("personId", "Say which person was removed."));
        if (request.removedAt() == null) problems.add(new FieldProblem("removedAt", "Say when the person was removed."));
        else if (request.removedAt().isAfter(now.plusSeconds(300))) problems.add(new FieldProblem("removedAt", "A removal cannot be reported before it happened."));
        String place = FieldText.line(request.place(), "place", 200, problems);
        String point = request.borderPoint() == null || request.borderPoint().isBlank() ? null : request.borderPoint();
        if (point != null && place != null) problems.add(new FieldProblem("place", "Give a border point or a place, not both."));
        else if (point == null && place == null && problems.stream().noneMatch(p -> p.field().equals("place"))) {
            problems.add(new FieldProblem("borderPoint", "Say at which border point, or at which place, the person was removed."));
        } else if (point != null && points.find(point).filter(p -> p.jurisdiction().equals(officer.jurisdiction())).isEmpty()) {
            problems.add(new FieldProblem("borderPoint", "Choose a border point of your jurisdiction."));
        }
        String destination = request.destinationCountry();
        if (destination == null || !COUNTRIES.contains(destination)) {
            problems.add(new FieldProblem("destinationCountry", "Use the ISO 3166-1 alpha-3 code of the country, like AFG."));
        } else if (destination.equals(officer.jurisdiction())) {
            problems.add(new FieldProblem("destinationCountry", "A removal is to another country."));
        }
        String note = FieldText.lines(request.note(), "note", 2000, problems);
        if (!problems.isEmpty()) {
            if (request.personId() != null) {
                audit.recordSeparately(AuditEntry.denied(REPORTED, "PERSON", request.personId()).withDetails("invalid report"));
            }
            throw new RuleViolation("validation", "The removal report has invalid fields.", problems);
        }
        registry.requireVisible(officer, request.personId(), REPORTED);

        LocalDate asOf = request.removedAt().atZone(zone).toLocalDate();
        List<RemovalGround> grounds = guard.groundsOn(request.personId(), asOf);
        boolean breach = !grounds.isEmpty();
        UUID id = ids.next();
        jdbc.sql("""
                INSERT INTO border_removal_report (id, jurisdiction, person_id, removed_at, grounds_as_of, border_point, place,
                                                   destination_country, note, grounds_stood, reported_by, reporting_organisation_id, reported_at)
                VALUES (:id, :j, :person, :removedAt, :asOf, :point, :place, :destination, :note, :breach, :by, :org, :now)""")
                .param("id", id).param("j", officer.jurisdiction()).param("person", request.personId())
                .param("removedAt", request.removedAt().atOffset(ZoneOffset.UTC)).param("asOf", asOf).param("point", point)
                .param("place", place).param("destination", destination).param("note", note).param("breach", breach)
                .param("by", officer.userId()).param("org", officer.organisationId()).param("now", now.atOffset(ZoneOffset.UTC)).update();
        for (int i = 0; i < grounds.size(); i++) {
            RemovalGround ground = grounds.get(i);
            jdbc.sql("INSERT INTO border_removal_report_ground (report_id, position, kind, since, reference) VALUES (:id, :pos, :kind, :since, :ref)")
                    .param("id", id).param("pos", i).param("kind", ground.kind()).param("since", ground.since())
                    .param("ref", ground.reference()).update();
        }
        audit.record(AuditEntry.success(REPORTED, "PERSON", request.personId()).withDetails("removal report " + id
                + (breach ? " despite grounds: " + String.join(", ", grounds.stream().map(RemovalGround::kind).toList()) : " without grounds")));
        if (breach) notices.removalDespiteGrounds(officer.jurisdiction(), id);
        return new RemovalReport(id, request.personId(), request.removedAt(), point, place, destination, note, asOf, grounds, breach, now);
    }

    /**
     * A report for those who must see it: officers of the reporting organisation, the jurisdiction's protection
     * monitors and its ministry. Anyone else gets "not found" (audited as denied); every read is audited.
     */
    @Transactional
    RemovalReport find(PanaUser caller, UUID id) {
        Optional<Stored> stored = jdbc.sql("SELECT * FROM border_removal_report WHERE id = :id").param("id", id).query((rs, n) -> new Stored(
                rs.getString("jurisdiction"), rs.getObject("reporting_organisation_id", UUID.class), new RemovalReport(
                        rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                        rs.getObject("removed_at", OffsetDateTime.class).toInstant(), rs.getString("border_point"), rs.getString("place"),
                        rs.getString("destination_country"), rs.getString("note"), rs.getObject("grounds_as_of", LocalDate.class), List.of(),
                        rs.getBoolean("grounds_stood"), rs.getObject("reported_at", OffsetDateTime.class).toInstant()))).optional();
        if (stored.isEmpty() || !mayRead(caller, stored.get())) {
            audit.recordSeparately(AuditEntry.denied(READ, "REMOVAL_REPORT", id));
            throw new NotFound("removal report");
        }
        RemovalReport report = stored.get().report();
        List<RemovalGround> grounds = jdbc.sql("SELECT kind, since, reference FROM border_removal_report_ground WHERE report_id = :id ORDER BY position")
                .param("id", id).query((rs, n) -> new RemovalGround(rs.getString("kind"), rs.getObject("since", LocalDate.class),
                        rs.getString("reference"))).list();
        audit.record(AuditEntry.success(READ, "PERSON", report.personId()).withDetails("removal report " + id));
        return new RemovalReport(report.id(), report.personId(), report.removedAt(), report.borderPoint(), report.place(),
                report.destinationCountry(), report.note(), report.groundsAsOf(), grounds, report.removedDespiteGrounds(), report.reportedAt());
    }

    private record Stored(String jurisdiction, UUID reportingOrganisation, RemovalReport report) {}

    private static boolean mayRead(PanaUser caller, Stored stored) {
        if (!stored.jurisdiction().equals(caller.jurisdiction())) return false;
        if (caller.has(Role.PROTECTION_MONITOR)) return true;
        if (caller.organisationType() == OrganisationType.MINISTRY && caller.roles().stream().anyMatch(MINISTRY_ROLES::contains)) return true;
        return (caller.has(Role.BORDER_OFFICER) || caller.has(Role.MIGRATION_OFFICER))
                && stored.reportingOrganisation().equals(caller.organisationId());
    }
}
