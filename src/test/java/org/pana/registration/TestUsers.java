package org.pana.registration;

import java.lang.reflect.Constructor;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.pana.access.OrganisationType;
import org.pana.access.PanaUser;
import org.pana.access.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Demo users as {@link PanaUser} principals, for tests that call {@link Registry} directly. The access
 * module makes principals only at sign-in, so this reads the user's row and builds the same principal.
 */
final class TestUsers {

    private TestUsers() {}

    static PanaUser principal(JdbcClient jdbc, String username) {
        Map<String, Object> row = jdbc.sql("""
                SELECT u.id, u.username, u.display_name, o.id AS organisation_id, o.name AS organisation_name, o.type, o.jurisdiction
                FROM access_user u JOIN access_organisation o ON o.id = u.organisation_id WHERE u.username = :username""")
                .param("username", username).query().singleRow();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("SELECT role FROM access_user_role WHERE user_id = :id").param("id", row.get("id")).query(String.class).list()
                .forEach(r -> roles.add(Role.valueOf(r)));
        try {
            Constructor<PanaUser> constructor = PanaUser.class.getDeclaredConstructor(UUID.class, String.class, String.class, UUID.class,
                    String.class, OrganisationType.class, String.class, Set.class);
            constructor.setAccessible(true);
            return constructor.newInstance((UUID) row.get("id"), (String) row.get("username"), (String) row.get("display_name"),
                    (UUID) row.get("organisation_id"), (String) row.get("organisation_name"), OrganisationType.valueOf((String) row.get("type")),
                    (String) row.get("jurisdiction"), roles);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code work} signed in as {@code user} (the audit trail names the signed-in caller). */
    static <T> T as(PanaUser user, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
