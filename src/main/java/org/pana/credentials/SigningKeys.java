package org.pana.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Ed25519 keys that sign verification codes, one active per jurisdiction, made on first need. The private
 * key is kept only encrypted with AES-256-GCM under the master key ({@code pana.credentials.master-key}, base64 of
 * 32 bytes, e.g. from {@code PANA_CREDENTIALS_MASTER_KEY}), which never enters the database; a rotated key is
 * retired, not deleted, so documents it signed keep verifying.
 *
 * <p>Without a configured master key the prod profile refuses to start: a key made up on the spot would sign
 * documents nobody could check after a restart on another node. Elsewhere (the default H2 run, tests) a random
 * master key is created once in {@code pana.credentials.master-key-file} (default
 * {@code ./data/credentials-master.key}, next to the H2 database, owner-only permissions) and reused.
 */
@Component
class SigningKeys {

    /** The fixed X.509 SubjectPublicKeyInfo prefix of every Ed25519 public key; the raw 32-byte key follows it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final int GCM_TAG_BITS = 128;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecretKeySpec masterKey;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SigningKey> byId = new ConcurrentHashMap<>();
    private final Map<String, PrivateKey> privateKeys = new ConcurrentHashMap<>();

    SigningKeys(JdbcClient jdbc, Clock clock, Environment environment, @Value("${pana.credentials.master-key:}") String masterKey,
            @Value("${pana.credentials.master-key-file:./data/credentials-master.key}") Path masterKeyFile) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.masterKey = new SecretKeySpec(masterKey(masterKey, masterKeyFile, Arrays.asList(environment.getActiveProfiles()).contains("prod")), "AES");
    }

    /** A public key and when it signed: {@code retiredAt} is null while it is the jurisdiction's active key. */
    record SigningKey(String keyId, String jurisdiction, byte[] publicKey, Instant createdAt, Instant retiredAt) {

        /** The raw 32-byte Ed25519 key (the X.509 encoding without its fixed prefix), as WebCrypto's "raw" format takes it. */
        byte[] rawPublicKey() {
            return Arrays.copyOfRange(publicKey, X509_PREFIX.length, publicKey.length);
        }
    }

