package org.pana.asylum;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.asylum.Applications.Appeal;
import org.pana.asylum.Applications.Transition;
import org.pana.calendar.Deadline;
import org.pana.platform.RuleViolation.FieldProblem;
import org.pana.platform.StateConflict;
import org.pana.platform.TimeOrderedIds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appeals against a refusal: administrative review, then judicial review (the court's outcome recorded), each within
 * its window from the notification or the dismissal, suspensive by default ({@code pana.asylum.appeal-suspensive}).
 */
@Component
class Appeals {

    private final CaseFiles files;
    private final Decisions decisions;
    private final RefugeeStatuses statuses;
    private final JdbcClient jdbc;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final boolean appealsSuspend;

    Appeals(CaseFiles files, Decisions decisions, RefugeeStatuses statuses, JdbcClient jdbc, TimeOrderedIds ids, Clock clock,
            @Value("${pana.asylum.appeal-suspensive:true}") boolean appealsSuspend) {
        this.files = files;
        this.decisions = decisions;
        this.statuses = statuses;
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.appealsSuspend = appealsSuspend;
    }

    List<Appeal> of(UUID application) {
        return jdbc.sql("SELECT level, lodged_on, suspensive, status, decided_on, remedy FROM asylum_appeal WHERE application_id = :id ORDER BY lodged_on, id")
                .param("id", application).query((rs, n) -> new Appeal(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBoolean(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6))).list();
    }

    /** Whether the applicant may still appeal on {@code day}: a level is open and its window has not closed. */
    boolean windowOpen(ApplicationRow row, LocalDate day) {
        return next(row.status(), row.outcome(), row.notifiedOn(), of(row.id()))
                .filter(open -> !day.isAfter(files.due(row, "APPEAL", open.getValue()).dueDate())).isPresent();
    }

    /**
     * The appeal the applicant may lodge next and the day its window opened: administrative review from the
     * notification of a negative decision, judicial review from the dismissal of the administrative one; empty when
     * none is open to them.
     */
    Optional<Map.Entry<String, LocalDate>> next(ApplicationStatus status, String outcome, LocalDate notifiedOn, List<Appeal> appeals) {
        if (status != ApplicationStatus.DECIDED || "RECOGNISED".equals(outcome) || notifiedOn == null) return Optional.empty();
        if (appeals.isEmpty()) return Optional.of(Map.entry("ADMINISTRATIVE", notifiedOn));
        Appeal last = appeals.get(appeals.size() - 1);
        if ("ADMINISTRATIVE".equals(last.level()) && "DISMISSED".equals(last.status())) return Optional.of(Map.entry("JUDICIAL", last.decidedOn()));
        return Optional.empty();
    }

    /** An appeal of the next level, lodged within its window (409 after it: the window is a legal fact, not a typing error). */
    void lodge(PanaUser caller, ApplicationRow row, Transition request, LocalDate today, List<FieldProblem> problems) {
        Map.Entry<String, LocalDate> next = next(row.status(), row.outcome(), row.notifiedOn(), of(row.id())).orElseThrow();
        if (!next.getKey().equals(request.level())) problems.add(new FieldProblem("level", "The appeal open now is " + next.getKey() + "."));
        LocalDate lodgedOn = Applications.date(request.lodgedOn(), "lodgedOn", next.getValue(), "the start of the appeal window", today, problems);
        Deadline window = files.due(row, "APPEAL", next.getValue());
        if (lodgedOn.isAfter(window.dueDate())) {
            throw new StateConflict("appeal-window-closed", "The " + next.getKey().toLowerCase(java.util.Locale.ROOT) + " appeal window closed on "
                    + window.dueDate() + " (" + window.basis() + ").");
        }
        jdbc.sql("""
                INSERT INTO asylum_appeal (id, application_id, level, lodged_on, suspensive, status, recorded_by, recorded_at)
                VALUES (:id, :application, :level, :on, :suspensive, 'PENDING', :by, :now)""")
                .param("id", ids.next()).param("application", row.id()).param("level", next.getKey()).param("on", lodgedOn)
                .param("suspensive", appealsSuspend).param("by", caller.username()).param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
        files.update(row, "status = 'APPEALED'", Map.of());
        files.event(caller, row.id(), AsylumAction.LODGE_APPEAL, row.status(), ApplicationStatus.APPEALED, lodgedOn, next.getKey());
    }

    /**
     * The reviewer's (or the court's) outcome: dismissed, the refusal stands (and the next level opens); upheld,
     * the case goes back to a fresh decision or the reviewer grants status, as the reviewer decided.
     */
    void decide(PanaUser caller, ApplicationRow row, Transition request, LocalDate today, List<FieldProblem> problems) {
        Appeal pending = of(row.id()).stream().filter(a -> "PENDING".equals(a.status())).findFirst().orElseThrow();
        if (!"UPHELD".equals(request.outcome()) && !"DISMISSED".equals(request.outcome())) {
            problems.add(new FieldProblem("outcome", "Use UPHELD or DISMISSED."));
        }
        if ("UPHELD".equals(request.outcome()) && !"FRESH_DECISION".equals(request.remedy()) && !"GRANT_STATUS".equals(request.remedy())) {
            problems.add(new FieldProblem("remedy", "Say whether the case returns for a fresh decision (FRESH_DECISION) or status is granted (GRANT_STATUS)."));
        }
        LocalDate decidedOn = Applications.date(request.decidedOn(), "decidedOn", pending.lodgedOn(), "the appeal", today, problems);
        String remedy = "UPHELD".equals(request.outcome()) ? request.remedy() : null;
        jdbc.sql("UPDATE asylum_appeal SET status = :status, decided_on = :on, remedy = :remedy WHERE application_id = :id AND status = 'PENDING'")
                .param("status", request.outcome()).param("on", decidedOn).param("remedy", remedy).param("id", row.id()).update();
        ApplicationStatus to;
        if (remedy == null) {
            to = ApplicationStatus.DECIDED;
            files.update(row, "status = 'DECIDED'", Map.of());
        } else if ("GRANT_STATUS".equals(remedy)) {
            to = ApplicationStatus.DECIDED;
            files.update(row, "status = 'DECIDED', outcome = 'RECOGNISED', decided_on = :on, status_until = :until",
                    Map.of("on", decidedOn, "until", statuses.term(row, decidedOn)));
        } else {
            to = decisions.assessment(row.id()).isPresent() ? ApplicationStatus.ASSESSED : ApplicationStatus.REGISTERED;
            files.update(row, "status = '" + to.name() + "', outcome = NULL, decided_on = NULL, notified_on = NULL", Map.of());
        }
        files.event(caller, row.id(), AsylumAction.DECIDE_APPEAL, row.status(), to, decidedOn,
                pending.level() + " " + request.outcome() + (remedy == null ? "" : ": " + remedy));
    }
}
