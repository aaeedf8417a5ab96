package org.pana.registration.household;

import java.util.Optional;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.access.Role;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.platform.NotFound;
import org.pana.registration.PersonAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** What households need to know about people, asked of the registration core. */
@Component
class RegisteredPeople {

    private final PersonAccess access;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    RegisteredPeople(PersonAccess access, AuditTrail audit, JdbcClient jdbc) {
        this.access = access;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    void requireReader(PanaUser caller) {
        if (!access.seesJurisdiction(caller) && !caller.has(Role.PARTNER_CASEWORKER)) {
            throw new AccessDeniedException("Role may not read households");
        }
    }

    void requireWriter(PanaUser caller) {
        if (!access.mayRegister(caller)) throw new AccessDeniedException("Role may not change households");
    }

    boolean mayRead(PanaUser caller, UUID personId) {
        return jurisdictionOf(personId).map(j -> access.sees(caller, personId, j)).orElse(false);
    }

    /** Throws 404 unless the person exists and the caller may see them; a hidden person also leaves a DENIED audit event. */
    void requireVisible(PanaUser caller, UUID personId, String action) {
        Optional<String> jurisdiction = jurisdictionOf(personId);
        if (jurisdiction.isEmpty()) throw new NotFound("Person");
        if (!access.sees(caller, personId, jurisdiction.get())) {
            audit.recordSeparately(AuditEntry.denied(action, "PERSON", personId));
            throw new NotFound("Person");
        }
    }

    void recordInHistory(PanaUser caller, UUID personId, String kind, String detail, String reason) {
        // Wired to the core's person history once it is public.
    }

    private Optional<String> jurisdictionOf(UUID personId) {
        return jdbc.sql("SELECT jurisdiction FROM registration_person WHERE id = :id").param("id", personId)
                .query(String.class).optional();
    }
}
