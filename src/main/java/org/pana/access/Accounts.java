package org.pana.access;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Reads users as principals: only active users of active organisations. */
@Component
public class Accounts {

    private final UserAccountRepository users;
    private final OrganisationRepository organisations;

    Accounts(UserAccountRepository users, OrganisationRepository organisations) {
        this.users = users;
        this.organisations = organisations;
    }

    Optional<SignInAccount> forSignIn(String username) {
        return users.findByUsername(normalise(username)).flatMap(this::withOrganisation);
    }

    /**
     * The user as a principal, if they and their organisation are still active: what a background job
     * acting for a user (an import's run) acts as, so a deactivated user's job stops.
     */
    public Optional<PanaUser> activeUser(UUID userId) {
        return users.findById(userId).flatMap(this::withOrganisation).map(SignInAccount::user);
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
