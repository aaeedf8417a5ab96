package org.pana.registration.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pana.access.PanaUser;
import org.pana.platform.RuleViolation;
import org.pana.platform.Versions;
import org.pana.registration.BirthDatePrecision;
import org.pana.registration.DocumentType;
import org.pana.registration.DuplicateCandidate;
import org.pana.registration.Education;
import org.pana.registration.HistoryEntry;
import org.pana.registration.MaritalStatus;
import org.pana.registration.MatchReasonTexts;
import org.pana.registration.NameKind;
import org.pana.registration.PersonAccess;
import org.pana.registration.PersonSummary;
import org.pana.registration.PersonView;
import org.pana.registration.Registry;
import org.pana.registration.household.Households;
import org.pana.registration.photo.Photos;
import org.pana.registration.ResultPage;
import org.pana.registration.Sex;
import org.pana.registration.SpecificNeedCatalogue;
import org.pana.registration.SpecificNeedCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registering a person (duplicate candidates are shown before anything is saved), the person page with
 * its history, and changing a person with the version seen and a reason. What a caller may see and do is
 * decided by {@link Registry}; a person the caller may not see is the 404 page.
 */
@Controller
@RequestMapping("/persons")
@PreAuthorize(PersonAccess.CALLERS)
class PersonController {

    static final int HISTORY_PAGE = 10;
    static final int CANDIDATES = 10;
    static final String REGISTRAR = "hasRole('REGISTRATION_OFFICER')";

    private final Registry registry;
    private final PersonAccess access;
    private final SpecificNeedCatalogue catalogue;
    private final CodeNames codeNames;
    private final MessageSource messages;
    private final ZoneId zone;
    private final Photos photos;
    private final Households households;

    PersonController(Registry registry, PersonAccess access, SpecificNeedCatalogue catalogue, CodeNames codeNames, MessageSource messages,
            Photos photos, Households households, @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone) {
        this.registry = registry;
        this.photos = photos;
        this.households = households;
        this.access = access;
        this.catalogue = catalogue;
        this.codeNames = codeNames;
        this.messages = messages;
        this.zone = zone;
    }

    /** A duplicate candidate as the officer reads it: who, how sure, and why. */
    record CandidateRow(UUID personId, String registrationNumber, long percent, boolean likelyDuplicate, List<String> reasons,
            PersonSummary person) {}

    /** The specific-needs codes of one category, for a group of checkboxes. */
    record NeedGroup(String category, List<SpecificNeedCode> codes) {}

    /** A specific need on the person page. */
    record NeedLine(String code, String label, boolean sensitive) {}

    /** A history entry with its instant written for the reader. */
    record HistoryLine(HistoryEntry entry, String at) {}

    // ---- register ----

    @GetMapping("/new")
    @PreAuthorize(REGISTRAR)
    String registerForm(@AuthenticationPrincipal PanaUser caller, Model model, Locale locale) {
        fillForm(model, caller, PersonForm.blank(), Map.of(), locale);
        return "registration/person-register";
    }

    @PostMapping("/new")
    @PreAuthorize(REGISTRAR)
    String register(@AuthenticationPrincipal PanaUser caller, @ModelAttribute("form") PersonForm form,
            @RequestParam(required = false) String add, @RequestParam(required = false) String confirmed, Model model, Locale locale,
            RedirectAttributes redirect) {
        if (addsRow(form, add)) {
            fillForm(model, caller, form, Map.of(), locale);
            return "registration/person-register";
        }
        PersonForm.Entered entered = form.entered(caller.jurisdiction(), access.seesSensitive(caller));
        try {
            String digest = entered.digest();
            if (!digest.equals(confirmed)) {
                List<DuplicateCandidate> candidates = registry.duplicateCandidates(caller, entered.details(), CANDIDATES);
                if (!candidates.isEmpty()) {
                    fillForm(model, caller, form, Map.of(), locale);
                    model.addAttribute("candidates", candidateRows(caller, candidates, locale));
                    model.addAttribute("digest", digest);
                    return "registration/person-register";
                }
            }
            PersonView registered = registry.register(caller, entered.details());
            redirect.addFlashAttribute("registered", registered.registrationNumber());
            return "redirect:/persons/" + registered.id();
        } catch (RuleViolation e) {
            fillForm(model, caller, form, entered.errorsOf(e), locale);
            return "registration/person-register";
        }
    }

