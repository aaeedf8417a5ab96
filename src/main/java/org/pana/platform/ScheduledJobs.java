package org.pana.platform;

import java.net.InetAddress;
import java.time.ZoneOffset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Runs a scheduled job on one node only, however many nodes share the database: a node runs the job
 * only if it takes the job's row in {@code platform_job_lock}, which stays taken for at least
 * {@code holdAtLeast} (so a fast job is not run again by a node whose clock fired a little later) and
 * at most {@code holdAtMost} (so a crashed node does not block the job for ever).
 */
@Service
public class ScheduledJobs {

    private static final Logger log = LoggerFactory.getLogger(ScheduledJobs.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TimeOrderedIds ids;
    private final String node;

    ScheduledJobs(JdbcClient jdbc, Clock clock, TimeOrderedIds ids) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ids = ids;
        this.node = nodeName();
    }

    /** Runs {@code job} if this node gets the lock; returns whether it ran. */
    public boolean runExclusively(String name, Duration holdAtLeast, Duration holdAtMost, Runnable job) {
        Instant now = clock.instant();
        if (!acquire(name, now, now.plus(holdAtMost))) {
            return false;
        }
        UUID run = ids.next();
        jdbc.sql("INSERT INTO platform_job_run (id, name, node, started_at) VALUES (:id, :name, :node, :at)")
                .param("id", run).param("name", name).param("node", node).param("at", now.atOffset(ZoneOffset.UTC)).update();
        String outcome = "FAILED";
        try {
            job.run();
            outcome = "SUCCEEDED";
        } catch (RuntimeException e) {
            log.error("Scheduled job {} failed", name, e);
        } finally {
            Instant end = clock.instant();
            jdbc.sql("UPDATE platform_job_run SET finished_at = :at, outcome = :outcome WHERE id = :id")
                    .param("at", end.atOffset(ZoneOffset.UTC)).param("outcome", outcome).param("id", run).update();
            Instant release = now.plus(holdAtLeast).isAfter(end) ? now.plus(holdAtLeast) : end;
            jdbc.sql("UPDATE platform_job_lock SET locked_until = :until WHERE name = :name AND locked_by = :node")
                    .param("until", release.atOffset(ZoneOffset.UTC)).param("name", name).param("node", node).update();
        }
        return true;
    }

    private boolean acquire(String name, Instant now, Instant until) {
        int taken = jdbc.sql("""
                UPDATE platform_job_lock SET locked_until = :until, locked_at = :now, locked_by = :node
                WHERE name = :name AND locked_until <= :now""")
                .param("until", until.atOffset(ZoneOffset.UTC)).param("now", now.atOffset(ZoneOffset.UTC))
                .param("node", node).param("name", name).update();
        if (taken == 1) {
            return true;
        }
        try {
            jdbc.sql("INSERT INTO platform_job_lock (name, locked_until, locked_at, locked_by) VALUES (:name, :until, :now, :node)")
                    .param("name", name).param("until", until.atOffset(ZoneOffset.UTC)).param("now", now.atOffset(ZoneOffset.UTC))
                    .param("node", node).update();
            return true;
        } catch (DuplicateKeyException takenByAnother) {
            return false;
        }
    }

    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
