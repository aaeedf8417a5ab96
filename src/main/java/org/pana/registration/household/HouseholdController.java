package org.pana.registration.household;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.platform.NotFound;
import org.pana.platform.RuleViolation;
import org.pana.platform.StateConflict;
import org.pana.platform.Versions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Household pages: register a household from people already registered (found by registration number,
 * never by name in a URL), the household page with members, dates and history, and the forms to add a
 * member, record a leaving and change the focal point. Errors come back as message keys.
 */
@Controller
class HouseholdController {

    static final int MAX_MEMBER_ROWS = 30;

    private final Households households;
    private final RegisteredPeople people;

    HouseholdController(Households households, RegisteredPeople people) {
        this.households = households;
        this.people = people;
    }

    /** A member row of the form, as typed. */
    record MemberRow(int index, String registrationNumber, String relationship, String joinedOn) {}

    /** A member as the page shows it. */
    record MemberLine(UUID personId, String registrationNumber, String name, Relationship relationship, LocalDate joinedOn,
            LocalDate leftOn, String leaveReason, boolean active, boolean focalPoint) {}

    @GetMapping("/households/new")
    String newHousehold(@AuthenticationPrincipal PanaUser caller, Model model) {
        people.requireWriter(caller);
        model.addAttribute("focalPoint", "");
        model.addAttribute("joinedOn", "");
        model.addAttribute("rows", List.of(new MemberRow(0, "", "", "")));
        model.addAttribute("errors", Map.of());
        model.addAttribute("relationships", memberRelationships());
        return "registration/household-new";
    }

    @GetMapping("/households/new/member-row")
    String memberRow(@AuthenticationPrincipal PanaUser caller, @RequestParam int index, Model model) {
        people.requireWriter(caller);
        int i = Math.max(0, Math.min(index, MAX_MEMBER_ROWS - 1));
        model.addAttribute("row", new MemberRow(i, "", "", ""));
        model.addAttribute("relationships", memberRelationships());
        model.addAttribute("errors", Map.of());
        return "registration/household-new :: member-row-added";
    }