    /** One more empty name row, for htmx (the page's "add" button does the same without JavaScript). */
    @GetMapping("/rows/name")
    @PreAuthorize(REGISTRAR)
    String nameRow(@RequestParam int index, Model model) {
        model.addAttribute("index", Math.max(0, Math.min(index, PersonForm.MAX_ROWS)));
        model.addAttribute("row", new PersonForm.NameRow("", "", "", "", "DOCUMENT"));
        fillChoices(model);
        model.addAttribute("errors", Map.of());
        return "registration/person-form :: added-name-row";
    }

    /** One more empty document row, for htmx. */
    @GetMapping("/rows/document")
    @PreAuthorize(REGISTRAR)
    String documentRow(@RequestParam int index, Model model, Locale locale) {
        model.addAttribute("index", Math.max(0, Math.min(index, PersonForm.MAX_ROWS)));
        model.addAttribute("row", PersonForm.DocumentRow.blank());
        model.addAttribute("countries", codeNames.countries(locale));
        fillChoices(model);
        model.addAttribute("errors", Map.of());
        return "registration/person-form :: added-document-row";
    }

    // ---- read ----

    @GetMapping("/{id}")
    String person(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, Model model, Locale locale) {
        PersonView person = registry.find(caller, id);
        model.addAttribute("person", person);
        model.addAttribute("birthDate", codeNames.birthDate(person.birthDate(), person.birthDatePrecision(), locale));
        model.addAttribute("nationalityNames", person.nationalities().stream().map(c -> codeNames.country(c, locale)).toList());
        model.addAttribute("languageNames", person.languages().stream().map(c -> codeNames.language(c, locale)).toList());
        model.addAttribute("needs", person.specificNeeds().stream()
                .map(code -> new NeedLine(code, needLabel(code, locale), catalogue.isSensitive(code))).toList());
        model.addAttribute("personId", id);
        model.addAttribute("mayEdit", access.mayRegister(caller));
        model.addAttribute("hasPhoto", photos.hasPhoto(caller, id));
        model.addAttribute("households", households.householdsOf(caller, id));
        fillHistory(model, caller, id, 0, locale);
        return "registration/person-page";
    }

    /** A page of the history: the htmx "more" answers with the rows alone, a plain link with a page. */
    @GetMapping("/{id}/history")
    String history(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        fillHistory(model, caller, id, Math.max(0, Math.min(page, 100_000)), locale);
        model.addAttribute("personId", id);
        return htmx != null ? "registration/person-page :: history-rows" : "registration/person-history";
    }

    // ---- change ----

