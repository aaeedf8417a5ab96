package org.pana.access;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface OrganisationRepository extends ListCrudRepository<Organisation, UUID> {

    List<Organisation> findByJurisdictionOrderByName(String jurisdiction);

    boolean existsByDemoFalse();
}
