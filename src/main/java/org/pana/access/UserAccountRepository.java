package org.pana.access;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface UserAccountRepository extends ListCrudRepository<UserAccount, UUID> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByDemoFalse();

    java.util.List<UserAccount> findByOrganisationId(UUID organisationId);

    java.util.List<UserAccount> findByOrganisationIdIn(java.util.Collection<UUID> organisationIds);

    boolean existsByDemoTrueAndActiveTrue();
}
