package org.pana.matching;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A {@link NormalisedProfile} as stored in {@code matching_profile}: names encoded in one text column. */
record StoredProfile(UUID personId, String jurisdiction, String names, String sex, LocalDate birthDate,
        String birthDatePrecision, String nationalities, String documents) {

    static StoredProfile of(NormalisedProfile p) {
        return new StoredProfile(p.personId(), p.jurisdiction(), p.encode(), p.sex(), p.birthDate(), p.birthDatePrecision(),
                NormalisedProfile.encodeSet(p.nationalities()), NormalisedProfile.encodeSet(p.documents()));
    }

    NormalisedProfile decode() {
        return new NormalisedProfile(personId, jurisdiction, NormalisedProfile.decodeNames(names), sex, birthDate,
                birthDatePrecision, NormalisedProfile.decodeSet(nationalities), NormalisedProfile.decodeSet(documents));
    }

    /** The pair in a fixed order (smaller id first), as {@code matching_distinct_pair} stores it. */
    static List<UUID> pair(UUID a, UUID b) {
        return CandidateSelection.compareIds(a, b) <= 0 ? List.of(a, b) : List.of(b, a);
    }
}
