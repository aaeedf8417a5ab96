package org.pana.asylum;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.asylum.Applications.Assessment;
import org.pana.asylum.Applications.Decision;
import org.pana.asylum.Applications.Transition;
import org.pana.platform.FieldText;
import org.pana.platform.RuleViolation;
import org.pana.platform.RuleViolation.FieldProblem;
import org.pana.platform.StateConflict;
import org.pana.platform.TimeOrderedIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The eligibility officer's assessment and the decision: drafted by one officer, approved or returned by a different
 * decision maker (four eyes, also a database CHECK), and its notification to the applicant.
 */
@Component
class Decisions {

    private final CaseFiles files;
    private final RefugeeStatuses statuses;
    private final JdbcClient jdbc;
    private final TimeOrderedIds ids;
    private final Clock clock;

    Decisions(CaseFiles files, RefugeeStatuses statuses, JdbcClient jdbc, TimeOrderedIds ids, Clock clock) {
        this.files = files;
        this.statuses = statuses;
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    Optional<Assessment> assessment(UUID application) {
        return jdbc.sql("SELECT * FROM asylum_assessment WHERE application_id = :id").param("id", application)
                .query((rs, n) -> new Assessment(rs.getString("recommendation"), rs.getString("convention_grounds").isEmpty() ? List.of()
                        : List.of(rs.getString("convention_grounds").split(",")), rs.getString("summary"), rs.getBoolean("exclusion_considered"),
                        rs.getString("assessed_by"))).optional();
    }

    /** The latest decision (draft, approved or returned). */
    Optional<Decision> latest(UUID application) {
        return jdbc.sql("SELECT * FROM asylum_decision WHERE application_id = :id ORDER BY drafted_at DESC, id DESC").param("id", application)
                .query((rs, n) -> new Decision(rs.getString("outcome"), rs.getString("reasons"), rs.getString("drafted_by"), rs.getString("state"),
                        rs.getString("decided_by"), rs.getString("returned_reason"), rs.getObject("family_unity_with", UUID.class),
                        rs.getObject("consent_on", LocalDate.class))).list().stream().findFirst();
    }

    void assess(PanaUser caller, ApplicationRow row, Transition request, List<FieldProblem> problems) {
        String recommendation = request.recommendation();
        if (!"RECOGNISE".equals(recommendation) && !"REJECT".equals(recommendation)) {
            problems.add(new FieldProblem("recommendation", "Use RECOGNISE or REJECT."));
        }
        List<String> grounds = request.grounds() == null ? List.of() : request.grounds().stream().distinct().toList();
        for (int i = 0; i < grounds.size(); i++) {
            if (!Applications.CONVENTION_GROUNDS.contains(grounds.get(i))) {
                problems.add(new FieldProblem("grounds[" + i + "]", "Use the Convention grounds: " + String.join(", ", Applications.CONVENTION_GROUNDS.stream().sorted().toList()) + "."));
            }
        }
        if ("RECOGNISE".equals(recommendation) && grounds.isEmpty()) {
            problems.add(new FieldProblem("grounds", "Say on which Convention ground the fear of persecution rests."));
        }
        String summary = FieldText.lines(request.summary(), "summary", 20_000, problems);
        if (summary == null && problems.stream().noneMatch(p -> p.field().equals("summary"))) {
            problems.add(new FieldProblem("summary", "Give the facts, credibility and well-founded fear as assessed."));
        }
        if (request.exclusionConsidered() == null || !request.exclusionConsidered()) {
            problems.add(new FieldProblem("exclusionConsidered", "Consider exclusion (Article 1F) and say so."));
        }
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The assessment has invalid fields.", problems);
        jdbc.sql("""
                INSERT INTO asylum_assessment (application_id, recommendation, convention_grounds, summary, exclusion_considered, assessed_by, assessed_at)
                VALUES (:id, :recommendation, :grounds, :summary, TRUE, :by, :now)""")
                .param("id", row.id()).param("recommendation", recommendation).param("grounds", String.join(",", grounds)).param("summary", summary)
                .param("by", caller.username()).param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
        files.update(row, "status = 'ASSESSED'", Map.of());
        files.event(caller, row.id(), AsylumAction.SUBMIT_ASSESSMENT, row.status(), ApplicationStatus.ASSESSED, files.today(), recommendation);
    }

    void draft(PanaUser caller, ApplicationRow row, Transition request, List<FieldProblem> problems) {
        String outcome = request.outcome();
        if (outcome == null || !Applications.OUTCOMES.contains(outcome)) problems.add(new FieldProblem("outcome", "Use RECOGNISED, REJECTED or CLOSED."));
        String reasons = FieldText.lines(request.reasons(), "reasons", 20_000, problems);
        if (reasons == null && problems.stream().noneMatch(p -> p.field().equals("reasons"))) problems.add(new FieldProblem("reasons", "Give the reasons."));
        if (request.familyUnityWith() != null) {
            // Family unity (Law "On Refugees", Art. 11(2)): an adult without grounds of their own, recognised with their recorded consent.
            if (!"RECOGNISED".equals(outcome)) problems.add(new FieldProblem("familyUnityWith", "Family unity is a ground for recognition only."));
            ApplicationRow member = files.row(request.familyUnityWith()).filter(m -> m.jurisdiction().equals(row.jurisdiction()) && !m.id().equals(row.id()))
                    .orElse(null);
            if (member == null || !member.refugee()) {
                problems.add(new FieldProblem("familyUnityWith", "Name the application of a family member who is a recognised refugee."));
            }
            if (request.consentOn() == null) problems.add(new FieldProblem("consentOn", "Record the day the applicant consented."));
            else if (request.consentOn().isAfter(files.today()) || request.consentOn().isBefore(row.lodgedOn())) {
                problems.add(new FieldProblem("consentOn", "The consent is dated between lodging and today."));
            }
        } else if (request.consentOn() != null) {
            problems.add(new FieldProblem("familyUnityWith", "Consent is recorded for a recognition to keep the family together: name the family member's application."));
        }
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The decision has invalid fields.", problems);
        if (!"CLOSED".equals(outcome) && row.status() != ApplicationStatus.ASSESSED) {
            throw new StateConflict("decision-without-interview",
                    "A claim is recognised or rejected only after an interview and an assessment; close it (abandoned, no-show) otherwise.");
        }
        jdbc.sql("""
                INSERT INTO asylum_decision (id, application_id, outcome, reasons, drafted_by, drafted_at, state, family_unity_with, consent_on)
                VALUES (:id, :application, :outcome, :reasons, :by, :now, 'DRAFT', :family, :consent)""")
                .param("family", request.familyUnityWith()).param("consent", request.consentOn())
                .param("id", ids.next()).param("application", row.id()).param("outcome", outcome).param("reasons", reasons)
                .param("by", caller.username()).param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
        files.update(row, "status = 'DECISION_DRAFTED'", Map.of());
        files.event(caller, row.id(), AsylumAction.DRAFT_DECISION, row.status(), ApplicationStatus.DECISION_DRAFTED, files.today(), outcome);
    }

    /** The second pair of eyes: the decision takes effect today (allowedIn has refused the drafter). */
    void approve(PanaUser caller, ApplicationRow row, LocalDate today) {
        Decision draft = latest(row.id()).orElseThrow();
        jdbc.sql("UPDATE asylum_decision SET state = 'APPROVED', decided_by = :by, decided_at = :now WHERE application_id = :id AND state = 'DRAFT'")
                .param("by", caller.username()).param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("id", row.id()).update();
        Map<String, Object> values = new java.util.HashMap<>(Map.of("outcome", draft.outcome(), "on", today));
        values.put("until", "RECOGNISED".equals(draft.outcome()) ? statuses.term(row, today) : null);
        files.update(row, "status = 'DECIDED', outcome = :outcome, decided_on = :on, status_until = :until", values);
        files.event(caller, row.id(), AsylumAction.APPROVE_DECISION, row.status(), ApplicationStatus.DECIDED, today, draft.outcome());
    }

    void giveBack(PanaUser caller, ApplicationRow row, Transition request, List<FieldProblem> problems) {
        String reason = FieldText.lines(request.reason(), "reason", 2000, problems);
        if (reason == null && problems.isEmpty()) problems.add(new FieldProblem("reason", "Say what the drafter should change."));
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The return has invalid fields.", problems);
        jdbc.sql("""
                UPDATE asylum_decision SET state = 'RETURNED', decided_by = :by, decided_at = :now, returned_reason = :reason
                WHERE application_id = :id AND state = 'DRAFT'""")
                .param("by", caller.username()).param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("reason", reason)
                .param("id", row.id()).update();
        ApplicationStatus back = assessment(row.id()).isPresent() ? ApplicationStatus.ASSESSED : ApplicationStatus.REGISTERED;
        files.update(row, "status = '" + back.name() + "'", Map.of());
        files.event(caller, row.id(), AsylumAction.RETURN_DECISION, row.status(), back, files.today(), reason);
    }

    void notify(PanaUser caller, ApplicationRow row, LocalDate notifiedOn) {
        files.update(row, "notified_on = :on", Map.of("on", notifiedOn));
        files.event(caller, row.id(), AsylumAction.NOTIFY, row.status(), row.status(), notifiedOn, null);
    }
}
