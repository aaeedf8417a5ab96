package org.pana.access;

/** The roles of architecture.md; a user may hold several. Access is role (what) intersected with relationship (which records). */
public enum Role {
    BORDER_OFFICER,
    REGISTRATION_OFFICER,
    ELIGIBILITY_OFFICER,
    DECISION_MAKER,
    APPEALS_OFFICER,
    STATELESSNESS_OFFICER,
    MIGRATION_OFFICER,
    PROTECTION_MONITOR,
    PARTNER_CASEWORKER,
    STATISTICIAN,
    AUDITOR,
    ADMINISTRATOR;

    /** The Spring Security authority, e.g. {@code ROLE_AUDITOR}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
