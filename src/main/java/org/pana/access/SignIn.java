package org.pana.access;

import java.time.Duration;
import java.util.Optional;
import org.pana.audit.AuditActor;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditOutcome;
import org.pana.audit.AuditTrail;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password, for the sign-in page and for API tokens alike.
 *
 * <p>A wrong password and an unknown username give the same answer and cost the same work: for an
 * unknown username the password is checked against a dummy hash (security.md #12). Every success,
 * failure and throttled attempt is audited.
 */
@Component
class SignIn {

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final AuditTrail audit;
    private final String dummyHash;

    SignIn(Accounts accounts, PasswordEncoder passwords, SignInThrottle throttle, AuditTrail audit) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
        this.dummyHash = passwords.encode("not a real password: evens out the time of failed sign-ins");
    }

    PanaUser authenticate(String username, String password, String clientAddress) {
        String key = Accounts.normalise(username);
        AuditActor attempted = AuditActor.anonymous(key, clientAddress);
        Optional<Duration> locked = throttle.lockedFor(key);
        if (locked.isPresent()) {
            audit.recordSeparately(attempted, new AuditEntry("SIGN_IN_THROTTLED", "USER", null, AuditOutcome.DENIED, null, null));
            throw new Throttled(locked.get());
        }
        Optional<Accounts.SignInAccount> account = accounts.forSignIn(key);
        String hash = account.map(Accounts.SignInAccount::passwordHash).orElse(dummyHash);
        boolean matches = password != null && passwords.matches(password, hash);
        if (account.isEmpty() || !matches) {
            throttle.recordFailure(key);
            audit.recordSeparately(attempted, new AuditEntry("SIGN_IN_FAILED", "USER", null, AuditOutcome.FAILURE, null, null));
            throw new Failed();
        }
        PanaUser user = account.get().user();
        throttle.recordSuccess(key);
        audit.recordSeparately(AuditActor.of(user, clientAddress), AuditEntry.success("SIGN_IN", "USER", user.userId()));
        return user;
    }


    /** Wrong username or password: deliberately says no more than that. */
    static final class Failed extends RuntimeException {
        Failed() {
            super("Wrong username or password.", null, false, false);
        }
    }

    /** Too many failed sign-ins for this username recently. */
    static final class Throttled extends RuntimeException {
        private final Duration retryAfter;

        Throttled(Duration retryAfter) {
            super("Too many failed sign-ins. Try again later.", null, false, false);
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }
}