    @PostMapping("/households")
    String register(@AuthenticationPrincipal PanaUser caller, @RequestParam(defaultValue = "") String focalPoint,
            @RequestParam(defaultValue = "") String joinedOn,
            @RequestParam(name = "memberNumber", required = false) List<String> numbers,
            @RequestParam(name = "memberRelationship", required = false) List<String> relationships,
            @RequestParam(name = "memberJoinedOn", required = false) List<String> joinedOns, Model model) {
        people.requireWriter(caller);
        List<MemberRow> rows = new ArrayList<>();
        int count = Math.min(MAX_MEMBER_ROWS, numbers == null ? 0 : numbers.size());
        for (int i = 0; i < count; i++) {
            rows.add(new MemberRow(i, numbers.get(i), at(relationships, i), at(joinedOns, i)));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        UUID focalId = people.byRegistrationNumber(caller, focalPoint).map(RegisteredPeople.PersonLabel::id).orElse(null);
        if (focalId == null) errors.put("focalPoint", focalPoint.isBlank() ? "household.error.focal-point-missing" : "household.error.person-not-found");
        LocalDate focalJoined = date(joinedOn, "joinedOn", errors);
        List<Households.NewMember> members = new ArrayList<>();
        for (MemberRow row : rows) {
            if (row.registrationNumber() == null || row.registrationNumber().isBlank()) continue;
            UUID id = people.byRegistrationNumber(caller, row.registrationNumber()).map(RegisteredPeople.PersonLabel::id).orElse(null);
            if (id == null) errors.put("member" + row.index(), "household.error.person-not-found");
            Relationship relationship = relationship(row.relationship());
            if (relationship == null) errors.put("memberRelationship" + row.index(), "household.error.relationship-missing");
            LocalDate joined = date(row.joinedOn(), "memberJoinedOn" + row.index(), errors);
            members.add(new Households.NewMember(id, relationship, joined));
        }
        if (errors.isEmpty()) {
            try {
                UUID id = households.register(caller, new Households.NewHousehold(focalId, focalJoined, members)).household().id();
                return "redirect:/households/" + id + "?created";
            } catch (RuleViolation e) {
                errors.put("form", "household.error.invalid");
            } catch (StateConflict e) {
                errors.put("form", "household.error.already-in-a-household");
            } catch (NotFound e) {
                errors.put("form", "household.error.person-not-found");
            }
        }
        model.addAttribute("focalPoint", focalPoint);
        model.addAttribute("joinedOn", joinedOn);
        model.addAttribute("rows", rows.isEmpty() ? List.of(new MemberRow(0, "", "", "")) : rows);
        model.addAttribute("errors", errors);
        model.addAttribute("relationships", memberRelationships());
        return "registration/household-new";
    }

    @GetMapping("/households/{id}")
    String household(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, Model model) {
        Households.HouseholdRecord record = households.household(caller, id);
        Household household = record.household();
        Map<UUID, RegisteredPeople.PersonLabel> labels = new LinkedHashMap<>();
        for (Membership m : household.members()) {
            labels.computeIfAbsent(m.personId(), p -> people.label(caller, p).orElse(null));
        }
        List<MemberLine> members = household.members().stream().map(m -> {
            RegisteredPeople.PersonLabel label = labels.get(m.personId());
            return new MemberLine(m.personId(), label == null ? null : label.registrationNumber(), label == null ? null : label.name(),
                    m.relationship(), m.joinedOn(), m.leftOn(), m.leaveReason(), m.active(), m.personId().equals(household.focalPointId()));
        }).toList();
        model.addAttribute("household", household);
        model.addAttribute("members", members);
        model.addAttribute("activeMembers", members.stream().filter(MemberLine::active).toList());
        model.addAttribute("labels", labels);
        model.addAttribute("history", record.history());
        model.addAttribute("relationships", memberRelationships());
        model.addAttribute("mayChange", people.mayChange(caller));
        return "registration/household-detail";
    }

    @PostMapping("/households/{id}/members")
    String join(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, @RequestParam(defaultValue = "") String registrationNumber,
            @RequestParam(defaultValue = "") String relationship, @RequestParam(defaultValue = "") String joinedOn,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        UUID personId = people.byRegistrationNumber(caller, registrationNumber).map(RegisteredPeople.PersonLabel::id).orElse(null);
        if (personId == null) errors.put("join", "household.error.person-not-found");
        LocalDate joined = date(joinedOn, "join", errors);
        if (errors.isEmpty()) {
            attempt(errors, "join", () -> households.join(caller, id, new Households.NewMember(personId, relationship(relationship), joined), reason, null));
        }
        return back(id, errors, redirect);
    }

    @PostMapping("/households/{id}/members/{personId}/leave")
    String leave(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, @PathVariable UUID personId,
            @RequestParam(defaultValue = "") String leftOn, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate left = date(leftOn, "leave", errors);
        if (left == null && errors.isEmpty()) errors.put("leave", "household.error.date-missing");
        if (errors.isEmpty()) attempt(errors, "leave", () -> households.leave(caller, id, personId, left, reason, null));
        return back(id, errors, redirect);
    }

    @PostMapping("/households/{id}/focal-point")
    String changeFocalPoint(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, @RequestParam(required = false) UUID personId,
            @RequestParam(defaultValue = "") String previousRelationship, @RequestParam(required = false) String reason,
            @RequestParam long version, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        attempt(errors, "focalPoint", () -> households.changeFocalPoint(caller, id,
                new Households.FocalPointChange(personId, relationship(previousRelationship), Map.of(), reason), version));
        return back(id, errors, redirect);
    }

    private static void attempt(Map<String, String> errors, String field, Runnable change) {
        try {
            change.run();
        } catch (RuleViolation e) {
            errors.put(field, "household.error.invalid");
        } catch (StateConflict e) {
            errors.put(field, "already-in-a-household".equals(e.type()) ? "household.error.already-in-a-household"
                    : "household.error.conflict");
        } catch (Versions.PreconditionFailed e) {
            errors.put(field, "household.error.stale");
        }
    }

    private static String back(UUID id, Map<String, String> errors, RedirectAttributes redirect) {
        if (!errors.isEmpty()) redirect.addFlashAttribute("formErrors", errors);
        else redirect.addFlashAttribute("changed", true);
        return "redirect:/households/" + id;
    }

    static List<Relationship> memberRelationships() {
        return java.util.Arrays.stream(Relationship.values()).filter(r -> r != Relationship.FOCAL_POINT).toList();
    }

    private static Relationship relationship(String value) {
        try {
            Relationship r = value == null || value.isBlank() ? null : Relationship.valueOf(value);
            return r == Relationship.FOCAL_POINT ? null : r;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "household.error.date-invalid");
            return null;
        }
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() ? "" : values.get(i);
    }
}
