package org.pana.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How many requests this node is serving right now, so that background work that can wait (looking for
 * the duplicates of people just registered) gives way to people waiting for an answer. Busy means that at
 * some moment of the last second the node served at least {@code pana.background.yield-at-requests} requests
 * at once (default: twice the processors): the count at one instant swings widely under load.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestsInFlight extends OncePerRequestFilter {

    private static final long BUSY_FOR_NANOS = 1_000_000_000L;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final int busyAt;
    private volatile long lastBusyAt = System.nanoTime() - 2 * BUSY_FOR_NANOS;

    RequestsInFlight(@Value("${pana.background.yield-at-requests:0}") int busyAt) {
        this.busyAt = busyAt > 0 ? busyAt : 2 * Runtime.getRuntime().availableProcessors();
    }

    /** Requests being served now. */
    public int current() {
        return inFlight.get();
    }

    /** True while the node serves so many requests that background work should wait. */
    public boolean busy() {
        return inFlight.get() >= busyAt || System.nanoTime() - lastBusyAt < BUSY_FOR_NANOS;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (inFlight.incrementAndGet() >= busyAt) lastBusyAt = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
