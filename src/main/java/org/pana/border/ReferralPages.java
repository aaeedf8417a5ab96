package org.pana.border;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pana.access.OrganisationDirectory;
import org.pana.access.PanaUser;
import org.pana.platform.NotFound;
import org.pana.platform.RuleViolation;
import org.pana.platform.StateConflict;
import org.pana.registration.PersonSummary;
import org.pana.registration.Registry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The border lists (issue 4, item 6): a border officer's own encounters, the receiving unit's incoming referrals
 * (acknowledge, or forward to the right unit), and the overdue referrals for supervisors, receiving units and
 * monitors. Each person shown is listed through the register, which audits the listing.
 */
@Controller
class ReferralPages {

    static final int PAGE_SIZE = 25;

    private final Referrals referrals;
    private final Encounters encounters;
    private final Registry registry;
    private final OrganisationDirectory directory;
    private final ZoneId zone;

    ReferralPages(Referrals referrals, Encounters encounters, Registry registry, OrganisationDirectory directory,
            @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone) {
        this.referrals = referrals;
        this.encounters = encounters;
        this.registry = registry;
        this.directory = directory;
        this.zone = zone;
    }

    /** A referral as a line of a list: the person's number, the receiving unit's name, times in the reader's language. */
    record ReferralLine(Referrals.Referral referral, String registrationNumber, String unit, String dueAt, boolean overdue,
            boolean mayForward, boolean mayAcknowledge, List<ForwardLine> forwards) {}

    record ForwardLine(String to, String by, String at, String reason) {}

    record EncounterLine(Encounters.Recorded encounter, String registrationNumber, String encounteredAt, String dueAt) {}

    @GetMapping("/border/encounters")
    @PreAuthorize("hasRole('BORDER_OFFICER')")
    String myEncounters(@AuthenticationPrincipal PanaUser officer, @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        int shown = page(page);
        Encounters.RecordedPage found = encounters.recordedBy(officer, shown, PAGE_SIZE);
        Map<UUID, String> numbers = numbers(officer, found.items().stream().map(Encounters.Recorded::personId).toList());
        DateTimeFormatter format = format(locale);
        model.addAttribute("total", found.total());
        model.addAttribute("lines", found.items().stream().map(e -> new EncounterLine(e, numbers.get(e.personId()),
                format.format(e.encounteredAt()), e.referralDueAt() == null ? null : format.format(e.referralDueAt()))).toList());
        paging(model, shown, found.total());
        return "border/my-encounters";
    }

    @GetMapping("/border/referrals")
    @PreAuthorize("hasRole('REGISTRATION_OFFICER')")
    String incoming(@AuthenticationPrincipal PanaUser caller, @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        int shown = page(page);
        Referrals.Page found = referrals.unaudited(caller, null, shown, PAGE_SIZE);
        model.addAttribute("total", found.total());
        model.addAttribute("lines", lines(caller, found.items(), locale));
        model.addAttribute("units", referrals.units(caller));
        paging(model, shown, found.total());
        return "border/incoming-referrals";
    }

    @GetMapping("/border/referrals/overdue")
    @PreAuthorize("hasAnyRole('BORDER_OFFICER', 'REGISTRATION_OFFICER', 'PROTECTION_MONITOR')")
    String overdue(@AuthenticationPrincipal PanaUser caller, @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        int shown = page(page);
        Referrals.Page found = referrals.unaudited(caller, "OVERDUE", shown, PAGE_SIZE);
        model.addAttribute("total", found.total());
        model.addAttribute("lines", lines(caller, found.items(), locale));
        paging(model, shown, found.total());
        return "border/overdue-referrals";
    }

    /** One referral, where the notices about it link: the people who may see it in their lists. */
    @GetMapping("/border/referrals/{id}")
    @PreAuthorize("hasAnyRole('BORDER_OFFICER', 'REGISTRATION_OFFICER', 'PROTECTION_MONITOR')")
    String referral(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, Model model, Locale locale) {
        Referrals.Referral referral = referrals.visibleTo(caller, id).orElseThrow(() -> new NotFound("referral"));
        ReferralLine line = lines(caller, List.of(referral), locale).get(0);
        model.addAttribute("line", line);
        model.addAttribute("status", referral.overdue(referrals.now()) ? "OVERDUE" : referral.status());
        return "border/referral";
    }

