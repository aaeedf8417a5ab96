package org.pana.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestsInFlightTests {

    @Test
    void isBusyWhileAsManyRequestsAsTheThresholdAreServedAndCountsThemOutAfterwards() throws Exception {
        RequestsInFlight requests = new RequestsInFlight(2);
        List<Boolean> seen = new ArrayList<>();
        FilterChain inner = (req, res) -> seen.add(requests.busy());
        FilterChain outer = (req, res) -> {
            seen.add(requests.busy());
            requests.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), inner);
        };
        assertThat(requests.busy()).isFalse();
        requests.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), outer);
        assertThat(seen).containsExactly(false, true); // one request in flight: not busy; two: busy
        assertThat(requests.current()).isZero();
        assertThat(requests.busy()).as("busy for a second after the peak").isTrue();
    }

    @Test
    void countsARequestOutEvenWhenItFails() {
        RequestsInFlight requests = new RequestsInFlight(5);
        FilterChain failing = (req, res) -> {
            throw new IllegalStateException("boom");
        };
        try {
            requests.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), failing);
        } catch (Exception expected) {
            assertThat(expected).hasMessage("boom");
        }
        assertThat(requests.current()).isZero();
        assertThat(requests.busy()).isFalse();
    }
}
