package org.pana.credentials;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A document as Pana issued it: what identifies it, its signed verification code, what it was issued from (and what of
 * that record it attests, {@code sourceVersion}, where the record can change under it) and whether it was replaced by a
 * later one or revoked. The printed fields, photo and PDF are read apart.
 */
record IssuedDocument(UUID id, String jurisdiction, UUID personId, DocumentType type, String number, LocalDate validFrom, LocalDate validUntil,
        String language, Layout layout, String keyId, String code, String sourceType, UUID sourceId, String sourceVersion, UUID replacedBy, Instant revokedAt,
        String revokedReason, Instant issuedAt, String issuedBy) {}
