package org.pana.credentials;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits how often one client address may verify ({@code pana.credentials.verify.per-minute}, 30 by default): a
 * flood of guessed codes gets 429s instead of the server's time. In memory, per node and per calendar minute; the
 * addresses are forgotten with their minute and never written anywhere.
 */
@Component
class VerificationThrottle {

    private final Clock clock;
    private final int perMinute;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile long minute = -1;

    VerificationThrottle(Clock clock, @Value("${pana.credentials.verify.per-minute:30}") int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** Whether this request from this address (and kind: page or photo) is still within the minute's allowance. */
    boolean admits(String kind, String address) {
        long now = clock.millis() / 60_000;
        if (now != minute) {
            synchronized (this) {
                if (now != minute) {
                    counts.clear();
                    minute = now;
                }
            }
        }
        return counts.computeIfAbsent(kind + " " + address, a -> new AtomicInteger()).incrementAndGet() <= perMinute;
    }

    /** Seconds until the next minute begins, for Retry-After. */
    long secondsLeft() {
        return Math.max(1, 60 - (clock.millis() / 1000) % 60);
    }
}
