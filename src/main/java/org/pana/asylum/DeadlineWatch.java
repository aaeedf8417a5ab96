package org.pana.asylum;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.pana.calendar.DeadlineDirection;
import org.pana.calendar.DeadlineRule;
import org.pana.calendar.HolidayDataMissing;
import org.pana.calendar.LegalDeadlines;
import org.pana.notification.Audience;
import org.pana.notification.Notice;
import org.pana.notification.NoticeKind;
import org.pana.notification.Notifications;
import org.pana.platform.NotFound;
import org.pana.platform.ScheduledJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every morning, on one node (under the job lock), recomputes the deadlines of the cases that may have one due
 * and flags, once each, a deadline that passed unmet (fingerprints not taken, certificate expired, decision or
 * notification late, refugee status expired without extension) and a refugee's extension invitation that fell due.
 * Raising a flag notifies the case's unit; the case page shows the flag next to the deadline. Queues are computed
 * on read, so a flag is the trace that the unit was told, not the source of the queues.
 */
@Component
class DeadlineWatch {

    static final String JOB = "asylum.deadlines.watch";

    /** The deadlines the unit must meet; the lodging and appeal deadlines are the applicant's. */
    private static final Set<String> UNIT_DEADLINES = Set.of("FINGERPRINTING", "CERTIFICATE_VALIDITY", "DECISION", "NOTIFICATION", "STATUS_TERM");
    private static final String INVITATION = "EXTENSION_INVITATION";

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

    private final ScheduledJobs jobs;
    private final JdbcClient jdbc;
    private final Applications applications;
    private final LegalDeadlines deadlines;
    private final Notifications notifications;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ZoneId zone;

    DeadlineWatch(ScheduledJobs jobs, JdbcClient jdbc, Applications applications, LegalDeadlines deadlines, Notifications notifications,
            PlatformTransactionManager transactions, Clock clock, @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone) {
        this.transactions = new TransactionTemplate(transactions);
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.applications = applications;
        this.deadlines = deadlines;
        this.notifications = notifications;
        this.clock = clock;
        this.zone = zone;
    }

    @Scheduled(cron = "${pana.asylum.deadline-watch-cron:0 15 6 * * *}", zone = "${pana.registration.time-zone:Asia/Almaty}")
    void daily() {
        jobs.runExclusively(JOB, Duration.ofMinutes(10), Duration.ofHours(2), this::flagDeadlines);
    }

    private record Candidate(UUID id, String jurisdiction, UUID organisationId) {}

    /**
     * Flags what fell due by today and returns how many flags were raised. Not one transaction: each flag commits
     * with its notice, so a case that cannot be computed (its calendar missing) spoils nothing for the others.
     */
    int flagDeadlines() {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        int raised = 0;
        for (Candidate candidate : candidates(today)) {
            List<Applications.DeadlineView> due;
            try {
                due = applications.deadlinesOf(candidate.id());
            } catch (HolidayDataMissing | NotFound missing) {
                // One case without its calendar (a year without holiday data, a jurisdiction or rule not set up) must not
                // stop the watch for every other case.
                log.warn("Deadlines of asylum case {} not watched today: {}", candidate.id(), missing.getMessage());
                continue;
            }
            for (Applications.DeadlineView deadline : due) {
                String kind = kindOf(deadline, today);
                if (kind != null && deadline.flaggedOn() == null && flag(candidate, deadline, kind, today)) raised++;
            }
        }
        if (raised > 0) log.info("{} asylum deadline flags raised", raised);
        return raised;
    }

    /** OVERDUE for a unit's deadline passed unmet, INVITATION_DUE from the invitation's day; null otherwise. */
    private static String kindOf(Applications.DeadlineView deadline, LocalDate today) {
        if (INVITATION.equals(deadline.step())) return deadline.dueOn().isAfter(today) ? null : "INVITATION_DUE";
        boolean open = deadline.met() == null;
        return UNIT_DEADLINES.contains(deadline.step()) && open && deadline.dueOn().isBefore(today) ? "OVERDUE" : null;
    }

