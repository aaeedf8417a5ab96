package org.pana.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Which organisations exist, for modules that send work to one of them (a border referral forwarded to
 * another asylum authority unit): names, types and jurisdictions only, never users. Deactivated
 * organisations are left out: nothing new is sent to them.
 */
@Component
public class OrganisationDirectory {

    /** An active organisation as another module needs to know it. */
    public record Unit(UUID id, String name, OrganisationType type, String jurisdiction) {}

    private final OrganisationRepository organisations;

    OrganisationDirectory(OrganisationRepository organisations) {
        this.organisations = organisations;
    }

    /** The active organisations of one type in a jurisdiction, by name. */
    public List<Unit> of(String jurisdiction, OrganisationType type) {
        return organisations.findByJurisdictionOrderByName(jurisdiction).stream()
                .filter(o -> o.active() && o.type() == type).map(OrganisationDirectory::unit).toList();
    }

    /** The active organisation with this id, if any. */
    public Optional<Unit> find(UUID id) {
        if (id == null) return Optional.empty();
        return organisations.findById(id).filter(Organisation::active).map(OrganisationDirectory::unit);
    }

    private static Unit unit(Organisation o) {
        return new Unit(o.id(), o.name(), o.type(), o.jurisdiction());
    }
}
