package org.pana.matching;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What matching needs to know of a person: names in every script recorded, sex, birth date with its
 * precision ({@code DAY}, {@code MONTH}, {@code YEAR}, {@code ESTIMATED}), nationalities (ISO 3166
 * alpha-3) and document numbers. {@code personId} is null for a person not yet saved.
 */
public record MatchProfile(UUID personId, String jurisdiction, List<MatchName> names, String sex, LocalDate birthDate,
        String birthDatePrecision, List<String> nationalities, List<String> documentNumbers) {

    public MatchProfile {
        names = names == null ? List.of() : List.copyOf(names);
        nationalities = nationalities == null ? List.of() : List.copyOf(nationalities);
        documentNumbers = documentNumbers == null ? List.of() : List.copyOf(documentNumbers);
    }
}
