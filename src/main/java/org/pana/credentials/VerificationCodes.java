package org.pana.credentials;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The signed code in a document's QR: a compact payload (version, key id, document id, type, validity as epoch days,
 * number, the first 16 bytes of the SHA-256 of the printed fields) followed by its Ed25519 signature, written in
 * upper-case base32 without padding so that the URL {@code HTTPS://HOST/VERIFY/CODE} stays in QR alphanumeric mode
 * (about 190 characters: QR version 8 at level M, research §4).
 *
 * <p>{@link #read} never throws: whatever arrives (truncated, oversized, not base32, a flipped bit, a key nobody
 * knows) is simply not genuine.
 */
@Component
class VerificationCodes {

    static final int VERSION = 1;
    static final int MAX_LENGTH = 300;
    static final int HASH_LENGTH = 16;
    static final int SIGNATURE_LENGTH = 64;
    /** Stands for "no end date" (a decision letter) in the two bytes of valid-until. */
    private static final int NO_END = 0xFFFF;
    private static final Pattern NUMBER = Pattern.compile("[\\x21-\\x7E]{1,32}");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final SigningKeys keys;

    VerificationCodes(SigningKeys keys) {
        this.keys = keys;
    }

    /** What a code says, once its signature checked out. */
    record Payload(String keyId, UUID documentId, DocumentType type, String number, LocalDate validFrom, LocalDate validUntil, byte[] printedHash) {}

    /** Signs the payload with the jurisdiction's active key. Deterministic: the same fields and key give the same code. */
    String sign(String jurisdiction, UUID documentId, DocumentType type, String number, LocalDate validFrom, LocalDate validUntil,
            byte[] printedHash) {
        if (number == null || !NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("A document number must be 1 to 32 printable ASCII characters: " + number);
        }
        if (validFrom == null) throw new IllegalArgumentException("A document needs the first day it is valid");
        SigningKeys.SigningKey key = keys.active(jurisdiction);
        byte[] number8 = number.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(VERSION);
        out.writeBytes(HexFormat.of().parseHex(key.keyId()));
        ByteBuffer id = ByteBuffer.allocate(16).putLong(documentId.getMostSignificantBits()).putLong(documentId.getLeastSignificantBits());
        out.writeBytes(id.array());
        out.write(type.code);
        writeDay(out, validFrom);
        if (validUntil == null) {
            out.write(NO_END >> 8);
            out.write(NO_END & 0xFF);
        } else {
            writeDay(out, validUntil);
        }
        out.write(number8.length);
        out.writeBytes(number8);
        out.writeBytes(Arrays.copyOf(printedHash, HASH_LENGTH));
        byte[] message = out.toByteArray();
        out.writeBytes(keys.sign(key, message));
        return base32(out.toByteArray());
    }

    /** The payload of a genuine code (a known key's valid signature over it), else empty; never throws. */
    Optional<Payload> read(String code) {
        try {
            if (code == null || code.isEmpty() || code.length() > MAX_LENGTH) return Optional.empty();
            byte[] bytes = fromBase32(code);
            if (bytes == null || bytes.length < 1 + 4 + 16 + 1 + 2 + 2 + 1 + 1 + HASH_LENGTH + SIGNATURE_LENGTH) return Optional.empty();
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (in.get() != VERSION) return Optional.empty();
            byte[] keyId = new byte[4];
            in.get(keyId);
            UUID documentId = new UUID(in.getLong(), in.getLong());
            int typeCode = in.get() & 0xFF;
            int from = in.getShort() & 0xFFFF;
            int until = in.getShort() & 0xFFFF;
            int numberLength = in.get() & 0xFF;
            if (numberLength < 1 || numberLength > 32 || in.remaining() != numberLength + HASH_LENGTH + SIGNATURE_LENGTH) return Optional.empty();
            byte[] number = new byte[numberLength];
            in.get(number);
            byte[] hash = new byte[HASH_LENGTH];
            in.get(hash);
            int signed = in.position();
            byte[] signature = Arrays.copyOfRange(bytes, signed, bytes.length);
            if (!keys.verifies(HexFormat.of().formatHex(keyId), Arrays.copyOf(bytes, signed), signature)) return Optional.empty();
            DocumentType type = DocumentType.ofCode(typeCode);
            String text = new String(number, StandardCharsets.US_ASCII);
            if (!NUMBER.matcher(text).matches()) return Optional.empty();
            return Optional.of(new Payload(HexFormat.of().formatHex(keyId), documentId, type, text, LocalDate.ofEpochDay(from),
                    until == NO_END ? null : LocalDate.ofEpochDay(until), hash));
        } catch (RuntimeException notGenuine) {
            return Optional.empty();
        }
    }

    private static void writeDay(ByteArrayOutputStream out, LocalDate day) {
        long epochDay = day.toEpochDay();
        if (epochDay < 0 || epochDay >= NO_END) throw new IllegalArgumentException("A validity date must lie between 1970 and 2149: " + day);
        out.write((int) (epochDay >> 8));
        out.write((int) (epochDay & 0xFF));
    }

    /** RFC 4648 base32, upper case, without padding. */
    static String base32(byte[] bytes) {
        StringBuilder text = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                text.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) text.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        return text.toString();
    }

    /** Strict base32 (either case): null for any other character, an impossible length or stray trailing bits. */
    static byte[] fromBase32(String text) {
        int remainder = text.length() % 8;
        if (remainder == 1 || remainder == 3 || remainder == 6) return null;
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 5 / 8);
        int buffer = 0, bits = 0;
        for (int i = 0; i < text.length(); i++) {
            int value = ALPHABET.indexOf(Character.toUpperCase(text.charAt(i)));
            if (value < 0 || text.charAt(i) > 'z') return null;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xFF);
                bits -= 8;
            }
            buffer &= (1 << bits) - 1;
        }
        if (buffer != 0) return null;
        return out.toByteArray();
    }
}
