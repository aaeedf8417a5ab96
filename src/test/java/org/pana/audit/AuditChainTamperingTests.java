package org.pana.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pana.audit.AuditTrail.StoredEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** security.md #29: any single audit row changed, deleted, inserted or reordered in SQL is detected, 100 % of the time. */
@SpringBootTest
@AutoConfigureMockMvc
class AuditChainTamperingTests {

    private static final int TAMPERINGS = 1000;

    @Autowired AuditTrail trail;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void detectsEveryOneOfAThousandRandomSingleRowTamperingsAtTheExactEvent() {
        Random random = new Random(29_16_4_2L);
        for (int i = 0; i < 50; i++) {
            trail.record(AuditFixtures.aRandomActor(random), AuditFixtures.aRandomEntry(random));
        }
        List<StoredEvent> events = jdbc.sql("SELECT " + AuditTrail.EVENT_COLUMNS + " FROM audit_event ORDER BY seq")
                .query(AuditTrail::storedEvent).list();
        assertThat(trail.verify()).isEqualTo(ChainVerification.intact(events.size()));

        List<String> misses = new ArrayList<>();
        Map<Tampering.Kind, Integer> kinds = new EnumMap<>(Tampering.Kind.class);
        Set<String> columnsChanged = new TreeSet<>();
        for (int i = 0; i < TAMPERINGS; i++) {
            Tampering tampering = Tampering.random(random, events);
            ChainVerification found = verifyUnder(tampering);
            if (found.intact() || !Objects.equals(found.firstBrokenSeq(), tampering.expectedSeq())
                    || !Objects.equals(found.firstBrokenEventId(), tampering.expectedEventId())) {
                misses.add(tampering.description() + ": expected seq " + tampering.expectedSeq() + " id "
                        + tampering.expectedEventId() + ", found " + found);
            }
            ChainVerification afterRollback = trail.verify();
            if (!afterRollback.intact() || afterRollback.events() != events.size()) {
                misses.add("after rolling back " + tampering.description() + ": " + afterRollback);
            }
            kinds.merge(tampering.kind(), 1, Integer::sum);
            if (tampering.kind() == Tampering.Kind.MODIFY) columnsChanged.add(tampering.description().split(" ")[1]);
        }

        assertThat(misses).as("tamperings not pinpointed, out of %d", TAMPERINGS).isEmpty();
        assertThat(kinds).allSatisfy((kind, count) -> assertThat(count).as(kind.name()).isGreaterThan(100));
        assertThat(kinds).hasSize(Tampering.Kind.values().length);
        assertThat(columnsChanged).containsExactlyInAnyOrderElementsOf(Tampering.COLUMNS);
    }

    private ChainVerification verifyUnder(Tampering tampering) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            Tampering.allowChangesInThisTransaction(jdbc);
            tampering.applyTo(jdbc);
            return trail.verify();
        });
    }
}
