package org.pana.asylum;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.pana.access.Role;

/** The actions of api.md's state machine built so far, and the roles (in an asylum authority) that take each. */
enum AsylumAction {
    LODGE(EnumSet.of(Role.REGISTRATION_OFFICER)),
    REGISTER(EnumSet.of(Role.REGISTRATION_OFFICER)),
    RECORD_FINGERPRINTS(EnumSet.of(Role.REGISTRATION_OFFICER)),
    EXTEND_CONSIDERATION(EnumSet.of(Role.ELIGIBILITY_OFFICER, Role.DECISION_MAKER)),
    SCHEDULE_INTERVIEW(EnumSet.of(Role.ELIGIBILITY_OFFICER)),
    RECORD_INTERVIEW(EnumSet.of(Role.ELIGIBILITY_OFFICER)),
    RECORD_NO_SHOW(EnumSet.of(Role.ELIGIBILITY_OFFICER)),
    SUBMIT_ASSESSMENT(EnumSet.of(Role.ELIGIBILITY_OFFICER)),
    DRAFT_DECISION(EnumSet.of(Role.ELIGIBILITY_OFFICER, Role.DECISION_MAKER)),
    APPROVE_DECISION(EnumSet.of(Role.DECISION_MAKER)),
    RETURN_DECISION(EnumSet.of(Role.DECISION_MAKER)),
    NOTIFY(EnumSet.of(Role.REGISTRATION_OFFICER)),
    LODGE_APPEAL(EnumSet.of(Role.APPEALS_OFFICER)),
    DECIDE_APPEAL(EnumSet.of(Role.APPEALS_OFFICER)),
    EXTEND_STATUS(EnumSet.of(Role.DECISION_MAKER)),
    TERMINATE_STATUS(EnumSet.of(Role.DECISION_MAKER)),
    DEPRIVE_STATUS(EnumSet.of(Role.DECISION_MAKER)),
    WITHDRAW(EnumSet.of(Role.REGISTRATION_OFFICER)),
    /** Taking or assigning a case ({@code PUT .../assignee}): recorded in the history, but no step of the procedure. */
    ASSIGN(EnumSet.of(Role.ELIGIBILITY_OFFICER, Role.DECISION_MAKER));

    private final Set<Role> roles;

    AsylumAction(Set<Role> roles) {
        this.roles = roles;
    }

    Set<Role> roles() {
        return roles;
    }

    /** Whether the action is taken through {@code POST .../transitions} (lodging and assignment have their own endpoints). */
    boolean transition() {
        return this != LODGE && this != ASSIGN;
    }

    /** Appeals are recorded by the reviewing body (the ministry, or the court's outcome), not the asylum authority. */
    boolean appeal() {
        return this == LODGE_APPEAL || this == DECIDE_APPEAL;
    }

    static Optional<AsylumAction> parse(String name) {
        if (name == null) return Optional.empty();
        return Arrays.stream(values()).filter(a -> a.name().equals(name.strip().toUpperCase(Locale.ROOT))).findFirst();
    }

    static List<String> transitions() {
        return Arrays.stream(values()).filter(AsylumAction::transition).map(Enum::name).toList();
    }
}
