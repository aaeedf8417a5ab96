package org.pana.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@AutoConfigureMockMvc
class AuditTrailTests {

    @Autowired AuditTrail trail;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void keepsAnEventRecordedSeparatelyWhenTheCallersTransactionRollsBack() {
        String kept = UUID.randomUUID().toString();
        String rolledBack = UUID.randomUUID().toString();

        transactions.executeWithoutResult(status -> {
            trail.recordSeparately(AuditFixtures.anActor("officer1"), AuditEntry.denied("PERSON_READ", "PERSON", kept));
            trail.record(AuditFixtures.anActor("officer1"), AuditFixtures.aPersonRead(rolledBack));
            status.setRollbackOnly();
        });

        assertThat(eventsAbout(kept)).isEqualTo(1);
        assertThat(eventsAbout(rolledBack)).isZero();
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void recordsNothingWhenTheCallersTransactionRollsBack() {
        String subject = UUID.randomUUID().toString();
        long before = count();

        transactions.executeWithoutResult(status -> {
            trail.record(AuditFixtures.anActor("officer1"), AuditFixtures.aPersonRead(subject));
            status.setRollbackOnly();
        });

        assertThat(eventsAbout(subject)).isZero();
        assertThat(count()).isEqualTo(before);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void recordsSeparatelyAtOnceOutsideATransaction() {
        String subject = UUID.randomUUID().toString();

        trail.recordSeparately(AuditFixtures.anActor("officer1"), AuditEntry.denied("PERSON_READ", "PERSON", subject));

        assertThat(eventsAbout(subject)).isEqualTo(1);
    }

    @Test
    void chainsEventsAppendedInParallelIntoOneContiguousSequence() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long lastBefore = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_event").query(Long.class).single();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> appends = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                AuditActor actor = AuditFixtures.anActor("parallel-" + run + "-" + t);
                appends.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < 50; i++) {
                        trail.record(actor, AuditFixtures.aPersonRead("p-" + i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> append : appends) append.get(2, TimeUnit.MINUTES);
        } finally {
            threads.shutdownNow();
        }
        // A request seals for a few rounds at most and leaves a longer backlog to the scheduled seal (off in tests).
        trail.seal();

        List<Long> seqs = jdbc.sql("SELECT seq FROM audit_event WHERE actor LIKE ? ORDER BY seq")
                .param("parallel-" + run + "-%").query(Long.class).list();
        assertThat(seqs).hasSize(400);
        assertThat(seqs).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(lastBefore + 1, lastBefore + 400).boxed().toList());
        ChainVerification verification = trail.verify();
        assertThat(verification.intact()).as(verification.toString()).isTrue();
        assertThat(verification.events()).isEqualTo(lastBefore + 400);
    }

    @Test
    void neutralisesLineBreaksAndControlCharactersSoNoLineCanBeForged() {
        String subject = "p-" + UUID.randomUUID();
        AuditActor mallory = new AuditActor(null, "mallory\r\n2026-01-01T00:00:00Z INFO login ok user=admin", null,
                "Org\u2028name", "10.0.0.1\n");
        trail.record(mallory, AuditEntry.success("SIGN_IN", "USER\t", subject).withPurpose("a\u0085b").withDetails("x\u202Ey\u0000z"));

        List<String> stored = jdbc.sql("SELECT actor, organisation, client_address, subject_type, purpose, details FROM audit_event WHERE subject_id = ?")
                .param(subject).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6))).single();

        assertThat(stored).containsExactly("mallory  2026-01-01T00:00:00Z INFO login ok user=admin", "Org name", "10.0.0.1 ",
                "USER ", "a b", "x y z");
        assertThat(String.join("", stored)).doesNotContain("\r", "\n", "\u2028", "\u0085", "\u202E", "\u0000");
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    @WithMockUser(username = "eve\r\nforged line", roles = "AUDITOR")
    void neutralisesLineBreaksInTheSignedInUsersName() {
        String subject = "p-" + UUID.randomUUID();

        trail.record(AuditFixtures.aPersonRead(subject));

        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE subject_id = ?").param(subject).query(String.class).single())
                .isEqualTo("eve  forged line");
    }

    @Test
    void boundsLongValuesWithoutCuttingACharacterInHalf() {
        assertThat(AuditTrail.clean("ab\uD83D\uDE00", 3)).isEqualTo("ab");
        assertThat(AuditTrail.clean("abc", 3)).isEqualTo("abc");
        assertThat(AuditTrail.clean("a".repeat(150), 100)).hasSize(100);
        assertThat(AuditTrail.clean(null, 10)).isNull();
    }

    private long eventsAbout(String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE subject_id = ?").param(subject).query(Long.class).single();
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
    }

    @Test
    void doesNotMakeOtherRequestsWaitForALongTransactionThatAudited() throws Exception {
        String subject = UUID.randomUUID().toString();
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch otherDone = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> longTransaction = pool.submit(() -> transactions.executeWithoutResult(status -> {
                trail.record(AuditActor.anonymous("long", null), AuditEntry.success("PERSON_READ", "PERSON", subject));
                recorded.countDown();
                try {
                    // Still working (say, rendering a large page) while another request audits.
                    assertThat(otherDone.await(20, TimeUnit.SECONDS)).as("the other request was not held up").isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(recorded.await(10, TimeUnit.SECONDS)).isTrue();
            pool.submit(() -> {
                transactions.executeWithoutResult(status ->
                        trail.record(AuditActor.anonymous("short", null), AuditEntry.success("PERSON_READ", "PERSON", subject)));
                otherDone.countDown();
            }).get(20, TimeUnit.SECONDS);
            longTransaction.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        List<String> actors = jdbc.sql("SELECT actor FROM audit_event WHERE subject_id = :s ORDER BY seq").param("s", subject)
                .query(String.class).list();
        // Both are in the chain; its order is the sealing order (ADR 0004), not necessarily the commit order.
        assertThat(actors).containsExactlyInAnyOrder("short", "long");
        assertThat(trail.verify().intact()).isTrue();
    }
}
