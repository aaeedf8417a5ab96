package org.pana.credentials;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.platform.RuleViolation;
import org.pana.platform.StateConflict;
import org.pana.registration.PersonSummary;
import org.pana.registration.Registry;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's registry of issued documents (issue 6, item 5): every document with its status today and its PDF, and,
 * for the asylum authority's issuers and the border officers, a form to issue what the procedure allows now (a border
 * officer: the referral slip), or to reprint it (a new issuance that replaces the earlier copy).
 */
@Controller
class DocumentRegistryPages {

    private final DocumentIssuance issuance;
    private final Registry registry;

    DocumentRegistryPages(DocumentIssuance issuance, Registry registry) {
        this.issuance = issuance;
        this.registry = registry;
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
        UUID source = null;
        try {
            if (parts.length == 2) source = UUID.fromString(parts[1]);
        } catch (IllegalArgumentException ignored) {
            // reported as a missing application or referral below
        }
        boolean slip = DocumentType.BORDER_REFERRAL_SLIP.name().equals(parts[0]);
        try {
            DocumentIssuance.IssuedView view = issuance.issue(caller, id, new DocumentIssuance.IssueRequest(parts[0], slip ? null : source,
                    slip ? source : null, form.get("language"), form.get("layout")));
            return "redirect:/persons/" + id + "/documents?issued=" + view.id();
        } catch (RuleViolation e) {
            response.setStatus(422);
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(p -> errors.putIfAbsent(List.of("type", "applicationId", "referralId").contains(p.field()) ? "certificate" : p.field(),
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
        boolean issuer = DocumentIssuance.asylumIssuer(caller) || DocumentIssuance.borderIssuer(caller);
        model.addAttribute("person", person);
        model.addAttribute("documents", documents);
        model.addAttribute("issuer", issuer);
        model.addAttribute("certificates", issuer ? issuance.issuable(caller, id) : List.of());
        model.addAttribute("languages", List.of("kk", "ru", "en"));
        model.addAttribute("layouts", List.of(Layout.values()));
        return "credentials/registry";
    }
}
