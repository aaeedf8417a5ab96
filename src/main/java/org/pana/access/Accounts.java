package org.pana.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads users as principals: only active users of active organisations. */
@Component
public class Accounts {

    /**
     * The principal of an active user of an active organisation, one row per role (or one without a role):
     * every API request and every session request reads it again, so it is one statement.
     */
    private static final String ACTIVE_USER = """
            SELECT u.id, u.username, u.display_name, o.id AS organisation_id, o.name AS organisation_name, o.type,
                   o.jurisdiction, r.role
            FROM access_user u JOIN access_organisation o ON o.id = u.organisation_id
            LEFT JOIN access_user_role r ON r.user_id = u.id
            WHERE u.id = :id AND u.active AND o.active""";

    private final UserAccountRepository users;
    private final OrganisationRepository organisations;
    private final JdbcClient jdbc;

    Accounts(UserAccountRepository users, OrganisationRepository organisations, JdbcClient jdbc) {
        this.users = users;
        this.organisations = organisations;
        this.jdbc = jdbc;
    }

    Optional<SignInAccount> forSignIn(String username) {
        return users.findByUsername(normalise(username)).flatMap(this::withOrganisation);
    }

    /**
     * The user as a principal, if they and their organisation are still active: what a background job
     * acting for a user (an import's run) acts as, so a deactivated user's job stops.
     */
    public Optional<PanaUser> activeUser(UUID userId) {
        if (userId == null) return Optional.empty();
        record Row(UUID id, String username, String displayName, UUID organisationId, String organisationName, String type,
                String jurisdiction, String role) {}
        List<Row> rows = jdbc.sql(ACTIVE_USER).param("id", userId).query((rs, n) -> new Row(rs.getObject("id", UUID.class),
                rs.getString("username"), rs.getString("display_name"), rs.getObject("organisation_id", UUID.class),
                rs.getString("organisation_name"), rs.getString("type"), rs.getString("jurisdiction"), rs.getString("role"))).list();
        if (rows.isEmpty()) return Optional.empty();
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (Row row : rows) if (row.role() != null) roles.add(Role.valueOf(row.role()));
        Row first = rows.get(0);
        return Optional.of(new PanaUser(first.id(), first.username(), first.displayName(), first.organisationId(),
                first.organisationName(), OrganisationType.valueOf(first.type()), first.jurisdiction(), roles));
    }

    private Optional<SignInAccount> withOrganisation(UserAccount account) {
        if (!account.active()) return Optional.empty();
        return organisations.findById(account.organisationId()).filter(Organisation::active)
                .map(org -> new SignInAccount(account.passwordHash(), new PanaUser(account.id(), account.username(),
                        account.displayName(), org.id(), org.name(), org.type(), org.jurisdiction(), account.roles())));
    }

    /** What a username may be, after {@link #normalise}. */
    static final String USERNAME_FORM = "[a-z0-9][a-z0-9._-]{1,63}";
    static final String USERNAME_RULE = "Use 2 to 64 lower-case letters, digits, dots, hyphens or underscores, starting with a letter or digit.";

    /** Usernames are compared case-insensitively and without surrounding spaces. */
    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    record SignInAccount(String passwordHash, PanaUser user) {}
}
