package org.pana.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pana.PanaApplication;
import org.pana.platform.Command;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** First administrator, demo mode and its guards (security.md #15), and the command line. */
class InstallationTests {

    private static ConfigurableApplicationContext start(String database, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--pana.test.shared-database=" + database;
        all[1] = "--server.port=0";
        all[2] = "--spring.main.banner-mode=off";
        System.arraycopy(args, 0, all, 3, args.length);
        return new SpringApplicationBuilder(PanaApplication.class).run(all);
    }

    private static String newDatabase() {
        return "install" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    void createsTheFirstAdministratorFromTheEnvironmentAndThenRefusesDemoMode() {
        String database = newDatabase();
        try (ConfigurableApplicationContext context = start(database, "--pana.demo=false",
                "--PANA_ADMIN_USERNAME=First.Admin", "--PANA_ADMIN_PASSWORD=a long and unusual passphrase")) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT demo FROM access_user WHERE username = 'first.admin'").query(Boolean.class).single()).isFalse();
            assertThat(jdbc.sql("SELECT count(*) FROM access_user").query(Long.class).single()).isEqualTo(1);
            assertThat(context.getBean(DemoMode.class).isOn()).isFalse();
        }
        assertThatThrownBy(() -> start(database, "--demo"))
                .hasStackTraceContaining("Refusing to start with --demo");
    }

    @Test
    void createsNoAccountWithoutAnAdministratorPassword() {
        try (ConfigurableApplicationContext context = start(newDatabase(), "--pana.demo=false")) {
            assertThat(context.getBean(JdbcClient.class).sql("SELECT count(*) FROM access_user").query(Long.class).single()).isZero();
        }
    }

    @Test
    void refusesTheProductionProfileWhileDemoAccountsAreActive() {
        String database = newDatabase();
        try (ConfigurableApplicationContext context = start(database, "--demo")) {
            assertThat(context.getBean(DemoMode.class).isOn()).isTrue();
        }
        assertThatThrownBy(() -> start(database, "--pana.demo=false", "--spring.profiles.active=prod"))
                .hasStackTraceContaining("Refusing to start with the prod profile");
    }

    @Test
    void createsAnAdministratorFromTheCommandLineWithAPolicyCheckedPassword() {
        String database = newDatabase();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PanaApplication.class)
                .web(WebApplicationType.NONE)
                .run("--pana.test.shared-database=" + database, "--pana.command-line=true", "--pana.demo=false", "--spring.main.banner-mode=off")) {
            Command create = context.getBeansOfType(Command.class).values().stream()
                    .filter(c -> c.words().equals(List.of("admin", "create"))).findFirst().orElseThrow();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            System.setIn(new java.io.ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(create.run(List.of("--username", "cli.admin"), new PrintStream(out), new PrintStream(err))).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least 12");
            System.setIn(new java.io.ByteArrayInputStream("a long and unusual passphrase\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(create.run(List.of("--username", "cli.admin", "--organisation", "Ministry of Labour"), new PrintStream(out),
                    new PrintStream(err))).isZero();
            assertThat(create.run(List.of("--bogus"), new PrintStream(out), new PrintStream(err))).isEqualTo(2);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT count(*) FROM access_user_role r JOIN access_user u ON u.id = r.user_id "
                    + "WHERE u.username = 'cli.admin' AND r.role = 'ADMINISTRATOR'").query(Long.class).single()).isEqualTo(1);
        } finally {
            System.setIn(System.in);
        }
    }
}
