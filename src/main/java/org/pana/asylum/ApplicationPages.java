package org.pana.asylum;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.pana.access.PanaUser;
import org.pana.platform.NotFound;
import org.pana.platform.RuleViolation;
import org.pana.platform.RuleViolation.FieldProblem;
import org.pana.platform.StateConflict;
import org.pana.registration.PersonSummary;
import org.pana.registration.Registry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case page of an asylum application and its forms (issue 5, item 11): what the API returns, in the reader's language,
 * with a form for each action the caller may take now. Everything goes through {@link Applications}, so a page sees and does
 * exactly what the API would; a form only turns its text fields into the API's types, and a date that is not a date is
 * refused here before anything is sent.
 */
@Controller
@RequestMapping("/asylum/applications")
class ApplicationPages {

    /** The roles of the API's read and transition endpoints. */
    private static final String CASE_ROLES = "hasAnyRole('REGISTRATION_OFFICER', 'ELIGIBILITY_OFFICER', 'DECISION_MAKER', 'APPEALS_OFFICER', 'PROTECTION_MONITOR')";

    static final List<String> RECOMMENDATIONS = List.of("RECOGNISE", "REJECT");
    static final List<String> GROUNDS = List.of("RACE", "RELIGION", "NATIONALITY", "PARTICULAR_SOCIAL_GROUP", "POLITICAL_OPINION");
    static final List<String> OUTCOMES = List.of("RECOGNISED", "REJECTED", "CLOSED");
    static final List<String> SEXES = List.of("NO_PREFERENCE", "FEMALE", "MALE");

    /** A history entry with its time written for the reader. */
    record HistoryLine(Applications.HistoryItem item, String recordedAt) {}

    /** An interview with its time written for the reader. */
    record InterviewLine(Applications.Interview interview, String scheduledAt) {}

    private final Applications applications;
    private final RefugeeStatuses statuses;
    private final Registry registry;
    private final MessageSource messages;
    private final ZoneId zone;

    ApplicationPages(Applications applications, RefugeeStatuses statuses, Registry registry, MessageSource messages,
            @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone) {
        this.applications = applications;
        this.statuses = statuses;
        this.registry = registry;
        this.messages = messages;
        this.zone = zone;
    }

    @GetMapping("/{id}")
    @PreAuthorize(CASE_ROLES)
    String application(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, Model model, Locale locale) {
        show(caller, applications.find(caller, id), model, locale);
        return "asylum/application";
    }

    /** One action from its form: back to the case page when done (PRG), the page again with the problems otherwise. */
    @PostMapping("/{id}/transitions")
    @PreAuthorize(CASE_ROLES)
    String transition(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
            Model model, Locale locale, HttpServletResponse response) {
        String action = form.getFirst("action");
        List<FieldProblem> problems = new ArrayList<>();
        Applications.Transition request = new Applications.Transition(action, date(form, "registeredOn", problems),
                date(form, "takenOn", problems), text(form, "reason"), date(form, "on", problems), instant(form, "at", problems),
                text(form, "place"), text(form, "interpreterLanguage"), text(form, "interviewerSex"), text(form, "interpreterSex"),
                date(form, "heldOn", problems), text(form, "record"), text(form, "recommendation"),
                form.containsKey("grounds") ? List.copyOf(form.get("grounds")) : null, text(form, "summary"),
                form.containsKey("exclusionConsidered") ? Boolean.TRUE : null, text(form, "outcome"), text(form, "reasons"),
                date(form, "notifiedOn", problems), text(form, "level"), date(form, "lodgedOn", problems), date(form, "decidedOn", problems),
                text(form, "remedy"), text(form, "ground"), id(text(form, "familyUnityWith"), "familyUnityWith", problems),
                date(form, "consentOn", problems));
        try {
            // A value that did not parse is sent as missing: the service still refuses a role (403) or a state (409) first,
            // and then names the field, whose problem is shown with the reason it did not parse.
            applications.transition(caller, id, request);
            return "redirect:/asylum/applications/" + id;
        } catch (RuleViolation e) {
            response.setStatus(422);
            model.addAttribute("failedAction", action);
            model.addAttribute("errors", errors(new RuleViolation(e.type(), e.getMessage(),
                    Stream.concat(problems.stream(), e.errors().stream()).toList()), locale));
            model.addAttribute("entered", form.toSingleValueMap());
            model.addAttribute("enteredGrounds", form.getOrDefault("grounds", List.of()));
        } catch (StateConflict e) {
            response.setStatus(409);
            model.addAttribute("conflict", e.getMessage());
        }
        return application(caller, id, model, locale);
    }

