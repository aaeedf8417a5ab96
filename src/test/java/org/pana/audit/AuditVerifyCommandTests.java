package org.pana.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pana.platform.Command;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@AutoConfigureMockMvc
class AuditVerifyCommandTests {

    @Autowired List<Command> commands;
    @Autowired AuditTrail trail;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void printsTheNumberOfEventsAndExitsWithZeroWhenTheChainIsIntact() {
        trail.record(AuditFixtures.anActor("officer1"), AuditFixtures.aPersonRead("p-1"));
        long events = jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();

        Run run = auditVerify();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("intact: " + events + " events" + System.lineSeparator());
    }

    @Test
    void printsTheFirstBrokenEventAndExitsWithOneWhenAnEventWasChanged() {
        trail.record(AuditFixtures.anActor("officer1"), AuditFixtures.aPersonRead("p-1"));
        trail.record(AuditFixtures.anActor("officer1"), AuditFixtures.aPersonRead("p-2"));
        long seq = jdbc.sql("SELECT MAX(seq) FROM audit_event").query(Long.class).single() - 1;
        UUID id = jdbc.sql("SELECT id FROM audit_event WHERE seq = ?").param(seq).query(UUID.class).single();

        Run run = underTampering("UPDATE audit_event SET actor = 'someone-else' WHERE seq = " + seq);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("broken: first broken event seq " + seq + ", id " + id);
        assertThat(auditVerify().exitCode()).isZero();
    }

    @Test
    void reportsAMissingLastEventAndExitsWithOne() {
        trail.record(AuditFixtures.anActor("officer1"), AuditFixtures.aPersonRead("p-1"));
        long last = jdbc.sql("SELECT MAX(seq) FROM audit_event").query(Long.class).single();

        Run run = underTampering("DELETE FROM audit_event WHERE seq = " + last);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("broken: first broken event seq " + last + ", id (missing)");
    }

    @Test
    void refusesUnexpectedArgumentsWithExitCodeTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command().run(List.of("--everything"), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("audit verify");
    }

    private Run underTampering(String sql) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            Tampering.allowChangesInThisTransaction(jdbc);
            jdbc.sql(sql).update();
            return auditVerify();
        });
    }

    private Run auditVerify() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = command().run(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        return new Run(exit, out.toString(StandardCharsets.UTF_8));
    }

    private Command command() {
        return commands.stream().filter(c -> c.words().equals(List.of("audit", "verify"))).findFirst().orElseThrow();
    }

    private record Run(int exitCode, String out) {}
}
