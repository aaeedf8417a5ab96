package org.pana.audit;

/**
 * The auditor page's search form, as typed: ids and usernames only, never names of persons, so the
 * query string may safely travel in a URL. Missing fields are empty, which is how the form shows them.
 */
record AuditSearchForm(String actor, String subjectId, String from, String to, String page) {

    AuditSearchForm {
        actor = blankAsEmpty(actor);
        subjectId = blankAsEmpty(subjectId);
        from = blankAsEmpty(from);
        to = blankAsEmpty(to);
        page = blankAsEmpty(page);
    }

    static AuditSearchForm empty() {
        return new AuditSearchForm(null, null, null, null, null);
    }

    AuditEventFilter filter(int size) {
        return AuditEventFilter.parse(subjectId, actor, from, to, page, String.valueOf(size), size);
    }

    private static String blankAsEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
