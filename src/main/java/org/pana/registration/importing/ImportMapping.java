package org.pana.registration.importing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.pana.platform.RuleViolation;
import org.pana.platform.RuleViolation.FieldProblem;

/**
 * Which column holds which person field. Columns not listed are not read. Name columns name their
 * name set (0, 1, ...): each set is one written form of the person's name, in one script, e.g. the
 * Latin name from a passport and the Cyrillic one from a border form.
 */
public record ImportMapping(List<Column> columns, List<NameSet> nameSets) {

    private static final Pattern SCRIPT = Pattern.compile("[A-Z][a-z]{3}");
    private static final Set<String> KINDS = Set.of("DOCUMENT", "DECLARED", "ALIAS");

    /** Column {@code column} (0 = the first) holds {@code field}; name fields say their set, date fields their format. */
    public record Column(int column, PersonField field, Integer nameSet, DateFormat dateFormat) {}

    /** A written form of the name: its script (ISO 15924: {@code Latn}, {@code Cyrl}, {@code Arab}) and kind. */
    public record NameSet(String script, String kind) {}

    public ImportMapping {
        columns = columns == null ? List.of() : List.copyOf(columns);
        nameSets = nameSets == null ? List.of() : List.copyOf(nameSets);
    }

    /** Refuses (422, with every problem) a mapping that cannot be applied to a file with {@code header}. */
    void checkAgainst(List<String> header) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        Set<Integer> mappedColumns = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            String at = "columns[" + i + "]";
            if (c == null || c.field() == null) {
                problems.add(new FieldProblem(at + ".field", "Choose the person field this column holds."));
                continue;
            }
            if (c.column() < 0 || c.column() >= header.size()) {
                problems.add(new FieldProblem(at + ".column", "The file has no column " + c.column() + "; it has " + header.size() + "."));
            } else if (!mappedColumns.add(c.column())) {
                problems.add(new FieldProblem(at + ".column", "Column " + c.column() + " is mapped twice."));
            }
            if (c.field().isName()) {
                if (c.nameSet() == null || c.nameSet() < 0 || c.nameSet() >= nameSets.size()) {
                    problems.add(new FieldProblem(at + ".nameSet", "A name column needs one of the name sets (0 to "
                            + (nameSets.size() - 1) + ")."));
                }
            } else if (c.nameSet() != null) {
                problems.add(new FieldProblem(at + ".nameSet", "Only name columns belong to a name set."));
            }
            if (c.field().isDate() && c.dateFormat() == null) {
                problems.add(new FieldProblem(at + ".dateFormat", "Say how this column writes dates: "
                        + List.of(DateFormat.values()) + "."));
            }
            if (!c.field().isDate() && c.dateFormat() != null) {
                problems.add(new FieldProblem(at + ".dateFormat", "Only date columns have a date format."));
            }
            String key = c.field() + (c.field().isName() ? "#" + c.nameSet() : "");
            if (!taken.add(key)) {
                problems.add(new FieldProblem(at + ".field", c.field() + (c.field().isName() ? " of name set " + c.nameSet() : "")
                        + " is mapped to two columns."));
            }
        }
        if (nameSets.isEmpty()) {
            problems.add(new FieldProblem("nameSets", "Map at least one name set with a given or a family name column."));
        }
        for (int s = 0; s < nameSets.size(); s++) {
            NameSet set = nameSets.get(s);
            if (set == null || set.script() == null || !SCRIPT.matcher(set.script()).matches()) {
                problems.add(new FieldProblem("nameSets[" + s + "].script", "Give the script as an ISO 15924 code such as Latn, Cyrl or Arab."));
            }
            if (set != null && set.kind() != null && !KINDS.contains(set.kind())) {
                problems.add(new FieldProblem("nameSets[" + s + "].kind", "The kind of a name is DOCUMENT, DECLARED or ALIAS."));
            }
            final int index = s;
            boolean hasName = columns.stream().anyMatch(c -> c != null && c.field() != null
                    && (c.field() == PersonField.GIVEN_NAME || c.field() == PersonField.FAMILY_NAME)
                    && c.nameSet() != null && c.nameSet() == index);
            if (!hasName) {
                problems.add(new FieldProblem("nameSets[" + s + "]", "Name set " + s + " has no given or family name column."));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation("validation", "The mapping cannot be applied to this file.", problems);
        }
    }

    /** The column mapped to a non-name field, if any. */
    java.util.Optional<Column> columnOf(PersonField field) {
        return columns.stream().filter(c -> c.field() == field).findFirst();
    }

    /** The column of a name field in a name set, if any. */
    java.util.Optional<Column> columnOf(PersonField field, int nameSet) {
        return columns.stream().filter(c -> c.field() == field && c.nameSet() != null && c.nameSet() == nameSet).findFirst();
    }
}