    @GetMapping("/{id}/edit")
    @PreAuthorize(REGISTRAR)
    String editForm(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, Model model, Locale locale) {
        PersonView person = registry.find(caller, id);
        fillForm(model, caller, PersonForm.of(person), Map.of(), locale);
        model.addAttribute("person", person);
        model.addAttribute("version", person.version());
        model.addAttribute("reason", "");
        return "registration/person-edit";
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize(REGISTRAR)
    String edit(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, @ModelAttribute("form") PersonForm form,
            @RequestParam(required = false) Long version, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String add, Model model, Locale locale, RedirectAttributes redirect,
            HttpServletResponse response) {
        PersonView current = registry.find(caller, id);
        model.addAttribute("person", current);
        model.addAttribute("version", version == null ? -1 : version);
        model.addAttribute("reason", reason == null ? "" : reason);
        if (addsRow(form, add)) {
            fillForm(model, caller, form, Map.of(), locale);
            return "registration/person-edit";
        }
        PersonForm.Entered entered = form.entered(current.jurisdiction(), access.seesSensitive(caller));
        try {
            PersonView changed = registry.update(caller, id, version == null ? -1 : version, seen -> entered.details(), reason);
            redirect.addFlashAttribute("saved", changed.registrationNumber());
            return "redirect:/persons/" + id;
        } catch (Versions.PreconditionFailed e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("stale", true);
            fillForm(model, caller, form, Map.of(), locale);
            return "registration/person-edit";
        } catch (RuleViolation e) {
            response.setStatus(422);
            fillForm(model, caller, form, entered.errorsOf(e), locale);
            return "registration/person-edit";
        }
    }

    // ---- helpers ----

    private static boolean addsRow(PersonForm form, String add) {
        if ("name".equals(add)) {
            form.withAnotherName();
            return true;
        }
        if ("document".equals(add)) {
            form.withAnotherDocument();
            return true;
        }
        return false;
    }

    private void fillForm(Model model, PanaUser caller, PersonForm form, Map<String, String> errors, Locale locale) {
        boolean seesSensitive = access.seesSensitive(caller);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("errorLinks", errors.keySet().stream().collect(Collectors.toMap(Function.identity(), PersonForm::idOf,
                (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute("countries", codeNames.countries(locale));
        model.addAttribute("seesSensitive", seesSensitive);
        Map<String, List<SpecificNeedCode>> byCategory = new LinkedHashMap<>();
        for (SpecificNeedCode code : catalogue.codes()) {
            if (code.sensitive() && !seesSensitive) continue;
            byCategory.computeIfAbsent(code.category(), c -> new ArrayList<>()).add(code);
        }
        model.addAttribute("needGroups", byCategory.entrySet().stream().map(e -> new NeedGroup(e.getKey(), e.getValue())).toList());
        model.addAttribute("openCategories", form.specificNeeds().stream()
                .map(code -> catalogue.find(code).map(SpecificNeedCode::category).orElse("")).collect(Collectors.toSet()));
        model.addAttribute("needLabels", catalogue.codes().stream()
                .collect(Collectors.toMap(SpecificNeedCode::code, c -> needLabel(c.code(), locale))));
        fillChoices(model);
    }

    private static void fillChoices(Model model) {
        model.addAttribute("scripts", List.of("Latn", "Cyrl", "Arab"));
        model.addAttribute("nameKinds", NameKind.values());
        model.addAttribute("sexes", Sex.values());
        model.addAttribute("precisions", BirthDatePrecision.values());
        model.addAttribute("maritalStatuses", MaritalStatus.values());
        model.addAttribute("educations", Education.values());
        model.addAttribute("documentTypes", DocumentType.values());
        model.addAttribute("maxRows", PersonForm.MAX_ROWS);
    }

    private void fillHistory(Model model, PanaUser caller, UUID id, int page, Locale locale) {
        ResultPage<HistoryEntry> history = registry.history(caller, id, page, HISTORY_PAGE);
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(CodeNames.dayFirst(locale)).withZone(zone);
        model.addAttribute("history", history);
        model.addAttribute("historyLines", history.items().stream().map(e -> new HistoryLine(e, format.format(e.at()))).toList());
        model.addAttribute("historyNext", (long) (page + 1) * HISTORY_PAGE < history.total() ? page + 1 : null);
    }

    private List<CandidateRow> candidateRows(PanaUser caller, List<DuplicateCandidate> candidates, Locale locale) {
        Map<UUID, PersonSummary> people = registry.summaries(caller, candidates.stream().map(DuplicateCandidate::personId).toList())
                .stream().collect(Collectors.toMap(PersonSummary::id, Function.identity()));
        return candidates.stream().map(c -> new CandidateRow(c.personId(), c.registrationNumber(), Math.round(c.score() * 100),
                c.likelyDuplicate(), MatchReasonTexts.render(messages, c.reasons(), locale), people.get(c.personId()))).toList();
    }

    private String needLabel(String code, Locale locale) {
        String description = catalogue.find(code).map(SpecificNeedCode::description).orElse(code);
        return messages.getMessage("persons.need." + code, null, description, locale);
    }
}