    @PostMapping("/border/referrals/{id}/acknowledge")
    @PreAuthorize("hasRole('REGISTRATION_OFFICER')")
    String acknowledge(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            referrals.acknowledge(caller, id);
            redirect.addFlashAttribute("done", "acknowledged");
        } catch (StateConflict | NotFound e) {
            redirect.addFlashAttribute("failed", e instanceof NotFound ? "gone" : "conflict");
        }
        return "redirect:/border/referrals";
    }

    @PostMapping("/border/referrals/{id}/forward")
    @PreAuthorize("hasRole('REGISTRATION_OFFICER')")
    String forward(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, @RequestParam(required = false) String organisationId,
            @RequestParam(required = false) String reason, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            referrals.forward(caller, id, new Referrals.Forwarding(organisationId, reason));
            redirect.addFlashAttribute("done", "forwarded");
        } catch (RuleViolation e) {
            model.addAttribute("forwardErrors", e.errors().stream()
                    .collect(Collectors.toMap(RuleViolation.FieldProblem::field, p -> "border.lists.forward.error." + p.field(), (a, b) -> a, LinkedHashMap::new)));
            model.addAttribute("failedReferral", id);
            model.addAttribute("enteredUnit", organisationId);
            model.addAttribute("enteredReason", reason);
            return incoming(caller, 0, model, locale);
        } catch (StateConflict | NotFound e) {
            redirect.addFlashAttribute("failed", e instanceof NotFound ? "gone" : "conflict");
        }
        return "redirect:/border/referrals";
    }

    private List<ReferralLine> lines(PanaUser caller, List<Referrals.Referral> items, Locale locale) {
        Map<UUID, String> numbers = numbers(caller, items.stream().map(Referrals.Referral::personId).toList());
        Map<UUID, String> units = directory.of(caller.jurisdiction(), org.pana.access.OrganisationType.ASYLUM_AUTHORITY).stream()
                .collect(Collectors.toMap(OrganisationDirectory.Unit::id, OrganisationDirectory.Unit::name));
        Function<UUID, String> unit = u -> u == null ? null : units.getOrDefault(u, u.toString());
        DateTimeFormatter format = format(locale);
        Instant now = referrals.now();
        return items.stream().map(r -> new ReferralLine(r, numbers.get(r.personId()), unit.apply(r.receivingUnit()), format.format(r.dueAt()),
                r.overdue(now), r.acknowledgedAt() == null && Referrals.mayForward(caller, r),
                r.acknowledgedAt() == null && Objects.equals(r.receivingUnit(), caller.organisationId()),
                r.forwards().stream().map(f -> new ForwardLine(unit.apply(f.to()), f.by(), format.format(f.at()), f.reason())).toList()))
                .toList();
    }

    /** Registration numbers of the people shown; the register audits each as listed. */
    private Map<UUID, String> numbers(PanaUser caller, List<UUID> personIds) {
        List<UUID> distinct = personIds.stream().distinct().toList();
        return registry.summaries(caller, distinct).stream().collect(Collectors.toMap(PersonSummary::id, PersonSummary::registrationNumber));
    }

    private DateTimeFormatter format(Locale locale) {
        Locale shown = locale.getLanguage().equals("en") && locale.getCountry().isEmpty() ? Locale.UK : locale;
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(shown).withZone(zone);
    }

    private static int page(int page) {
        return Math.max(0, Math.min(page, 100_000));
    }

    private static void paging(Model model, int shown, long total) {
        model.addAttribute("previousPage", shown > 0 ? shown - 1 : null);
        model.addAttribute("nextPage", (long) (shown + 1) * PAGE_SIZE < total ? shown + 1 : null);
    }
}
