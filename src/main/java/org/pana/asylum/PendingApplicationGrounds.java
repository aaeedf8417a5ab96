package org.pana.asylum;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.pana.platform.RemovalGround;
import org.pana.platform.RemovalGrounds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A pending asylum application blocks the removal of its applicant and of every child included in it, from the
 * day it was lodged until it is closed. (Refugee status and appeals add their grounds when they are built.)
 */
@Component
class PendingApplicationGrounds implements RemovalGrounds {

    static final String KIND = "PENDING_ASYLUM_APPLICATION";

    private final JdbcClient jdbc;

    PendingApplicationGrounds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<RemovalGround> of(UUID personId, LocalDate asOf) {
        return jdbc.sql("""
                SELECT a.number, a.lodged_on FROM asylum_application a
                WHERE a.status <> 'CLOSED' AND a.lodged_on <= :asOf
                  AND (a.person_id = :p OR EXISTS (SELECT 1 FROM asylum_application_child c WHERE c.application_id = a.id AND c.person_id = :p))
                ORDER BY a.lodged_on""")
                .param("p", personId).param("asOf", asOf)
                .query((rs, n) -> new RemovalGround(KIND, rs.getObject("lodged_on", LocalDate.class), rs.getString("number"))).list();
    }
}
