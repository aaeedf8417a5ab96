package org.pana.access;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo users of api.md as principals, for other modules that seed demo data in their name (the demo
 * people are registered by {@code registration.officer}). Only active demo accounts are given out: a real
 * user can never be acted as through this.
 */
@Component
public class DemoUsers {

    private final UserAccountRepository users;
    private final Accounts accounts;

    DemoUsers(UserAccountRepository users, Accounts accounts) {
        this.users = users;
        this.accounts = accounts;
    }

    /** The active demo user with this username, if there is one. */
    @Transactional(readOnly = true)
    public Optional<PanaUser> find(String username) {
        return users.findByUsername(Accounts.normalise(username)).filter(UserAccount::demo).filter(UserAccount::active)
                .flatMap(account -> accounts.activeUser(account.id()));
    }
}
