package org.pana.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A registered person: the aggregate root of names, nationalities, languages, documents and specific
 * needs. The id is assigned by the application (UUIDv7); a null version means "not yet saved".
 */
@Table("registration_person")
record Person(
        @Id @Column("id") UUID id,
        @Column("jurisdiction") String jurisdiction,
        @Column("registration_number") String registrationNumber,
        @Column("status") PersonStatus status,
        @Column("sex") Sex sex,
        @Column("birth_date") LocalDate birthDate,
        @Column("birth_date_precision") BirthDatePrecision birthDatePrecision,
        @Column("place_of_birth") String placeOfBirth,
        @Column("marital_status") MaritalStatus maritalStatus,
        @Column("education") Education education,
        @Column("occupation") String occupation,
        @Column("phone") String phone,
        @Column("email") String email,
        @Column("address_region") String addressRegion,
        @Column("address_locality") String addressLocality,
        @Column("address_line") String addressLine,
        @Column("ethnicity") String ethnicity,
        @Column("religion") String religion,
        @Column("registered_by") UUID registeredBy,
        @Column("organisation_id") UUID organisationId,
        @Column("created_at") Instant createdAt,
        @Column("updated_at") Instant updatedAt,
        @MappedCollection(idColumn = "person_id", keyColumn = "idx") List<PersonName> names,
        @MappedCollection(idColumn = "person_id", keyColumn = "idx") List<Nationality> nationalities,
        @MappedCollection(idColumn = "person_id", keyColumn = "idx") List<SpokenLanguage> languages,
        @MappedCollection(idColumn = "person_id", keyColumn = "idx") List<HeldDocument> documents,
        @MappedCollection(idColumn = "person_id", keyColumn = "idx") List<SpecificNeedFlag> specificNeeds,
        @Version @Column("version") Long version) {

    Person {
        names = names == null ? List.of() : List.copyOf(names);
        nationalities = nationalities == null ? List.of() : List.copyOf(nationalities);
        languages = languages == null ? List.of() : List.copyOf(languages);
        documents = documents == null ? List.of() : List.copyOf(documents);
        specificNeeds = specificNeeds == null ? List.of() : List.copyOf(specificNeeds);
    }

    /** A new person with the given facts, registered now by a user of an organisation. */
    static Person register(UUID id, String jurisdiction, String registrationNumber, PersonFacts facts, UUID registeredBy,
            UUID organisationId, Instant now) {
        return new Person(id, jurisdiction, registrationNumber, PersonStatus.ACTIVE, facts.sex(), facts.birthDate(),
                facts.birthDatePrecision(), facts.placeOfBirth(), facts.maritalStatus(), facts.education(), facts.occupation(),
                facts.phone(), facts.email(), facts.addressRegion(), facts.addressLocality(), facts.addressLine(),
                facts.ethnicity(), facts.religion(), registeredBy, organisationId, now, now, facts.names(),
                facts.nationalities().stream().map(Nationality::new).toList(),
                facts.languages().stream().map(SpokenLanguage::new).toList(), facts.documents(),
                facts.specificNeeds().stream().map(code -> new SpecificNeedFlag(code, now)).toList(), null);
    }

    /** The same person with new facts; specific needs flagged before keep the instant they were first flagged. */
    Person revise(PersonFacts facts, Instant now) {
        List<SpecificNeedFlag> needs = facts.specificNeeds().stream()
                .map(code -> specificNeeds.stream().filter(f -> f.code().equals(code)).findFirst()
                        .orElse(new SpecificNeedFlag(code, now)))
                .toList();
        return new Person(id, jurisdiction, registrationNumber, status, facts.sex(), facts.birthDate(),
                facts.birthDatePrecision(), facts.placeOfBirth(), facts.maritalStatus(), facts.education(), facts.occupation(),
                facts.phone(), facts.email(), facts.addressRegion(), facts.addressLocality(), facts.addressLine(),
                facts.ethnicity(), facts.religion(), registeredBy, organisationId, createdAt, now, facts.names(),
                facts.nationalities().stream().map(Nationality::new).toList(),
                facts.languages().stream().map(SpokenLanguage::new).toList(), facts.documents(), needs, version);
    }

    /** What the person is, without the record-keeping fields. */
    PersonFacts facts() {
        return new PersonFacts(names, sex, birthDate, birthDatePrecision, placeOfBirth,
                nationalities.stream().map(Nationality::code).toList(), languages.stream().map(SpokenLanguage::code).toList(),
                maritalStatus, education, occupation, phone, email, addressRegion, addressLocality, addressLine, documents,
                specificNeeds.stream().map(SpecificNeedFlag::code).toList(), ethnicity, religion);
    }

    /** What matching needs to know of this person. */
    org.pana.matching.MatchProfile matchProfile() {
        return facts().matchProfile(id, jurisdiction);
    }

    Person withVersion(Long newVersion) {
        return new Person(id, jurisdiction, registrationNumber, status, sex, birthDate, birthDatePrecision, placeOfBirth,
                maritalStatus, education, occupation, phone, email, addressRegion, addressLocality, addressLine, ethnicity,
                religion, registeredBy, organisationId, createdAt, updatedAt, names, nationalities, languages, documents,
                specificNeeds, newVersion);
    }

    long versionOrZero() {
        return version == null ? 0 : version;
    }
}
