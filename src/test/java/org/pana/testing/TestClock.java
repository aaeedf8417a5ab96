package org.pana.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of every test application context: real time, plus an offset a test may move forward to
 * reach expiry dates and deadlines. A test that moves it resets it afterwards ({@link #reset()}), as
 * contexts are shared between test classes.
 */
public class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Moves the clock to {@code when} (it then runs on from there); {@link #reset()} returns it to real time. */
    public void moveTo(Instant when) {
        offset = Duration.between(Instant.now(), when);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