    /**
     * Takes, assigns or gives back the case from its form (PRG); an unknown or ineligible colleague is shown next to the
     * field, and a version someone else has moved past shows the case as it now is with a banner.
     */
    @PostMapping("/{id}/assignee")
    @PreAuthorize(CASE_ROLES)
    String assign(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
            Model model, Locale locale, HttpServletResponse response) {
        Long version;
        try {
            version = text(form, "version") == null ? null : Long.valueOf(text(form, "version"));
        } catch (NumberFormatException e) {
            version = null;
        }
        try {
            applications.assign(caller, id, text(form, "username"), version);
            return "redirect:/asylum/applications/" + id;
        } catch (RuleViolation e) {
            response.setStatus(422);
            model.addAttribute("failedAction", AsylumAction.ASSIGN.name());
            model.addAttribute("errors", errors(e, locale));
            model.addAttribute("entered", form.toSingleValueMap());
        } catch (StateConflict e) {
            response.setStatus(409);
            model.addAttribute("conflict", "concurrent-change".equals(e.type())
                    ? message("asylum.assign.stale", e.getMessage(), locale) : e.getMessage());
        }
        return application(caller, id, model, locale);
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('REGISTRATION_OFFICER')")
    String lodgingForm(@RequestParam(required = false) String personId, Model model) {
        model.addAttribute("entered", personId == null ? Map.of() : Map.of("personId", personId));
        model.addAttribute("errors", Map.of());
        return "asylum/application-new";
    }

    @PostMapping
    @PreAuthorize("hasRole('REGISTRATION_OFFICER')")
    String lodge(@AuthenticationPrincipal PanaUser caller, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
            HttpServletResponse response) {
        List<FieldProblem> problems = new ArrayList<>();
        UUID personId = id(text(form, "personId"), "personId", problems);
        UUID referralId = id(text(form, "referralId"), "referralId", problems);
        List<String> given = text(form, "includedChildren") == null ? List.of()
                : Stream.of(text(form, "includedChildren").split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
        List<UUID> children = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) children.add(id(given.get(i), "includedChildren[" + i + "]", problems));
        Applications.Lodging request = new Applications.Lodging(personId, date(form, "lodgedOn", problems), text(form, "lodgedAt"), referralId,
                children, date(form, "arrivedOn", problems), form.containsKey("irregularEntry") ? Boolean.TRUE : null);
        try {
            if (!problems.isEmpty()) throw new RuleViolation("validation", "The application has invalid fields.", problems);
            return "redirect:/asylum/applications/" + applications.lodge(caller, request).id();
        } catch (RuleViolation e) {
            response.setStatus(422);
            model.addAttribute("errors", errors(e, locale));
        } catch (NotFound e) {
            response.setStatus(422);
            model.addAttribute("errors", Map.of("personId", message("asylum.page.error.person-not-found", null, locale)));
        } catch (StateConflict e) {
            response.setStatus(409);
            model.addAttribute("conflict", e.getMessage());
        }
        model.addAttribute("entered", form.toSingleValueMap());
        return "asylum/application-new";
    }

    private void show(PanaUser caller, Applications.Application application, Model model, Locale locale) {
        List<UUID> people = Stream.concat(Stream.of(application.personId()), application.includedChildren().stream()).toList();
        Map<UUID, String> numbers = registry.summaries(caller, people).stream()
                .collect(Collectors.toMap(PersonSummary::id, PersonSummary::registrationNumber));
        DateTimeFormatter format = format(locale);
        model.addAttribute("asylumCase", application);
        model.addAttribute("numbers", numbers);
        model.addAttribute("history", application.history().stream().map(h -> new HistoryLine(h, format.format(h.recordedAt()))).toList());
        model.addAttribute("interviews", application.interviews().stream()
                .map(i -> new InterviewLine(i, format.format(i.scheduledAt()))).toList());
        model.addAttribute("actions", application.allowedActions().stream().map(Enum::name).toList());
        model.addAttribute("recommendations", RECOMMENDATIONS);
        model.addAttribute("grounds", GROUNDS);
        model.addAttribute("outcomes", OUTCOMES);
        model.addAttribute("sexes", SEXES);
        model.addAttribute("levels", List.of("ADMINISTRATIVE", "JUDICIAL"));
        model.addAttribute("appealOutcomes", List.of("UPHELD", "DISMISSED"));
        model.addAttribute("remedies", List.of("FRESH_DECISION", "GRANT_STATUS"));
        model.addAttribute("terminationGrounds", statuses.endGrounds("TERMINATED"));
        model.addAttribute("deprivationGrounds", statuses.endGrounds("DEPRIVED"));
        assignment(caller, application, model);
        if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
        if (!model.containsAttribute("entered")) model.addAttribute("entered", Map.of());
        if (!model.containsAttribute("enteredGrounds")) model.addAttribute("enteredGrounds", List.of());
    }

    /**
     * The assignment line and form: the names of the colleagues a case may go to; a select of them for a decision maker,
     * "take" or "give back" for an eligibility officer, nothing on a closed case (the service decides; this only offers).
     */
    private void assignment(PanaUser caller, Applications.Application application, Model model) {
        boolean authority = caller.organisationType() == org.pana.access.OrganisationType.ASYLUM_AUTHORITY;
        List<org.pana.access.Colleagues.Colleague> colleagues = authority ? applications.assignableColleagues(caller) : List.of();
        model.addAttribute("assigneeName", application.assignedTo() == null ? null : colleagues.stream()
                .filter(c -> c.username().equals(application.assignedTo())).map(org.pana.access.Colleagues.Colleague::displayName).findFirst()
                .orElse(application.assignedTo()));
        boolean open = application.status() != ApplicationStatus.CLOSED;
        boolean decides = authority && open && caller.roles().contains(org.pana.access.Role.DECISION_MAKER);
        boolean takes = authority && open && !decides && caller.roles().contains(org.pana.access.Role.ELIGIBILITY_OFFICER);
        model.addAttribute("assignees", decides ? colleagues : List.of());
        model.addAttribute("mayTake", takes && application.assignedTo() == null);
        model.addAttribute("mayGiveBack", takes && caller.username().equals(application.assignedTo()));
    }

    /** Each problem by its field (without an index), in the reader's language; the service's sentence where the bundle has none. */
    private Map<String, String> errors(RuleViolation e, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : e.errors()) {
            String field = problem.field().replaceAll("\\[\\d+]$", "");
            errors.putIfAbsent(field, message("asylum.page.error." + field, problem.message(), locale));
        }
        if (errors.isEmpty()) errors.put("action", e.getMessage());
        return errors;
    }

    private String message(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback == null ? key : fallback, locale);
    }

    private static String text(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static LocalDate date(MultiValueMap<String, String> form, String field, List<FieldProblem> problems) {
        String value = text(form, field);
        if (value == null) return null;
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "Give the date as YYYY-MM-DD."));
            return null;
        }
    }

    /** A {@code datetime-local} value, read as the local time of the authority's zone. */
    private Instant instant(MultiValueMap<String, String> form, String field, List<FieldProblem> problems) {
        String value = text(form, field);
        if (value == null) return null;
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "Give the day and time."));
            return null;
        }
    }

    private static UUID id(String value, String field, List<FieldProblem> problems) {
        if (value == null) return null;
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "Give a person or referral id as shown on its page."));
            return null;
        }
    }

    private DateTimeFormatter format(Locale locale) {
        Locale shown = locale.getLanguage().equals("en") && locale.getCountry().isEmpty() ? Locale.UK : locale;
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(shown).withZone(zone);
    }
}
