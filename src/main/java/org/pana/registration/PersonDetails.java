package org.pana.registration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A person as a client or a form enters it: every value as text, so that a wrong date, code or enum
 * is answered with a field error (422) that names the field, not with an unreadable request (400).
 * The API body of {@code POST /api/v1/persons}; also what households, import and the pages pass to
 * {@link Registry}.
 *
 * <p>Fields the server owns ({@code id}, {@code registrationNumber}, {@code version}, {@code createdAt},
 * {@code updatedAt}, {@code organisationId}, {@code status}, {@code assignedTo}) are accepted in a body
 * and ignored, never stored (security.md #6). A {@code jurisdiction} other than the caller's is refused.
 */
@JsonIgnoreProperties(value = {"id", "registrationNumber", "version", "createdAt", "updatedAt", "organisationId", "status",
        "assignedTo"}, allowGetters = false)
public record PersonDetails(String jurisdiction, List<Name> names, String sex, String birthDate, String birthDatePrecision,
        String placeOfBirth, List<String> nationalities, List<String> languages, String maritalStatus, String education,
        String occupation, Contact contact, Address address, List<Document> documents, List<String> specificNeeds,
        String ethnicity, String religion) {

    public PersonDetails {
        names = names == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(names));
        nationalities = copy(nationalities);
        languages = copy(languages);
        documents = documents == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(documents));
        specificNeeds = copy(specificNeeds);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    /**
     * One way the name is written: parts as entered, the script (ISO 15924: {@code Latn}, {@code Cyrl},
     * {@code Arab}) and the kind ({@code DOCUMENT}, {@code DECLARED}, {@code ALIAS}).
     */
    public record Name(String given, String family, String patronymic, String script, String kind) {}

    /** How to reach the person in the country. */
    public record Contact(String phone, String email) {}

    /** Where the person lives in the country. */
    public record Address(String region, String locality, String line) {}

    /** A document the person holds; dates as ISO {@code yyyy-MM-dd}. */
    public record Document(String type, String number, String issuingCountry, String issuedOn, String expiresOn) {}

    /** The same person with another list of specific needs. */
    public PersonDetails withSpecificNeeds(List<String> codes) {
        return new PersonDetails(jurisdiction, names, sex, birthDate, birthDatePrecision, placeOfBirth, nationalities, languages,
                maritalStatus, education, occupation, contact, address, documents, codes, ethnicity, religion);
    }

    /** The same person with other sensitive fields (ethnicity, religion). */
    public PersonDetails withSensitive(String newEthnicity, String newReligion) {
        return new PersonDetails(jurisdiction, names, sex, birthDate, birthDatePrecision, placeOfBirth, nationalities, languages,
                maritalStatus, education, occupation, contact, address, documents, specificNeeds, newEthnicity, newReligion);
    }
}
