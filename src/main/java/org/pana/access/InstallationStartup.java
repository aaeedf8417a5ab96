package org.pana.access;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Runs before the web server accepts requests: seeds demo data for {@code --demo} (refusing a database
 * with real data), refuses the production profile while demo accounts are active, and creates the
 * first administrator from {@code PANA_ADMIN_USERNAME} and {@code PANA_ADMIN_PASSWORD} on an empty
 * database.
 */
@Component
class InstallationStartup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(InstallationStartup.class);

    private final Installation installation;
    private final DemoMode demoMode;
    private final Environment environment;

    InstallationStartup(Installation installation, DemoMode demoMode, Environment environment) {
        this.installation = installation;
        this.demoMode = demoMode;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (environment.getProperty("pana.command-line", Boolean.class, false)) {
            return;
        }
        String jurisdiction = environment.getProperty("pana.jurisdiction.default", "KAZ");
        if (demoMode.requested()) {
            if (installation.holdsRealData()) {
                throw new IllegalStateException("Refusing to start with --demo: this database holds real (non-demo) "
                        + "organisations or users. Demo mode needs an empty database or one that holds only demo data.");
            }
            installation.seedDemo(jurisdiction);
            log.warn("DEMO MODE: demo users with the published password are active. Never enter real people.");
        } else if (Arrays.asList(environment.getActiveProfiles()).contains("prod") && installation.hasActiveDemoAccounts()) {
            throw new IllegalStateException("Refusing to start with the prod profile: demo accounts with a published "
                    + "password are active in this database.");
        }
        String username = environment.getProperty("PANA_ADMIN_USERNAME");
        String password = environment.getProperty("PANA_ADMIN_PASSWORD");
        if (!installation.hasUsers()) {
            if (username != null && password != null) {
                installation.createAdministrator(username, username, password,
                        environment.getProperty("PANA_ADMIN_ORGANISATION", "Administration"), jurisdiction);
                log.info("Created the first administrator from PANA_ADMIN_USERNAME.");
            } else {
                log.warn("No users yet. Create the first administrator: java -jar pana.jar admin create --username NAME "
                        + "(password from PANA_ADMIN_PASSWORD or standard input), or start once with PANA_ADMIN_USERNAME "
                        + "and PANA_ADMIN_PASSWORD set.");
            }
        }
        demoMode.refresh(installation.hasActiveDemoAccounts());
    }
}
