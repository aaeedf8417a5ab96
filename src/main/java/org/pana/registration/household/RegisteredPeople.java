package org.pana.registration.household;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.pana.access.PanaUser;
import org.pana.access.Role;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.platform.NotFound;
import org.pana.registration.PersonAccess;
import org.pana.registration.PersonDetails;
import org.pana.registration.PersonSummary;
import org.pana.registration.PersonView;
import org.pana.registration.Registry;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** What households need to know about people, asked of the registration core through its public API. */
@Component
class RegisteredPeople {

    /** A short label for pages: registration number and first recorded name. */
    record PersonLabel(UUID id, String registrationNumber, String name) {}

    private final Registry registry;
    private final PersonAccess access;

    RegisteredPeople(Registry registry, PersonAccess access) {
        this.registry = registry;
        this.access = access;
    }

    /** The roles that read people read households. */
    void requireReader(PanaUser caller) {
        access.requireReader(caller);
    }

    void requireWriter(PanaUser caller) {
        access.requireWriter(caller);
    }

    boolean mayChange(PanaUser caller) {
        return access.mayRegister(caller);
    }

    boolean mayRead(PanaUser caller, UUID personId) {
        return registry.isVisible(caller, personId);
    }

    void requireVisible(PanaUser caller, UUID personId, String action) {
        registry.requireVisible(caller, personId, action);
    }

    /** For pages: the person's label, read through the core (audited as a read of the person there). */
    Optional<PersonLabel> label(PanaUser caller, UUID personId) {
        if (!mayRead(caller, personId)) return Optional.empty();
        PersonView person = registry.find(caller, personId);
        return Optional.of(new PersonLabel(person.id(), person.registrationNumber(), name(person.names().isEmpty() ? null : person.names().get(0))));
    }

    /** The person the caller may see with exactly this registration number. */
    Optional<PersonLabel> byRegistrationNumber(PanaUser caller, String number) {
        if (number == null || number.isBlank() || number.length() > 30) return Optional.empty();
        String wanted = number.strip().toUpperCase(Locale.ROOT);
        return registry.search(caller, wanted, 0, 5).items().stream()
                .filter(p -> wanted.equals(p.registrationNumber())).findFirst()
                .map(p -> new PersonLabel(p.id(), p.registrationNumber(), name(first(p))));
    }

    private static PersonDetails.Name first(PersonSummary p) {
        return p.names() == null || p.names().isEmpty() ? null : p.names().get(0);
    }

    private static String name(PersonDetails.Name name) {
        if (name == null) return "";
        return Stream.of(name.given(), name.patronymic(), name.family()).filter(Objects::nonNull).filter(s -> !s.isBlank())
                .collect(Collectors.joining(" "));
    }
}
