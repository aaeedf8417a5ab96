package org.pana.asylum;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.asylum.Applications.Interview;
import org.pana.asylum.Applications.Transition;
import org.pana.platform.FieldText;
import org.pana.platform.RuleViolation;
import org.pana.platform.RuleViolation.FieldProblem;
import org.pana.platform.TimeOrderedIds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Interviews of a case: scheduled with date, place, interpreter language and the applicant's preferences for the
 * interviewer's and interpreter's sex; held with its record (narrative, questions and answers), or missed.
 */
@Component
class Interviews {

    private static final Set<String> SEXES = Set.of("FEMALE", "MALE", "NO_PREFERENCE");

    private final CaseFiles files;
    private final JdbcClient jdbc;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final ZoneId zone;

    Interviews(CaseFiles files, JdbcClient jdbc, TimeOrderedIds ids, Clock clock, @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone) {
        this.files = files;
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.zone = zone;
    }

    /** The status of the latest interview (SCHEDULED, HELD, NO_SHOW), null if none was scheduled. */
    String latestStatus(UUID application) {
        return jdbc.sql("SELECT status FROM asylum_interview WHERE application_id = :id ORDER BY scheduled_at DESC, id DESC")
                .param("id", application).query(String.class).list().stream().findFirst().orElse(null);
    }

    List<Interview> of(UUID application, boolean withRecord) {
        return jdbc.sql("SELECT * FROM asylum_interview WHERE application_id = :id ORDER BY scheduled_at, id").param("id", application)
                .query((rs, n) -> new Interview(rs.getObject("id", UUID.class), rs.getObject("scheduled_at", OffsetDateTime.class).toInstant(),
                        rs.getString("place"), rs.getString("interpreter_language"), rs.getString("interviewer_sex"), rs.getString("interpreter_sex"),
                        rs.getString("status"), rs.getObject("held_on", LocalDate.class), withRecord ? rs.getString("record") : null)).list();
    }

    void schedule(PanaUser caller, ApplicationRow row, Transition request, List<FieldProblem> problems) {
        if (request.at() == null) problems.add(new FieldProblem("at", "Say when the interview is."));
        else if (request.at().atZone(zone).toLocalDate().isBefore(row.registeredOn())) {
            problems.add(new FieldProblem("at", "The interview cannot be before registration (" + row.registeredOn() + ")."));
        }
        String place = FieldText.line(request.place(), "place", 200, problems);
        if (place == null && problems.stream().noneMatch(p -> p.field().equals("place"))) problems.add(new FieldProblem("place", "Say where."));
        if (request.interpreterLanguage() != null && !request.interpreterLanguage().matches("[a-z]{3}")) {
            problems.add(new FieldProblem("interpreterLanguage", "Use an ISO 639 three-letter language code."));
        }
        for (var preference : List.of(Map.entry("interviewerSex", String.valueOf(request.interviewerSex())),
                Map.entry("interpreterSex", String.valueOf(request.interpreterSex())))) {
            if (!"null".equals(preference.getValue()) && !SEXES.contains(preference.getValue())) {
                problems.add(new FieldProblem(preference.getKey(), "Use one of FEMALE, MALE, NO_PREFERENCE."));
            }
        }
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The interview has invalid fields.", problems);
        jdbc.sql("""
                INSERT INTO asylum_interview (id, application_id, scheduled_at, place, interpreter_language, interviewer_sex, interpreter_sex, status,
                    recorded_by, recorded_at)
                VALUES (:id, :application, :at, :place, :language, :interviewer, :interpreter, 'SCHEDULED', :by, :now)""")
                .param("id", ids.next()).param("application", row.id()).param("at", request.at().atOffset(ZoneOffset.UTC)).param("place", place)
                .param("language", request.interpreterLanguage()).param("interviewer", request.interviewerSex())
                .param("interpreter", request.interpreterSex()).param("by", caller.username())
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
        files.update(row, "status = status", Map.of());
        files.event(caller, row.id(), AsylumAction.SCHEDULE_INTERVIEW, row.status(), row.status(), files.today(), "interview on " + request.at());
    }

    void record(PanaUser caller, ApplicationRow row, LocalDate heldOn, String record) {
        List<FieldProblem> problems = new ArrayList<>();
        String text = FieldText.lines(record, "record", 100_000, problems);
        if (text == null && problems.isEmpty()) problems.add(new FieldProblem("record", "Give the interview record (narrative, questions and answers)."));
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The interview has invalid fields.", problems);
        jdbc.sql("UPDATE asylum_interview SET status = 'HELD', held_on = :on, record = :record WHERE application_id = :id AND status = 'SCHEDULED'")
                .param("on", heldOn).param("record", text).param("id", row.id()).update();
        files.update(row, "status = status", Map.of());
        files.event(caller, row.id(), AsylumAction.RECORD_INTERVIEW, row.status(), row.status(), heldOn, null);
    }

    void noShow(PanaUser caller, ApplicationRow row, LocalDate on) {
        jdbc.sql("UPDATE asylum_interview SET status = 'NO_SHOW', held_on = :on WHERE application_id = :id AND status = 'SCHEDULED'")
                .param("on", on).param("id", row.id()).update();
        files.update(row, "status = status", Map.of());
        files.event(caller, row.id(), AsylumAction.RECORD_NO_SHOW, row.status(), row.status(), on, null);
    }
}
