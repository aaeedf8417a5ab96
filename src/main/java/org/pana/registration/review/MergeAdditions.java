package org.pana.registration.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.pana.platform.StateConflict;
import org.pana.registration.PersonDetails;
import org.pana.registration.PersonView;

/**
 * What a merge adds to the surviving record: the merged record's names (with their kind), documents,
 * nationalities, languages and specific needs that the survivor lacks. A name is lacking if no name of the
 * survivor has the same parts in the same script (case aside); a document if none has the same type and
 * number (compared on letters and digits). Kept with the review item, so that undoing the merge removes
 * exactly these.
 */
record MergeAdditions(List<PersonDetails.Name> names, List<PersonDetails.Document> documents, List<String> nationalities,
        List<String> languages, List<String> specificNeeds) {

    MergeAdditions {
        names = names == null ? List.of() : List.copyOf(names);
        documents = documents == null ? List.of() : List.copyOf(documents);
        nationalities = nationalities == null ? List.of() : List.copyOf(nationalities);
        languages = languages == null ? List.of() : List.copyOf(languages);
        specificNeeds = specificNeeds == null ? List.of() : List.copyOf(specificNeeds);
    }

    /** What {@code merged} has that {@code survivor} lacks. */
    static MergeAdditions between(PersonView survivor, PersonView merged) {
        List<PersonDetails.Name> names = new ArrayList<>();
        for (PersonDetails.Name name : merged.names()) {
            boolean known = survivor.names().stream().anyMatch(n -> sameName(n, name)) || names.stream().anyMatch(n -> sameName(n, name));
            if (!known) names.add(name);
        }
        List<PersonDetails.Document> documents = new ArrayList<>();
        for (PersonDetails.Document document : merged.documents()) {
            boolean known = survivor.documents().stream().anyMatch(d -> sameDocument(d, document))
                    || documents.stream().anyMatch(d -> sameDocument(d, document));
            if (!known) documents.add(document);
        }
        return new MergeAdditions(names, documents, lacking(survivor.nationalities(), merged.nationalities()),
                lacking(survivor.languages(), merged.languages()), lacking(survivor.specificNeeds(), merged.specificNeeds()));
    }

    boolean isEmpty() {
        return names.isEmpty() && documents.isEmpty() && nationalities.isEmpty() && languages.isEmpty() && specificNeeds.isEmpty();
    }

    /** The survivor with the additions appended. */
    PersonDetails addTo(PersonDetails survivor) {
        return new PersonDetails(survivor.jurisdiction(), plus(survivor.names(), names), survivor.sex(), survivor.birthDate(),
                survivor.birthDatePrecision(), survivor.placeOfBirth(), plus(survivor.nationalities(), nationalities),
                plus(survivor.languages(), languages), survivor.maritalStatus(), survivor.education(), survivor.occupation(),
                survivor.contact(), survivor.address(), plus(survivor.documents(), documents),
                plus(survivor.specificNeeds(), specificNeeds), survivor.ethnicity(), survivor.religion());
    }

    /**
     * The survivor without the additions, everything else as it is now. If an addition is no longer there as
     * it was added (changed or removed since the merge), the merge cannot be undone exactly: 409, naming the
     * fields (no values).
     */
    PersonDetails removeFrom(PersonDetails survivor) {
        List<String> changed = new ArrayList<>();
        List<PersonDetails.Name> keptNames = minus(survivor.names(), names, "names", changed);
        List<PersonDetails.Document> keptDocuments = minus(survivor.documents(), documents, "documents", changed);
        List<String> keptNationalities = minus(survivor.nationalities(), nationalities, "nationalities", changed);
        List<String> keptLanguages = minus(survivor.languages(), languages, "languages", changed);
        List<String> keptNeeds = minus(survivor.specificNeeds(), specificNeeds, "specificNeeds", changed);
        if (!changed.isEmpty()) {
            throw new StateConflict("survivor-changed",
                    "The merge cannot be undone: what it added was changed since in the kept record (" + String.join(", ", changed)
                            + "). Change the record back first, or correct it by hand.");
        }
        return new PersonDetails(survivor.jurisdiction(), keptNames, survivor.sex(), survivor.birthDate(), survivor.birthDatePrecision(),
                survivor.placeOfBirth(), keptNationalities, keptLanguages, survivor.maritalStatus(), survivor.education(),
                survivor.occupation(), survivor.contact(), survivor.address(), keptDocuments, keptNeeds, survivor.ethnicity(),
                survivor.religion());
    }

    static boolean sameName(PersonDetails.Name a, PersonDetails.Name b) {
        return Objects.equals(a.script(), b.script()) && same(a.given(), b.given()) && same(a.family(), b.family())
                && same(a.patronymic(), b.patronymic());
    }

    static boolean sameDocument(PersonDetails.Document a, PersonDetails.Document b) {
        return Objects.equals(a.type(), b.type()) && key(a.number()).equals(key(b.number()));
    }

    private static boolean same(String a, String b) {
        return Objects.equals(a == null ? null : a.strip().toLowerCase(Locale.ROOT), b == null ? null : b.strip().toLowerCase(Locale.ROOT));
    }

    private static String key(String number) {
        if (number == null) return "";
        StringBuilder key = new StringBuilder();
        number.toUpperCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }

    private static List<String> lacking(List<String> have, List<String> offered) {
        List<String> lacking = new ArrayList<>();
        for (String value : offered) if (!have.contains(value) && !lacking.contains(value)) lacking.add(value);
        return lacking;
    }

    private static <T> List<T> plus(List<T> values, List<T> more) {
        List<T> all = new ArrayList<>(values);
        all.addAll(more);
        return all;
    }

    private static <T> List<T> minus(List<T> values, List<T> remove, String field, List<String> changed) {
        List<T> kept = new ArrayList<>(values);
        for (T value : remove) {
            int at = kept.lastIndexOf(value);
            if (at < 0) {
                if (!changed.contains(field)) changed.add(field);
            } else {
                kept.remove(at);
            }
        }
        return kept;
    }
}
