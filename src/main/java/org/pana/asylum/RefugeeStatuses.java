package org.pana.asylum;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.pana.access.PanaUser;
import org.pana.asylum.Applications.Transition;
import org.pana.platform.RuleViolation.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refugee status granted by a decision: its term (one year, from the rule), the yearly extension from the old
 * expiry, and its termination or deprivation on a ground of the data's list ([C] items of domain.md).
 */
@Component
class RefugeeStatuses {

    private final CaseFiles files;
    private final JdbcClient jdbc;

    RefugeeStatuses(CaseFiles files, JdbcClient jdbc) {
        this.files = files;
        this.jdbc = jdbc;
    }

    /** The codes of the grounds on which status ends, for {@code TERMINATED} or {@code DEPRIVED} (data). */
    List<String> endGrounds(String kind) {
        return jdbc.sql("SELECT code FROM asylum_status_end_ground WHERE kind = :k ORDER BY code").param("k", kind).query(String.class).list();
    }

    /** Refugee status is granted for the rule's term (one year) from the given day. */
    LocalDate term(ApplicationRow row, LocalDate from) {
        return files.due(row, "STATUS_TERM", from).dueDate();
    }

    /** A yearly extension: the new term runs from the old expiry, so an early decision loses no days. */
    void extend(PanaUser caller, ApplicationRow row, LocalDate decidedOn) {
        LocalDate until = term(row, row.statusUntil());
        files.update(row, "status_until = :until", Map.of("until", until));
        files.event(caller, row.id(), AsylumAction.EXTEND_STATUS, row.status(), row.status(), decidedOn, "valid until " + until + " (was " + row.statusUntil() + ")");
    }

    /** Termination or deprivation, on a ground of the data's list for that kind. */
    void end(PanaUser caller, ApplicationRow row, AsylumAction action, Transition request, LocalDate today, List<FieldProblem> problems) {
        String kind = action == AsylumAction.TERMINATE_STATUS ? "TERMINATED" : "DEPRIVED";
        List<String> grounds = endGrounds(kind);
        if (request.ground() == null || !grounds.contains(request.ground())) problems.add(new FieldProblem("ground", "Use one of " + String.join(", ", grounds) + "."));
        LocalDate on = Applications.date(request.on(), "on", row.decidedOn(), "the grant", today, problems);
        files.update(row, "status_end = :end, status_ended_on = :on, status_end_ground = :ground", Map.of("end", kind, "on", on, "ground", request.ground()));
        files.event(caller, row.id(), action, row.status(), row.status(), on, kind + ": " + request.ground());
    }
}
