package org.pana.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens for the API. A token is 32 random bytes; the database keeps only its SHA-256, with its
 * expiry and revocation. Because every request looks the token up, logging out, disabling a user or
 * deactivating an organisation takes effect on the very next request (security.md #18), and a forged,
 * altered or re-signed token simply is not found (#17). See docs/adr/0002-opaque-api-tokens.md.
 */
@Component
class ApiTokens {

    static final String PREFIX = "pana_";
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Accounts accounts;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Clock clock, Accounts accounts, @Value("${pana.api.token-lifetime:PT1H}") Duration lifetime) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.accounts = accounts;
        this.lifetime = lifetime;
    }

    IssuedToken issue(PanaUser user) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO access_api_token (token_hash, user_id, issued_at, expires_at) VALUES (:hash, :user, :now, :expires)")
                .param("hash", hash(token)).param("user", user.userId())
                .param("now", now.atOffset(ZoneOffset.UTC)).param("expires", now.plus(lifetime).atOffset(ZoneOffset.UTC)).update();
        return new IssuedToken(token, lifetime);
    }

    /** The user behind a token that exists, is not revoked or expired, and whose account and organisation are active. */
    Optional<PanaUser> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT user_id FROM access_api_token WHERE token_hash = :hash AND revoked_at IS NULL AND expires_at > :now")
                .param("hash", hash(token)).param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .query(UUID.class).optional()
                .flatMap(accounts::activeUser);
    }

    void revoke(String token) {
        jdbc.sql("UPDATE access_api_token SET revoked_at = :now WHERE token_hash = :hash AND revoked_at IS NULL")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("hash", hash(token)).update();
    }

    void revokeAllOf(UUID userId) {
        jdbc.sql("UPDATE access_api_token SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("user", userId).update();
    }

    /** Forgets tokens that expired before the cutoff; returns how many. */
    int forgetExpiredBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM access_api_token WHERE expires_at < :cutoff").param("cutoff", cutoff.atOffset(ZoneOffset.UTC)).update();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record IssuedToken(String value, Duration lifetime) {}
}
