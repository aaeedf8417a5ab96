package org.pana.population;

import java.time.LocalDate;
import java.util.List;

/**
 * One generated registration record with its ground truth: records sharing {@code identity} are the
 * same person written differently (true duplicates); records sharing {@code family} are relatives,
 * {@code relation} says how this one relates to the family's focal point ({@code FOCAL_POINT}, {@code SPOUSE},
 * {@code CHILD}, {@code SIBLING}, {@code PARENT}); {@code variation} says how a duplicate was derived from its
 * original (null for an original). {@code address} is the household's (fictional) address in Kazakhstan.
 * Everyone here is fictional.
 */
public record GeneratedPerson(int index, String identity, String family, String relation, List<GeneratedName> names,
        String sex, LocalDate birthDate, String birthDatePrecision, List<String> nationalities, List<String> languages,
        List<GeneratedDocument> documents, String variation, String address) {

    public GeneratedPerson {
        names = List.copyOf(names);
        nationalities = List.copyOf(nationalities);
        languages = List.copyOf(languages);
        documents = List.copyOf(documents);
    }

    /** True for the second record of a person (a controlled duplicate), false for the first. */
    public boolean duplicate() {
        return variation != null;
    }

    GeneratedPerson at(int newIndex) {
        return new GeneratedPerson(newIndex, identity, family, relation, names, sex, birthDate, birthDatePrecision,
                nationalities, languages, documents, variation, address);
    }
}
