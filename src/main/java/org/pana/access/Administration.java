package org.pana.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.platform.NotFound;
import org.pana.platform.RuleViolation;
import org.pana.platform.StateConflict;
import org.pana.platform.TimeOrderedIds;
import org.pana.platform.Versions;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administers organisations and users. An administrator manages only their own jurisdiction; records of
 * another jurisdiction are "not found". Every change is audited in the same transaction.
 */
@Service
public class Administration {

    private final OrganisationRepository organisations;
    private final UserAccountRepository users;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final ApiTokens tokens;
    private final AuditTrail audit;
    private final TimeOrderedIds ids;
    private final Clock clock;

    Administration(OrganisationRepository organisations, UserAccountRepository users, PasswordEncoder passwords,
            PasswordPolicy policy, ApiTokens tokens, AuditTrail audit, TimeOrderedIds ids, Clock clock) {
        this.organisations = organisations;
        this.users = users;
        this.passwords = passwords;
        this.policy = policy;
        this.tokens = tokens;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    public record NewOrganisation(String name, OrganisationType type) {}

    public record NewUser(String username, String displayName, UUID organisationId, Set<Role> roles, String password) {}

    /** A user as administrators see it: never the password hash. */
    public record UserView(UUID id, String username, String displayName, UUID organisationId, String organisationName,
            boolean active, Set<Role> roles, long version) {}

    @Transactional(readOnly = true)
    public List<Organisation> organisations(PanaUser admin) {
        return organisations.findByJurisdictionOrderByName(admin.jurisdiction());
    }

    @Transactional(readOnly = true)
    public Organisation organisation(PanaUser admin, UUID id) {
        return organisations.findById(id).filter(o -> o.jurisdiction().equals(admin.jurisdiction()))
                .orElseThrow(() -> new NotFound("Organisation"));
    }

    @Transactional
    public Organisation createOrganisation(PanaUser admin, NewOrganisation request) {
        String name = request.name() == null ? "" : request.name().strip();
        List<RuleViolation.FieldProblem> problems = new ArrayList<>();
        if (name.isEmpty() || name.length() > 200) problems.add(new RuleViolation.FieldProblem("name", "Enter a name of 1 to 200 characters."));
        if (request.type() == null) problems.add(new RuleViolation.FieldProblem("type", "Choose the type of organisation."));
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The organisation has invalid fields.", problems);
        boolean taken = organisations.findByJurisdictionOrderByName(admin.jurisdiction()).stream()
                .anyMatch(o -> o.name().equalsIgnoreCase(name));
        if (taken) throw new StateConflict("organisation-exists", "An organisation with this name already exists in " + admin.jurisdiction() + ".");
        Organisation saved = organisations.save(Organisation.create(ids.next(), name, request.type(), admin.jurisdiction(), false, clock.instant()));
        audit.record(AuditEntry.success("ORGANISATION_CREATED", "ORGANISATION", saved.id()));
        return saved;
    }

    @Transactional
    public Organisation deactivateOrganisation(PanaUser admin, UUID id) {
        Organisation organisation = organisation(admin, id);
        if (organisation.id().equals(admin.organisationId())) {
            throw new RuleViolation("own-organisation", "You cannot deactivate your own organisation.");
        }
        Organisation saved = organisations.save(organisation.deactivated());
        users.findByOrganisationId(id).forEach(u -> tokens.revokeAllOf(u.id()));
        audit.record(AuditEntry.success("ORGANISATION_DEACTIVATED", "ORGANISATION", id));
        return saved;
    }

    /** The users of the administrator's jurisdiction; the listing is audited (staff records are personal data too). */
    @Transactional
    public List<UserView> users(PanaUser admin) {
        java.util.Map<UUID, Organisation> visible = new java.util.HashMap<>();
        organisations(admin).forEach(o -> visible.put(o.id(), o));
        List<UserView> views = new ArrayList<>();
        // Only users of the administrator's jurisdiction are read at all: the filter is in the query.
        for (UserAccount account : visible.isEmpty() ? List.<UserAccount>of() : users.findByOrganisationIdIn(visible.keySet())) {
            views.add(view(account, visible.get(account.organisationId())));
        }
        views.sort(java.util.Comparator.comparing(UserView::username));
        audit.record(AuditEntry.success("USERS_LISTED", "USER", null).withDetails("count=" + views.size()));
        return views;
    }

    @Transactional
    public UserView user(PanaUser admin, UUID id) {
        UserAccount account = visibleAccount(admin, id);
        audit.record(AuditEntry.success("USER_READ", "USER", id));
        return view(account, organisations.findById(account.organisationId()).orElseThrow());
    }

    @Transactional
    public UserView createUser(PanaUser admin, NewUser request) {
        String username = Accounts.normalise(request.username());
        String displayName = request.displayName() == null ? "" : request.displayName().strip();
        List<RuleViolation.FieldProblem> problems = new ArrayList<>();
        if (!username.matches(Accounts.USERNAME_FORM)) {
            problems.add(new RuleViolation.FieldProblem("username", Accounts.USERNAME_RULE));
        }
        if (displayName.isEmpty() || displayName.length() > 200) problems.add(new RuleViolation.FieldProblem("displayName", "Enter a name of 1 to 200 characters."));
        if (request.roles() == null || request.roles().isEmpty()) problems.add(new RuleViolation.FieldProblem("roles", "Choose at least one role."));
        policy.problemWith(request.password()).ifPresent(p -> problems.add(new RuleViolation.FieldProblem("password", p)));
        Organisation organisation = request.organisationId() == null ? null
                : organisations.findById(request.organisationId()).filter(o -> o.jurisdiction().equals(admin.jurisdiction())).orElse(null);
        if (organisation == null) problems.add(new RuleViolation.FieldProblem("organisationId", "Choose an organisation of your jurisdiction."));
        else if (!organisation.active()) problems.add(new RuleViolation.FieldProblem("organisationId", "This organisation is deactivated."));
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The user has invalid fields.", problems);
        if (users.findByUsername(username).isPresent()) {
            throw new StateConflict("username-taken", "The username " + username + " is already taken.");
        }
        var now = clock.instant();
        UserAccount account = new UserAccount(ids.next(), username, displayName, passwords.encode(request.password()),
                organisation.id(), true, false, now, now, Set.of(), null).withRoles(request.roles());
        UserAccount saved = users.save(account);
        audit.record(AuditEntry.success("USER_CREATED", "USER", saved.id()).withDetails("roles=" + saved.roles()));
        return view(saved, organisation);
    }

    @Transactional
    public UserView assignRoles(PanaUser admin, UUID id, Set<Role> roles, long expectedVersion) {
        if (roles == null || roles.isEmpty()) throw RuleViolation.onField("roles", "Choose at least one role.");
        UserAccount account = visibleAccount(admin, id);
        Versions.require(expectedVersion, account.version());
        if (account.id().equals(admin.userId()) && !roles.contains(Role.ADMINISTRATOR)) {
            throw new RuleViolation("own-administrator-role", "You cannot remove your own administrator role.");
        }
        UserAccount saved = users.save(account.withRoles(EnumSet.copyOf(roles)));
        audit.record(AuditEntry.success("USER_ROLES_CHANGED", "USER", id).withDetails("roles=" + saved.roles()));
        return view(saved, organisations.findById(saved.organisationId()).orElseThrow());
    }

    @Transactional
    public UserView setActive(PanaUser admin, UUID id, boolean active) {
        UserAccount account = visibleAccount(admin, id);
        if (!active && account.id().equals(admin.userId())) {
            throw new RuleViolation("own-account", "You cannot deactivate your own account.");
        }
        UserAccount saved = users.save(account.withActive(active));
        if (!active) tokens.revokeAllOf(id);
        audit.record(AuditEntry.success(active ? "USER_REACTIVATED" : "USER_DEACTIVATED", "USER", id));
        return view(saved, organisations.findById(saved.organisationId()).orElseThrow());
    }

    private UserAccount visibleAccount(PanaUser admin, UUID id) {
        return users.findById(id)
                .filter(u -> organisations.findById(u.organisationId()).map(o -> o.jurisdiction().equals(admin.jurisdiction())).orElse(false))
                .orElseThrow(() -> {
                    audit.recordSeparately(AuditEntry.denied("USER_READ", "USER", id));
                    return new NotFound("User");
                });
    }

    private static UserView view(UserAccount account, Organisation organisation) {
        return new UserView(account.id(), account.username(), account.displayName(), organisation.id(), organisation.name(),
                account.active(), account.roles(), account.version());
    }
}
