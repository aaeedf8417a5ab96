package org.pana.access;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A person who signs in to Pana, in one organisation, with one or more roles. */
@Table("access_user")
record UserAccount(
        @Id @Column("id") UUID id,
        @Column("username") String username,
        @Column("display_name") String displayName,
        @Column("password_hash") String passwordHash,
        @Column("organisation_id") UUID organisationId,
        @Column("active") boolean active,
        @Column("demo") boolean demo,
        @Column("created_at") Instant createdAt,
        @Column("password_changed_at") Instant passwordChangedAt,
        @MappedCollection(idColumn = "user_id") Set<RoleGrant> grants,
        @Version @Column("version") Long version) {

    Set<Role> roles() {
        return grants.isEmpty() ? EnumSet.noneOf(Role.class)
                : grants.stream().map(RoleGrant::role).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    UserAccount withRoles(Set<Role> roles) {
        return new UserAccount(id, username, displayName, passwordHash, organisationId, active, demo, createdAt,
                passwordChangedAt, roles.stream().map(RoleGrant::new).collect(Collectors.toSet()), version);
    }

    UserAccount withActive(boolean nowActive) {
        return new UserAccount(id, username, displayName, passwordHash, organisationId, nowActive, demo, createdAt,
                passwordChangedAt, grants, version);
    }
}
