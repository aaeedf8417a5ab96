package org.pana.registration;

import java.time.LocalDate;
import java.util.List;

/** A person's facts after validation: typed, codes checked, text cleaned of nothing (names are kept as entered). */
record PersonFacts(List<PersonName> names, Sex sex, LocalDate birthDate, BirthDatePrecision birthDatePrecision,
        String placeOfBirth, List<String> nationalities, List<String> languages, MaritalStatus maritalStatus,
        Education education, String occupation, String phone, String email, String addressRegion, String addressLocality,
        String addressLine, List<HeldDocument> documents, List<String> specificNeeds, String ethnicity, String religion) {

    PersonFacts {
        names = List.copyOf(names);
        nationalities = List.copyOf(nationalities);
        languages = List.copyOf(languages);
        documents = List.copyOf(documents);
        specificNeeds = List.copyOf(specificNeeds);
    }

    /** The facts in the text form clients send and receive. */
    PersonDetails details(String jurisdiction) {
        return new PersonDetails(jurisdiction,
                names.stream().map(n -> new PersonDetails.Name(n.given(), n.family(), n.patronymic(), n.script(), n.kind().name())).toList(),
                name(sex), text(birthDate), name(birthDatePrecision), placeOfBirth, nationalities, languages, name(maritalStatus),
                name(education), occupation, phone == null && email == null ? null : new PersonDetails.Contact(phone, email),
                addressRegion == null && addressLocality == null && addressLine == null ? null
                        : new PersonDetails.Address(addressRegion, addressLocality, addressLine),
                documents.stream().map(d -> new PersonDetails.Document(d.type().name(), d.number(), d.issuingCountry(),
                        text(d.issuedOn()), text(d.expiresOn()))).toList(),
                specificNeeds, ethnicity, religion);
    }

    /** What matching needs to know; {@code personId} is null for a person not yet saved. */
    org.pana.matching.MatchProfile matchProfile(java.util.UUID personId, String jurisdiction) {
        return new org.pana.matching.MatchProfile(personId, jurisdiction,
                names.stream().map(n -> new org.pana.matching.MatchName(n.given(), n.family(), n.patronymic(), n.script())).toList(),
                name(sex), birthDate, name(birthDatePrecision), nationalities, documents.stream().map(HeldDocument::number).toList());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
