package org.pana.access;

import java.time.ZoneOffset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing (security.md #13): after {@code maxFailures} failed sign-ins for one
 * username within {@code window}, sign-ins for that username are refused for {@code lockout}, then
 * allowed again, so a real user is never locked out for good. Counted per username as typed, whether
 * or not such an account exists, so the throttle reveals nothing about which usernames exist.
 */
@Component
class SignInThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;

    SignInThrottle(JdbcClient jdbc, Clock clock, @Value("${pana.login.max-failures:10}") int maxFailures,
            @Value("${pana.login.failure-window:PT15M}") Duration window, @Value("${pana.login.lockout:PT15M}") Duration lockout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
    }

    /** How long the username stays locked, if it is locked now. */
    Optional<Duration> lockedFor(String usernameKey) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT locked_until FROM access_sign_in_failure WHERE username_key = :key")
                .param("key", usernameKey)
                .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class))
                .optional()
                .filter(until -> until != null && until.toInstant().isAfter(now))
                .map(until -> Duration.between(now, until.toInstant()));
    }

    void recordFailure(String usernameKey) {
        Instant now = clock.instant();
        var windowStart = now.minus(window).atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("""
                UPDATE access_sign_in_failure SET
                  failures = CASE WHEN window_start < :windowStart THEN 1 ELSE failures + 1 END,
                  window_start = CASE WHEN window_start < :windowStart THEN :now ELSE window_start END
                WHERE username_key = :key""")
                .param("windowStart", windowStart).param("now", now.atOffset(ZoneOffset.UTC)).param("key", usernameKey).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO access_sign_in_failure (username_key, failures, window_start) VALUES (:key, 1, :now)")
                        .param("key", usernameKey).param("now", now.atOffset(ZoneOffset.UTC)).update();
            } catch (DuplicateKeyException concurrentFirstFailure) {
                recordFailure(usernameKey);
                return;
            }
        }
        jdbc.sql("UPDATE access_sign_in_failure SET locked_until = :until, failures = 0 WHERE username_key = :key AND failures >= :max")
                .param("until", now.plus(lockout).atOffset(ZoneOffset.UTC)).param("key", usernameKey).param("max", maxFailures).update();
    }

    void recordSuccess(String usernameKey) {
        jdbc.sql("DELETE FROM access_sign_in_failure WHERE username_key = :key").param("key", usernameKey).update();
    }
}
