package org.pana.access;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The people of one organisation who hold given roles, for modules that hand work to a colleague (an asylum case
 * assigned to an eligibility officer): usernames and display names only. Deactivated users and users of a
 * deactivated organisation are left out, so no work is handed to someone who can no longer sign in.
 */
@Component
public class Colleagues {

    /** An active user as another module needs to know them to hand them work. */
    public record Colleague(String username, String displayName) {}

    private static final String HOLDING = """
            SELECT DISTINCT u.username, u.display_name FROM access_user u
            JOIN access_organisation o ON o.id = u.organisation_id
            JOIN access_user_role r ON r.user_id = u.id
            WHERE u.organisation_id = :organisation AND u.active AND o.active AND r.role IN (:roles)""";

    private final JdbcClient jdbc;

    Colleagues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The active users of the organisation holding at least one of the roles, by display name. */
    public List<Colleague> holding(UUID organisationId, Set<Role> roles) {
        if (organisationId == null || roles.isEmpty()) return List.of();
        return jdbc.sql(HOLDING + " ORDER BY u.display_name, u.username").param("organisation", organisationId)
                .param("roles", roles.stream().map(Enum::name).toList())
                .query((rs, n) -> new Colleague(rs.getString(1), rs.getString(2))).list();
    }

    /** The user with this username (compared as sign-in compares it), if active in the organisation with one of the roles. */
    public Optional<Colleague> find(UUID organisationId, String username, Set<Role> roles) {
        if (organisationId == null || username == null || roles.isEmpty()) return Optional.empty();
        return jdbc.sql(HOLDING + " AND u.username = :username").param("organisation", organisationId)
                .param("roles", roles.stream().map(Enum::name).toList()).param("username", Accounts.normalise(username))
                .query((rs, n) -> new Colleague(rs.getString(1), rs.getString(2))).optional();
    }
}
