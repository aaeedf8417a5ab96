package org.pana.access;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pana.platform.RuleViolation;
import org.pana.platform.StateConflict;
import org.pana.platform.Versions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrator pages: organisations and users of the administrator's jurisdiction. */
@Controller
@RequestMapping("/admin")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class AdministrationController {

    private final Administration administration;

    AdministrationController(Administration administration) {
        this.administration = administration;
    }

    record OrganisationForm(String name, OrganisationType type) {}

    record UserForm(String username, String displayName, UUID organisationId, Set<Role> roles, String password) {}

    record RolesForm(Set<Role> roles, Long version) {}

    @GetMapping("/organisations")
    String organisations(@AuthenticationPrincipal PanaUser admin, Model model) {
        model.addAttribute("organisations", administration.organisations(admin));
        model.addAttribute("types", OrganisationType.values());
        model.addAttribute("errors", Map.of());
        model.addAttribute("form", new OrganisationForm("", null));
        return "access/organisations";
    }

    @PostMapping("/organisations")
    String createOrganisation(@AuthenticationPrincipal PanaUser admin, OrganisationForm form, Model model, RedirectAttributes redirect) {
        try {
            Organisation created = administration.createOrganisation(admin, new Administration.NewOrganisation(form.name(), form.type()));
            redirect.addFlashAttribute("created", created.name());
            return "redirect:/admin/organisations";
        } catch (RuleViolation | StateConflict e) {
            model.addAttribute("organisations", administration.organisations(admin));
            model.addAttribute("types", OrganisationType.values());
            model.addAttribute("errors", errors(e, "name"));
            model.addAttribute("form", form);
            return "access/organisations";
        }
    }

    @PostMapping("/organisations/{id}/deactivate")
    String deactivateOrganisation(@AuthenticationPrincipal PanaUser admin, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            administration.deactivateOrganisation(admin, id);
        } catch (RuleViolation e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/admin/organisations";
    }

    @GetMapping("/users")
    String users(@AuthenticationPrincipal PanaUser admin, Model model) {
        fillUsers(admin, model, new UserForm("", "", null, EnumSet.noneOf(Role.class), ""), Map.of());
        return "access/users";
    }

    @PostMapping("/users")
    String createUser(@AuthenticationPrincipal PanaUser admin, UserForm form, Model model, RedirectAttributes redirect) {
        try {
            Administration.UserView created = administration.createUser(admin, new Administration.NewUser(form.username(),
                    form.displayName(), form.organisationId(), form.roles() == null ? Set.of() : form.roles(), form.password()));
            redirect.addFlashAttribute("created", created.username());
            return "redirect:/admin/users";
        } catch (RuleViolation | StateConflict e) {
            fillUsers(admin, model, new UserForm(form.username(), form.displayName(), form.organisationId(),
                    form.roles() == null ? Set.of() : form.roles(), ""), errors(e, "username"));
            return "access/users";
        }
    }

    @GetMapping("/users/{id}")
    String user(@AuthenticationPrincipal PanaUser admin, @PathVariable UUID id, Model model) {
        model.addAttribute("user", administration.user(admin, id));
        model.addAttribute("roles", Role.values());
        model.addAttribute("errors", Map.of());
        return "access/user";
    }

    @PostMapping("/users/{id}/roles")
    String assignRoles(@AuthenticationPrincipal PanaUser admin, @PathVariable UUID id, RolesForm form, Model model,
            RedirectAttributes redirect) {
        try {
            administration.assignRoles(admin, id, form.roles() == null ? Set.of() : form.roles(),
                    form.version() == null ? -1 : form.version());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/users/" + id;
        } catch (RuleViolation | Versions.PreconditionFailed e) {
            model.addAttribute("user", administration.user(admin, id));
            model.addAttribute("roles", Role.values());
            model.addAttribute("errors", e instanceof RuleViolation rule ? errors(rule, "roles") : Map.of("roles", e.getMessage()));
            return "access/user";
        }
    }

    @PostMapping("/users/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal PanaUser admin, @PathVariable UUID id, RedirectAttributes redirect) {
        return setActive(admin, id, false, redirect);
    }

    @PostMapping("/users/{id}/reactivate")
    String reactivate(@AuthenticationPrincipal PanaUser admin, @PathVariable UUID id, RedirectAttributes redirect) {
        return setActive(admin, id, true, redirect);
    }

    private String setActive(PanaUser admin, UUID id, boolean active, RedirectAttributes redirect) {
        try {
            administration.setActive(admin, id, active);
        } catch (RuleViolation e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/admin/users/" + id;
    }

    private void fillUsers(PanaUser admin, Model model, UserForm form, Map<String, String> errors) {
        model.addAttribute("users", administration.users(admin));
        model.addAttribute("organisations", administration.organisations(admin).stream().filter(Organisation::active).toList());
        model.addAttribute("roles", Role.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
    }

    /** Field errors keyed by field, for messages next to the fields; a conflict goes on the given field. */
    private static Map<String, String> errors(RuntimeException e, String conflictField) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e instanceof RuleViolation rule && !rule.errors().isEmpty()) {
            rule.errors().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
        } else {
            errors.put(conflictField, e.getMessage());
        }
        return errors;
    }

}
