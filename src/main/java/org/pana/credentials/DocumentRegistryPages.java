package org.pana.credentials;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pana.access.OrganisationType;
import org.pana.access.PanaUser;
import org.pana.access.Role;
import org.pana.asylum.AsylumDocuments;
import org.pana.platform.RuleViolation;
import org.pana.platform.StateConflict;
import org.pana.registration.PersonSummary;
import org.pana.registration.Registry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's registry of issued documents (issue 6, item 5): every document with its status today and its PDF, and,
 * for the asylum authority's issuers, a form to issue what the procedure allows now, or to reprint it (a new
 * issuance that replaces the earlier copy).
 */
@Controller
class DocumentRegistryPages {

    private final DocumentIssuance issuance;
    private final AsylumDocuments asylum;
    private final Registry registry;
    private final Clock clock;
    private final ZoneId zone;

    DocumentRegistryPages(DocumentIssuance issuance, AsylumDocuments asylum, Registry registry, Clock clock,
            @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone) {
        this.issuance = issuance;
        this.asylum = asylum;
        this.registry = registry;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/persons/{id}/documents")
    String registry(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, @RequestParam(required = false) UUID issued, Model model) {
        model.addAttribute("issued", issued);
        model.addAttribute("errors", Map.of());
        model.addAttribute("entered", Map.of());
        return show(caller, id, model);
    }

    @PostMapping("/persons/{id}/documents")
    String issue(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response) {
        String certificate = form.getOrDefault("certificate", "");
        String[] parts = certificate.split(":", 2);
        UUID application = null;
        try {
            if (parts.length == 2) application = UUID.fromString(parts[1]);
        } catch (IllegalArgumentException ignored) {
            // reported as a missing application below
        }
        try {
            DocumentIssuance.IssuedView view = issuance.issue(caller, id,
                    new DocumentIssuance.IssueRequest(parts[0], application, form.get("language"), form.get("layout")));
            return "redirect:/persons/" + id + "/documents?issued=" + view.id();
        } catch (RuleViolation e) {
            response.setStatus(422);
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(p -> errors.putIfAbsent(p.field().equals("type") || p.field().equals("applicationId") ? "certificate" : p.field(),
                    p.message()));
            model.addAttribute("errors", errors);
        } catch (StateConflict e) {
            response.setStatus(409);
            model.addAttribute("conflict", e.getMessage());
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("entered", form);
        return show(caller, id, model);
    }

    private String show(PanaUser caller, UUID id, Model model) {
        List<DocumentIssuance.IssuedView> documents = issuance.of(caller, id);
        PersonSummary person = registry.summaries(caller, List.of(id)).stream().findFirst().orElseThrow();
        boolean issuer = caller.organisationType() == OrganisationType.ASYLUM_AUTHORITY
                && (caller.roles().contains(Role.REGISTRATION_OFFICER) || caller.roles().contains(Role.DECISION_MAKER));
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        model.addAttribute("person", person);
        model.addAttribute("documents", documents);
        model.addAttribute("issuer", issuer);
        model.addAttribute("certificates", issuer ? asylum.standing(id, today) : List.of());
        model.addAttribute("languages", List.of("kk", "ru", "en"));
        model.addAttribute("layouts", List.of(Layout.values()));
        return "credentials/registry";
    }
}
