package org.pana.audit;

import java.util.List;

/** A search of the audit trail with parameters that cannot be understood: 400 in the API, a form error on the page. */
class InvalidAuditQuery extends RuntimeException {

    private final List<Problem> problems;

    InvalidAuditQuery(List<Problem> problems) {
        super("The audit search has invalid parameters.");
        this.problems = List.copyOf(problems);
    }

    List<Problem> problems() {
        return problems;
    }

    /** {@code code} names the message shown on the page ({@code audit.error.<code>}); {@code message} is for API clients. */
    record Problem(String field, String code, String message) {}
}
