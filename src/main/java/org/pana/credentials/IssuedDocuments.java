package org.pana.credentials;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pana.calendar.WorkingCalendar;
import org.pana.platform.StateConflict;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of issued documents: records each one with its signed code, marks the earlier documents it replaces,
 * revokes those of a record that ended, and tells a document's status now (revoked, replaced, expired or valid) from
 * the register and from the live standing behind it.
 */
@Service
class IssuedDocuments {

    private static final String COLUMNS = """
            id, jurisdiction, person_id, type, number, valid_from, valid_until, language, layout, key_id, code, source_type, source_id,
            source_version, replaced_by, revoked_at, revoked_reason, issued_at, issued_by""";

    private final JdbcClient jdbc;
    private final VerificationCodes codes;
    private final WorkingCalendar calendar;
    private final List<LiveStanding> liveStanding;
    private final Clock clock;

    IssuedDocuments(JdbcClient jdbc, VerificationCodes codes, WorkingCalendar calendar, ObjectProvider<LiveStanding> liveStanding, Clock clock) {
        this.jdbc = jdbc;
        this.codes = codes;
        this.calendar = calendar;
        this.liveStanding = liveStanding.orderedStream().toList();
        this.clock = clock;
    }

    /** What the verification page may show of a code: its status, and for a genuine code the document and its printed fields. */
    record Verification(DocumentStatus status, IssuedDocument document, PrintedFields printed) {
        static final Verification NOT_GENUINE = new Verification(DocumentStatus.NOT_GENUINE, null, null);
    }

    /**
     * The code to print in the document's QR (its verification URL ends with it). Signing is deterministic, so
     * {@link #record} computes the same code as long as the jurisdiction's key was not rotated in between.
     */
    String codeFor(PrintedDocument printed) {
        PrintedFields fields = PrintedFields.of(printed);
        byte[] hash = PrintedFields.hash(fields.json(), PrintedFields.photoHash(printed.photo()));
        return codes.sign(printed.jurisdiction(), printed.id(), printed.type(), printed.number(), printed.validFrom(), printed.validUntil(), hash);
    }

    /**
     * Stores a signed document and marks the earlier documents of the same person, type and source as replaced by
     * it, in one transaction. A printed verification URL must end with the code signed now (409 if the key was
     * rotated after the document was rendered: render it again).
     */
    @Transactional
    IssuedDocument record(PrintedDocument printed, UUID personId, String sourceType, UUID sourceId, byte[] pdf, String issuedBy) {
        return record(printed, personId, sourceType, sourceId, null, pdf, issuedBy);
    }

