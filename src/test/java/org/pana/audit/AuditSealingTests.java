package org.pana.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Events go to the pending table in their transaction and into the chain right after it commits. */
@SpringBootTest
@AutoConfigureMockMvc
class AuditSealingTests {

    @Autowired AuditTrail trail;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void sealsAnEventIntoTheChainAsSoonAsItsTransactionCommits() {
        String subject = UUID.randomUUID().toString();

        transactions.executeWithoutResult(status -> {
            trail.record(AuditFixtures.anActor("officer1"), AuditFixtures.aPersonRead(subject));
            assertThat(inChain(subject)).as("not in the chain before the commit").isZero();
        });

        assertThat(inChain(subject)).isEqualTo(1);
        assertThat(pending(subject)).isZero();
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void sealsEventsLeftPendingByANodeThatStoppedAfterItsCommit() {
        String subject = UUID.randomUUID().toString();
        // What a node leaves behind when it dies between a commit and the seal.
        jdbc.sql("INSERT INTO audit_pending_event (id, occurred_at, actor, action, subject_type, subject_id, outcome)"
                        + " VALUES (?, ?, 'officer1', 'PERSON_READ', 'PERSON', ?, 'SUCCESS')")
                .params(UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC).withNano(0), subject).update();
        assertThat(inChain(subject)).isZero();

        assertThat(trail.seal()).isGreaterThanOrEqualTo(1);

        assertThat(inChain(subject)).isEqualTo(1);
        assertThat(pending(subject)).isZero();
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void leavesNothingPendingWhenTheTransactionRollsBack() {
        String subject = UUID.randomUUID().toString();

        transactions.executeWithoutResult(status -> {
            trail.record(AuditFixtures.anActor("officer1"), AuditFixtures.aPersonRead(subject));
            status.setRollbackOnly();
        });

        assertThat(pending(subject)).isZero();
        assertThat(inChain(subject)).isZero();
    }

    private long inChain(String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE subject_id = ?").param(subject).query(Long.class).single();
    }

    private long pending(String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_pending_event WHERE subject_id = ?").param(subject).query(Long.class).single();
    }
}
