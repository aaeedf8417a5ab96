package org.pana.asylum;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pana.access.Colleagues;
import org.pana.access.OrganisationType;
import org.pana.access.PanaUser;
import org.pana.access.Role;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.border.BorderReferrals;
import org.pana.calendar.Deadline;
import org.pana.calendar.LegalDeadlines;
import org.pana.platform.FieldText;
import org.pana.platform.NotFound;
import org.pana.platform.RuleViolation;
import org.pana.platform.RuleViolation.FieldProblem;
import org.pana.platform.StateConflict;
import org.pana.platform.TimeOrderedIds;
import org.pana.registration.PersonSummary;
import org.pana.registration.Registry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asylum applications from lodging to registration, fingerprinting, extension of consideration and withdrawal
 * (the first part of issue 5). One application per applicant; children are included in a parent's. Every status
 * change is a dated fact in {@code asylum_application_event}; every deadline comes from the calendar's rules of
 * procedure {@code ASYLUM} with its basis. Whoever may not see an application gets "not found" (audited).
 */
@Service
class Applications {

    static final String PROCEDURE = "ASYLUM";
    static final int MAX_CHILDREN = 20;
    static final int ADULT_AGE = 18;
    /** The states in which the claim is being considered: registered and not yet decided. */
    static final Set<ApplicationStatus> IN_PROCEDURE = EnumSet.of(ApplicationStatus.REGISTERED, ApplicationStatus.ASSESSED,
            ApplicationStatus.DECISION_DRAFTED);

    /** The roles that work on applications (in an asylum authority) or oversee them. */
    private static final Set<Role> AUTHORITY = EnumSet.of(Role.REGISTRATION_OFFICER, Role.ELIGIBILITY_OFFICER, Role.DECISION_MAKER);
    private static final Set<Role> OVERSIGHT = EnumSet.of(Role.APPEALS_OFFICER, Role.PROTECTION_MONITOR);

    record Lodging(UUID personId, LocalDate lodgedOn, String lodgedAt, UUID referralId, List<UUID> includedChildren, LocalDate arrivedOn,
            Boolean irregularEntry) {}

    /** A transition's fields (api.md, "Procedures"); each action reads the ones it needs. */
    record Transition(String action, LocalDate registeredOn, LocalDate takenOn, String reason, LocalDate on, Instant at, String place,
            String interpreterLanguage, String interviewerSex, String interpreterSex, LocalDate heldOn, String record, String recommendation,
            List<String> grounds, String summary, Boolean exclusionConsidered, String outcome, String reasons, LocalDate notifiedOn,
            String level, LocalDate lodgedOn, LocalDate decidedOn, String remedy, String ground, UUID familyUnityWith, LocalDate consentOn) {}

    /** Refugee status granted by the decision: valid until, and how and when it ended, if it did. */
    record RefugeeStatus(LocalDate grantedOn, LocalDate validUntil, String ended, LocalDate endedOn, String endGround) {}

    record Appeal(String level, LocalDate lodgedOn, boolean suspensive, String status, LocalDate decidedOn, String remedy) {}

    /** An interview; {@code record} only for the roles that may read it (each reading audited). */
    record Interview(UUID id, Instant scheduledAt, String place, String interpreterLanguage, String interviewerSex, String interpreterSex,
            String status, LocalDate heldOn, String record) {}

    record Assessment(String recommendation, List<String> grounds, String summary, boolean exclusionConsidered, String assessedBy) {}

    /** A decision; {@code familyUnityWith} names the recognised family member's application for a recognition to keep the family together. */
    record Decision(String outcome, String reasons, String draftedBy, String state, String decidedBy, String returnedReason, UUID familyUnityWith,
            LocalDate consentOn) {}

    static final Set<String> CONVENTION_GROUNDS = Set.of("RACE", "RELIGION", "NATIONALITY", "PARTICULAR_SOCIAL_GROUP", "POLITICAL_OPINION");
    static final Set<String> OUTCOMES = Set.of("RECOGNISED", "REJECTED", "CLOSED");
    private static final Set<String> SEXES = Set.of("FEMALE", "MALE", "NO_PREFERENCE");
    /** Who reads the interview record (issue 5, item 3). */
    private static final Set<Role> INTERVIEW_READERS = EnumSet.of(Role.ELIGIBILITY_OFFICER, Role.DECISION_MAKER, Role.APPEALS_OFFICER);

    /**
     * A deadline of the case with its basis; {@code ruleChangedOn} is the effective day of the rule's version that
     * applied when that version changed an earlier one (null for the rule as the calendar was set up).
     */
    record DeadlineView(String step, LocalDate dueOn, String basis, boolean confirmed, Boolean met, LocalDate ruleChangedOn,
            LocalDate flaggedOn) {

        DeadlineView(String step, LocalDate dueOn, String basis, Deadline rule, Boolean met) {
            this(step, dueOn, basis, rule.confirmed(), met, rule.rule().changed() ? rule.rule().validFrom() : null, null);
        }

        DeadlineView flagged(LocalDate on) {
            return new DeadlineView(step, dueOn, basis, confirmed, met, ruleChangedOn, on);
        }
    }

    record Certificate(String number, LocalDate validFrom, LocalDate validUntil) {}

    record HistoryItem(String action, String fromStatus, String toStatus, LocalDate effectiveOn, Instant recordedAt, String recordedBy,
            String details) {}

    record Application(UUID id, String number, String jurisdiction, UUID personId, List<UUID> includedChildren, UUID referralId,
            LocalDate lodgedOn, String lodgedAt, LocalDate arrivedOn, boolean irregularEntry, boolean lateLodging, ApplicationStatus status,
            String outcome, LocalDate registeredOn, LocalDate fingerprintedOn, LocalDate decisionDueOn, LocalDate closedOn, LocalDate decidedOn,
            LocalDate notifiedOn, long version, List<DeadlineView> deadlines, List<Certificate> certificates, List<Interview> interviews,
            Assessment assessment, Decision decision, List<Appeal> appeals, RefugeeStatus refugeeStatus, List<HistoryItem> history,
            List<AsylumAction> allowedActions, String assignedTo) {}

    /** The row as stored, before deadlines, history and actions are added for a caller. */
    private record Row(UUID id, String number, String jurisdiction, UUID personId, UUID organisationId, UUID referralId, LocalDate lodgedOn,
            String lodgedAt, LocalDate arrivedOn, boolean irregularEntry, boolean lateLodging, ApplicationStatus status, String outcome,
            LocalDate registeredOn, LocalDate fingerprintedOn, LocalDate decisionDueOn, LocalDate closedOn, LocalDate decidedOn,
            LocalDate notifiedOn, LocalDate statusUntil, LocalDate statusEndedOn, String statusEnd, String statusEndGround, long version,
            String assignedTo) {

        boolean refugee() {
            return status == ApplicationStatus.DECIDED && "RECOGNISED".equals(outcome) && statusEnd == null;
        }
    }

