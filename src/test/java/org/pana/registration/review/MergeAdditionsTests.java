package org.pana.registration.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pana.platform.StateConflict;
import org.pana.registration.BirthDatePrecision;
import org.pana.registration.PersonDetails;
import org.pana.registration.PersonDetails.Document;
import org.pana.registration.PersonDetails.Name;
import org.pana.registration.PersonStatus;
import org.pana.registration.PersonView;
import org.pana.registration.Sex;

class MergeAdditionsTests {

    static final Name CYRILLIC = new Name("Мухаммад", "Карими", null, "Cyrl", "DOCUMENT");
    static final Name ARABIC = new Name("محمد", "کریمی", null, "Arab", "DECLARED");
    static final Name LATIN = new Name("Mohammad", "Karimi", null, "Latn", "ALIAS");
    static final Document PASSPORT = new Document("PASSPORT", "P 123-456", "AFG", null, "2030-01-01");
    static final Document ID_CARD = new Document("NATIONAL_ID", "N-777", "AFG", null, null);

    static PersonView person(List<Name> names, List<String> nationalities, List<String> languages, List<Document> documents, List<String> needs) {
        return new PersonView(UUID.randomUUID(), "KAZ", "KAZ-26-000001", PersonStatus.ACTIVE, names, Sex.MALE, LocalDate.of(1990, 1, 1),
                BirthDatePrecision.YEAR, null, nationalities, languages, null, null, null, null, null, documents, needs, null, null, 0,
                Instant.EPOCH, Instant.EPOCH);
    }

    static PersonDetails details(PersonView p) {
        return new PersonDetails(p.jurisdiction(), p.names(), "MALE", "1990-01-01", "YEAR", null, p.nationalities(), p.languages(), null, null,
                "Tailor", null, null, p.documents(), p.specificNeeds(), null, null);
    }

    PersonView survivor = person(List.of(CYRILLIC, ARABIC), List.of("AFG"), List.of("prs"), List.of(PASSPORT), List.of());
    PersonView merged = person(List.of(new Name("мухаммад", "карими", null, "Cyrl", "ALIAS"), LATIN),
            List.of("AFG", "XXA"), List.of("prs", "rus"), List.of(new Document("PASSPORT", "p123456", "AFG", null, null), ID_CARD),
            List.of("LP-ND"));

    @Test
    void takesOnlyWhatTheSurvivorLacksWithNamesKeepingTheirKind() {
        MergeAdditions additions = MergeAdditions.between(survivor, merged);
        assertThat(additions.names()).containsExactly(LATIN);
        assertThat(additions.documents()).containsExactly(ID_CARD);
        assertThat(additions.nationalities()).containsExactly("XXA");
        assertThat(additions.languages()).containsExactly("rus");
        assertThat(additions.specificNeeds()).containsExactly("LP-ND");
        assertThat(additions.isEmpty()).isFalse();
    }

    @Test
    void addsNothingWhenTheMergedRecordHoldsNothingNew() {
        assertThat(MergeAdditions.between(merged, merged).isEmpty()).isTrue();
    }

    @Test
    void removingTheAdditionsGivesBackTheSurvivorExactly() {
        MergeAdditions additions = MergeAdditions.between(survivor, merged);
        PersonDetails before = details(survivor);
        PersonDetails after = additions.addTo(before);
        assertThat(after.names()).containsExactly(CYRILLIC, ARABIC, LATIN);
        assertThat(after.occupation()).isEqualTo("Tailor");
        assertThat(additions.removeFrom(after)).isEqualTo(before);
    }

    @Test
    void keepsLaterChangesThatDoNotTouchTheAdditions() {
        MergeAdditions additions = MergeAdditions.between(survivor, merged);
        PersonDetails after = additions.addTo(details(survivor));
        List<String> languages = new ArrayList<>(after.languages());
        languages.add("uzb");
        PersonDetails changed = new PersonDetails(after.jurisdiction(), after.names(), after.sex(), after.birthDate(), after.birthDatePrecision(),
                null, after.nationalities(), languages, null, null, "Driver", null, null, after.documents(), after.specificNeeds(), null, null);
        PersonDetails undone = additions.removeFrom(changed);
        assertThat(undone.languages()).containsExactly("prs", "uzb");
        assertThat(undone.occupation()).isEqualTo("Driver");
        assertThat(undone.documents()).containsExactly(PASSPORT);
    }

    @Test
    void refusesToUndoWhenAnAdditionWasChangedSince() {
        MergeAdditions additions = MergeAdditions.between(survivor, merged);
        PersonDetails after = additions.addTo(details(survivor));
        PersonDetails withoutIdCard = new PersonDetails(after.jurisdiction(), after.names(), after.sex(), after.birthDate(),
                after.birthDatePrecision(), null, after.nationalities(), after.languages(), null, null, null, null, null, List.of(PASSPORT),
                after.specificNeeds(), null, null);
        assertThatThrownBy(() -> additions.removeFrom(withoutIdCard)).isInstanceOf(StateConflict.class)
                .hasMessageContaining("documents").hasMessageNotContaining("N-777");
    }
}
