package org.pana.platform;

import java.util.List;

/**
 * The request is well-formed but breaks a rule (422). Field errors name the field and say what is
 * expected, so a form can show the message next to the field.
 */
public class RuleViolation extends RuntimeException {
    private final String type;
    private final List<FieldProblem> errors;

    public RuleViolation(String type, String message) {
        this(type, message, List.of());
    }

    public RuleViolation(String type, String message, List<FieldProblem> errors) {
        super(message);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public static RuleViolation onField(String field, String message) {
        return new RuleViolation("validation", message, List.of(new FieldProblem(field, message)));
    }

    public String type() {
        return type;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public record FieldProblem(String field, String message) {}
}
