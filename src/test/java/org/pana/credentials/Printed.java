package org.pana.credentials;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Documents as the issuance service would print them, for tests of signing and verification (the PDF is a fixed fake). */
final class Printed {

    static final byte[] FAKE_PDF = "%PDF-1.7 fake document for tests".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** A 1×1 PNG. */
    static final byte[] PHOTO = java.util.HexFormat.of().parseHex(
            "89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6360f8cf000000030101005b0b3b9a0000000049454e44ae426082");

    private Printed() {}

    static PrintedDocument certificate(String number, LocalDate from, LocalDate until, byte[] photo, PrintedDocument.PrintedName... names) {
        return new PrintedDocument(UUID.randomUUID(), DocumentType.ASYLUM_SEEKER_CERTIFICATE, "KAZ", "en", Layout.ID1, number, from, until,
                List.of(names), "1985", "F", "AFG", photo, List.of(), "Migration Service", from, null, List.of());
    }

    static PrintedDocument certificate(String number, LocalDate from, LocalDate until) {
        return certificate(number, from, until, PHOTO, new PrintedDocument.PrintedName("Latn", "Zarina Testova"),
                new PrintedDocument.PrintedName("Cyrl", "Зарина Тестова"));
    }

    /** The same document with the verification URL its QR holds. */
    static PrintedDocument withUrl(PrintedDocument p, String code) {
        return p.withVerificationUrl("HTTPS://PANA.EXAMPLE.KZ/VERIFY/" + code);
    }

    static String number() {
        return "KAZ-AS-" + (100000 + Math.floorMod(System.nanoTime(), 900000));
    }
}
