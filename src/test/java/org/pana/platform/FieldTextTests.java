package org.pana.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pana.platform.RuleViolation.FieldProblem;

class FieldTextTests {

    @Test
    void stripsTextAndTakesBlankAsAbsent() {
        List<FieldProblem> problems = new ArrayList<>();
        assertThat(FieldText.line("  Карими  ", "f", 10, problems)).isEqualTo("Карими");
        assertThat(FieldText.line("   ", "f", 10, problems)).isNull();
        assertThat(FieldText.lines(null, "f", 10, problems)).isNull();
        assertThat(problems).isEmpty();
    }

    @Test
    void allowsLineBreaksOnlyWhereTextRunsOverLines() {
        List<FieldProblem> problems = new ArrayList<>();
        assertThat(FieldText.lines("He said:\r\n\tI cannot go back", "words", 100, problems)).isEqualTo("He said:\r\n\tI cannot go back");
        assertThat(problems).isEmpty();
        assertThat(FieldText.line("He said:\nI cannot go back", "name", 100, problems)).isNull();
        assertThat(problems).extracting(FieldProblem::field).containsExactly("name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u202Eb", "a\u2066b", "a\u2028b", "a\uD800b", "a\uDC00b", "a\u0007b"})
    void refusesControlCharactersDirectionOverridesAndBrokenSurrogatesInEveryKindOfText(String text) {
        List<FieldProblem> problems = new ArrayList<>();
        assertThat(FieldText.line(text, "one", 100, problems)).isNull();
        assertThat(FieldText.lines(text, "many", 100, problems)).isNull();
        assertThat(problems).extracting(FieldProblem::field).containsExactly("one", "many");
    }

    @Test
    void refusesTextOverItsLimit() {
        List<FieldProblem> problems = new ArrayList<>();
        assertThat(FieldText.lines("x".repeat(11), "words", 10, problems)).isNull();
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("10"));
    }
}
