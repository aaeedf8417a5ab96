package org.pana.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Searches the audit trail for auditors: filters in SQL, newest first, one page at a time. */
@Component
class AuditEventQueries {

    private final JdbcClient jdbc;

    AuditEventQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    AuditEventPage search(AuditEventFilter filter) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.subjectId() != null) {
            where.append(" AND subject_id = :subjectId");
            params.put("subjectId", filter.subjectId());
        }
        if (filter.actor() != null) {
            where.append(" AND actor = :actor");
            params.put("actor", filter.actor());
        }
        if (filter.from() != null) {
            where.append(" AND occurred_at >= :from");
            params.put("from", filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.append(" AND occurred_at < :to");
            params.put("to", filter.to().atOffset(ZoneOffset.UTC));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_event" + where).params(params).query(Long.class).single();
        params.put("limit", filter.size());
        params.put("offset", (long) filter.page() * filter.size());
        List<AuditEventSummary> items = jdbc.sql("""
                SELECT seq, id, occurred_at, actor, organisation, action, subject_type, subject_id, outcome,
                  client_address, purpose
                FROM audit_event""" + where + " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> new AuditEventSummary(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("organisation"), rs.getString("action"),
                        rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("outcome"),
                        rs.getLong("seq"), rs.getObject("id", UUID.class), rs.getString("client_address"),
                        rs.getString("purpose")))
                .list();
        return new AuditEventPage(items, filter.page(), filter.size(), total);
    }
}
