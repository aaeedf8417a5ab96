package org.pana.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the signed-in user on every page request: a deactivated user (or organisation) is signed out
 * on the next request, and role changes take effect at once (security.md #18). One indexed query per
 * request is the price of no stale grants living in a session. A session older than its absolute
 * lifetime (12 hours by default, security.md #20) ends here too, however active it was; the idle
 * timeout is Spring Session's.
 */
class ActiveAccountFilter extends OncePerRequestFilter {

    private final Accounts accounts;
    private final Clock clock;
    private final Duration absoluteLifetime;

    ActiveAccountFilter(Accounts accounts, Clock clock, Duration absoluteLifetime) {
        this.accounts = accounts;
        this.clock = clock;
        this.absoluteLifetime = absoluteLifetime;
    }

    /** Static assets carry no data; they need no fresh look at the account. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PanaUser signedIn) {
            Optional<PanaUser> current = accounts.activeUser(signedIn.userId());
            HttpSession existing = request.getSession(false);
            boolean tooOld = existing != null
                    && Instant.ofEpochMilli(existing.getCreationTime()).plus(absoluteLifetime).isBefore(clock.instant());
            if (current.isEmpty() || tooOld) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) session.invalidate();
            } else if (!current.get().equals(signedIn)) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(current.get(), null, current.get().getAuthorities()));
                SecurityContextHolder.setContext(context);
                HttpSession session = request.getSession(false);
                if (session != null) session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
            }
        }
        chain.doFilter(request, response);
    }
}