    /** Signs with this key (from {@link #active}); only a key whose private half decrypts under the master key can sign. */
    byte[] sign(SigningKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKeys.computeIfAbsent(key.keyId(), this::decryptPrivateKey));
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign with key " + key.keyId(), e);
        }
    }

    /** Whether the key with this id (active or retired, of any jurisdiction) signed this message; false for an unknown key. */
    boolean verifies(String keyId, byte[] message, byte[] signature) {
        Optional<SigningKey> key = find(keyId);
        if (key.isEmpty()) return false;
        try {
            PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(key.get().publicKey()));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The jurisdiction's active key, made on first need. Outside the caller's transaction: a key made at the same
     * moment by another node must not abort the caller's transaction on PostgreSQL.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    SigningKey active(String jurisdiction) {
        String code = jurisdiction.toUpperCase(Locale.ROOT);
        return activeKey(code).orElseGet(() -> {
            try {
                return create(code);
            } catch (DuplicateKeyException anotherNodeWasFaster) {
                return activeKey(code).orElseThrow(() -> anotherNodeWasFaster);
            }
        });
    }

    /**
     * Retires the jurisdiction's active key (it keeps verifying what it signed) and makes a new one, which signs
     * from now on. Answers the new key.
     */
    @Transactional
    SigningKey rotate(String jurisdiction) {
        String code = jurisdiction.toUpperCase(Locale.ROOT);
        jdbc.sql("UPDATE credentials_signing_key SET retired_at = :at, active_jurisdiction = NULL WHERE active_jurisdiction = :j")
                .param("at", java.sql.Timestamp.from(clock.instant())).param("j", code).update();
        byId.clear();
        return create(code);
    }

    /** Every key, active and retired, of every jurisdiction: what the published key list and the offline verifier use. */
    List<SigningKey> all() {
        return jdbc.sql("SELECT key_id, jurisdiction, public_key, created_at, retired_at FROM credentials_signing_key ORDER BY jurisdiction, created_at")
                .query((rs, n) -> new SigningKey(rs.getString("key_id"), rs.getString("jurisdiction"), rs.getBytes("public_key"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("retired_at", java.time.OffsetDateTime.class)).map(java.time.OffsetDateTime::toInstant).orElse(null)))
                .list();
    }

    Optional<SigningKey> find(String keyId) {
        SigningKey known = byId.get(keyId);
        if (known != null) return Optional.of(known);
        Optional<SigningKey> found = all().stream().filter(k -> k.keyId().equals(keyId)).findFirst();
        found.ifPresent(k -> byId.put(k.keyId(), k));
        return found;
    }

    private Optional<SigningKey> activeKey(String jurisdiction) {
        return jdbc.sql("SELECT key_id FROM credentials_signing_key WHERE active_jurisdiction = :j").param("j", jurisdiction)
                .query(String.class).optional().flatMap(id -> all().stream().filter(k -> k.keyId().equals(id)).findFirst());
    }

    private SigningKey create(String jurisdiction) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] id = new byte[4];
            random.nextBytes(id);
            String keyId = HexFormat.of().formatHex(id);
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, masterKey, new GCMParameterSpec(GCM_TAG_BITS, iv));
            cipher.updateAAD(aad(jurisdiction, keyId));
            byte[] encrypted = cipher.doFinal(pair.getPrivate().getEncoded());
            Instant now = clock.instant();
            jdbc.sql("""
                    INSERT INTO credentials_signing_key (key_id, jurisdiction, active_jurisdiction, public_key, private_key, iv, created_at)
                    VALUES (:id, :j, :j, :pub, :priv, :iv, :at)""")
                    .param("id", keyId).param("j", jurisdiction).param("pub", pair.getPublic().getEncoded()).param("priv", encrypted)
                    .param("iv", iv).param("at", java.sql.Timestamp.from(now)).update();
            privateKeys.put(keyId, pair.getPrivate());
            return new SigningKey(keyId, jurisdiction, pair.getPublic().getEncoded(), now, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not create a signing key", e);
        }
    }

    private PrivateKey decryptPrivateKey(String keyId) {
        record Stored(String jurisdiction, byte[] privateKey, byte[] iv) {}
        Stored stored = jdbc.sql("SELECT jurisdiction, private_key, iv FROM credentials_signing_key WHERE key_id = :id").param("id", keyId)
                .query((rs, n) -> new Stored(rs.getString("jurisdiction"), rs.getBytes("private_key"), rs.getBytes("iv"))).single();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, masterKey, new GCMParameterSpec(GCM_TAG_BITS, stored.iv()));
            cipher.updateAAD(aad(stored.jurisdiction(), keyId));
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(cipher.doFinal(stored.privateKey())));
        } catch (GeneralSecurityException e) {
            // Fail closed: a wrong master key or a tampered row must never sign.
            throw new IllegalStateException("Cannot decrypt signing key " + keyId + ": wrong master key (pana.credentials.master-key) or tampered key", e);
        }
    }

    private static byte[] aad(String jurisdiction, String keyId) {
        return (jurisdiction + "/" + keyId).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] masterKey(String configured, Path file, boolean production) {
        if (configured != null && !configured.isBlank()) return decoded(configured.strip(), "pana.credentials.master-key");
        if (production) {
            throw new IllegalStateException("Refusing to start with the prod profile without a credentials master key: set "
                    + "PANA_CREDENTIALS_MASTER_KEY to the base64 of 32 random bytes (e.g. `openssl rand -base64 32`), the same on every node");
        }
        try {
            if (!Files.exists(file)) {
                if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.createFile(file);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException notPosix) {
                        // Windows: the file stays with the directory's permissions
                    }
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
                } catch (FileAlreadyExistsException anotherProcessMadeIt) {
                    // read below
                }
            }
            String stored = "";
            for (int attempt = 0; attempt < 50 && stored.isBlank(); attempt++) {
                stored = Files.readString(file).strip();
                if (stored.isBlank()) Thread.sleep(20);
            }
            return decoded(stored, file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the credentials master key file " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decoded(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The credentials master key in " + source + " is not base64");
        }
        if (key.length != 32) throw new IllegalStateException("The credentials master key in " + source + " must be 32 bytes, not " + key.length);
        return key;
    }
}
