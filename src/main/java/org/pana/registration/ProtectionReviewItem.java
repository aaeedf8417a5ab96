package org.pana.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** A specific need flagged on a person, waiting for (or done with) protection staff's review. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProtectionReviewItem(UUID id, UUID personId, String registrationNumber, String needCode, boolean sensitive,
        Instant flaggedAt, String status, UUID reviewedBy, Instant reviewedAt) {}
