package org.pana.registration.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.pana.access.PanaUser;
import org.pana.platform.RuleViolation;
import org.pana.registration.PersonAccess;
import org.pana.registration.PersonSummary;
import org.pana.registration.Registry;
import org.pana.registration.ResultPage;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Searching people by name (any script), registration number or document number. The query is posted,
 * never put in a URL (security.md #32), and so is every further page of results.
 */
@Controller
@RequestMapping("/persons/search")
@PreAuthorize(PersonAccess.CALLERS)
class PersonSearchController {

    static final int PAGE_SIZE = 20;

    private final Registry registry;

    PersonSearchController(Registry registry) {
        this.registry = registry;
    }

    /** What was searched for, and which page of the results. */
    record SearchForm(String query, Integer page) {}

    @GetMapping
    String searchForm(Model model) {
        model.addAttribute("form", new SearchForm("", 0));
        model.addAttribute("errors", Map.of());
        return "registration/search";
    }

    @PostMapping
    String search(@AuthenticationPrincipal PanaUser caller, @ModelAttribute("form") SearchForm form,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, HttpServletResponse response) {
        int page = form.page() == null ? 0 : Math.max(0, Math.min(form.page(), 100_000));
        model.addAttribute("errors", Map.of());
        try {
            ResultPage<PersonSummary> results = registry.search(caller, form.query(), page, PAGE_SIZE);
            model.addAttribute("results", results);
            model.addAttribute("lastPage", Math.max(0, (int) ((results.total() - 1) / PAGE_SIZE)));
        } catch (RuleViolation e) {
            response.setStatus(422);
            model.addAttribute("errors", Map.of("query", e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message()));
        }
        return htmx != null ? "registration/search :: results" : "registration/search";
    }
}
