package org.pana.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One change to a person: when, who (user and organisation), what kind ({@code REGISTERED},
 * {@code UPDATED}), why, and which fields changed. Sensitive fields show no values; callers who may
 * not see them do not see that they changed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEntry(UUID id, Instant at, String kind, Actor actor, String reason, List<FieldChange> changes) {

    public HistoryEntry {
        changes = List.copyOf(changes);
    }

    /** Who made the change, as they were named at the time. */
    public record Actor(UUID userId, String username, UUID organisationId, String organisation) {}

    /** A field that changed; {@code before}/{@code after} as JSON text, absent for sensitive fields. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldChange(String field, String before, String after, boolean sensitive) {}
}
