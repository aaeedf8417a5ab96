package org.pana.asylum;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pana.access.OrganisationType;
import org.pana.access.PanaUser;
import org.pana.access.Role;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.platform.RuleViolation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The asylum authority's work queues of its jurisdiction: decisions due this week, decisions overdue, and drafts
 * awaiting approval by someone other than their drafter. Each application listed is audited as a listing of its
 * applicant. "My cases" are the open cases assigned to the caller, the most urgent decision first.
 */
@Service
class WorkQueues {

    enum Queue { MINE, DUE_THIS_WEEK, OVERDUE, AWAITING_MY_APPROVAL }

    record Line(UUID id, String number, UUID personId, ApplicationStatus status, LocalDate decisionDueOn, String draftedBy, String assignedTo) {}

    record Page(List<Line> items, int page, int size, long total) {}

    private static final String IN_PROCEDURE = "a.status IN ('REGISTERED', 'ASSESSED', 'DECISION_DRAFTED')";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    WorkQueues(JdbcClient jdbc, AuditTrail audit, Clock clock, @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    @Transactional
    Page list(PanaUser caller, String queueName, int page, int size) {
        Queue queue;
        try {
            queue = Queue.valueOf(queueName.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw RuleViolation.onField("queue", "Use mine, due-this-week, overdue or awaiting-my-approval.");
        }
        if (page < 0) throw RuleViolation.onField("page", "The page is 0 or more.");
        if (size < 1 || size > 100) throw RuleViolation.onField("size", "The size is 1 to 100.");
        if (!mayRead(caller, queue)) {
            throw new org.springframework.security.access.AccessDeniedException("This queue belongs to the asylum authority's "
                    + (queue == Queue.AWAITING_MY_APPROVAL ? "decision makers." : queue == Queue.MINE ? "officers who are assigned cases." : "officers."));
        }
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        String where = switch (queue) {
            case MINE -> "a.status <> 'CLOSED' AND a.assigned_to = :me";
            case DUE_THIS_WEEK -> IN_PROCEDURE + " AND a.decision_due_on BETWEEN :today AND :week";
            case OVERDUE -> IN_PROCEDURE + " AND a.decision_due_on < :today";
            case AWAITING_MY_APPROVAL -> "a.status = 'DECISION_DRAFTED' AND d.drafted_by <> :me";
        };
        Map<String, Object> params = new java.util.HashMap<>(Map.of("j", caller.jurisdiction(), "today", today, "week", today.plusDays(7),
                "me", caller.username()));
        String from = "FROM asylum_application a LEFT JOIN asylum_decision d ON d.application_id = a.id AND d.state = 'DRAFT'"
                + " WHERE a.jurisdiction = :j AND " + where;
        long total = jdbc.sql("SELECT count(*) " + from).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        // "Mine" holds cases after the decision too (appeals, status): those without a decision to come go last.
        String order = queue == Queue.MINE ? "CASE WHEN " + IN_PROCEDURE + " THEN 0 ELSE 1 END, a.decision_due_on, a.number" : "a.decision_due_on, a.number";
        List<Line> items = jdbc.sql("SELECT a.id, a.number, a.person_id, a.status, a.decision_due_on, d.drafted_by, a.assigned_to " + from
                        + " ORDER BY " + order + " LIMIT :limit OFFSET :offset").params(params)
                .query((rs, n) -> new Line(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        ApplicationStatus.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7))).list();
        for (Line line : items) audit.record(AuditEntry.success("PERSON_LISTED", "PERSON", line.personId()).withDetails("asylum-" + queueName));
        return new Page(items, page, size, total);
    }

    /** Whether the caller may read the queue: the asylum authority's; approval for decision makers, "mine" for those assigned cases. */
    static boolean mayRead(PanaUser caller, Queue queue) {
        if (caller.organisationType() != OrganisationType.ASYLUM_AUTHORITY) return false;
        return switch (queue) {
            case AWAITING_MY_APPROVAL -> caller.roles().contains(Role.DECISION_MAKER);
            case MINE -> caller.roles().stream().anyMatch(Applications.ASSIGNABLE::contains);
            default -> true;
        };
    }
}
