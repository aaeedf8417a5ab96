package org.pana.border;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.platform.RemovalGround;
import org.pana.platform.RuleViolation;
import org.pana.registration.PersonSummary;
import org.pana.registration.RegistrationNumber;
import org.pana.registration.Registry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The guard's pages: {@code /removal-checks} (may this person be removed today, with every ground and its date),
 * {@code /removal-reports/new} (a removal carried out) and {@code /removal-reports/{id}}. A person is found by
 * registration number, sent in a form body, never in a URL.
 */
@Controller
class RemovalPagesController {

    private final RemovalGuard guard;
    private final RemovalReports reports;
    private final BorderPoints points;
    private final Registry registry;
    private final MessageSource messages;
    private final ZoneId zone;

    RemovalPagesController(RemovalGuard guard, RemovalReports reports, BorderPoints points, Registry registry, MessageSource messages,
            @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone) {
        this.guard = guard;
        this.reports = reports;
        this.points = points;
        this.registry = registry;
        this.messages = messages;
        this.zone = zone;
    }

    /** A ground as shown: what it means in the reader's language, since when, and what to quote. */
    record GroundLine(String kind, String text, String since, String reference) {}

    record CheckForm(String registrationNumber) {}

    record ReportForm(String registrationNumber, String removedAt, String borderPoint, String place, String destinationCountry,
            String note) {}

    @GetMapping("/removal-checks")
    @PreAuthorize("hasAnyRole('BORDER_OFFICER', 'MIGRATION_OFFICER')")
    String checkForm(Model model) {
        model.addAttribute("form", new CheckForm(""));
        return "border/removal-check";
    }

    @PostMapping("/removal-checks")
    @PreAuthorize("hasAnyRole('BORDER_OFFICER', 'MIGRATION_OFFICER')")
    String check(@AuthenticationPrincipal PanaUser caller, CheckForm form, Model model, Locale locale) {
        model.addAttribute("form", form);
        Optional<PersonSummary> person = person(caller, form.registrationNumber());
        if (person.isEmpty()) {
            model.addAttribute("notFound", true);
            return "border/removal-check";
        }
        RemovalGuard.RemovalCheck check = guard.check(caller, person.get().id());
        model.addAttribute("person", person.get());
        model.addAttribute("check", check);
        model.addAttribute("checkedAt", dateTime(locale).format(check.checkedAt()));
        model.addAttribute("grounds", lines(check.grounds(), locale));
        return "border/removal-check";
    }

    @GetMapping("/removal-reports/new")
    @PreAuthorize("hasAnyRole('BORDER_OFFICER', 'MIGRATION_OFFICER')")
    String reportForm(@AuthenticationPrincipal PanaUser caller, Model model) {
        return reportPage(caller, new ReportForm("", "", "", "", "", ""), Map.of(), model);
    }

    @PostMapping("/removal-reports")
    @PreAuthorize("hasAnyRole('BORDER_OFFICER', 'MIGRATION_OFFICER')")
    String report(@AuthenticationPrincipal PanaUser caller, ReportForm form, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<PersonSummary> person = person(caller, form.registrationNumber());
        if (person.isEmpty()) errors.put("registrationNumber", "removal.report.error.registrationNumber");
        Instant removedAt = null;
        try {
            if (form.removedAt() != null && !form.removedAt().isBlank()) removedAt = LocalDateTime.parse(form.removedAt()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            errors.put("removedAt", "removal.report.error.removedAt");
        }
        if (!errors.isEmpty()) return reportPage(caller, form, errors, model);
        try {
            RemovalReports.RemovalReport report = reports.report(caller, new RemovalReports.RemovalReportRequest(person.get().id(), removedAt,
                    blankAsNull(form.borderPoint()), form.place(), form.destinationCountry() == null ? null
                            : form.destinationCountry().strip().toUpperCase(Locale.ROOT), form.note()));
            return "redirect:/removal-reports/" + report.id();
        } catch (RuleViolation e) {
            for (RuleViolation.FieldProblem problem : e.errors()) {
                errors.putIfAbsent(problem.field(), "removal.report.error." + problem.field());
            }
            return reportPage(caller, form, errors, model);
        }
    }

    @GetMapping("/removal-reports/{id}")
    @PreAuthorize("hasAnyRole('BORDER_OFFICER', 'MIGRATION_OFFICER', 'PROTECTION_MONITOR', 'APPEALS_OFFICER', 'STATISTICIAN', 'AUDITOR')")
    String show(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, Model model, Locale locale) {
        RemovalReports.RemovalReport report = reports.find(caller, id);
        model.addAttribute("report", report);
        model.addAttribute("person", registry.summaries(caller, List.of(report.personId())).stream().findFirst().orElse(null));
        model.addAttribute("removedAt", dateTime(locale).format(report.removedAt()));
        model.addAttribute("reportedAt", dateTime(locale).format(report.reportedAt()));
        model.addAttribute("groundsAsOf", date(locale).format(report.groundsAsOf()));
        model.addAttribute("grounds", lines(report.grounds(), locale));
        model.addAttribute("point", report.borderPoint() == null ? null : points.find(report.borderPoint()).map(BorderPoints.BorderPoint::name)
                .orElse(report.borderPoint()));
        return "border/removal-report";
    }

    private String reportPage(PanaUser caller, ReportForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("points", points.of(caller.jurisdiction()));
        return "border/removal-report-new";
    }

    /** The person with this registration number, if the caller may see them (the lookup is audited as a listing). */
    private Optional<PersonSummary> person(PanaUser caller, String number) {
        String upper = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        if (!RegistrationNumber.looksLikeOne(upper)) return Optional.empty();
        return registry.search(caller, upper, 0, 1).items().stream().filter(p -> upper.equals(p.registrationNumber())).findFirst();
    }

    private List<GroundLine> lines(List<RemovalGround> grounds, Locale locale) {
        DateTimeFormatter date = date(locale);
        return grounds.stream().map(g -> new GroundLine(g.kind(), messages.getMessage("removal.ground." + g.kind(), null, g.kind(), locale),
                date.format(g.since()), g.reference())).toList();
    }

    private static Locale formatting(Locale locale) {
        return "en".equals(locale.getLanguage()) ? Locale.UK : locale;
    }

    private DateTimeFormatter dateTime(Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(formatting(locale)).withZone(zone);
    }

    private static DateTimeFormatter date(Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(formatting(locale));
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
