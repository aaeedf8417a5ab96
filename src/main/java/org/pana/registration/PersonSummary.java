package org.pana.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A person in a list (search results): enough to recognise them, nothing sensitive. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonSummary(UUID id, String registrationNumber, List<PersonDetails.Name> names, Sex sex, LocalDate birthDate,
        BirthDatePrecision birthDatePrecision, List<String> nationalities) {}
