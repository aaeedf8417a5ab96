package org.pana.registration;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.access.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Need-to-know for people (security.md #1, #3, #5, #8): which roles see people at all, which of them
 * change them, which see the sensitive field groups, and which people a caller sees: everyone of the
 * caller's jurisdiction for the jurisdiction's staff, and only the people another module grants for
 * partners.
 */
@Component
public class PersonAccess {

    /** Roles that read people of their jurisdiction. */
    static final Set<Role> STAFF = EnumSet.of(Role.REGISTRATION_OFFICER, Role.BORDER_OFFICER, Role.ELIGIBILITY_OFFICER,
            Role.DECISION_MAKER, Role.APPEALS_OFFICER, Role.STATELESSNESS_OFFICER, Role.MIGRATION_OFFICER, Role.PROTECTION_MONITOR);

    /** Roles that register and change people. */
    static final Set<Role> WRITERS = EnumSet.of(Role.REGISTRATION_OFFICER);

    /** Roles that see ethnicity, religion and sensitive specific needs (health, torture, SGBV). */
    static final Set<Role> SENSITIVE_READERS = EnumSet.of(Role.REGISTRATION_OFFICER, Role.ELIGIBILITY_OFFICER,
            Role.DECISION_MAKER, Role.APPEALS_OFFICER, Role.PROTECTION_MONITOR);

    /** Roles that see the protection review list. */
    static final Set<Role> PROTECTION_REVIEWERS = EnumSet.of(Role.PROTECTION_MONITOR, Role.REGISTRATION_OFFICER);

    /** For {@code @PreAuthorize}: every role that may call the person endpoints at all. */
    public static final String CALLERS = "hasAnyRole('REGISTRATION_OFFICER','BORDER_OFFICER','ELIGIBILITY_OFFICER','DECISION_MAKER',"
            + "'APPEALS_OFFICER','STATELESSNESS_OFFICER','MIGRATION_OFFICER','PROTECTION_MONITOR','PARTNER_CASEWORKER')";

    private final List<PersonAccessGrants> grants;

    PersonAccess(List<PersonAccessGrants> grants) {
        this.grants = List.copyOf(grants);
    }

    /** Whether the caller sees everyone of the jurisdiction (the jurisdiction's staff). */
    public boolean seesJurisdiction(PanaUser caller) {
        return caller.roles().stream().anyMatch(STAFF::contains);
    }

    /** 403 unless the role reads people at all: the jurisdiction's staff, and partners (for the people granted to them). */
    public void requireReader(PanaUser caller) {
        if (!seesJurisdiction(caller) && !caller.has(Role.PARTNER_CASEWORKER)) {
            throw new AccessDeniedException("This role does not read people");
        }
    }

    /** 403 unless the role registers and changes people (and what hangs on them). */
    public void requireWriter(PanaUser caller) {
        if (!mayRegister(caller)) throw new AccessDeniedException("Only registration officers change people");
    }

    public boolean mayRegister(PanaUser caller) {
        return caller.roles().stream().anyMatch(WRITERS::contains);
    }

    public boolean seesSensitive(PanaUser caller) {
        return caller.roles().stream().anyMatch(SENSITIVE_READERS::contains);
    }

    public boolean reviewsProtection(PanaUser caller) {
        return caller.roles().stream().anyMatch(PROTECTION_REVIEWERS::contains);
    }

    /** Whether the caller may see a person of this jurisdiction. */
    public boolean sees(PanaUser caller, UUID personId, String personJurisdiction) {
        if (!caller.jurisdiction().equals(personJurisdiction)) return false;
        if (seesJurisdiction(caller)) return true;
        if (!caller.has(Role.PARTNER_CASEWORKER)) return false;
        for (PersonAccessGrants grant : grants) {
            if (grant.grants(caller, personId)) return true;
        }
        return false;
    }

    /** The people among these (all of the caller's jurisdiction) that the caller may see. */
    Set<UUID> visibleAmong(PanaUser caller, Collection<UUID> personIds) {
        if (seesJurisdiction(caller)) return new HashSet<>(personIds);
        Set<UUID> visible = new HashSet<>();
        if (!caller.has(Role.PARTNER_CASEWORKER) || personIds.isEmpty()) return visible;
        for (PersonAccessGrants grant : grants) visible.addAll(grant.grantedAmong(caller, personIds));
        visible.retainAll(personIds);
        return visible;
    }

    /** Whether any module grants partners anyone at all: if not, a partner's list is empty without a query. */
    boolean grantsExist() {
        return !grants.isEmpty();
    }
}
