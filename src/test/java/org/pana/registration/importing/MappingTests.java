package org.pana.registration.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pana.platform.RuleViolation;

class MappingTests {

    @Test
    void suggestsFieldsFromEnglishRussianAndKazakhHeadersAndANameSetPerScript() {
        List<String> header = List.of("Фамилия", "Имя", "Surname", "Given name", "Дата рождения", "Гражданство", "Notes");
        List<TableRow> samples = List.of(new TableRow(2, List.of("Карими", "Мухаммад", "Karimi", "Mohammad", "31.12.1990", "AFG", "x")));
        ImportMapping mapping = MappingSuggestion.suggest(header, samples);
        assertThat(mapping.nameSets()).containsExactly(new ImportMapping.NameSet("Cyrl", "DOCUMENT"),
                new ImportMapping.NameSet("Latn", "DOCUMENT"));
        assertThat(mapping.columns()).contains(
                new ImportMapping.Column(0, PersonField.FAMILY_NAME, 0, null),
                new ImportMapping.Column(1, PersonField.GIVEN_NAME, 0, null),
                new ImportMapping.Column(2, PersonField.FAMILY_NAME, 1, null),
                new ImportMapping.Column(3, PersonField.GIVEN_NAME, 1, null),
                new ImportMapping.Column(4, PersonField.BIRTH_DATE, null, DateFormat.DAY_MONTH_YEAR),
                new ImportMapping.Column(5, PersonField.NATIONALITIES, null, null));
        assertThat(mapping.columns()).noneMatch(c -> c.column() == 6);
        mapping.checkAgainst(header);
        assertThat(MappingSuggestion.fieldFor("Тегі")).contains(PersonField.FAMILY_NAME);
        assertThat(MappingSuggestion.fieldFor("Туған күні")).contains(PersonField.BIRTH_DATE);
        assertThat(MappingSuggestion.fieldFor("Date of birth (dd.mm.yyyy)")).contains(PersonField.BIRTH_DATE);
        assertThat(MappingSuggestion.fieldFor("Национальность")).as("ethnicity is not nationality").isEmpty();
    }

    @Test
    void suggestsOneNameSetWhenEachNamePartHasOneColumnWhateverTheScripts() {
        List<String> header = List.of("Фамилия", "Имя", "Отчество");
        List<TableRow> samples = List.of(new TableRow(2, List.of("Карими", "Мухаммад", "Ахмадович")),
                new TableRow(3, List.of("Ahmadi", "Ali", "")));
        ImportMapping mapping = MappingSuggestion.suggest(header, samples);
        assertThat(mapping.nameSets()).containsExactly(new ImportMapping.NameSet("Cyrl", "DOCUMENT"));
        assertThat(mapping.columns()).extracting(ImportMapping.Column::nameSet).containsOnly(0);
        mapping.checkAgainst(header);
    }

    @Test
    void readsDatesStrictlyInTheChosenFormatWithThePrecisionTheyCarry() {
        assertThat(DateFormat.DAY_MONTH_YEAR.read("03.04.1990")).contains(new DateFormat.ReadDate(LocalDate.of(1990, 4, 3), "DAY"));
        assertThat(DateFormat.MONTH_DAY_YEAR.read("04/03/1990")).contains(new DateFormat.ReadDate(LocalDate.of(1990, 4, 3), "DAY"));
        assertThat(DateFormat.DAY_MONTH_YEAR.read("1990-04-03")).contains(new DateFormat.ReadDate(LocalDate.of(1990, 4, 3), "DAY"));
        assertThat(DateFormat.DAY_MONTH_YEAR.read("1990")).contains(new DateFormat.ReadDate(LocalDate.of(1990, 1, 1), "YEAR"));
        assertThat(DateFormat.DAY_MONTH_YEAR.read("04.1990")).contains(new DateFormat.ReadDate(LocalDate.of(1990, 4, 1), "MONTH"));
        assertThat(DateFormat.DAY_MONTH_YEAR.read("30.02.1990")).isEmpty();
        assertThat(DateFormat.YEAR_MONTH_DAY.read("1990-02-30")).isEmpty();
        assertThat(DateFormat.YEAR_MONTH_DAY.read("03.04.1990")).as("never guessed in another format").isEmpty();
        assertThat(DateFormat.DAY_MONTH_YEAR.read("13.13.1990")).isEmpty();
        assertThat(DateFormat.DAY_MONTH_YEAR.read("yesterday")).isEmpty();
    }

    @Test
    void suggestsMonthFirstOnlyWhenTheValuesSaySo() {
        assertThat(DateFormat.suggestedBy(List.of("04/25/1990"))).contains(DateFormat.MONTH_DAY_YEAR);
        assertThat(DateFormat.suggestedBy(List.of("25/04/1990"))).contains(DateFormat.DAY_MONTH_YEAR);
        assertThat(DateFormat.suggestedBy(List.of("1990-04-25"))).contains(DateFormat.YEAR_MONTH_DAY);
    }

    @Test
    void refusesAMappingThatDoesNotFitTheFileWithEveryProblem() {
        ImportMapping mapping = new ImportMapping(List.of(
                new ImportMapping.Column(9, PersonField.FAMILY_NAME, 0, null),
                new ImportMapping.Column(1, PersonField.BIRTH_DATE, null, null),
                new ImportMapping.Column(2, PersonField.GIVEN_NAME, 4, null)),
                List.of(new ImportMapping.NameSet("latin", "NICKNAME")));
        assertThatThrownBy(() -> mapping.checkAgainst(List.of("a", "b", "c"))).isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).errors()).extracting(RuleViolation.FieldProblem::field)
                        .contains("columns[0].column", "columns[1].dateFormat", "columns[2].nameSet", "nameSets[0].script", "nameSets[0].kind"));
    }

    @Test
    void refusesAMappingWithoutAnyName() {
        ImportMapping mapping = new ImportMapping(List.of(new ImportMapping.Column(0, PersonField.SEX, null, null)), List.of());
        assertThatThrownBy(() -> mapping.checkAgainst(List.of("Sex"))).isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).errors()).extracting(RuleViolation.FieldProblem::field).contains("nameSets"));
    }
}
