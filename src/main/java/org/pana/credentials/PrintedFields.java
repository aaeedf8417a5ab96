package org.pana.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * The printed fields of a document as stored with it (JSON text, without the photo, which is stored and hashed
 * apart, and without the verification URL, which holds the code computed from them). A letter's or slip's text is
 * represented by its SHA-256 only ({@code bodySha256}): the verification page shows the holder's fields, never the
 * reasons of a decision. The hash over this exact
 * text and the photo's SHA-256 goes into the signed code, so the verification page can tell that what it shows is
 * what was printed.
 */
record PrintedFields(UUID id, DocumentType type, String jurisdiction, String language, Layout layout, String number, LocalDate validFrom,
        LocalDate validUntil, List<PrintedDocument.PrintedName> names, String birthDate, String sex, String nationality,
        List<String> includedChildren, String issuer, LocalDate issuedOn, String bodySha256) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static PrintedFields of(PrintedDocument printed) {
        return new PrintedFields(printed.id(), printed.type(), printed.jurisdiction(), printed.language(), printed.layout(), printed.number(),
                printed.validFrom(), printed.validUntil(), printed.names() == null ? List.of() : List.copyOf(printed.names()), printed.birthDate(),
                printed.sex(), printed.nationality(), printed.includedChildren() == null ? List.of() : List.copyOf(printed.includedChildren()),
                printed.issuer(), printed.issuedOn(), bodyHash(printed.body()));
    }

    /** SHA-256 (hex) over each section's heading, text and kind, null without a body. */
    static String bodyHash(List<PrintedDocument.Section> body) {
        if (body == null || body.isEmpty()) return null;
        MessageDigest sha = sha256();
        for (PrintedDocument.Section section : body) {
            for (String part : new String[] {section.heading(), section.text(), String.valueOf(section.asWritten())}) {
                sha.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static PrintedFields parse(String json) {
        return JSON.readValue(json, PrintedFields.class);
    }

    String json() {
        return JSON.writeValueAsString(this);
    }

    /** SHA-256 over the stored JSON text and the photo's SHA-256 (hex, empty without a photo). */
    static byte[] hash(String json, String photoSha256) {
        MessageDigest sha = sha256();
        sha.update(json.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update((photoSha256 == null ? "" : photoSha256).getBytes(StandardCharsets.US_ASCII));
        return sha.digest();
    }

    static String photoHash(byte[] photo) {
        return photo == null ? null : HexFormat.of().formatHex(sha256().digest(photo));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
