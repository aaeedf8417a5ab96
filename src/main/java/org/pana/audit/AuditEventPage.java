package org.pana.audit;

import java.util.List;

/**
 * A page of audit events, newest first; {@code page} counts from 0 and {@code total} counts all
 * matching events. The helper methods are public for the page template (SpEL calls public methods only).
 */
record AuditEventPage(List<AuditEventSummary> items, int page, int size, long total) {

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }
}
