package org.pana.platform;

import java.time.Duration;

/** The caller must slow down (429); {@code retryAfter} is sent in the Retry-After header. */
public class TooManyRequests extends RuntimeException {
    private final Duration retryAfter;

    public TooManyRequests(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
