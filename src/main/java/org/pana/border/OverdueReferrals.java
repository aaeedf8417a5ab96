package org.pana.border;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.pana.platform.ScheduledJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every hour, on one node (under the job lock), marks the referrals nobody acknowledged by their due time as
 * {@code OVERDUE}, so they stand out on the supervisor's, the receiving unit's and the monitors' lists.
 */
@Component
class OverdueReferrals {

    static final String JOB = "border.referrals.overdue";

    private static final Logger log = LoggerFactory.getLogger(OverdueReferrals.class);

    private final ScheduledJobs jobs;
    private final JdbcClient jdbc;
    private final Clock clock;

    OverdueReferrals(ScheduledJobs jobs, JdbcClient jdbc, Clock clock) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(cron = "${pana.border.overdue-cron:0 5 * * * *}")
    void hourly() {
        jobs.runExclusively(JOB, Duration.ofMinutes(5), Duration.ofMinutes(30), this::markOverdue);
    }

    /** Marks and returns how many referrals became overdue. */
    @Transactional
    int markOverdue() {
        int marked = jdbc.sql("""
                UPDATE border_referral SET status = 'OVERDUE', version = version + 1
                WHERE acknowledged_at IS NULL AND status IN ('PENDING', 'UNROUTED') AND due_at < :now""")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
        if (marked > 0) log.info("{} border referrals became overdue", marked);
        return marked;
    }
}
