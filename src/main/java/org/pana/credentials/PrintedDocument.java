package org.pana.credentials;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Everything printed on one issued document, and nothing else: the renderer draws exactly these fields, the QR
 * payload carries a hash of them, and the public verification page shows them back (issue 6: it leaks nothing beyond
 * the printed fields).
 *
 * @param names the holder's names as recorded, one line per script (e.g. Latin, Cyrillic, Arabic), in order
 * @param birthDate as printed ("1984", "1984-06", "1984-06-01" by its recorded precision), may be null
 * @param photo the holder's photo (JPEG or PNG bytes) where registration has one, else null
 * @param includedChildren children entered in the holder's certificate, one printed line each (name and birth year)
 * @param issuer the issuing authority's name as printed
 * @param verificationUrl the URL the QR code holds ({@code https://host/verify/CODE})
 * @param body the text of a letter or slip below the holder's fields (empty on a certificate): not shown on the
 *     verification page, but its hash is in the register with the printed fields, so a changed text does not verify
 */
record PrintedDocument(UUID id, DocumentType type, String jurisdiction, String language, Layout layout, String number, LocalDate validFrom,
        LocalDate validUntil, List<PrintedName> names, String birthDate, String sex, String nationality, byte[] photo,
        List<String> includedChildren, String issuer, LocalDate issuedOn, String verificationUrl, List<Section> body) {

    PrintedDocument {
        body = body == null ? List.of() : List.copyOf(body);
    }

    /** One name line: the script (ISO 15924, e.g. Latn, Cyrl, Arab) and the name as written in it. */
    record PrintedName(String script, String text) {}

    /** One paragraph of a letter or slip; a {@code heading} starts a section; {@code asWritten}: an officer's own words. */
    record Section(String heading, String text, boolean asWritten) {}

    /** The same document with the verification URL its QR code holds (known once the printed fields are signed). */
    PrintedDocument withVerificationUrl(String url) {
        return new PrintedDocument(id, type, jurisdiction, language, layout, number, validFrom, validUntil, names, birthDate, sex, nationality,
                photo, includedChildren, issuer, issuedOn, url, body);
    }
}
