package org.pana.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measurements, not run by default (they take minutes): {@code ./mvnw -B -q -o test -Dtest=MatchingLoadTests
 * -Dpana.measure=true -Dpana.measure.size=100000} (H2), or through the {@code surefire:test@postgres} execution.
 * Prints the cost of normalising and keying a profile, the load time, candidate and search latencies and the full
 * scan time for a generated registry of the given size.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EnabledIfSystemProperty(named = "pana.measure", matches = "true")
class MatchingLoadTests {

    @Autowired MatchIndex index;
    @Autowired DuplicateFinder finder;
    @Autowired NameSearch search;
    @Autowired DuplicateScan scan;
    @Autowired PlatformTransactionManager transactions;

    static long[] percentiles(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new long[] {sorted[sorted.length / 2] / 1000, sorted[(int) (sorted.length * 0.95)] / 1000, sorted[(int) (sorted.length * 0.99)] / 1000};
    }

    @Test
    void measuresNormalisationCandidatesSearchAndScan() {
        int size = Integer.getInteger("pana.measure.size", 100_000);
        String j = "TMS";
        GeneratedPeople generator = new GeneratedPeople(7);
        GeneratedPeople.Registry registry = generator.registry(size);
        List<MatchProfile> people = new ArrayList<>();
        for (GeneratedPeople.Person p : registry.people()) {
            MatchProfile o = p.profile();
            people.add(new MatchProfile(o.personId(), j, o.names(), o.sex(), o.birthDate(), o.birthDatePrecision(), o.nationalities(), o.documentNumbers()));
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        for (MatchProfile p : people) MatchKeys.all(NormalisedProfile.of(p));
        long c1 = cpu.getCurrentThreadCpuTime();
        System.out.printf("normalise+keys: %.1f us CPU per profile (word cache warm after first pass over %d)%n", (c1 - c0) / 1000.0 / people.size(), people.size());

        TransactionTemplate tx = new TransactionTemplate(transactions);
        long t0 = System.nanoTime();
        for (int from = 0; from < people.size(); from += 1000) {
            List<MatchProfile> batch = people.subList(from, Math.min(people.size(), from + 1000));
            tx.executeWithoutResult(s -> batch.forEach(index::index));
        }
        long t1 = System.nanoTime();
        System.out.printf("indexed %d people in %.1f s%n", people.size(), (t1 - t0) / 1e9);

        List<Long> candidates = new ArrayList<>();
        int found = 0;
        int probes = Math.min(1000, registry.duplicates().size());
        for (int i = 0; i < probes; i++) {
            MatchProfile d = registry.duplicates().get(i);
            MatchProfile probe = new MatchProfile(null, j, d.names(), d.sex(), d.birthDate(), d.birthDatePrecision(), d.nationalities(), d.documentNumbers());
            long s = System.nanoTime();
            List<Candidate> top = finder.candidates(probe, 10);
            candidates.add(System.nanoTime() - s);
            UUID truth = registry.duplicateOf().get(i).profile().personId();
            if (top.stream().anyMatch(c -> c.personId().equals(truth))) found++;
        }
        long[] c = percentiles(candidates);
        System.out.printf("candidates: p50 %d us, p95 %d us, p99 %d us over %d probes; true duplicate in top 10: %.4f%n", c[0], c[1], c[2], probes, (double) found / probes);

        List<Long> searches = new ArrayList<>();
        String[] texts = {"Карими", "Mohammad Karimi", "محمد", "Yusuf Ahmadi", "Аль-Хасан", "Zahra", "Hashimi", "Фатима Нури"};
        long total = 0;
        for (int i = 0; i < 200; i++) {
            long s = System.nanoTime();
            total += search.find(j, texts[i % texts.length], 0, 20).total();
            searches.add(System.nanoTime() - s);
        }
        long[] q = percentiles(searches);
        System.out.printf("search: p50 %d us, p95 %d us, p99 %d us (sum of totals %d)%n", q[0], q[1], q[2], total);

        long s0 = System.nanoTime();
        UUID id = scan.start(j, null);
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !scan.progress(id, j).orElseThrow().status().equals("RUNNING"));
        DuplicateScan.Progress progress = scan.progress(id, j).orElseThrow();
        System.out.printf("scan: %s in %.1f s, %d key rows, %d pairs, %d clusters%n", progress.status(), (System.nanoTime() - s0) / 1e9,
                progress.processed(), progress.pairs(), progress.clusters());
        assertThat(progress.status()).isEqualTo("COMPLETED");
        assertThat((double) found / probes).isGreaterThan(0.95);
        System.out.println(Arrays.toString(c));
    }
}
