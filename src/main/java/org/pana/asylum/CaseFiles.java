package org.pana.asylum;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.calendar.Deadline;
import org.pana.calendar.LegalDeadlines;
import org.pana.platform.StateConflict;
import org.pana.platform.TimeOrderedIds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored case that every step of the procedure reads and changes: the application row, its dated history, its
 * certificates, and its deadlines under the rules in force on the day it was lodged. Each change is version-checked,
 * so two officers acting on one case at once cannot both succeed.
 */
@Component
class CaseFiles {

    private final JdbcClient jdbc;
    private final LegalDeadlines deadlines;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final ZoneId zone;

    CaseFiles(JdbcClient jdbc, LegalDeadlines deadlines, TimeOrderedIds ids, Clock clock,
            @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.ids = ids;
        this.clock = clock;
        this.zone = zone;
    }

    /** The day of an instant in the jurisdictions' time zone ({@code pana.registration.time-zone}). */
    LocalDate dayOf(java.time.Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    Optional<ApplicationRow> row(UUID id) {
        return jdbc.sql("SELECT * FROM asylum_application WHERE id = :id").param("id", id).query((rs, n) -> new ApplicationRow(
                rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("jurisdiction"), rs.getObject("person_id", UUID.class),
                rs.getObject("organisation_id", UUID.class), rs.getObject("referral_id", UUID.class), rs.getObject("lodged_on", LocalDate.class),
                rs.getString("lodged_at"), rs.getObject("arrived_on", LocalDate.class), rs.getBoolean("irregular_entry"),
                rs.getBoolean("late_lodging"), ApplicationStatus.valueOf(rs.getString("status")), rs.getString("outcome"),
                rs.getObject("registered_on", LocalDate.class), rs.getObject("fingerprinted_on", LocalDate.class),
                rs.getObject("decision_due_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
                rs.getObject("decided_on", LocalDate.class), rs.getObject("notified_on", LocalDate.class),
                rs.getObject("status_until", LocalDate.class), rs.getObject("status_ended_on", LocalDate.class), rs.getString("status_end"),
                rs.getString("status_end_ground"), rs.getLong("version"), rs.getString("assigned_to")))
                .optional();
    }

    /** The change, only if nobody changed the application since it was read (409 otherwise). */
    void update(ApplicationRow row, String set, Map<String, Object> params) {
        Map<String, Object> all = new java.util.HashMap<>(params);
        all.put("id", row.id());
        all.put("version", row.version());
        int changed = jdbc.sql("UPDATE asylum_application SET " + set + ", version = version + 1 WHERE id = :id AND version = :version")
                .params(all).update();
        if (changed == 0) throw new StateConflict("concurrent-change", "Someone else changed the application at the same moment; reload it.");
    }

    void event(PanaUser caller, UUID application, AsylumAction action, ApplicationStatus from, ApplicationStatus to, LocalDate effectiveOn,
            String details) {
        jdbc.sql("""
                INSERT INTO asylum_application_event (id, application_id, action, from_status, to_status, effective_on, recorded_at, recorded_by, details)
                VALUES (:id, :application, :action, :from, :to, :on, :at, :by, :details)""")
                .param("id", ids.next()).param("application", application).param("action", action.name())
                .param("from", from == null ? null : from.name()).param("to", to.name()).param("on", effectiveOn)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC)).param("by", caller.username()).param("details", details).update();
    }

    void issueCertificate(ApplicationRow row, LocalDate from) {
        Deadline validity = due(row, "CERTIFICATE_VALIDITY", from);
        long issued = jdbc.sql("SELECT count(*) FROM asylum_certificate WHERE application_id = :id").param("id", row.id()).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO asylum_certificate (id, application_id, number, valid_from, valid_until, issued_at)
                VALUES (:id, :application, :number, :from, :until, :now)""")
                .param("id", ids.next()).param("application", row.id()).param("number", row.number() + "/" + (issued + 1))
                .param("from", from).param("until", validity.dueDate()).param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    List<Applications.Certificate> certificates(UUID application) {
        return jdbc.sql("""
                SELECT number, valid_from, valid_until FROM asylum_certificate WHERE application_id = :id ORDER BY valid_from, number""")
                .param("id", application).query((rs, n) -> new Applications.Certificate(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class))).list();
    }

    /**
     * A deadline of the case under the rules in force on the day it was lodged: a rule changed later applies to
     * cases lodged from its effective day (issue 5, item 8).
     */
    Deadline due(ApplicationRow row, String step, LocalDate start) {
        return deadlines.dueDate(row.jurisdiction(), Applications.PROCEDURE, step, start, row.lodgedOn());
    }
}
