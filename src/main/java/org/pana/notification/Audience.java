package org.pana.notification;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.pana.access.OrganisationType;
import org.pana.access.Role;

/**
 * Who a notice is for: exactly one organisation, or the holders of one role in a jurisdiction, or the
 * organisations of one type in a jurisdiction. A {@link Contact} names the organisation a jurisdiction set for a
 * purpose; it is looked up when the notice is written and stored as that organisation.
 */
public sealed interface Audience {

    Pattern JURISDICTION = Pattern.compile("[A-Z]{3}");

    static Audience organisation(UUID organisationId) {
        return new Organisation(organisationId);
    }

    static Audience role(Role role, String jurisdiction) {
        return new RoleIn(role, jurisdiction);
    }

    static Audience organisationType(OrganisationType type, String jurisdiction) {
        return new OrganisationTypeIn(type, jurisdiction);
    }

    static Audience contact(ContactPurpose purpose, String jurisdiction) {
        return new Contact(purpose, jurisdiction);
    }

    record Organisation(UUID organisationId) implements Audience {
        public Organisation {
            Objects.requireNonNull(organisationId, "organisationId");
        }
    }

    record RoleIn(Role role, String jurisdiction) implements Audience {
        public RoleIn {
            Objects.requireNonNull(role, "role");
            requireJurisdiction(jurisdiction);
        }
    }

    record OrganisationTypeIn(OrganisationType type, String jurisdiction) implements Audience {
        public OrganisationTypeIn {
            Objects.requireNonNull(type, "type");
            requireJurisdiction(jurisdiction);
        }
    }

    record Contact(ContactPurpose purpose, String jurisdiction) implements Audience {
        public Contact {
            Objects.requireNonNull(purpose, "purpose");
            requireJurisdiction(jurisdiction);
        }
    }

    private static void requireJurisdiction(String jurisdiction) {
        if (jurisdiction == null || !JURISDICTION.matcher(jurisdiction).matches()) {
            throw new IllegalArgumentException("A jurisdiction is an ISO 3166-1 alpha-3 code like KAZ: " + jurisdiction);
        }
    }
}