    private boolean flag(Candidate candidate, Applications.DeadlineView deadline, String kind, LocalDate today) {
        return Boolean.TRUE.equals(transactions.execute(status -> flagOnce(candidate, deadline, kind, today)));
    }

    private boolean flagOnce(Candidate candidate, Applications.DeadlineView deadline, String kind, LocalDate today) {
        int inserted = jdbc.sql("""
                INSERT INTO asylum_deadline_flag (application_id, step, due_on, kind, flagged_on, flagged_at)
                SELECT :id, :step, :due, :kind, :today, :now FROM (VALUES (1)) AS one (x)
                WHERE NOT EXISTS (SELECT 1 FROM asylum_deadline_flag WHERE application_id = :id AND step = :step AND due_on = :due)""")
                .param("id", candidate.id()).param("step", deadline.step()).param("due", deadline.dueOn()).param("kind", kind)
                .param("today", today).param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
        if (inserted == 0) return false;
        NoticeKind notice = "OVERDUE".equals(kind) ? NoticeKind.ASYLUM_DEADLINE_OVERDUE : NoticeKind.ASYLUM_EXTENSION_INVITATION_DUE;
        notifications.notify(new Notice(notice, "ASYLUM_APPLICATION", candidate.id(), "/asylum/applications/" + candidate.id(),
                Audience.organisation(candidate.organisationId())));
        return true;
    }

    /**
     * The cases that may have something due: open cases with fingerprints missing, the decision due date passed or no
     * valid certificate; decisions not notified; refugees whose status expires within the longest invitation lead
     * of any version of the rule. The others cannot have a deadline pass today, so they are not computed.
     */
    private List<Candidate> candidates(LocalDate today) {
        return jdbc.sql("""
                SELECT a.id, a.jurisdiction, a.organisation_id FROM asylum_application a
                WHERE (a.status IN ('REGISTERED', 'ASSESSED', 'DECISION_DRAFTED')
                       AND (a.fingerprinted_on IS NULL OR a.decision_due_on < :today
                            OR NOT EXISTS (SELECT 1 FROM asylum_certificate c WHERE c.application_id = a.id AND c.valid_until >= :today)))
                   OR (a.status = 'DECIDED' AND a.notified_on IS NULL)
                   OR (a.status = 'DECIDED' AND a.outcome = 'RECOGNISED' AND a.status_end IS NULL AND a.status_until <= :horizon)
                ORDER BY a.id""")
                .param("today", today).param("horizon", today.plusDays(invitationLeadDays()))
                .query((rs, n) -> new Candidate(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class))).list();
    }

    /** The longest lead, in days, of any jurisdiction's version of the invitation rule (a month counted as 31 days). */
    private long invitationLeadDays() {
        List<String> jurisdictions = jdbc.sql("SELECT DISTINCT jurisdiction FROM asylum_application").query(String.class).list();
        long lead = 0;
        for (String jurisdiction : jurisdictions) {
            List<DeadlineRule> rules;
            try {
                rules = deadlines.rules(jurisdiction);
            } catch (NotFound noCalendar) {
                log.warn("Asylum cases of {} have no calendar: their invitations are not watched", jurisdiction);
                continue;
            }
            for (DeadlineRule rule : rules) {
                if (!rule.procedure().equals(Applications.PROCEDURE) || !rule.step().equals(INVITATION)
                        || rule.direction() != DeadlineDirection.BEFORE) continue;
                long days = switch (rule.unit()) {
                    case MONTHS -> rule.amount() * 31L;
                    case WORKING_DAYS -> rule.amount() * 2L + 14;
                    case HOURS -> rule.amount() / 24 + 1;
                    case CALENDAR_DAYS -> rule.amount();
                };
                lead = Math.max(lead, days);
            }
        }
        return lead + 1;
    }
}
