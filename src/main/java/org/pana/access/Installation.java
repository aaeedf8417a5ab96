package org.pana.access;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.pana.audit.AuditActor;
import org.pana.audit.AuditEntry;
import org.pana.audit.AuditTrail;
import org.pana.platform.RuleViolation;
import org.pana.platform.TimeOrderedIds;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets up a new installation: the first administrator (from the command line or from environment
 * variables on first start), and the demo organisations and users of api.md. There is no default
 * password outside demo mode, and demo data never goes into a database that holds real data.
 */
@Service
class Installation {

    static final String DEMO_PASSWORD = "pana-demo";

    private final OrganisationRepository organisations;
    private final UserAccountRepository users;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final AuditTrail audit;
    private final TimeOrderedIds ids;
    private final Clock clock;

    Installation(OrganisationRepository organisations, UserAccountRepository users, PasswordEncoder passwords,
            PasswordPolicy policy, AuditTrail audit, TimeOrderedIds ids, Clock clock) {
        this.organisations = organisations;
        this.users = users;
        this.passwords = passwords;
        this.policy = policy;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    /** Creates an administrator, and their ministry organisation if it does not exist yet. */
    @Transactional
    UserAccount createAdministrator(String username, String displayName, String password, String organisationName, String jurisdiction) {
        String name = Accounts.normalise(username);
        if (!name.matches(Accounts.USERNAME_FORM)) {
            throw RuleViolation.onField("username", Accounts.USERNAME_RULE);
        }
        policy.problemWith(password).ifPresent(p -> {
            throw RuleViolation.onField("password", p);
        });
        if (users.findByUsername(name).isPresent()) {
            throw RuleViolation.onField("username", "The username " + name + " is already taken.");
        }
        Organisation organisation = organisations.findByJurisdictionOrderByName(jurisdiction).stream()
                .filter(o -> o.name().equalsIgnoreCase(organisationName)).findFirst()
                .orElseGet(() -> organisations.save(Organisation.create(ids.next(), organisationName, OrganisationType.MINISTRY,
                        jurisdiction, false, clock.instant())));
        UserAccount admin = users.save(account(name, displayName, passwords.encode(password), organisation, false, EnumSet.of(Role.ADMINISTRATOR)));
        audit.record(AuditActor.anonymous("installation", null), AuditEntry.success("USER_CREATED", "USER", admin.id()).withDetails("roles=[ADMINISTRATOR]"));
        return admin;
    }

    @Transactional(readOnly = true)
    boolean hasUsers() {
        return users.count() > 0;
    }

    @Transactional(readOnly = true)
    boolean holdsRealData() {
        return organisations.existsByDemoFalse() || users.existsByDemoFalse();
    }

    @Transactional(readOnly = true)
    boolean hasActiveDemoAccounts() {
        return users.existsByDemoTrueAndActiveTrue();
    }

    /** Seeds the demo organisations and users of api.md; existing ones are left as they are. */
    @Transactional
    void seedDemo(String jurisdiction) {
        String hash = passwords.encode(DEMO_PASSWORD);
        Organisation ministry = demoOrganisation("Ministry of Labour and Social Protection (demo)", OrganisationType.MINISTRY, jurisdiction);
        Organisation border = demoOrganisation("Border Service, Almaty region (demo)", OrganisationType.BORDER_SERVICE, jurisdiction);
        Organisation asylum = demoOrganisation("Department of Employment and Social Programmes, Almaty (demo)", OrganisationType.ASYLUM_AUTHORITY, jurisdiction);
        Organisation migration = demoOrganisation("Migration Service, Almaty (demo)", OrganisationType.MIGRATION_SERVICE, jurisdiction);
        Organisation unhcr = demoOrganisation("UNHCR Office in Kazakhstan (demo)", OrganisationType.UNHCR, jurisdiction);
        Organisation legal = demoOrganisation("Legal Aid Centre (demo NGO)", OrganisationType.NGO_PARTNER, jurisdiction);
        Organisation medical = demoOrganisation("Medical and Financial Aid Society (demo NGO)", OrganisationType.NGO_PARTNER, jurisdiction);
        demoOrganisation("Civil Registry Office, Almaty (demo)", OrganisationType.CIVIL_REGISTRY, jurisdiction);
        demoUser("admin", "Aigerim Administrator", hash, ministry, Role.ADMINISTRATOR);
        demoUser("border.officer", "Bolat Border Officer", hash, border, Role.BORDER_OFFICER);
        demoUser("registration.officer", "Raushan Registration Officer", hash, asylum, Role.REGISTRATION_OFFICER);
        demoUser("eligibility.officer", "Erlan Eligibility Officer", hash, asylum, Role.ELIGIBILITY_OFFICER);
        demoUser("decision.maker", "Dana Decision Maker", hash, asylum, Role.DECISION_MAKER);
        demoUser("decision.maker2", "Daulet Decision Maker", hash, asylum, Role.DECISION_MAKER);
        demoUser("appeals.officer", "Asel Appeals Officer", hash, ministry, Role.APPEALS_OFFICER);
        demoUser("statelessness.officer", "Saule Statelessness Officer", hash, migration, Role.STATELESSNESS_OFFICER);
        demoUser("migration.officer", "Marat Migration Officer", hash, migration, Role.MIGRATION_OFFICER);
        demoUser("unhcr.monitor", "Uma Protection Monitor", hash, unhcr, Role.PROTECTION_MONITOR);
        demoUser("legal.partner", "Lena Legal Caseworker", hash, legal, Role.PARTNER_CASEWORKER);
        demoUser("medical.partner", "Murat Medical Caseworker", hash, medical, Role.PARTNER_CASEWORKER);
        demoUser("statistician", "Sanzhar Statistician", hash, ministry, Role.STATISTICIAN);
        demoUser("auditor", "Aliya Auditor", hash, ministry, Role.AUDITOR);
    }

    private Organisation demoOrganisation(String name, OrganisationType type, String jurisdiction) {
        Optional<Organisation> existing = organisations.findByJurisdictionOrderByName(jurisdiction).stream()
                .filter(o -> o.name().equals(name)).findFirst();
        return existing.orElseGet(() -> organisations.save(Organisation.create(ids.next(), name, type, jurisdiction, true, clock.instant())));
    }

    private void demoUser(String username, String displayName, String hash, Organisation organisation, Role role) {
        if (users.findByUsername(username).isEmpty()) {
            users.save(account(username, displayName, hash, organisation, true, EnumSet.of(role)));
        }
    }

    private UserAccount account(String username, String displayName, String hash, Organisation organisation, boolean demo, Set<Role> roles) {
        var now = clock.instant();
        return new UserAccount(ids.next(), username, displayName, hash, organisation.id(), true, demo, now, now, Set.of(), null)
                .withRoles(roles);
    }
}
