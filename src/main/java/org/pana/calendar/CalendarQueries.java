package org.pana.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the calendar tables. A jurisdiction's whole calendar is a few dozen rows a year, so it is read per call. */
@Component
class CalendarQueries {

    private static final String DEADLINE_RULES = """
            SELECT jurisdiction, procedure_code, step_code, amount, unit, direction, counted_from, basis, confirmed,
                   ends_on_working_day, valid_from
            FROM calendar_deadline_rule""";

    private final JdbcClient jdbc;

    CalendarQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Jurisdiction> jurisdiction(String code) {
        return jdbc.sql("SELECT code, name_en, name_ru, name_kk, time_zone FROM calendar_jurisdiction WHERE code = :code")
                .param("code", code)
                .query((rs, n) -> new Jurisdiction(rs.getString("code"), name(rs, "name"), ZoneId.of(rs.getString("time_zone"))))
                .optional();
    }

    JurisdictionCalendar calendarOf(String code) {
        return new JurisdictionCalendar(code, weekendOf(code), holidaysOf(code), transfersOf(code));
    }

    List<DeadlineRule> deadlineRules(String code) {
        return jdbc.sql(DEADLINE_RULES + " WHERE jurisdiction = :code ORDER BY procedure_code, step_code, valid_from")
                .param("code", code)
                .query(CalendarQueries::deadlineRule)
                .list();
    }

    /** The version of the rule in force on {@code on}: the latest taking effect on or before that day. */
    Optional<DeadlineRule> deadlineRule(String code, String procedure, String step, LocalDate on) {
        return jdbc.sql(DEADLINE_RULES + """
                         WHERE jurisdiction = :code AND procedure_code = :procedure AND step_code = :step AND valid_from <= :on
                        ORDER BY valid_from DESC LIMIT 1""")
                .param("code", code)
                .param("procedure", procedure)
                .param("step", step)
                .param("on", on)
                .query(CalendarQueries::deadlineRule)
                .optional();
    }

    boolean deadlineRuleExists(String code, String procedure, String step) {
        return jdbc.sql("SELECT count(*) FROM calendar_deadline_rule WHERE jurisdiction = :code AND procedure_code = :procedure AND step_code = :step")
                .param("code", code).param("procedure", procedure).param("step", step).query(Long.class).single() > 0;
    }

    /** A new version of a rule; the primary key refuses a second version taking effect on the same day. */
    void addDeadlineRule(DeadlineRule rule, String recordedBy, java.time.Instant recordedAt) {
        jdbc.sql("""
                INSERT INTO calendar_deadline_rule (jurisdiction, procedure_code, step_code, amount, unit, direction, counted_from, basis,
                    confirmed, ends_on_working_day, valid_from, recorded_by, recorded_at)
                VALUES (:j, :procedure, :step, :amount, :unit, :direction, :countedFrom, :basis, :confirmed, :endsOnWorkingDay, :validFrom, :by, :at)""")
                .param("j", rule.jurisdiction()).param("procedure", rule.procedure()).param("step", rule.step()).param("amount", rule.amount())
                .param("unit", rule.unit().name()).param("direction", rule.direction().name()).param("countedFrom", rule.countedFrom())
                .param("basis", rule.basis()).param("confirmed", rule.confirmed()).param("endsOnWorkingDay", rule.endsOnWorkingDay())
                .param("validFrom", rule.validFrom()).param("by", recordedBy).param("at", recordedAt.atOffset(java.time.ZoneOffset.UTC))
                .update();
    }

    private Set<DayOfWeek> weekendOf(String code) {
        Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
        jdbc.sql("SELECT day_of_week FROM calendar_weekend_day WHERE jurisdiction = :code")
                .param("code", code)
                .query(String.class)
                .list()
                .forEach(day -> weekend.add(DayOfWeek.valueOf(day)));
        return weekend;
    }

    private List<PublicHoliday> holidaysOf(String code) {
        return jdbc.sql("""
                        SELECT holiday_date, name_en, name_ru, name_kk, moves_if_weekend, basis
                        FROM calendar_public_holiday WHERE jurisdiction = :code ORDER BY holiday_date""")
                .param("code", code)
                .query((rs, n) -> new PublicHoliday(rs.getObject("holiday_date", LocalDate.class), name(rs, "name"),
                        rs.getBoolean("moves_if_weekend"), rs.getString("basis")))
                .list();
    }

    private List<DayTransfer> transfersOf(String code) {
        return jdbc.sql("""
                        SELECT transfer_date, becomes, reason_en, reason_ru, reason_kk, basis
                        FROM calendar_day_transfer WHERE jurisdiction = :code ORDER BY transfer_date""")
                .param("code", code)
                .query((rs, n) -> new DayTransfer(rs.getObject("transfer_date", LocalDate.class),
                        DayTransfer.Becomes.valueOf(rs.getString("becomes")), name(rs, "reason"), rs.getString("basis")))
                .list();
    }

    private static DeadlineRule deadlineRule(ResultSet rs, int row) throws SQLException {
        return new DeadlineRule(rs.getString("jurisdiction"), rs.getString("procedure_code"), rs.getString("step_code"),
                rs.getInt("amount"), DeadlineUnit.valueOf(rs.getString("unit")),
                DeadlineDirection.valueOf(rs.getString("direction")), rs.getString("counted_from"), rs.getString("basis"),
                rs.getBoolean("confirmed"), rs.getBoolean("ends_on_working_day"), rs.getObject("valid_from", LocalDate.class));
    }

    private static LocalizedName name(ResultSet rs, String prefix) throws SQLException {
        return new LocalizedName(rs.getString(prefix + "_en"), rs.getString(prefix + "_ru"), rs.getString(prefix + "_kk"));
    }
}
