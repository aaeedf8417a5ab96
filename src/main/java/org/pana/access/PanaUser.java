package org.pana.access;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.pana.platform.CallerIdentity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as every request sees it: who, which organisation and jurisdiction, which roles.
 * It carries no password hash, so it can live in a database session without exposing one.
 */
public final class PanaUser implements UserDetails, CallerIdentity, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID userId;
    private final String username;
    private final String displayName;
    private final UUID organisationId;
    private final String organisationName;
    private final OrganisationType organisationType;
    private final String jurisdiction;
    private final EnumSet<Role> roles;

    PanaUser(UUID userId, String username, String displayName, UUID organisationId, String organisationName,
            OrganisationType organisationType, String jurisdiction, Set<Role> roles) {
        this.userId = userId;
        this.username = username;
        this.displayName = displayName;
        this.organisationId = organisationId;
        this.organisationName = organisationName;
        this.organisationType = organisationType;
        this.jurisdiction = jurisdiction;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    @Override
    public UUID userId() {
        return userId;
    }

    @Override
    public String username() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    @Override
    public UUID organisationId() {
        return organisationId;
    }

    @Override
    public String organisationName() {
        return organisationName;
    }

    /** For templates: {@code ${#authentication.principal.organisationName}}. */
    public String getOrganisationName() {
        return organisationName;
    }

    public OrganisationType organisationType() {
        return organisationType;
    }

    @Override
    public String jurisdiction() {
        return jurisdiction;
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PanaUser user && user.userId.equals(userId) && user.roles.equals(roles)
                && user.organisationId.equals(organisationId);
    }

    @Override
    public int hashCode() {
        return userId.hashCode();
    }

    @Override
    public String toString() {
        return "PanaUser[" + userId + "]";
    }
}
