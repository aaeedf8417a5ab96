package org.pana.border;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.pana.access.Administration;
import org.pana.access.Organisation;
import org.pana.access.OrganisationType;
import org.pana.access.PanaUser;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.platform.FieldText;
import org.pana.platform.NotFound;
import org.pana.platform.RuleViolation;
import org.pana.platform.RuleViolation.FieldProblem;
import org.pana.platform.StateConflict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator's set-up of the border in their jurisdiction: the border points (with the region each belongs
 * to) and the routing table that says which asylum authority unit receives the referrals from a region, from
 * which date. A route is never edited or deleted: a newer route for the region takes over from its date, so a
 * referral made earlier can always be explained by the route that applied on its day.
 */
@Service
class BorderSetup {

    static final Set<String> KINDS = Set.of("LAND", "RAIL", "AIRPORT", "SEA");

    record Point(String code, String name, String region, String kind, boolean active) {}

    record NewPoint(String code, String name, String region, String kind) {}

    record Route(String region, LocalDate validFrom, UUID receivingOrganisationId, String receivingOrganisationName) {}

    record NewRoute(String region, LocalDate validFrom, UUID receivingOrganisationId) {}

    private final JdbcClient jdbc;
    private final Administration administration;
    private final AuditTrail audit;

    BorderSetup(JdbcClient jdbc, Administration administration, AuditTrail audit) {
        this.jdbc = jdbc;
        this.administration = administration;
        this.audit = audit;
    }

    /** Every border point of the administrator's jurisdiction, closed ones too. */
    List<Point> points(PanaUser admin) {
        return jdbc.sql("SELECT code, name, region, kind, active FROM border_point WHERE jurisdiction = :j ORDER BY region, name")
                .param("j", admin.jurisdiction()).query(Point.class).list();
    }

    /** Regions that have at least one border point, for the routing table. */
    List<String> regions(PanaUser admin) {
        return jdbc.sql("SELECT DISTINCT region FROM border_point WHERE jurisdiction = :j ORDER BY region")
                .param("j", admin.jurisdiction()).query(String.class).list();
    }

    /** The routing table, newest route of each region first. */
    List<Route> routes(PanaUser admin) {
        var names = new java.util.HashMap<UUID, String>();
        administration.organisations(admin).forEach(o -> names.put(o.id(), o.name()));
        return jdbc.sql("""
                SELECT region, valid_from, receiving_organisation_id FROM border_referral_route WHERE jurisdiction = :j
                ORDER BY region, valid_from DESC""")
                .param("j", admin.jurisdiction())
                .query((rs, n) -> {
                    UUID unit = rs.getObject("receiving_organisation_id", UUID.class);
                    return new Route(rs.getString("region"), rs.getObject("valid_from", LocalDate.class), unit, names.get(unit));
                }).list();
    }

    /** Units that may receive referrals: the active asylum authority organisations of the jurisdiction. */
    List<Organisation> receivingUnits(PanaUser admin) {
        return administration.organisations(admin).stream()
                .filter(o -> o.active() && o.type() == OrganisationType.ASYLUM_AUTHORITY).toList();
    }

    @Transactional
    Point addPoint(PanaUser admin, NewPoint request) {
        List<FieldProblem> problems = new ArrayList<>();
        String code = request.code() == null ? null : request.code().strip().toUpperCase(java.util.Locale.ROOT);
        String prefix = admin.jurisdiction() + "-";
        if (code == null || !code.matches("[A-Z]{3}-[A-Z0-9]+(-[A-Z0-9]+)*") || code.length() > 30 || !code.startsWith(prefix)) {
            problems.add(new FieldProblem("code", "Use a code such as " + prefix + "KHORGOS: your jurisdiction, a hyphen, letters and digits (at most 30)."));
        }
        String name = FieldText.line(request.name(), "name", 200, problems);
        if (name == null && problems.stream().noneMatch(p -> p.field().equals("name"))) problems.add(new FieldProblem("name", "Give the border point's name."));
        String region = FieldText.line(request.region(), "region", 100, problems);
        if (region == null && problems.stream().noneMatch(p -> p.field().equals("region"))) problems.add(new FieldProblem("region", "Give the region the border point belongs to."));
        if (request.kind() == null || !KINDS.contains(request.kind())) {
            problems.add(new FieldProblem("kind", "Use one of " + String.join(", ", KINDS.stream().sorted().toList()) + "."));
        }
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The border point has invalid fields.", problems);
        boolean taken = jdbc.sql("SELECT count(*) FROM border_point WHERE code = :code").param("code", code).query(Long.class).single() > 0;
        if (taken) throw new StateConflict("border-point-exists", "A border point with the code " + code + " exists already.");
        jdbc.sql("INSERT INTO border_point (code, jurisdiction, name, region, kind, active) VALUES (:code, :j, :name, :region, :kind, TRUE)")
                .param("code", code).param("j", admin.jurisdiction()).param("name", name).param("region", region).param("kind", request.kind())
                .update();
        audit.record(AuditEntry.success("BORDER_POINT_ADDED", "BORDER_POINT", code).withDetails(region));
        return new Point(code, name, region, request.kind(), true);
    }

    /** Closes or reopens a point: a closed point is no longer offered for new encounters; its history stays. */
    @Transactional
    void setActive(PanaUser admin, String code, boolean active) {
        int changed = jdbc.sql("UPDATE border_point SET active = :active WHERE code = :code AND jurisdiction = :j")
                .param("active", active).param("code", code).param("j", admin.jurisdiction()).update();
        if (changed == 0) throw new NotFound("border point");
        audit.record(AuditEntry.success(active ? "BORDER_POINT_REOPENED" : "BORDER_POINT_CLOSED", "BORDER_POINT", code));
    }

    @Transactional
    Route addRoute(PanaUser admin, NewRoute request) {
        List<FieldProblem> problems = new ArrayList<>();
        String region = request.region() == null ? null : request.region().strip();
        if (region == null || !regions(admin).contains(region)) problems.add(new FieldProblem("region", "Choose a region that has a border point."));
        if (request.validFrom() == null) problems.add(new FieldProblem("validFrom", "Say from which day the route applies."));
        Organisation unit = request.receivingOrganisationId() == null ? null : receivingUnits(admin).stream()
                .filter(o -> o.id().equals(request.receivingOrganisationId())).findFirst().orElse(null);
        if (unit == null) problems.add(new FieldProblem("receivingOrganisationId", "Choose an active asylum authority unit of your jurisdiction."));
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The route has invalid fields.", problems);
        boolean taken = jdbc.sql("SELECT count(*) FROM border_referral_route WHERE jurisdiction = :j AND region = :r AND valid_from = :from")
                .param("j", admin.jurisdiction()).param("r", region).param("from", request.validFrom()).query(Long.class).single() > 0;
        if (taken) throw new StateConflict("route-exists", "The region " + region + " has a route from " + request.validFrom()
                + " already; add one from another day to change it.");
        jdbc.sql("""
                INSERT INTO border_referral_route (jurisdiction, region, valid_from, receiving_organisation_id)
                VALUES (:j, :r, :from, :unit)""")
                .param("j", admin.jurisdiction()).param("r", region).param("from", request.validFrom()).param("unit", unit.id()).update();
        audit.record(AuditEntry.success("BORDER_ROUTE_ADDED", "ORGANISATION", unit.id()).withDetails(region + " from " + request.validFrom()));
        return new Route(region, request.validFrom(), unit.id(), unit.name());
    }
}
