package org.pana.registration.photo;

import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.access.Role;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.platform.NotFound;
import org.pana.registration.PersonAccess;
import org.pana.registration.Registry;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** What photos need to know about people, asked of the registration core through its public API. */
@Component
class PhotoPeople {

    private final Registry registry;
    private final PersonAccess access;
    private final AuditTrail audit;

    PhotoPeople(Registry registry, PersonAccess access, AuditTrail audit) {
        this.registry = registry;
        this.access = access;
        this.audit = audit;
    }

    void requireReader(PanaUser caller) {
        if (!access.seesJurisdiction(caller) && !caller.has(Role.PARTNER_CASEWORKER)) {
            throw new AccessDeniedException("This role does not see photos");
        }
    }

    void requireWriter(PanaUser caller) {
        if (!access.mayRegister(caller)) throw new AccessDeniedException("Only registration officers change photos");
    }

    boolean mayRead(PanaUser caller, UUID personId) {
        return personId != null && registry.isVisible(caller, personId);
    }

    /** 404 unless the person exists and the caller may see them; audited as DENIED either way, as the core does. */
    void requireVisible(PanaUser caller, UUID personId, String action) {
        if (!mayRead(caller, personId)) {
            audit.recordSeparately(AuditEntry.denied(action, "PERSON", personId));
            throw new NotFound("Person");
        }
    }
}
