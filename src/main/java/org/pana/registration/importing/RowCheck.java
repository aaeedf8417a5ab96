package org.pana.registration.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.platform.RuleViolation.FieldProblem;
import org.pana.registration.PersonDetails;
import org.pana.registration.Registry;
import org.springframework.stereotype.Component;

/**
 * Where imported rows meet the registry: each row is translated by the mapping, then checked
 * ({@link Registry#checkAll}) or registered ({@link Registry#registerAll}) exactly like people sent
 * to the API's batch endpoint; there is no second set of rules here. A row whose file values cannot be
 * read (a date not in the chosen format) is never registered.
 */
@Component
class RowCheck {

    /** What became of a row: registered as {@code personId}, or refused with its problems. */
    record Outcome(int row, UUID personId, List<RowProblem> problems) {}

    private final Registry registry;

    RowCheck(Registry registry) {
        this.registry = registry;
    }

    /** Checks the rows, registers nobody. */
    List<Outcome> check(PanaUser caller, ImportRecord i, List<TableRow> rows) {
        List<RowTranslation.Translated> translated = translate(caller, i, rows);
        List<List<FieldProblem>> problems = registry.checkAll(caller, translated.stream().map(RowTranslation.Translated::person).toList());
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        for (int r = 0; r < translated.size(); r++) {
            outcomes.add(new Outcome(translated.get(r).row(), null, problemsOf(translated.get(r), problems.get(r))));
        }
        return outcomes;
    }

    /** Registers the rows that are valid (in the caller's transaction), reports the others. */
    List<Outcome> register(PanaUser caller, ImportRecord i, List<TableRow> rows) {
        List<RowTranslation.Translated> translated = translate(caller, i, rows);
        List<RowTranslation.Translated> readable = translated.stream().filter(t -> t.problems().isEmpty()).toList();
        List<RowTranslation.Translated> unreadable = translated.stream().filter(t -> !t.problems().isEmpty()).toList();
        List<Registry.Registration> registered = registry.registerAll(caller, readable.stream().map(RowTranslation.Translated::person).toList());
        List<List<FieldProblem>> unreadableProblems = unreadable.isEmpty() ? List.of()
                : registry.checkAll(caller, unreadable.stream().map(RowTranslation.Translated::person).toList());
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        for (Registry.Registration registration : registered) {
            RowTranslation.Translated t = readable.get(registration.index());
            outcomes.add(new Outcome(t.row(), registration.id(), registration.registered() ? List.of() : problemsOf(t, registration.problems())));
        }
        for (int u = 0; u < unreadable.size(); u++) {
            outcomes.add(new Outcome(unreadable.get(u).row(), null, problemsOf(unreadable.get(u), unreadableProblems.get(u))));
        }
        outcomes.sort(java.util.Comparator.comparingInt(Outcome::row));
        return outcomes;
    }

    private static List<RowTranslation.Translated> translate(PanaUser caller, ImportRecord i, List<TableRow> rows) {
        return rows.stream().map(r -> RowTranslation.translate(r, i.mapping(), i.header(), caller.jurisdiction())).toList();
    }

    private static List<RowProblem> problemsOf(RowTranslation.Translated t, List<FieldProblem> registryProblems) {
        List<RowProblem> problems = new ArrayList<>(t.problems());
        for (FieldProblem p : registryProblems) {
            problems.add(new RowProblem(t.row(), t.columnOf(p.field()), p.field(), "registration.validation", p.message()));
        }
        return problems;
    }
}
