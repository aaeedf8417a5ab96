package org.pana.asylum;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.pana.calendar.LegalDeadlines;
import org.pana.platform.RemovalGround;
import org.pana.platform.RemovalGrounds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the asylum procedure says against removing a person (the applicant or a child included in the
 * application): a pending application from the day it was lodged; refugee status from the day it was granted; after
 * a negative decision, each appeal window from the day it opened until it closes, and a pending appeal with
 * suspensive effect ({@code pana.asylum.appeal-suspensive}, on by default). A decision not yet notified is not in
 * force, so the application is still pending.
 */
@Component
class PendingApplicationGrounds implements RemovalGrounds {

    static final String PENDING = "PENDING_ASYLUM_APPLICATION";
    static final String REFUGEE_STATUS = "REFUGEE_STATUS";
    static final String APPEAL_WINDOW = "APPEAL_WINDOW_OPEN";
    static final String APPEAL_PENDING = "APPEAL_PENDING";

    private final JdbcClient jdbc;
    private final LegalDeadlines deadlines;
    private final Appeals appeals;

    PendingApplicationGrounds(JdbcClient jdbc, LegalDeadlines deadlines, Appeals appeals) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.appeals = appeals;
    }

    private record Case(UUID id, String jurisdiction, String number, String status, String outcome, LocalDate lodgedOn, LocalDate decidedOn,
            LocalDate notifiedOn, LocalDate statusEndedOn) {}

    @Override
    public List<RemovalGround> of(UUID personId, LocalDate asOf) {
        List<Case> cases = jdbc.sql("""
                SELECT a.id, a.jurisdiction, a.number, a.status, a.outcome, a.lodged_on, a.decided_on, a.notified_on, a.status_ended_on FROM asylum_application a
                WHERE a.status <> 'CLOSED' AND a.lodged_on <= :asOf
                  AND (a.person_id = :p OR EXISTS (SELECT 1 FROM asylum_application_child c WHERE c.application_id = a.id AND c.person_id = :p))
                ORDER BY a.lodged_on""")
                .param("p", personId).param("asOf", asOf)
                .query((rs, n) -> new Case(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                        rs.getObject(9, LocalDate.class))).list();
        List<RemovalGround> grounds = new ArrayList<>();
        for (Case c : cases) {
            if (ApplicationStatus.APPEALED.name().equals(c.status())) {
                appeals.of(c.id()).stream().filter(a -> "PENDING".equals(a.status()) && a.suspensive() && !a.lodgedOn().isAfter(asOf))
                        .forEach(a -> grounds.add(new RemovalGround(APPEAL_PENDING, a.lodgedOn(), c.number())));
            } else if (!ApplicationStatus.DECIDED.name().equals(c.status()) || c.decidedOn().isAfter(asOf)) {
                grounds.add(new RemovalGround(PENDING, c.lodgedOn(), c.number()));
            } else if ("RECOGNISED".equals(c.outcome())) {
                // Refugee status protects until it is terminated or deprived (expiry alone does not end it).
                if (c.statusEndedOn() == null || c.statusEndedOn().isAfter(asOf)) grounds.add(new RemovalGround(REFUGEE_STATUS, c.decidedOn(), c.number()));
            } else if (c.notifiedOn() == null || c.notifiedOn().isAfter(asOf)) {
                grounds.add(new RemovalGround(PENDING, c.lodgedOn(), c.number()));
            } else {
                appeals.next(ApplicationStatus.DECIDED, c.outcome(), c.notifiedOn(), appeals.of(c.id()))
                        .filter(next -> !asOf.isAfter(deadlines.dueDate(c.jurisdiction(), Applications.PROCEDURE, "APPEAL", next.getValue(), c.lodgedOn())
                                .dueDate()))
                        .ifPresent(next -> grounds.add(new RemovalGround(APPEAL_WINDOW, next.getValue(), c.number())));
            }
        }
        return grounds;
    }
}
