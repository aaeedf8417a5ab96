package org.pana.registration.household;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a household's history: what changed ({@code kind}, the person concerned, a coded
 * {@code detail} such as {@code SON} or {@code SPOUSE->FOCAL_POINT}), why, who and when.
 */
public record HouseholdChange(Instant changedAt, HouseholdChangeKind kind, UUID personId, String detail, String reason,
        String actorUsername, String organisationName) {}
