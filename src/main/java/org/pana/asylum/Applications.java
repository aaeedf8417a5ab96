package org.pana.asylum;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The asylum case as a whole: lodging (one application per applicant; children are included in a parent's),
 * assignment, reading with deadlines, history and the actions the caller may take, and the state machine of
 * transitions. Registration, fingerprinting, extension of consideration and withdrawal are taken here; the later
 * steps by {@link Interviews}, {@link Decisions}, {@link Appeals} and {@link RefugeeStatuses}, all on the stored
 * case of {@link CaseFiles}. Every status change is a dated fact in {@code asylum_application_event}; every deadline
 * comes from the calendar's rules of procedure {@code ASYLUM} with its basis. Whoever may not see an application
 * gets "not found" (audited).
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


    private final JdbcClient jdbc;
    private final Registry registry;
    private final BorderReferrals referrals;
    private final LegalDeadlines deadlines;
    private final AuditTrail audit;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final Colleagues colleagues;
    private final CaseFiles files;
    private final Interviews interviews;
    private final Decisions decisions;
    private final Appeals appeals;
    private final RefugeeStatuses statuses;

    Applications(JdbcClient jdbc, Registry registry, BorderReferrals referrals, LegalDeadlines deadlines, AuditTrail audit, TimeOrderedIds ids,
            Clock clock, Colleagues colleagues, CaseFiles files, Interviews interviews, Decisions decisions, Appeals appeals,
            RefugeeStatuses statuses) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.referrals = referrals;
        this.deadlines = deadlines;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.colleagues = colleagues;
        this.files = files;
        this.interviews = interviews;
        this.decisions = decisions;
        this.appeals = appeals;
        this.statuses = statuses;
    }

    // ---- lodging ---------------------------------------------------------------------------------------------

    @Transactional
    Application lodge(PanaUser caller, Lodging request) {
        if (!caller.roles().contains(Role.REGISTRATION_OFFICER) || caller.organisationType() != OrganisationType.ASYLUM_AUTHORITY) {
            throw new AccessDeniedException("Applications are lodged with the asylum authority's registration officers.");
        }
        LocalDate today = files.today();
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
                if (arrivedOn == null) arrivedOn = files.dayOf(referral.encounteredAt());
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
        files.event(caller, id, AsylumAction.LODGE, null, ApplicationStatus.LODGED, request.lodgedOn(),
                (late ? "lodged late" : null));
        if (referral != null) referrals.takeOver(caller, referral.id(), number);
        audit.record(AuditEntry.success("ASYLUM_APPLICATION_LODGED", "PERSON", request.personId()).withDetails(number));
        return view(caller, files.row(id).orElseThrow());
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
        ApplicationRow row = visibleRow(caller, id, "ASYLUM_ASSIGN");
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
        files.update(row, "assigned_to = :to, assigned_at = :at", values);
        files.event(caller, row.id(), AsylumAction.ASSIGN, row.status(), row.status(), files.today(),
                assignee == null ? "unassigned (was " + row.assignedTo() + ")"
                        : "assigned to " + assignee + (row.assignedTo() == null ? "" : " (was " + row.assignedTo() + ")"));
        audit.record(AuditEntry.success("ASYLUM_ASSIGN", "PERSON", row.personId()).withDetails(row.number()));
        return view(caller, files.row(id).orElseThrow());
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    /** The application for a caller who may see it; "not found" otherwise (audited as denied). Each read is audited. */
    @Transactional
    Application find(PanaUser caller, UUID id) {
        ApplicationRow row = visibleRow(caller, id, "ASYLUM_APPLICATION_VIEWED");
        audit.record(AuditEntry.success("ASYLUM_APPLICATION_VIEWED", "PERSON", row.personId()).withDetails(row.number()));
        return view(caller, row);
    }

    /**
     * The application for a document drawn from it (the decision letter): seen by whoever may see the case, the read
     * audited as {@code action} (denied ones too); interview records are left out, as the document does not show them.
     */
    @Transactional
    Application read(PanaUser caller, UUID id, String action) {
        ApplicationRow row = visibleRow(caller, id, action);
        audit.record(AuditEntry.success(action, "PERSON", row.personId()).withDetails(row.number()));
        return view(caller, row, false);
    }

    private ApplicationRow visibleRow(PanaUser caller, UUID id, String action) {
        return files.row(id).filter(r -> maySee(caller, r)).orElseThrow(() -> {
            audit.recordSeparately(AuditEntry.denied(action, "ASYLUM_APPLICATION", id));
            return new NotFound("application");
        });
    }

    private static boolean maySee(PanaUser caller, ApplicationRow row) {
        if (!row.jurisdiction().equals(caller.jurisdiction())) return false;
        boolean authority = caller.organisationType() == OrganisationType.ASYLUM_AUTHORITY
                && caller.roles().stream().anyMatch(AUTHORITY::contains);
        return authority || caller.roles().stream().anyMatch(OVERSIGHT::contains);
    }

    private Application view(PanaUser caller, ApplicationRow row) {
        return view(caller, row, true);
    }

    private Application view(PanaUser caller, ApplicationRow row, boolean withRecords) {
        List<UUID> children = jdbc.sql("SELECT person_id FROM asylum_application_child WHERE application_id = :id ORDER BY person_id")
                .param("id", row.id()).query(UUID.class).list();
        List<Certificate> certificates = files.certificates(row.id());
        List<HistoryItem> history = jdbc.sql("""
                SELECT action, from_status, to_status, effective_on, recorded_at, recorded_by, details FROM asylum_application_event
                WHERE application_id = :id ORDER BY recorded_at, id""")
                .param("id", row.id()).query((rs, n) -> new HistoryItem(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6), rs.getString(7)))
                .list();
        boolean readsRecords = withRecords && caller.roles().stream().anyMatch(INTERVIEW_READERS::contains);
        List<Interview> held = interviews.of(row.id(), readsRecords);
        if (readsRecords && held.stream().anyMatch(i -> i.record() != null)) {
            audit.record(AuditEntry.success("ASYLUM_INTERVIEW_RECORD_VIEWED", "PERSON", row.personId()).withDetails(row.number()));
        }
        Assessment assessment = readsRecords ? decisions.assessment(row.id()).orElse(null) : null;
        Decision decision = decisions.latest(row.id()).orElse(null);
        return new Application(row.id(), row.number(), row.jurisdiction(), row.personId(), children, row.referralId(), row.lodgedOn(),
                row.lodgedAt(), row.arrivedOn(), row.irregularEntry(), row.lateLodging(), row.status(), row.outcome(), row.registeredOn(),
                row.fingerprintedOn(), row.decisionDueOn(), row.closedOn(), row.decidedOn(), row.notifiedOn(), row.version(),
                deadlines(row, certificates), certificates, held, assessment, decision, appeals.of(row.id()),
                row.statusUntil() == null ? null : new RefugeeStatus(row.decidedOn(), row.statusUntil(), row.statusEnd(), row.statusEndedOn(),
                        row.statusEndGround()), history,
                allowedActions(caller, row), row.assignedTo());
    }

    /** The transitions this caller may take now; the latest interview's status is read once for all of them. */
    private List<AsylumAction> allowedActions(PanaUser caller, ApplicationRow row) {
        String interview = interviews.latestStatus(row.id());
        return EnumSet.allOf(AsylumAction.class).stream()
                .filter(a -> a.transition() && mayDo(caller, a) && allowedIn(caller, row, a, interview) == null).toList();
    }

    /** The deadlines of a case, for the daily deadline watch: dates and rules only, nothing about the person is read. */
    List<DeadlineView> deadlinesOf(UUID application) {
        return files.row(application).map(row -> deadlines(row, files.certificates(application))).orElse(List.of());
    }

    /**
     * Every deadline of the application with the rule's basis, whether it was met where that is known, and the day
     * the deadline watch flagged it, if it did.
     */
    private List<DeadlineView> deadlines(ApplicationRow row, List<Certificate> certificates) {
        Map<String, LocalDate> flags = new java.util.HashMap<>();
        jdbc.sql("SELECT step, due_on, flagged_on FROM asylum_deadline_flag WHERE application_id = :id").param("id", row.id())
                .query(rs -> {
                    flags.put(rs.getString(1) + "@" + rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class));
                });
        return unflagged(row, certificates).stream()
                .map(d -> flags.containsKey(d.step() + "@" + d.dueOn()) ? d.flagged(flags.get(d.step() + "@" + d.dueOn())) : d).toList();
    }

    private List<DeadlineView> unflagged(ApplicationRow row, List<Certificate> certificates) {
        List<DeadlineView> due = new ArrayList<>();
        if (row.arrivedOn() != null) {
            Deadline lodging = files.due(row, row.irregularEntry() ? "LODGING_AFTER_IRREGULAR_ENTRY" : "LODGING",
                    row.arrivedOn());
            due.add(new DeadlineView(lodging.rule().step(), lodging.dueDate(), lodging.basis(), lodging, !row.lateLodging()));
        }
        if (row.registeredOn() != null) {
            Deadline fingerprints = files.due(row, "FINGERPRINTING", row.registeredOn());
            due.add(new DeadlineView("FINGERPRINTING", fingerprints.dueDate(), fingerprints.basis(), fingerprints,
                    row.fingerprintedOn() == null ? null : !row.fingerprintedOn().isAfter(fingerprints.dueDate())));
            if (!certificates.isEmpty() && IN_PROCEDURE.contains(row.status())) {
                // The asylum-seeker certificate must stay valid while the claim is considered; after the decision it is moot.
                Certificate current = certificates.get(certificates.size() - 1);
                Deadline validity = files.due(row, "CERTIFICATE_VALIDITY", current.validFrom());
                due.add(new DeadlineView("CERTIFICATE_VALIDITY", current.validUntil(), validity.basis(), validity, null));
            }
        }
        if (row.decisionDueOn() != null) {
            Deadline decision = files.due(row, "DECISION", row.registeredOn());
            Deadline limit = files.due(row, "DECISION_MAX_EXTENSION", row.registeredOn());
            boolean extended = row.decisionDueOn().isAfter(decision.dueDate());
            LocalDate ended = row.decidedOn() != null ? row.decidedOn() : row.closedOn();
            due.add(new DeadlineView("DECISION", row.decisionDueOn(), extended ? "Extended for additional verification, at most until "
                    + limit.dueDate() + ": " + limit.basis() : decision.basis(), extended ? limit : decision,
                    ended == null ? null : !ended.isAfter(row.decisionDueOn())));
        }
        if (row.decidedOn() != null) {
            Deadline notification = files.due(row, "NOTIFICATION", row.decidedOn());
            due.add(new DeadlineView("NOTIFICATION", notification.dueDate(), notification.basis(), notification,
                    row.notifiedOn() == null ? null : !row.notifiedOn().isAfter(notification.dueDate())));
        }
        if (row.refugee() && row.statusUntil() != null) {
            Deadline term = files.due(row, "STATUS_TERM", row.decidedOn());
            Deadline invitation = files.due(row, "EXTENSION_INVITATION", row.statusUntil());
            due.add(new DeadlineView("STATUS_TERM", row.statusUntil(), term.basis(), term, null));
            due.add(new DeadlineView("EXTENSION_INVITATION", invitation.dueDate(), invitation.basis(), invitation, null));
        }
        var next = appeals.next(row.status(), row.outcome(), row.notifiedOn(), appeals.of(row.id()));
        if (next.isPresent()) {
            Deadline appeal = files.due(row, "APPEAL", next.get().getValue());
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

    /** Why the action cannot be taken now, given the latest interview's status ({@code interview}, null if none). */
    private String allowedIn(PanaUser caller, ApplicationRow row, AsylumAction action, String interview) {
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
                    : decisions.latest(row.id()).map(Decision::draftedBy).filter(caller.username()::equals).isPresent()
                            ? "Four eyes: the decision maker who approves or returns a decision is not the one who drafted it." : null;
            case NOTIFY -> row.status() == ApplicationStatus.DECIDED && row.notifiedOn() == null ? null
                    : "Only a decision not yet notified is notified.";
            case LODGE_APPEAL -> appeals.next(row.status(), row.outcome(), row.notifiedOn(), appeals.of(row.id())).isPresent() ? null
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

    private LocalDate limit(ApplicationRow row) {
        return files.due(row, "DECISION_MAX_EXTENSION", row.registeredOn()).dueDate();
    }

    @Transactional
    Application transition(PanaUser caller, UUID id, Transition request) {
        ApplicationRow row = visibleRow(caller, id, "ASYLUM_TRANSITION");
        AsylumAction action = AsylumAction.parse(request.action()).filter(AsylumAction::transition).orElseThrow(() ->
                RuleViolation.onField("action", "Use one of " + String.join(", ", AsylumAction.transitions()) + "."));
        if (!mayDo(caller, action)) {
            audit.recordSeparately(AuditEntry.denied("ASYLUM_" + action.name(), "PERSON", row.personId()).withDetails(row.number()));
            throw new AccessDeniedException("Your role may not " + action.name() + ".");
        }
        String refused = allowedIn(caller, row, action, interviews.latestStatus(row.id()));
        if (refused != null) {
            audit.recordSeparately(AuditEntry.denied("ASYLUM_" + action.name(), "PERSON", row.personId()).withDetails(row.number() + ": " + refused));
            throw new StateConflict("transition-not-allowed", refused);
        }
        LocalDate today = files.today();
        List<FieldProblem> problems = new ArrayList<>();
        switch (action) {
            case REGISTER -> register(caller, row, date(request.registeredOn(), "registeredOn", row.lodgedOn(), "the day of lodging", today, problems));
            case RECORD_FINGERPRINTS -> fingerprints(caller, row, date(request.takenOn(), "takenOn", row.registeredOn(), "registration", today, problems));
            case EXTEND_CONSIDERATION -> extend(caller, row, FieldText.lines(request.reason(), "reason", 2000, problems), today, problems);
            case WITHDRAW -> withdraw(caller, row, date(request.on(), "on", row.lodgedOn(), "the day of lodging", today, problems));
            case SCHEDULE_INTERVIEW -> interviews.schedule(caller, row, request, problems);
            case RECORD_INTERVIEW -> interviews.record(caller, row, date(request.heldOn(), "heldOn", row.registeredOn(), "registration", today, problems),
                    request.record());
            case RECORD_NO_SHOW -> interviews.noShow(caller, row, date(request.on(), "on", row.registeredOn(), "registration", today, problems));
            case SUBMIT_ASSESSMENT -> decisions.assess(caller, row, request, problems);
            case DRAFT_DECISION -> decisions.draft(caller, row, request, problems);
            case APPROVE_DECISION -> decisions.approve(caller, row, today);
            case RETURN_DECISION -> decisions.giveBack(caller, row, request, problems);
            case NOTIFY -> decisions.notify(caller, row, date(request.notifiedOn(), "notifiedOn", row.decidedOn(), "the decision", today, problems));
            case LODGE_APPEAL -> appeals.lodge(caller, row, request, today, problems);
            case DECIDE_APPEAL -> appeals.decide(caller, row, request, today, problems);
            case EXTEND_STATUS -> statuses.extend(caller, row, date(request.decidedOn(), "decidedOn", row.decidedOn(), "the grant", today, problems));
            case TERMINATE_STATUS, DEPRIVE_STATUS -> statuses.end(caller, row, action, request, today, problems);
            default -> throw new IllegalStateException(action.name());
        }
        audit.record(AuditEntry.success("ASYLUM_" + action.name(), "PERSON", row.personId()).withDetails(row.number()));
        return view(caller, files.row(id).orElseThrow());
    }

    /** A legal date of a transition: given, not before {@code notBefore}, not in the future; the problem added otherwise. */
    static LocalDate date(LocalDate value, String field, LocalDate notBefore, String what, LocalDate today, List<FieldProblem> problems) {
        if (value == null) problems.add(new FieldProblem(field, "Give the date."));
        else if (value.isAfter(today)) problems.add(new FieldProblem(field, "The date cannot be in the future."));
        else if (notBefore != null && value.isBefore(notBefore)) problems.add(new FieldProblem(field, "The date cannot be before " + what + " (" + notBefore + ")."));
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The transition has invalid fields.", problems);
        return value;
    }

    private void register(PanaUser caller, ApplicationRow row, LocalDate registeredOn) {
        files.update(row, "status = 'REGISTERED', registered_on = :on", Map.of("on", registeredOn));
        files.issueCertificate(row, registeredOn);
        files.event(caller, row.id(), AsylumAction.REGISTER, row.status(), ApplicationStatus.REGISTERED, registeredOn, null);
    }

    private void fingerprints(PanaUser caller, ApplicationRow row, LocalDate takenOn) {
        LocalDate decisionDue = files.due(row, "DECISION", row.registeredOn()).dueDate();
        files.update(row, "fingerprinted_on = :on, decision_due_on = :due", Map.of("on", takenOn, "due", decisionDue));
        Deadline due = files.due(row, "FINGERPRINTING", row.registeredOn());
        files.event(caller, row.id(), AsylumAction.RECORD_FINGERPRINTS, row.status(), row.status(), takenOn,
                takenOn.isAfter(due.dueDate()) ? "taken after the due date " + due.dueDate() : null);
    }

    /** Extends consideration by one certificate period, never past the one-year limit; a new certificate replaces the old. */
    private void extend(PanaUser caller, ApplicationRow row, String reason, LocalDate today, List<FieldProblem> problems) {
        if (reason == null && problems.isEmpty()) problems.add(new FieldProblem("reason", "Say what additional verification is needed."));
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The transition has invalid fields.", problems);
        LocalDate limit = limit(row);
        Deadline period = files.due(row, "CERTIFICATE_VALIDITY", row.decisionDueOn());
        LocalDate extended = period.dueDate().isAfter(limit) ? limit : period.dueDate();
        files.update(row, "decision_due_on = :due", Map.of("due", extended));
        files.issueCertificate(row, today);
        files.event(caller, row.id(), AsylumAction.EXTEND_CONSIDERATION, row.status(), row.status(), today,
                "decision due " + extended + " (was " + row.decisionDueOn() + "): " + reason);
    }

    private void withdraw(PanaUser caller, ApplicationRow row, LocalDate on) {
        files.update(row, "status = 'CLOSED', outcome = 'WITHDRAWN', closed_on = :on", Map.of("on", on));
        files.event(caller, row.id(), AsylumAction.WITHDRAW, row.status(), ApplicationStatus.CLOSED, on, null);
    }

}