    private final JdbcClient jdbc;
    private final Registry registry;
    private final BorderReferrals referrals;
    private final LegalDeadlines deadlines;
    private final AuditTrail audit;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean appealsSuspend;
    private final Colleagues colleagues;

    Applications(JdbcClient jdbc, Registry registry, BorderReferrals referrals, LegalDeadlines deadlines, AuditTrail audit, TimeOrderedIds ids,
            Clock clock, @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone,
            @Value("${pana.asylum.appeal-suspensive:true}") boolean appealsSuspend, Colleagues colleagues) {
        this.colleagues = colleagues;
        this.appealsSuspend = appealsSuspend;
        this.jdbc = jdbc;
        this.registry = registry;
        this.referrals = referrals;
        this.deadlines = deadlines;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.zone = zone;
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    // ---- lodging ---------------------------------------------------------------------------------------------

    @Transactional
    Application lodge(PanaUser caller, Lodging request) {
        if (!caller.roles().contains(Role.REGISTRATION_OFFICER) || caller.organisationType() != OrganisationType.ASYLUM_AUTHORITY) {
            throw new AccessDeniedException("Applications are lodged with the asylum authority's registration officers.");
        }
        LocalDate today = today();
        List<FieldProblem> problems = new ArrayList<>();
        if (request.personId() == null) problems.add(new FieldProblem("personId", "Give the applicant's person id."));
        if (request.lodgedOn() == null) problems.add(new FieldProblem("lodgedOn", "Say on which day the application was lodged."));
        else if (request.lodgedOn().isAfter(today)) problems.add(new FieldProblem("lodgedOn", "The day of lodging cannot be in the future."));
        String lodgedAt = FieldText.line(request.lodgedAt(), "lodgedAt", 200, problems);
        if (lodgedAt == null && problems.stream().noneMatch(p -> p.field().equals("lodgedAt"))) {
            problems.add(new FieldProblem("lodgedAt", "Say where the application was lodged."));
        }
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The application has invalid fields.", problems);
        registry.requireVisible(caller, request.personId(), "ASYLUM_APPLICATION_LODGED");

        LocalDate arrivedOn = request.arrivedOn();
        boolean irregular = Boolean.TRUE.equals(request.irregularEntry());
        BorderReferrals.OpenReferral referral = null;
        if (request.referralId() != null) {
            referral = referrals.open(request.referralId()).filter(r -> r.jurisdiction().equals(caller.jurisdiction())).orElse(null);
            if (referral == null) {
                problems.add(new FieldProblem("referralId", "No open border referral of your jurisdiction has this id."));
            } else if (!referral.personId().equals(request.personId())) {
                problems.add(new FieldProblem("referralId", "The referral is about another person."));
            } else if (referral.receivingUnit() != null && !referral.receivingUnit().equals(caller.organisationId())) {
                problems.add(new FieldProblem("referralId", "The referral was sent to another unit: it forwards it to you first."));
            } else {
                if (arrivedOn == null) arrivedOn = referral.encounteredAt().atZone(zone).toLocalDate();
                if (request.irregularEntry() == null) irregular = referral.irregularEntry();
            }
        }
        if (arrivedOn != null && request.lodgedOn().isBefore(arrivedOn)) {
            problems.add(new FieldProblem("arrivedOn", "The arrival cannot be after the day of lodging."));
        }
        List<UUID> children = children(caller, request, problems);
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The application has invalid fields.", problems);

        List<UUID> everyone = new ArrayList<>(children);
        everyone.add(0, request.personId());
        List<String> open = openApplicationsOf(everyone);
        if (!open.isEmpty()) {
            throw new StateConflict("application-open", "An open application already covers this person or an included child: "
                    + String.join(", ", open) + ".");
        }

        boolean late = false;
        if (arrivedOn != null) {
            Deadline lodging = deadlines.dueDate(caller.jurisdiction(), PROCEDURE, irregular ? "LODGING_AFTER_IRREGULAR_ENTRY" : "LODGING", arrivedOn,
                    request.lodgedOn());
            late = request.lodgedOn().isAfter(lodging.dueDate());
        }
        UUID id = ids.next();
        String number = nextNumber(caller.jurisdiction(), request.lodgedOn().getYear());
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO asylum_application (id, jurisdiction, number, person_id, organisation_id, referral_id, lodged_on, lodged_at, arrived_on,
                    irregular_entry, late_lodging, status, created_by, created_at, version)
                VALUES (:id, :j, :number, :person, :org, :referral, :lodgedOn, :lodgedAt, :arrivedOn, :irregular, :late, 'LODGED', :by, :now, 0)""")
                .param("id", id).param("j", caller.jurisdiction()).param("number", number).param("person", request.personId())
                .param("org", caller.organisationId()).param("referral", request.referralId()).param("lodgedOn", request.lodgedOn())
                .param("lodgedAt", lodgedAt).param("arrivedOn", arrivedOn).param("irregular", irregular).param("late", late)
                .param("by", caller.username()).param("now", now.atOffset(ZoneOffset.UTC)).update();
        for (UUID child : children) {
            jdbc.sql("INSERT INTO asylum_application_child (application_id, person_id) VALUES (:a, :p)").param("a", id).param("p", child).update();
        }
        event(caller, id, AsylumAction.LODGE, null, ApplicationStatus.LODGED, request.lodgedOn(),
                (late ? "lodged late" : null));
        if (referral != null) referrals.takeOver(caller, referral.id(), number);
        audit.record(AuditEntry.success("ASYLUM_APPLICATION_LODGED", "PERSON", request.personId()).withDetails(number));
        return view(caller, row(id).orElseThrow());
    }

    /** The included children: people the caller may see, not the applicant, under 18 on the day of lodging. */
    private List<UUID> children(PanaUser caller, Lodging request, List<FieldProblem> problems) {
        List<UUID> given = request.includedChildren() == null ? List.of() : request.includedChildren();
        if (given.size() > MAX_CHILDREN) {
            problems.add(new FieldProblem("includedChildren", "Include at most " + MAX_CHILDREN + " children."));
            return List.of();
        }
        Map<UUID, PersonSummary> found = given.isEmpty() ? Map.of() : registry.summaries(caller, given.stream().filter(java.util.Objects::nonNull)
                .distinct().toList()).stream().collect(Collectors.toMap(PersonSummary::id, Function.identity()));
        Set<UUID> children = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            UUID child = given.get(i);
            String field = "includedChildren[" + i + "]";
            PersonSummary person = child == null ? null : found.get(child);
            if (person == null) problems.add(new FieldProblem(field, "No person you may see has this id."));
            else if (child.equals(request.personId())) problems.add(new FieldProblem(field, "The applicant cannot be included as a child."));
            else if (!children.add(child)) problems.add(new FieldProblem(field, "This child is included twice."));
            else if (person.birthDate() == null || request.lodgedOn() == null
                    || Period.between(person.birthDate(), request.lodgedOn()).getYears() >= ADULT_AGE) {
                problems.add(new FieldProblem(field, "Only children under " + ADULT_AGE + " are included; an adult lodges an application of their own."));
            }
        }
        return List.copyOf(children);
    }

    private List<String> openApplicationsOf(List<UUID> people) {
        return jdbc.sql("""
                SELECT DISTINCT a.number FROM asylum_application a LEFT JOIN asylum_application_child c ON c.application_id = a.id
                WHERE a.status <> 'CLOSED' AND (a.person_id IN (:people) OR c.person_id IN (:people)) ORDER BY a.number""")
                .param("people", people).query(String.class).list();
    }

    /** KAZ-AS-26-00001: per jurisdiction and year of lodging, never reused (the counter row is held until commit). */
    private String nextNumber(String jurisdiction, int year) {
        int updated = jdbc.sql("UPDATE asylum_number_counter SET last_number = last_number + 1 WHERE jurisdiction = :j AND counted_year = :y")
                .param("j", jurisdiction).param("y", year).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO asylum_number_counter (jurisdiction, counted_year, last_number) VALUES (:j, :y, 1)")
                        .param("j", jurisdiction).param("y", year).update();
            } catch (org.springframework.dao.DuplicateKeyException anotherFirst) {
                jdbc.sql("UPDATE asylum_number_counter SET last_number = last_number + 1 WHERE jurisdiction = :j AND counted_year = :y")
                        .param("j", jurisdiction).param("y", year).update();
            }
        }
        long last = jdbc.sql("SELECT last_number FROM asylum_number_counter WHERE jurisdiction = :j AND counted_year = :y")
                .param("j", jurisdiction).param("y", year).query(Long.class).single();
        return "%s-AS-%02d-%05d".formatted(jurisdiction, year % 100, last);
    }

    // ---- assignment ------------------------------------------------------------------------------------------

    /** Who may work on a case, and so be assigned it (issue 5, item 8, "my cases"). */
    static final Set<Role> ASSIGNABLE = EnumSet.of(Role.ELIGIBILITY_OFFICER, Role.DECISION_MAKER);

    /** The active users of the caller's organisation a decision maker may assign a case to. */
    List<Colleagues.Colleague> assignableColleagues(PanaUser caller) {
        return colleagues.holding(caller.organisationId(), ASSIGNABLE);
    }

    /**
     * Assigns an open case to {@code username} (or unassigns it, with null), if the application is still at the
     * {@code version} the caller saw: an eligibility officer takes an unassigned case for themselves (or gives back
     * their own), a decision maker assigns to any active eligibility officer or decision maker of their organisation.
     * Recorded in the history as {@link AsylumAction#ASSIGN}, since who worked on a case is part of its record.
     */
    @Transactional
    Application assign(PanaUser caller, UUID id, String username, Long version) {
        Row row = visibleRow(caller, id, "ASYLUM_ASSIGN");
        String assignee = username == null || username.isBlank() ? null : username.strip().toLowerCase(java.util.Locale.ROOT);
        boolean decisionMaker = caller.roles().contains(Role.DECISION_MAKER);
        if (!mayDo(caller, AsylumAction.ASSIGN) || (!decisionMaker && assignee != null && !assignee.equals(caller.username()))) {
            audit.recordSeparately(AuditEntry.denied("ASYLUM_ASSIGN", "PERSON", row.personId()).withDetails(row.number()));
            throw new AccessDeniedException(mayDo(caller, AsylumAction.ASSIGN)
                    ? "An eligibility officer takes a case for themselves or gives back their own; decision makers assign to others."
                    : "Cases are assigned by the asylum authority's eligibility officers and decision makers.");
        }
        String refused = row.status() == ApplicationStatus.CLOSED ? "The case is closed: it is no longer assigned."
                : !decisionMaker && row.assignedTo() != null && !row.assignedTo().equals(caller.username())
                ? "The case is assigned to " + row.assignedTo() + ": a decision maker reassigns or unassigns it." : null;
        if (refused != null) {
            audit.recordSeparately(AuditEntry.denied("ASYLUM_ASSIGN", "PERSON", row.personId()).withDetails(row.number() + ": " + refused));
            throw new StateConflict("assignment-not-allowed", refused);
        }
        if (version == null) throw RuleViolation.onField("version", "Give the version of the application you saw.");
        if (assignee != null && colleagues.find(caller.organisationId(), assignee, ASSIGNABLE).isEmpty()) {
            throw RuleViolation.onField("username", "No active eligibility officer or decision maker of your organisation has this username.");
        }
        if (version != row.version()) {
            throw new StateConflict("concurrent-change", "Someone else changed the application since you read it; reload it.");
        }
        if (java.util.Objects.equals(assignee, row.assignedTo())) {
            audit.record(AuditEntry.success("ASYLUM_APPLICATION_VIEWED", "PERSON", row.personId()).withDetails(row.number()));
            return view(caller, row);
        }
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("to", assignee);
        values.put("at", assignee == null ? null : clock.instant().atOffset(ZoneOffset.UTC));
        update(row, "assigned_to = :to, assigned_at = :at", values);
        event(caller, row.id(), AsylumAction.ASSIGN, row.status(), row.status(), today(),
                assignee == null ? "unassigned (was " + row.assignedTo() + ")"
                        : "assigned to " + assignee + (row.assignedTo() == null ? "" : " (was " + row.assignedTo() + ")"));
        audit.record(AuditEntry.success("ASYLUM_ASSIGN", "PERSON", row.personId()).withDetails(row.number()));
        return view(caller, row(id).orElseThrow());
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    /** The application for a caller who may see it; "not found" otherwise (audited as denied). Each read is audited. */
    @Transactional
    Application find(PanaUser caller, UUID id) {
        Row row = visibleRow(caller, id, "ASYLUM_APPLICATION_VIEWED");
        audit.record(AuditEntry.success("ASYLUM_APPLICATION_VIEWED", "PERSON", row.personId()).withDetails(row.number()));
        return view(caller, row);
    }

    /**
     * The application for a document drawn from it (the decision letter): seen by whoever may see the case, the read
     * audited as {@code action} (denied ones too); interview records are left out, as the document does not show them.
     */
    @Transactional
    Application read(PanaUser caller, UUID id, String action) {
        Row row = visibleRow(caller, id, action);
        audit.record(AuditEntry.success(action, "PERSON", row.personId()).withDetails(row.number()));
        return view(caller, row, false);
    }

    private Row visibleRow(PanaUser caller, UUID id, String action) {
        return row(id).filter(r -> maySee(caller, r)).orElseThrow(() -> {
            audit.recordSeparately(AuditEntry.denied(action, "ASYLUM_APPLICATION", id));
            return new NotFound("application");
        });
    }

    private static boolean maySee(PanaUser caller, Row row) {
        if (!row.jurisdiction().equals(caller.jurisdiction())) return false;
        boolean authority = caller.organisationType() == OrganisationType.ASYLUM_AUTHORITY
                && caller.roles().stream().anyMatch(AUTHORITY::contains);
        return authority || caller.roles().stream().anyMatch(OVERSIGHT::contains);
    }

    private Optional<Row> row(UUID id) {
        return jdbc.sql("SELECT * FROM asylum_application WHERE id = :id").param("id", id).query((rs, n) -> new Row(
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

    private Application view(PanaUser caller, Row row) {
        return view(caller, row, true);
    }

    private Application view(PanaUser caller, Row row, boolean withRecords) {
        List<UUID> children = jdbc.sql("SELECT person_id FROM asylum_application_child WHERE application_id = :id ORDER BY person_id")
                .param("id", row.id()).query(UUID.class).list();
        List<Certificate> certificates = certificates(row.id());
        List<HistoryItem> history = jdbc.sql("""
                SELECT action, from_status, to_status, effective_on, recorded_at, recorded_by, details FROM asylum_application_event
                WHERE application_id = :id ORDER BY recorded_at, id""")
                .param("id", row.id()).query((rs, n) -> new HistoryItem(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6), rs.getString(7)))
                .list();
        boolean readsRecords = withRecords && caller.roles().stream().anyMatch(INTERVIEW_READERS::contains);
        List<Interview> interviews = interviews(row.id(), readsRecords);
        if (readsRecords && interviews.stream().anyMatch(i -> i.record() != null)) {
            audit.record(AuditEntry.success("ASYLUM_INTERVIEW_RECORD_VIEWED", "PERSON", row.personId()).withDetails(row.number()));
        }
        Assessment assessment = readsRecords ? assessment(row.id()).orElse(null) : null;
        Decision decision = decision(row.id()).orElse(null);
        return new Application(row.id(), row.number(), row.jurisdiction(), row.personId(), children, row.referralId(), row.lodgedOn(),
                row.lodgedAt(), row.arrivedOn(), row.irregularEntry(), row.lateLodging(), row.status(), row.outcome(), row.registeredOn(),
                row.fingerprintedOn(), row.decisionDueOn(), row.closedOn(), row.decidedOn(), row.notifiedOn(), row.version(),
                deadlines(row, certificates), certificates, interviews, assessment, decision, appeals(row.id()),
                row.statusUntil() == null ? null : new RefugeeStatus(row.decidedOn(), row.statusUntil(), row.statusEnd(), row.statusEndedOn(),
                        row.statusEndGround()), history,
                allowedActions(caller, row), row.assignedTo());
    }

    /** The transitions this caller may take now; the latest interview's status is read once for all of them. */
    private List<AsylumAction> allowedActions(PanaUser caller, Row row) {
        String interview = latestInterview(row.id());
        return EnumSet.allOf(AsylumAction.class).stream()
                .filter(a -> a.transition() && mayDo(caller, a) && allowedIn(caller, row, a, interview) == null).toList();
    }

    private List<Interview> interviews(UUID application, boolean withRecord) {
        return jdbc.sql("SELECT * FROM asylum_interview WHERE application_id = :id ORDER BY scheduled_at, id").param("id", application)
                .query((rs, n) -> new Interview(rs.getObject("id", UUID.class), rs.getObject("scheduled_at", OffsetDateTime.class).toInstant(),
                        rs.getString("place"), rs.getString("interpreter_language"), rs.getString("interviewer_sex"), rs.getString("interpreter_sex"),
                        rs.getString("status"), rs.getObject("held_on", LocalDate.class), withRecord ? rs.getString("record") : null)).list();
    }

    private Optional<Assessment> assessment(UUID application) {
        return jdbc.sql("SELECT * FROM asylum_assessment WHERE application_id = :id").param("id", application)
                .query((rs, n) -> new Assessment(rs.getString("recommendation"), rs.getString("convention_grounds").isEmpty() ? List.of()
                        : List.of(rs.getString("convention_grounds").split(",")), rs.getString("summary"), rs.getBoolean("exclusion_considered"),
                        rs.getString("assessed_by"))).optional();
    }

    List<Appeal> appeals(UUID application) {
        return jdbc.sql("SELECT level, lodged_on, suspensive, status, decided_on, remedy FROM asylum_appeal WHERE application_id = :id ORDER BY lodged_on, id")
                .param("id", application).query((rs, n) -> new Appeal(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBoolean(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6))).list();
    }

    /**
     * The appeal the applicant may lodge next and the day its window opened: administrative review from the
     * notification of a negative decision, judicial review from the dismissal of the administrative one; empty when
     * none is open to them.
     */
    Optional<Map.Entry<String, LocalDate>> nextAppeal(ApplicationStatus status, String outcome, LocalDate notifiedOn, List<Appeal> appeals) {
        if (status != ApplicationStatus.DECIDED || "RECOGNISED".equals(outcome) || notifiedOn == null) return Optional.empty();
        if (appeals.isEmpty()) return Optional.of(Map.entry("ADMINISTRATIVE", notifiedOn));
        Appeal last = appeals.get(appeals.size() - 1);
        if ("ADMINISTRATIVE".equals(last.level()) && "DISMISSED".equals(last.status())) return Optional.of(Map.entry("JUDICIAL", last.decidedOn()));
        return Optional.empty();
    }

    /** The latest decision (draft, approved or returned). */
    private Optional<Decision> decision(UUID application) {
        return jdbc.sql("SELECT * FROM asylum_decision WHERE application_id = :id ORDER BY drafted_at DESC, id DESC").param("id", application)
                .query((rs, n) -> new Decision(rs.getString("outcome"), rs.getString("reasons"), rs.getString("drafted_by"), rs.getString("state"),
                        rs.getString("decided_by"), rs.getString("returned_reason"), rs.getObject("family_unity_with", UUID.class),
                        rs.getObject("consent_on", LocalDate.class))).list().stream().findFirst();
    }

    private List<Certificate> certificates(UUID application) {
        return jdbc.sql("""
                SELECT number, valid_from, valid_until FROM asylum_certificate WHERE application_id = :id ORDER BY valid_from, number""")
                .param("id", application).query((rs, n) -> new Certificate(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class))).list();
    }

    /** The deadlines of a case, for the daily deadline watch: dates and rules only, nothing about the person is read. */
    List<DeadlineView> deadlinesOf(UUID application) {
        return row(application).map(row -> deadlines(row, certificates(application))).orElse(List.of());
    }

    /**
     * Every deadline of the application with the rule's basis, whether it was met where that is known, and the day
     * the deadline watch flagged it, if it did.
     */
    private List<DeadlineView> deadlines(Row row, List<Certificate> certificates) {
        Map<String, LocalDate> flags = new java.util.HashMap<>();
        jdbc.sql("SELECT step, due_on, flagged_on FROM asylum_deadline_flag WHERE application_id = :id").param("id", row.id())
                .query(rs -> {
                    flags.put(rs.getString(1) + "@" + rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class));
                });
        return unflagged(row, certificates).stream()
                .map(d -> flags.containsKey(d.step() + "@" + d.dueOn()) ? d.flagged(flags.get(d.step() + "@" + d.dueOn())) : d).toList();
    }

    private List<DeadlineView> unflagged(Row row, List<Certificate> certificates) {
        List<DeadlineView> due = new ArrayList<>();
        if (row.arrivedOn() != null) {
            Deadline lodging = due(row, row.irregularEntry() ? "LODGING_AFTER_IRREGULAR_ENTRY" : "LODGING",
                    row.arrivedOn());
            due.add(new DeadlineView(lodging.rule().step(), lodging.dueDate(), lodging.basis(), lodging, !row.lateLodging()));
        }
        if (row.registeredOn() != null) {
            Deadline fingerprints = due(row, "FINGERPRINTING", row.registeredOn());
            due.add(new DeadlineView("FINGERPRINTING", fingerprints.dueDate(), fingerprints.basis(), fingerprints,
                    row.fingerprintedOn() == null ? null : !row.fingerprintedOn().isAfter(fingerprints.dueDate())));
            if (!certificates.isEmpty() && IN_PROCEDURE.contains(row.status())) {
                // The asylum-seeker certificate must stay valid while the claim is considered; after the decision it is moot.
                Certificate current = certificates.get(certificates.size() - 1);
                Deadline validity = due(row, "CERTIFICATE_VALIDITY", current.validFrom());
                due.add(new DeadlineView("CERTIFICATE_VALIDITY", current.validUntil(), validity.basis(), validity, null));
            }
        }
        if (row.decisionDueOn() != null) {
            Deadline decision = due(row, "DECISION", row.registeredOn());
            Deadline limit = due(row, "DECISION_MAX_EXTENSION", row.registeredOn());
            boolean extended = row.decisionDueOn().isAfter(decision.dueDate());
            LocalDate ended = row.decidedOn() != null ? row.decidedOn() : row.closedOn();
            due.add(new DeadlineView("DECISION", row.decisionDueOn(), extended ? "Extended for additional verification, at most until "
                    + limit.dueDate() + ": " + limit.basis() : decision.basis(), extended ? limit : decision,
                    ended == null ? null : !ended.isAfter(row.decisionDueOn())));
        }
        if (row.decidedOn() != null) {
            Deadline notification = due(row, "NOTIFICATION", row.decidedOn());
            due.add(new DeadlineView("NOTIFICATION", notification.dueDate(), notification.basis(), notification,
                    row.notifiedOn() == null ? null : !row.notifiedOn().isAfter(notification.dueDate())));
        }
        if (row.refugee() && row.statusUntil() != null) {
            Deadline term = due(row, "STATUS_TERM", row.decidedOn());
            Deadline invitation = due(row, "EXTENSION_INVITATION", row.statusUntil());
            due.add(new DeadlineView("STATUS_TERM", row.statusUntil(), term.basis(), term, null));
            due.add(new DeadlineView("EXTENSION_INVITATION", invitation.dueDate(), invitation.basis(), invitation, null));
        }
        var next = nextAppeal(row.status(), row.outcome(), row.notifiedOn(), appeals(row.id()));
        if (next.isPresent()) {
            Deadline appeal = due(row, "APPEAL", next.get().getValue());
            due.add(new DeadlineView("APPEAL", appeal.dueDate(), next.get().getKey().toLowerCase(java.util.Locale.ROOT) + " review: "
                    + appeal.basis(), appeal, null));
        }
        return List.copyOf(due);
    }

    // ---- transitions -----------------------------------------------------------------------------------------

    private static boolean mayDo(PanaUser caller, AsylumAction action) {
        OrganisationType body = action.appeal() ? OrganisationType.MINISTRY : OrganisationType.ASYLUM_AUTHORITY;
        return caller.organisationType() == body && caller.roles().stream().anyMatch(action.roles()::contains);
    }

    /** Why the action cannot be taken in the application's present state (by this caller), or null if it can. */
    private String latestInterview(UUID application) {
        return jdbc.sql("SELECT status FROM asylum_interview WHERE application_id = :id ORDER BY scheduled_at DESC, id DESC")
                .param("id", application).query(String.class).list().stream().findFirst().orElse(null);
    }

    /** Why the action cannot be taken now, given the latest interview's status ({@code interview}, null if none). */
    private String allowedIn(PanaUser caller, Row row, AsylumAction action, String interview) {
        boolean inProcedure = row.status() == ApplicationStatus.REGISTERED || row.status() == ApplicationStatus.ASSESSED;
        return switch (action) {
            case SCHEDULE_INTERVIEW -> row.status() != ApplicationStatus.REGISTERED ? "Interviews are scheduled for registered applications."
                    : "SCHEDULED".equals(interview) ? "An interview is already scheduled: record it or the no-show first." : null;
            case RECORD_INTERVIEW, RECORD_NO_SHOW -> row.status() == ApplicationStatus.REGISTERED && "SCHEDULED".equals(interview) ? null
                    : "No interview is scheduled.";
            case SUBMIT_ASSESSMENT -> row.status() == ApplicationStatus.REGISTERED && "HELD".equals(interview) ? null
                    : "The assessment follows an interview that was held.";
            case DRAFT_DECISION -> inProcedure ? null : "A decision is drafted for a registered application not yet decided.";
            case APPROVE_DECISION, RETURN_DECISION -> row.status() != ApplicationStatus.DECISION_DRAFTED ? "No decision waits for approval."
                    : decision(row.id()).map(Decision::draftedBy).filter(caller.username()::equals).isPresent()
                            ? "Four eyes: the decision maker who approves or returns a decision is not the one who drafted it." : null;
            case NOTIFY -> row.status() == ApplicationStatus.DECIDED && row.notifiedOn() == null ? null
                    : "Only a decision not yet notified is notified.";
            case LODGE_APPEAL -> nextAppeal(row.status(), row.outcome(), row.notifiedOn(), appeals(row.id())).isPresent() ? null
                    : "No appeal is open: the decision is not a notified refusal, or every level was used.";
            case DECIDE_APPEAL -> row.status() == ApplicationStatus.APPEALED ? null : "No appeal is pending.";
            case EXTEND_STATUS, TERMINATE_STATUS, DEPRIVE_STATUS -> row.refugee() ? null
                    : row.statusEnd() != null ? "Refugee status ended on " + row.statusEndedOn() + " (" + row.statusEnd() + "): it is not extended or ended again."
                    : "The applicant has no refugee status.";
            case REGISTER -> row.status() == ApplicationStatus.LODGED ? null : "Only a lodged application is registered.";
            case RECORD_FINGERPRINTS -> row.status() != ApplicationStatus.REGISTERED ? "Fingerprints are taken after registration."
                    : row.fingerprintedOn() != null ? "Fingerprints were already recorded on " + row.fingerprintedOn() + "." : null;
            case EXTEND_CONSIDERATION -> !inProcedure || row.decisionDueOn() == null
                    ? "Consideration is extended once the application is registered and fingerprinted."
                    : row.decisionDueOn().isBefore(limit(row)) ? null
                    : "Consideration already runs until " + row.decisionDueOn() + ": it never goes past one year in total.";
            case WITHDRAW -> row.status() == ApplicationStatus.CLOSED || row.status() == ApplicationStatus.DECIDED
                    || row.status() == ApplicationStatus.APPEALED
                    ? "The application is closed or decided." : null;
            case LODGE -> "An application is lodged once.";
            case ASSIGN -> "A case is assigned through its assignee, not as a transition.";
        };
    }

    /**
     * A deadline of the case under the rules in force on the day it was lodged: a rule changed later applies to
     * cases lodged from its effective day (issue 5, item 8).
     */
    private Deadline due(Row row, String step, LocalDate start) {
        return deadlines.dueDate(row.jurisdiction(), PROCEDURE, step, start, row.lodgedOn());
    }

    private LocalDate limit(Row row) {
        return due(row, "DECISION_MAX_EXTENSION", row.registeredOn()).dueDate();
    }

    @Transactional
    Application transition(PanaUser caller, UUID id, Transition request) {
        Row row = visibleRow(caller, id, "ASYLUM_TRANSITION");
        AsylumAction action = AsylumAction.parse(request.action()).filter(AsylumAction::transition).orElseThrow(() ->
                RuleViolation.onField("action", "Use one of " + String.join(", ", AsylumAction.transitions()) + "."));
        if (!mayDo(caller, action)) {
            audit.recordSeparately(AuditEntry.denied("ASYLUM_" + action.name(), "PERSON", row.personId()).withDetails(row.number()));
            throw new AccessDeniedException("Your role may not " + action.name() + ".");
        }
        String refused = allowedIn(caller, row, action, latestInterview(row.id()));
        if (refused != null) {
            audit.recordSeparately(AuditEntry.denied("ASYLUM_" + action.name(), "PERSON", row.personId()).withDetails(row.number() + ": " + refused));
            throw new StateConflict("transition-not-allowed", refused);
        }
        LocalDate today = today();
        List<FieldProblem> problems = new ArrayList<>();
        switch (action) {
            case REGISTER -> register(caller, row, date(request.registeredOn(), "registeredOn", row.lodgedOn(), "the day of lodging", today, problems));
            case RECORD_FINGERPRINTS -> fingerprints(caller, row, date(request.takenOn(), "takenOn", row.registeredOn(), "registration", today, problems));
            case EXTEND_CONSIDERATION -> extend(caller, row, FieldText.lines(request.reason(), "reason", 2000, problems), today, problems);
            case WITHDRAW -> withdraw(caller, row, date(request.on(), "on", row.lodgedOn(), "the day of lodging", today, problems));
            case SCHEDULE_INTERVIEW -> scheduleInterview(caller, row, request, problems);
            case RECORD_INTERVIEW -> recordInterview(caller, row, date(request.heldOn(), "heldOn", row.registeredOn(), "registration", today, problems),
                    request.record());
            case RECORD_NO_SHOW -> noShow(caller, row, date(request.on(), "on", row.registeredOn(), "registration", today, problems));
            case SUBMIT_ASSESSMENT -> assess(caller, row, request, problems);
            case DRAFT_DECISION -> draft(caller, row, request, problems);
            case APPROVE_DECISION -> approve(caller, row, today);
            case RETURN_DECISION -> giveBack(caller, row, request, problems);
            case NOTIFY -> notify(caller, row, date(request.notifiedOn(), "notifiedOn", row.decidedOn(), "the decision", today, problems));
            case LODGE_APPEAL -> lodgeAppeal(caller, row, request, today, problems);
            case DECIDE_APPEAL -> decideAppeal(caller, row, request, today, problems);
            case EXTEND_STATUS -> extendStatus(caller, row, date(request.decidedOn(), "decidedOn", row.decidedOn(), "the grant", today, problems));
            case TERMINATE_STATUS, DEPRIVE_STATUS -> endStatus(caller, row, action, request, today, problems);
            default -> throw new IllegalStateException(action.name());
        }
        audit.record(AuditEntry.success("ASYLUM_" + action.name(), "PERSON", row.personId()).withDetails(row.number()));
        return view(caller, row(id).orElseThrow());
    }

    /** A legal date of a transition: given, not before {@code notBefore}, not in the future; the problem added otherwise. */
    private static LocalDate date(LocalDate value, String field, LocalDate notBefore, String what, LocalDate today, List<FieldProblem> problems) {
        if (value == null) problems.add(new FieldProblem(field, "Give the date."));
        else if (value.isAfter(today)) problems.add(new FieldProblem(field, "The date cannot be in the future."));
        else if (notBefore != null && value.isBefore(notBefore)) problems.add(new FieldProblem(field, "The date cannot be before " + what + " (" + notBefore + ")."));
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The transition has invalid fields.", problems);
        return value;
    }

    private void register(PanaUser caller, Row row, LocalDate registeredOn) {
        update(row, "status = 'REGISTERED', registered_on = :on", Map.of("on", registeredOn));
        issueCertificate(row, registeredOn);
        event(caller, row.id(), AsylumAction.REGISTER, row.status(), ApplicationStatus.REGISTERED, registeredOn, null);
    }

    private void fingerprints(PanaUser caller, Row row, LocalDate takenOn) {
        LocalDate decisionDue = due(row, "DECISION", row.registeredOn()).dueDate();
        update(row, "fingerprinted_on = :on, decision_due_on = :due", Map.of("on", takenOn, "due", decisionDue));
        Deadline due = due(row, "FINGERPRINTING", row.registeredOn());
        event(caller, row.id(), AsylumAction.RECORD_FINGERPRINTS, row.status(), row.status(), takenOn,
                takenOn.isAfter(due.dueDate()) ? "taken after the due date " + due.dueDate() : null);
    }

    /** Extends consideration by one certificate period, never past the one-year limit; a new certificate replaces the old. */
    private void extend(PanaUser caller, Row row, String reason, LocalDate today, List<FieldProblem> problems) {
        if (reason == null && problems.isEmpty()) problems.add(new FieldProblem("reason", "Say what additional verification is needed."));
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The transition has invalid fields.", problems);
        LocalDate limit = limit(row);
        Deadline period = due(row, "CERTIFICATE_VALIDITY", row.decisionDueOn());
        LocalDate extended = period.dueDate().isAfter(limit) ? limit : period.dueDate();
        update(row, "decision_due_on = :due", Map.of("due", extended));
        issueCertificate(row, today);
        event(caller, row.id(), AsylumAction.EXTEND_CONSIDERATION, row.status(), row.status(), today,
                "decision due " + extended + " (was " + row.decisionDueOn() + "): " + reason);
    }

    private void withdraw(PanaUser caller, Row row, LocalDate on) {
        update(row, "status = 'CLOSED', outcome = 'WITHDRAWN', closed_on = :on", Map.of("on", on));
        event(caller, row.id(), AsylumAction.WITHDRAW, row.status(), ApplicationStatus.CLOSED, on, null);
    }

    private void scheduleInterview(PanaUser caller, Row row, Transition request, List<FieldProblem> problems) {
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
        update(row, "status = status", Map.of());
        event(caller, row.id(), AsylumAction.SCHEDULE_INTERVIEW, row.status(), row.status(), today(), "interview on " + request.at());
    }

    private void recordInterview(PanaUser caller, Row row, LocalDate heldOn, String record) {
        List<FieldProblem> problems = new ArrayList<>();
        String text = FieldText.lines(record, "record", 100_000, problems);
        if (text == null && problems.isEmpty()) problems.add(new FieldProblem("record", "Give the interview record (narrative, questions and answers)."));
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The interview has invalid fields.", problems);
        jdbc.sql("UPDATE asylum_interview SET status = 'HELD', held_on = :on, record = :record WHERE application_id = :id AND status = 'SCHEDULED'")
                .param("on", heldOn).param("record", text).param("id", row.id()).update();
        update(row, "status = status", Map.of());
        event(caller, row.id(), AsylumAction.RECORD_INTERVIEW, row.status(), row.status(), heldOn, null);
    }

    private void noShow(PanaUser caller, Row row, LocalDate on) {
        jdbc.sql("UPDATE asylum_interview SET status = 'NO_SHOW', held_on = :on WHERE application_id = :id AND status = 'SCHEDULED'")
                .param("on", on).param("id", row.id()).update();
        update(row, "status = status", Map.of());
        event(caller, row.id(), AsylumAction.RECORD_NO_SHOW, row.status(), row.status(), on, null);
    }

    private void assess(PanaUser caller, Row row, Transition request, List<FieldProblem> problems) {
        String recommendation = request.recommendation();
        if (!"RECOGNISE".equals(recommendation) && !"REJECT".equals(recommendation)) {
            problems.add(new FieldProblem("recommendation", "Use RECOGNISE or REJECT."));
        }
        List<String> grounds = request.grounds() == null ? List.of() : request.grounds().stream().distinct().toList();
        for (int i = 0; i < grounds.size(); i++) {
            if (!CONVENTION_GROUNDS.contains(grounds.get(i))) {
                problems.add(new FieldProblem("grounds[" + i + "]", "Use the Convention grounds: " + String.join(", ", CONVENTION_GROUNDS.stream().sorted().toList()) + "."));
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
        update(row, "status = 'ASSESSED'", Map.of());
        event(caller, row.id(), AsylumAction.SUBMIT_ASSESSMENT, row.status(), ApplicationStatus.ASSESSED, today(), recommendation);
    }

    private void draft(PanaUser caller, Row row, Transition request, List<FieldProblem> problems) {
        String outcome = request.outcome();
        if (outcome == null || !OUTCOMES.contains(outcome)) problems.add(new FieldProblem("outcome", "Use RECOGNISED, REJECTED or CLOSED."));
        String reasons = FieldText.lines(request.reasons(), "reasons", 20_000, problems);
        if (reasons == null && problems.stream().noneMatch(p -> p.field().equals("reasons"))) problems.add(new FieldProblem("reasons", "Give the reasons."));
        if (request.familyUnityWith() != null) {
            // Family unity (Law "On Refugees", Art. 11(2)): an adult without grounds of their own, recognised with their recorded consent.
            if (!"RECOGNISED".equals(outcome)) problems.add(new FieldProblem("familyUnityWith", "Family unity is a ground for recognition only."));
            Row member = row(request.familyUnityWith()).filter(m -> m.jurisdiction().equals(row.jurisdiction()) && !m.id().equals(row.id()))
                    .orElse(null);
            if (member == null || !member.refugee()) {
                problems.add(new FieldProblem("familyUnityWith", "Name the application of a family member who is a recognised refugee."));
            }
            if (request.consentOn() == null) problems.add(new FieldProblem("consentOn", "Record the day the applicant consented."));
            else if (request.consentOn().isAfter(today()) || request.consentOn().isBefore(row.lodgedOn())) {
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
        update(row, "status = 'DECISION_DRAFTED'", Map.of());
        event(caller, row.id(), AsylumAction.DRAFT_DECISION, row.status(), ApplicationStatus.DECISION_DRAFTED, today(), outcome);
    }

    /** The second pair of eyes: the decision takes effect today (allowedIn has refused the drafter). */
    private void approve(PanaUser caller, Row row, LocalDate today) {
        Decision draft = decision(row.id()).orElseThrow();
        jdbc.sql("UPDATE asylum_decision SET state = 'APPROVED', decided_by = :by, decided_at = :now WHERE application_id = :id AND state = 'DRAFT'")
                .param("by", caller.username()).param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("id", row.id()).update();
        Map<String, Object> values = new java.util.HashMap<>(Map.of("outcome", draft.outcome(), "on", today));
        values.put("until", "RECOGNISED".equals(draft.outcome()) ? statusTerm(row, today) : null);
        update(row, "status = 'DECIDED', outcome = :outcome, decided_on = :on, status_until = :until", values);
        event(caller, row.id(), AsylumAction.APPROVE_DECISION, row.status(), ApplicationStatus.DECIDED, today, draft.outcome());
    }

    private void giveBack(PanaUser caller, Row row, Transition request, List<FieldProblem> problems) {
        String reason = FieldText.lines(request.reason(), "reason", 2000, problems);
        if (reason == null && problems.isEmpty()) problems.add(new FieldProblem("reason", "Say what the drafter should change."));
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The return has invalid fields.", problems);
        jdbc.sql("""
                UPDATE asylum_decision SET state = 'RETURNED', decided_by = :by, decided_at = :now, returned_reason = :reason
                WHERE application_id = :id AND state = 'DRAFT'""")
                .param("by", caller.username()).param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("reason", reason)
                .param("id", row.id()).update();
        ApplicationStatus back = assessment(row.id()).isPresent() ? ApplicationStatus.ASSESSED : ApplicationStatus.REGISTERED;
        update(row, "status = '" + back.name() + "'", Map.of());
        event(caller, row.id(), AsylumAction.RETURN_DECISION, row.status(), back, today(), reason);
    }

    private void notify(PanaUser caller, Row row, LocalDate notifiedOn) {
        update(row, "notified_on = :on", Map.of("on", notifiedOn));
        event(caller, row.id(), AsylumAction.NOTIFY, row.status(), row.status(), notifiedOn, null);
    }

    /** An appeal of the next level, lodged within its window (409 after it: the window is a legal fact, not a typing error). */
    private void lodgeAppeal(PanaUser caller, Row row, Transition request, LocalDate today, List<FieldProblem> problems) {
        Map.Entry<String, LocalDate> next = nextAppeal(row.status(), row.outcome(), row.notifiedOn(), appeals(row.id())).orElseThrow();
        if (!next.getKey().equals(request.level())) problems.add(new FieldProblem("level", "The appeal open now is " + next.getKey() + "."));
        LocalDate lodgedOn = date(request.lodgedOn(), "lodgedOn", next.getValue(), "the start of the appeal window", today, problems);
        Deadline window = due(row, "APPEAL", next.getValue());
        if (lodgedOn.isAfter(window.dueDate())) {
            throw new StateConflict("appeal-window-closed", "The " + next.getKey().toLowerCase(java.util.Locale.ROOT) + " appeal window closed on "
                    + window.dueDate() + " (" + window.basis() + ").");
        }
        jdbc.sql("""
                INSERT INTO asylum_appeal (id, application_id, level, lodged_on, suspensive, status, recorded_by, recorded_at)
                VALUES (:id, :application, :level, :on, :suspensive, 'PENDING', :by, :now)""")
                .param("id", ids.next()).param("application", row.id()).param("level", next.getKey()).param("on", lodgedOn)
                .param("suspensive", appealsSuspend).param("by", caller.username()).param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
        update(row, "status = 'APPEALED'", Map.of());
        event(caller, row.id(), AsylumAction.LODGE_APPEAL, row.status(), ApplicationStatus.APPEALED, lodgedOn, next.getKey());
    }

    /**
     * The reviewer's (or the court's) outcome: dismissed, the refusal stands (and the next level opens); upheld,
     * the case goes back to a fresh decision or the reviewer grants status, as the reviewer decided.
     */
    private void decideAppeal(PanaUser caller, Row row, Transition request, LocalDate today, List<FieldProblem> problems) {
        Appeal pending = appeals(row.id()).stream().filter(a -> "PENDING".equals(a.status())).findFirst().orElseThrow();
        if (!"UPHELD".equals(request.outcome()) && !"DISMISSED".equals(request.outcome())) {
            problems.add(new FieldProblem("outcome", "Use UPHELD or DISMISSED."));
        }
        if ("UPHELD".equals(request.outcome()) && !"FRESH_DECISION".equals(request.remedy()) && !"GRANT_STATUS".equals(request.remedy())) {
            problems.add(new FieldProblem("remedy", "Say whether the case returns for a fresh decision (FRESH_DECISION) or status is granted (GRANT_STATUS)."));
        }
        LocalDate decidedOn = date(request.decidedOn(), "decidedOn", pending.lodgedOn(), "the appeal", today, problems);
        String remedy = "UPHELD".equals(request.outcome()) ? request.remedy() : null;
        jdbc.sql("UPDATE asylum_appeal SET status = :status, decided_on = :on, remedy = :remedy WHERE application_id = :id AND status = 'PENDING'")
                .param("status", request.outcome()).param("on", decidedOn).param("remedy", remedy).param("id", row.id()).update();
        ApplicationStatus to;
        if (remedy == null) {
            to = ApplicationStatus.DECIDED;
            update(row, "status = 'DECIDED'", Map.of());
        } else if ("GRANT_STATUS".equals(remedy)) {
            to = ApplicationStatus.DECIDED;
            update(row, "status = 'DECIDED', outcome = 'RECOGNISED', decided_on = :on, status_until = :until",
                    Map.of("on", decidedOn, "until", statusTerm(row, decidedOn)));
        } else {
            to = assessment(row.id()).isPresent() ? ApplicationStatus.ASSESSED : ApplicationStatus.REGISTERED;
            update(row, "status = '" + to.name() + "', outcome = NULL, decided_on = NULL, notified_on = NULL", Map.of());
        }
        event(caller, row.id(), AsylumAction.DECIDE_APPEAL, row.status(), to, decidedOn,
                pending.level() + " " + request.outcome() + (remedy == null ? "" : ": " + remedy));
    }

    /** The codes of the grounds on which status ends, for {@code TERMINATED} or {@code DEPRIVED} (data). */
    List<String> statusEndGrounds(String kind) {
        return jdbc.sql("SELECT code FROM asylum_status_end_ground WHERE kind = :k ORDER BY code").param("k", kind).query(String.class).list();
    }

    /** Refugee status is granted for the rule's term (one year) from the given day. */
    private LocalDate statusTerm(Row row, LocalDate from) {
        return due(row, "STATUS_TERM", from).dueDate();
    }

    /** A yearly extension: the new term runs from the old expiry, so an early decision loses no days. */
    private void extendStatus(PanaUser caller, Row row, LocalDate decidedOn) {
        LocalDate until = statusTerm(row, row.statusUntil());
        update(row, "status_until = :until", Map.of("until", until));
        event(caller, row.id(), AsylumAction.EXTEND_STATUS, row.status(), row.status(), decidedOn, "valid until " + until + " (was " + row.statusUntil() + ")");
    }

    /** Termination or deprivation, on a ground of the data's list for that kind. */
    private void endStatus(PanaUser caller, Row row, AsylumAction action, Transition request, LocalDate today, List<FieldProblem> problems) {
        String kind = action == AsylumAction.TERMINATE_STATUS ? "TERMINATED" : "DEPRIVED";
        List<String> grounds = statusEndGrounds(kind);
        if (request.ground() == null || !grounds.contains(request.ground())) problems.add(new FieldProblem("ground", "Use one of " + String.join(", ", grounds) + "."));
        LocalDate on = date(request.on(), "on", row.decidedOn(), "the grant", today, problems);
        update(row, "status_end = :end, status_ended_on = :on, status_end_ground = :ground", Map.of("end", kind, "on", on, "ground", request.ground()));
        event(caller, row.id(), action, row.status(), row.status(), on, kind + ": " + request.ground());
    }

    /** The change, only if nobody changed the application since it was read (409 otherwise). */
    private void update(Row row, String set, Map<String, Object> params) {
        Map<String, Object> all = new java.util.HashMap<>(params);
        all.put("id", row.id());
        all.put("version", row.version());
        int changed = jdbc.sql("UPDATE asylum_application SET " + set + ", version = version + 1 WHERE id = :id AND version = :version")
                .params(all).update();
        if (changed == 0) throw new StateConflict("concurrent-change", "Someone else changed the application at the same moment; reload it.");
    }

    private void issueCertificate(Row row, LocalDate from) {
        Deadline validity = due(row, "CERTIFICATE_VALIDITY", from);
        long issued = jdbc.sql("SELECT count(*) FROM asylum_certificate WHERE application_id = :id").param("id", row.id()).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO asylum_certificate (id, application_id, number, valid_from, valid_until, issued_at)
                VALUES (:id, :application, :number, :from, :until, :now)""")
                .param("id", ids.next()).param("application", row.id()).param("number", row.number() + "/" + (issued + 1))
                .param("from", from).param("until", validity.dueDate()).param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    private void event(PanaUser caller, UUID application, AsylumAction action, ApplicationStatus from, ApplicationStatus to, LocalDate effectiveOn,
            String details) {
        jdbc.sql("""
                INSERT INTO asylum_application_event (id, application_id, action, from_status, to_status, effective_on, recorded_at, recorded_by, details)
                VALUES (:id, :application, :action, :from, :to, :on, :at, :by, :details)""")
                .param("id", ids.next()).param("application", application).param("action", action.name())
                .param("from", from == null ? null : from.name()).param("to", to.name()).param("on", effectiveOn)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC)).param("by", caller.username()).param("details", details).update();
    }
}
