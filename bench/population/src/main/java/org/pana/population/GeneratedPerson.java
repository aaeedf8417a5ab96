package org.pana.population;

import java.time.LocalDate;
import java.util.List;

/**
 * One generated registration record with its ground truth: records sharing {@code identity} are the
 * same person written differently (true duplicates); records sharing {@code family} are relatives,
 * {@code relation} says how this one relates to the family's focal point; {@code variation} says how a
 * duplicate was derived from its original (null for an original).
 */
public record GeneratedPerson(int index, String identity, String family, String relation, List<GeneratedName> names,
        String sex, LocalDate birthDate, String birthDatePrecision, List<String> nationalities, List<String> languages,
        List<GeneratedDocument> documents, String variation) {}