    /** As {@link #record(PrintedDocument, UUID, String, UUID, byte[], String)}, with what the document attests of its source. */
    @Transactional
    IssuedDocument record(PrintedDocument printed, UUID personId, String sourceType, UUID sourceId, String sourceVersion, byte[] pdf,
            String issuedBy) {
        if (pdf == null || pdf.length == 0) throw new IllegalArgumentException("An issued document needs its PDF");
        PrintedFields fields = PrintedFields.of(printed);
        String json = fields.json();
        String photoHash = PrintedFields.photoHash(printed.photo());
        byte[] hash = PrintedFields.hash(json, photoHash);
        String code = codes.sign(printed.jurisdiction(), printed.id(), printed.type(), printed.number(), printed.validFrom(), printed.validUntil(), hash);
        if (printed.verificationUrl() != null && !printed.verificationUrl().toUpperCase(java.util.Locale.ROOT).endsWith("/" + code)) {
            throw new StateConflict("signing-key-rotated", "The signing key of " + printed.jurisdiction() + " changed while the document was rendered: issue it again.");
        }
        String keyId = codes.read(code).map(VerificationCodes.Payload::keyId).orElseThrow(() -> new IllegalStateException("A fresh code does not verify"));
        // Two reprints at once (a double click): the second waits here for the first to commit, then replaces it too,
        // so one copy stays valid. (Two first issuances at once have no earlier copy to wait on.)
        String sameDocument = "person_id = :person AND type = :type AND source_type = :sourceType AND source_id = :sourceId"
                + (printed.type().perLanguage ? " AND language = :language" : "");
        jdbc.sql("SELECT id FROM credentials_issued_document WHERE " + sameDocument + " AND replaced_by IS NULL FOR UPDATE")
                .param("person", personId).param("type", printed.type().name()).param("sourceType", sourceType).param("sourceId", sourceId)
                .param("language", printed.language()).query(UUID.class).list();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO credentials_issued_document (id, jurisdiction, person_id, type, number, valid_from, valid_until, language, layout,
                  printed, photo, photo_sha256, printed_hash, key_id, code, pdf, source_type, source_id, source_version, issued_at, issued_by)
                VALUES (:id, :jurisdiction, :person, :type, :number, :from, :until, :language, :layout, :printed, :photo, :photoHash, :hash,
                  :key, :code, :pdf, :sourceType, :sourceId, :sourceVersion, :at, :by)""")
                .param("id", printed.id()).param("jurisdiction", printed.jurisdiction()).param("person", personId)
                .param("type", printed.type().name()).param("number", printed.number()).param("from", printed.validFrom())
                .param("until", printed.validUntil()).param("language", printed.language()).param("layout", printed.layout().name())
                .param("printed", json).param("photo", printed.photo()).param("photoHash", photoHash)
                .param("hash", HexFormat.of().formatHex(hash)).param("key", keyId).param("code", code).param("pdf", pdf)
                .param("sourceType", sourceType).param("sourceId", sourceId).param("sourceVersion", sourceVersion).param("at", Timestamp.from(now)).param("by", issuedBy).update();
        // A letter's copies in the official language and in the applicant's language stand side by side: a reprint
        // replaces the copy in its own language only. A certificate is one card, whatever its language.
        jdbc.sql("UPDATE credentials_issued_document SET replaced_by = :id WHERE " + sameDocument + " AND id <> :id AND replaced_by IS NULL")
                .param("id", printed.id()).param("person", personId).param("type", printed.type().name())
                .param("sourceType", sourceType).param("sourceId", sourceId).param("language", printed.language()).update();
        return find(printed.id()).orElseThrow();
    }

    /** Revokes every not yet revoked document issued from this record (its status ended, was deprived, ...); answers how many. */
    @Transactional
    int revokeAll(String sourceType, UUID sourceId, String reason, Instant at) {
        return jdbc.sql("""
                UPDATE credentials_issued_document SET revoked_at = :at, revoked_reason = :reason
                WHERE source_type = :sourceType AND source_id = :sourceId AND revoked_at IS NULL""")
                .param("at", Timestamp.from(at)).param("reason", reason).param("sourceType", sourceType).param("sourceId", sourceId).update();
    }

    /**
     * The document's status on this day: revoked (in the register, or because its source no longer stands) before
     * replaced (by a later issuance, or by the record that took its source's place) before expired (its last valid day
     * is before {@code today}) before valid.
     */
    DocumentStatus status(IssuedDocument document, LocalDate today) {
        if (document.revokedAt() != null) return DocumentStatus.REVOKED;
        Optional<LiveStanding.Ended> ended = liveStanding.stream().filter(s -> s.answersFor(document.sourceType())).findFirst()
                .flatMap(s -> s.ended(document.sourceType(), document.sourceId(), document.sourceVersion(), today));
        if (ended.isPresent()) return ended.get().replaced() ? DocumentStatus.REPLACED : DocumentStatus.REVOKED;
        if (document.replacedBy() != null) return DocumentStatus.REPLACED;
        if (document.validUntil() != null && document.validUntil().isBefore(today)) return DocumentStatus.EXPIRED;
        return DocumentStatus.VALID;
    }

    /** The status today in the document's jurisdiction's time zone. */
    DocumentStatus statusToday(IssuedDocument document) {
        return status(document, calendar.today(document.jurisdiction()));
    }

    Optional<IssuedDocument> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM credentials_issued_document WHERE id = :id").param("id", id).query(ROW).optional();
    }

    /** The person's documents, newest first. */
    List<IssuedDocument> of(UUID personId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM credentials_issued_document WHERE person_id = :person ORDER BY issued_at DESC, id DESC")
                .param("person", personId).query(ROW).list();
    }

    Optional<byte[]> pdf(UUID id) {
        return jdbc.sql("SELECT pdf FROM credentials_issued_document WHERE id = :id").param("id", id).query((rs, n) -> rs.getBytes(1)).optional();
    }

    /**
     * What a scanned code says now. Not genuine unless the signature checks out with a known key and the register
     * holds exactly that document, signed by that key, with those printed fields: a forged or altered code says no
     * more than that, whether or not the id exists.
     */
    Verification verify(String code) {
        Optional<VerificationCodes.Payload> read = codes.read(code);
        if (read.isEmpty()) return Verification.NOT_GENUINE;
        VerificationCodes.Payload payload = read.get();
        record Stored(IssuedDocument document, String printed, String printedHash) {}
        Optional<Stored> stored = jdbc.sql("SELECT " + COLUMNS + ", printed, printed_hash FROM credentials_issued_document WHERE id = :id")
                .param("id", payload.documentId())
                .query((rs, n) -> new Stored(ROW.mapRow(rs, n), rs.getString("printed"), rs.getString("printed_hash"))).optional();
        if (stored.isEmpty()) return Verification.NOT_GENUINE;
        IssuedDocument document = stored.get().document();
        byte[] hash = HexFormat.of().parseHex(stored.get().printedHash());
        boolean same = document.keyId().equals(payload.keyId()) && document.type() == payload.type() && document.number().equals(payload.number())
                && document.validFrom().equals(payload.validFrom()) && java.util.Objects.equals(document.validUntil(), payload.validUntil())
                && Arrays.equals(Arrays.copyOf(hash, VerificationCodes.HASH_LENGTH), payload.printedHash());
        if (!same) return Verification.NOT_GENUINE;
        return new Verification(statusToday(document), document, PrintedFields.parse(stored.get().printed()));
    }

    boolean hasPhoto(java.util.UUID id) {
        return jdbc.sql("SELECT count(*) FROM credentials_issued_document WHERE id = :id AND photo IS NOT NULL").param("id", id).query(Long.class).single() > 0;
    }

    /** The photo as printed on the document of a genuine code, else empty. */
    Optional<byte[]> photo(String code) {
        Verification verification = verify(code);
        if (verification.document() == null) return Optional.empty();
        return jdbc.sql("SELECT photo FROM credentials_issued_document WHERE id = :id").param("id", verification.document().id())
                .query((rs, n) -> Optional.ofNullable(rs.getBytes(1))).single();
    }

    private static final RowMapper<IssuedDocument> ROW = (rs, n) -> new IssuedDocument(rs.getObject("id", UUID.class), rs.getString("jurisdiction"),
            rs.getObject("person_id", UUID.class), DocumentType.valueOf(rs.getString("type")), rs.getString("number"),
            rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class), rs.getString("language"),
            Layout.valueOf(rs.getString("layout")), rs.getString("key_id"), rs.getString("code"), rs.getString("source_type"),
            rs.getObject("source_id", UUID.class), rs.getString("source_version"), rs.getObject("replaced_by", UUID.class), instant(rs.getObject("revoked_at", OffsetDateTime.class)),
            rs.getString("revoked_reason"), instant(rs.getObject("issued_at", OffsetDateTime.class)), rs.getString("issued_by"));

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
