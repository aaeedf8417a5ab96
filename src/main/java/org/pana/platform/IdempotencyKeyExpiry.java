package org.pana.platform;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets Idempotency-Keys (and the responses stored with them) after their retention period, hourly,
 * on one node at a time. A client retries within minutes; a day is ample.
 */
@Component
class IdempotencyKeyExpiry {

    static final String JOB = "idempotency-key-expiry";

    private final IdempotentRequests idempotency;
    private final ScheduledJobs jobs;
    private final Clock clock;
    private final Duration retention;

    IdempotencyKeyExpiry(IdempotentRequests idempotency, ScheduledJobs jobs, Clock clock,
            @Value("${pana.idempotency.retention:PT24H}") Duration retention) {
        this.idempotency = idempotency;
        this.jobs = jobs;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(cron = "${pana.idempotency.expiry-cron:0 7 * * * *}")
    boolean expire() {
        return jobs.runExclusively(JOB, Duration.ofMinutes(5), Duration.ofMinutes(30),
                () -> idempotency.expireOlderThan(clock.instant().minus(retention)));
    }
}
