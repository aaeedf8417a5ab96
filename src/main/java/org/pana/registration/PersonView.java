package org.pana.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A person as a caller may see them. Fields the caller's roles may not see (ethnicity, religion,
 * sensitive specific needs: security.md #5) are not blanked but absent: null here, and left out of the
 * JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonView(UUID id, String jurisdiction, String registrationNumber, PersonStatus status,
        List<PersonDetails.Name> names, Sex sex, LocalDate birthDate, BirthDatePrecision birthDatePrecision, String placeOfBirth,
        List<String> nationalities, List<String> languages, MaritalStatus maritalStatus, Education education, String occupation,
        PersonDetails.Contact contact, PersonDetails.Address address, List<PersonDetails.Document> documents,
        List<String> specificNeeds, String ethnicity, String religion, long version, Instant createdAt, Instant updatedAt) {

    static PersonView of(Person person, boolean seesSensitive, SpecificNeedCatalogue catalogue) {
        PersonDetails details = person.facts().details(person.jurisdiction());
        List<String> needs = seesSensitive ? details.specificNeeds()
                : details.specificNeeds().stream().filter(code -> !catalogue.isSensitive(code)).toList();
        return new PersonView(person.id(), person.jurisdiction(), person.registrationNumber(), person.status(), details.names(),
                person.sex(), person.birthDate(), person.birthDatePrecision(), person.placeOfBirth(), details.nationalities(),
                details.languages(), person.maritalStatus(), person.education(), person.occupation(), details.contact(),
                details.address(), details.documents(), needs, seesSensitive ? person.ethnicity() : null,
                seesSensitive ? person.religion() : null, person.versionOrZero(), person.createdAt(), person.updatedAt());
    }
}
