package org.pana.border;

import java.time.LocalDate;
import org.pana.access.DemoMode;
import org.pana.access.DemoUsers;
import org.pana.access.PanaUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * With {@code --demo}: referrals from every border point's region of the demo jurisdiction go to the demo
 * asylum authority (the organisation of {@code registration.officer}), from 2025-01-01. Real routes are data an
 * administrator enters; a region without a route makes referrals {@code UNROUTED}, never a lost encounter.
 */
@Component
@Order(90)
class DemoRoutes implements ApplicationRunner {

    static final LocalDate FROM = LocalDate.of(2025, 1, 1);

    private final DemoMode demoMode;
    private final DemoUsers demoUsers;
    private final JdbcClient jdbc;
    private final boolean commandLine;

    DemoRoutes(DemoMode demoMode, DemoUsers demoUsers, JdbcClient jdbc, @Value("${pana.command-line:false}") boolean commandLine) {
        this.demoMode = demoMode;
        this.demoUsers = demoUsers;
        this.jdbc = jdbc;
        this.commandLine = commandLine;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments arguments) {
        if (!demoMode.requested() || commandLine) return;
        PanaUser registrar = demoUsers.find("registration.officer").orElse(null);
        if (registrar == null) return;
        jdbc.sql("""
                INSERT INTO border_referral_route (jurisdiction, region, valid_from, receiving_organisation_id)
                SELECT DISTINCT p.jurisdiction, p.region, :from, :unit FROM border_point p
                WHERE p.jurisdiction = :j AND NOT EXISTS (SELECT 1 FROM border_referral_route r
                    WHERE r.jurisdiction = p.jurisdiction AND r.region = p.region AND r.valid_from = :from)""")
                .param("from", FROM).param("unit", registrar.organisationId()).param("j", registrar.jurisdiction()).update();
    }
}
