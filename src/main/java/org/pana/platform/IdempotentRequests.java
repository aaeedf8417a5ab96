package org.pana.platform;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a creating request at most once per {@code Idempotency-Key} (security.md #41).
 *
 * <p>The key, a hash of the request and the response are inserted in the <em>same transaction</em> as
 * the record the request creates: either both commit or neither does. A retry whose first answer never
 * reached the client (a border post's link dropped) finds the stored response and gets it again,
 * instead of creating a second record. The same key with a different request is refused (422); a key
 * whose first request is still running answers 409.
 */
@Service
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY_FORM = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    IdempotentRequests(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Creates once. {@code create} runs inside the transaction that also stores the key; it must return
     * the response to send (usually 201 with a Location header and the new record's view).
     */
    public ResponseEntity<?> createOnce(String scope, String key, Object request, Supplier<ResponseEntity<?>> create) {
        if (key == null) {
            return transactions.execute(status -> create.get());
        }
        if (!KEY_FORM.matcher(key).matches()) {
            throw RuleViolation.onField(HEADER, "Idempotency-Key must be 1 to 255 visible ASCII characters.");
        }
        String owner = owner();
        String requestHash = hash(scope, request);
        try {
            return transactions.execute(status -> {
                Optional<StoredResponse> earlier = find(owner, key);
                if (earlier.isPresent()) {
                    return replay(earlier.get(), requestHash);
                }
                ResponseEntity<?> response = create.get();
                store(owner, key, scope, requestHash, response);
                return response;
            });
        } catch (DataIntegrityViolationException concurrentFirstCommitted) {
            return find(owner, key).map(stored -> replay(stored, requestHash)).orElseThrow(() -> inFlight());
        } catch (PessimisticLockingFailureException stillRunning) {
            throw inFlight();
        }
    }

    /** Forgets keys older than the retention period; returns how many were removed. */
    public int expireOlderThan(java.time.Instant cutoff) {
        return jdbc.sql("DELETE FROM platform_idempotency_key WHERE created_at < :cutoff")
                .param("cutoff", cutoff.atOffset(ZoneOffset.UTC)).update();
    }

    private static StateConflict inFlight() {
        return new StateConflict("idempotency-key-in-flight",
                "A request with this Idempotency-Key is still being processed. Retry in a moment.");
    }

    private ResponseEntity<?> replay(StoredResponse stored, String requestHash) {
        if (!stored.requestHash().equals(requestHash)) {
            throw RuleViolation.onField(HEADER,
                    "This Idempotency-Key was already used for a different request. Use a new key for a new request.");
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(stored.status()).header("Idempotency-Replayed", "true");
        if (stored.location() != null) {
            builder.location(URI.create(stored.location()));
        }
        if (stored.body() == null) {
            return builder.build();
        }
        return builder.contentType(MediaType.APPLICATION_JSON).body(stored.body());
    }

    private void store(String owner, String key, String scope, String requestHash, ResponseEntity<?> response) {
        String body = response.getBody() == null ? null
                : response.getBody() instanceof String text ? text : json.writeValueAsString(response.getBody());
        URI location = response.getHeaders().getLocation();
        jdbc.sql("""
                INSERT INTO platform_idempotency_key
                  (owner, idempotency_key, scope, request_hash, response_status, response_location, response_body, created_at)
                VALUES (:owner, :key, :scope, :hash, :status, :location, :body, :createdAt)""")
                .param("owner", owner).param("key", key).param("scope", scope).param("hash", requestHash)
                .param("status", response.getStatusCode().value())
                .param("location", location == null ? null : location.toString())
                .param("body", body)
                .param("createdAt", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    private Optional<StoredResponse> find(String owner, String key) {
        return jdbc.sql("""
                SELECT request_hash, response_status, response_location, response_body
                FROM platform_idempotency_key WHERE owner = :owner AND idempotency_key = :key""")
                .param("owner", owner).param("key", key)
                .query((rs, n) -> new StoredResponse(rs.getString(1), HttpStatus.valueOf(rs.getInt(2)), rs.getString(3), rs.getString(4)))
                .optional();
    }

    private String hash(String scope, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(scope.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String owner() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CallerIdentity caller) {
            return caller.userId().toString();
        }
        return "anonymous";
    }

    private record StoredResponse(String requestHash, HttpStatus status, String location, String body) {}

}
