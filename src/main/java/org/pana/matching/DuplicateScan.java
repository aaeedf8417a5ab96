package org.pana.matching;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.pana.platform.TimeOrderedIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A full duplicate scan of a jurisdiction's registry (after a legacy import), run in the background.
 *
 * <p>The blocking keys are streamed from the database in key order, joined to the stored profiles, so each key's
 * people arrive together (a block) and nothing is held in memory but the current block and the pairs found. A
 * block of up to {@link #FULL_BLOCK} people is scored pair by pair; a larger one (a very common name) is sorted by
 * birth date and each person scored against the next {@link #WINDOW} (sorted neighbourhood), so no block costs
 * more than n·{@value #WINDOW} scores. Blocks are scored on all cores while the next ones are read. Pairs at or
 * above the jurisdiction's auto-flag threshold, minus pairs decided distinct, are grouped into clusters (union
 * find) and stored with their score and reason codes ({@code matching_scan_pair}); progress is written to
 * {@code matching_scan} as it goes.
 *
 * <p>A scan runs on the node that started it. If that node stops, the scan stays {@code RUNNING} and should be
 * started again. Results hold ids, scores and reason codes only: no names, so reading them is not a personal-data
 * read that needs an audit entry.
 */
@Service
public class DuplicateScan implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DuplicateScan.class);

    static final int FULL_BLOCK = 60;
    static final int WINDOW = 30;
    static final int PROGRESS_EVERY = 20_000;

    /** Progress and outcome of a scan. */
    public record Progress(UUID id, String jurisdiction, String status, long processed, long total, long pairs, long clusters,
            Instant startedAt, Instant finishedAt) {}

    /** One pair found, explained by reason codes (no personal data). */
    public record Pair(UUID personA, UUID personB, double score, List<String> reasons) {}

    /** People the scan believes are one, with the pairs that joined them. */
    public record Cluster(long number, List<UUID> personIds, List<Pair> pairs) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate reading;
    private final TransactionTemplate writing;
    private final JurisdictionWeights weights;
    private final Clock clock;
    private final TimeOrderedIds ids;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "matching-scan");
        t.setDaemon(true);
        return t;
    });

    DuplicateScan(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions, JurisdictionWeights weights,
            Clock clock, TimeOrderedIds ids) {
        this.jdbc = jdbc;
        this.template = template;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.writing = new TransactionTemplate(transactions);
        this.writing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.weights = weights;
        this.clock = clock;
        this.ids = ids;
    }

    /** Starts a scan of the jurisdiction's registry; returns its id at once. */
    public UUID start(String jurisdiction, UUID startedBy) {
        UUID id = ids.next();
        long total = jdbc.sql("SELECT COUNT(*) FROM matching_key WHERE jurisdiction = :j AND match_key NOT LIKE 't:%'")
                .param("j", jurisdiction).query(Long.class).single();
        writing.executeWithoutResult(tx -> jdbc.sql("""
                INSERT INTO matching_scan (id, jurisdiction, status, processed, total, pairs, clusters, started_by, started_at)
                VALUES (:id, :j, 'RUNNING', 0, :total, 0, 0, :by, :at)""")
                .param("id", id).param("j", jurisdiction).param("total", total).param("by", startedBy)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC)).update());
        runner.execute(() -> run(id, jurisdiction));
        return id;
    }

    /** The scan's progress, if it exists in this jurisdiction. */
    public Optional<Progress> progress(UUID id, String jurisdiction) {
        return jdbc.sql("SELECT * FROM matching_scan WHERE id = :id AND jurisdiction = :j").param("id", id).param("j", jurisdiction)
                .query(DuplicateScan::progress).optional();
    }

    /** One page of the scan's clusters, in cluster number order. */
    public List<Cluster> clusters(UUID id, int page, int size) {
        long from = (long) page * size;
        Map<Long, List<Pair>> pairs = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT cluster_no, person_a, person_b, score, reasons FROM matching_scan_pair
                WHERE scan_id = :id AND cluster_no >= :from AND cluster_no < :to ORDER BY cluster_no, score DESC, person_a, person_b""")
                .param("id", id).param("from", from).param("to", from + size)
                .query(rs -> {
                    String reasons = rs.getString("reasons");
                    pairs.computeIfAbsent(rs.getLong("cluster_no"), k -> new ArrayList<>()).add(new Pair(rs.getObject("person_a", UUID.class),
                            rs.getObject("person_b", UUID.class), rs.getDouble("score"), reasons.isEmpty() ? List.of() : List.of(reasons.split(","))));
                });
        List<Cluster> clusters = new ArrayList<>();
        pairs.forEach((number, list) -> {
            Set<UUID> people = new java.util.TreeSet<>(CandidateSelection::compareIds);
            for (Pair p : list) {
                people.add(p.personA());
                people.add(p.personB());
            }
            clusters.add(new Cluster(number, List.copyOf(people), list));
        });
        return clusters;
    }

    private static Progress progress(ResultSet rs, int row) throws SQLException {
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        return new Progress(rs.getObject("id", UUID.class), rs.getString("jurisdiction"), rs.getString("status"), rs.getLong("processed"),
                rs.getLong("total"), rs.getLong("pairs"), rs.getLong("clusters"), rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant());
    }

    // ---- the scan ------------------------------------------------------------------------------------------

    private record Found(UUID a, UUID b, double score, String reasons) {}

    void run(UUID id, String jurisdiction) {
        try {
            MatchWeights w = weights.of(jurisdiction);
            Map<List<UUID>, Found> found = new ConcurrentHashMap<>();
            int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
            ThreadPoolExecutor scorers = new ThreadPoolExecutor(workers, workers, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(4 * workers),
                    r -> {
                        Thread t = new Thread(r, "matching-scan-scorer");
                        t.setDaemon(true);
                        return t;
                    }, new ThreadPoolExecutor.CallerRunsPolicy());
            AtomicLong processed = new AtomicLong();
            try {
                reading.executeWithoutResult(tx -> {
                    List<StoredProfile> block = new ArrayList<>();
                    String[] current = {null};
                    jdbc.sql("""
                            SELECT k.match_key, p.person_id, p.jurisdiction, p.names, p.sex, p.birth_date, p.birth_date_precision,
                                   p.nationalities, p.documents
                            FROM matching_key k JOIN matching_profile p ON p.person_id = k.person_id
                            WHERE k.jurisdiction = :j AND k.match_key NOT LIKE 't:%'
                            ORDER BY k.match_key, k.person_id""").param("j", jurisdiction).withFetchSize(2000)
                            .query(rs -> {
                                String key = rs.getString(1);
                                if (!key.equals(current[0])) {
                                    submit(scorers, block, w, found);
                                    block.clear();
                                    current[0] = key;
                                }
                                block.add(MatchStore.profile(rs, 0));
                                long n = processed.incrementAndGet();
                                if (n % PROGRESS_EVERY == 0) progressed(id, n, found.size());
                            });
                    submit(scorers, block, w, found);
                });
            } finally {
                scorers.shutdown();
                scorers.awaitTermination(1, TimeUnit.HOURS);
            }
            finish(id, jurisdiction, processed.get(), found);
        } catch (Exception | OutOfMemoryError e) {
            log.error("Duplicate scan {} failed", id, e);
            writing.executeWithoutResult(tx -> jdbc.sql("UPDATE matching_scan SET status = 'FAILED', finished_at = :at WHERE id = :id")
                    .param("at", clock.instant().atOffset(ZoneOffset.UTC)).param("id", id).update());
        }
    }

    private static void submit(ThreadPoolExecutor scorers, List<StoredProfile> block, MatchWeights w, Map<List<UUID>, Found> found) {
        if (block.size() < 2) return;
        List<StoredProfile> copy = List.copyOf(block);
        scorers.execute(() -> scoreBlock(copy, w, found));
    }

    static void scoreBlock(List<StoredProfile> block, MatchWeights w, Map<List<UUID>, Found> found) {
        List<NormalisedProfile> people = new ArrayList<>(block.size());
        for (StoredProfile p : block) people.add(p.decode());
        int window = people.size();
        if (people.size() > FULL_BLOCK) {
            people.sort(Comparator.comparing(NormalisedProfile::birthDate, Comparator.nullsLast(Comparator.naturalOrder())));
            window = WINDOW;
        }
        for (int i = 0; i < people.size(); i++) {
            NormalisedProfile a = people.get(i);
            for (int j = i + 1; j < people.size() && j <= i + window; j++) {
                NormalisedProfile b = people.get(j);
                List<UUID> pair = StoredProfile.pair(a.personId(), b.personId());
                if (found.containsKey(pair)) continue;
                MatchScore score = MatchScorer.score(a, b, w);
                if (score.likelyDuplicate()) {
                    StringBuilder codes = new StringBuilder();
                    for (MatchReason r : score.reasons()) {
                        if (codes.length() + r.code().length() + 1 > 1000) break;
                        if (codes.length() > 0) codes.append(',');
                        codes.append(r.code());
                    }
                    found.putIfAbsent(pair, new Found(pair.get(0), pair.get(1), score.score(), codes.toString()));
                }
            }
        }
    }

    private void progressed(UUID id, long processed, long pairs) {
        writing.executeWithoutResult(tx -> jdbc.sql("UPDATE matching_scan SET processed = :p, pairs = :pairs WHERE id = :id")
                .param("p", processed).param("pairs", pairs).param("id", id).update());
    }

    private void finish(UUID id, String jurisdiction, long processed, Map<List<UUID>, Found> found) {
        Set<List<UUID>> distinct = new HashSet<>();
        jdbc.sql("""
                SELECT d.person_a, d.person_b FROM matching_distinct_pair d
                JOIN matching_profile p ON p.person_id = d.person_a WHERE p.jurisdiction = :j""").param("j", jurisdiction)
                .query(rs -> {
                    distinct.add(List.of(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
                });
        List<Found> pairs = new ArrayList<>();
        for (Found f : found.values()) if (!distinct.contains(List.of(f.a(), f.b()))) pairs.add(f);
        pairs.sort(Comparator.comparing(Found::a, CandidateSelection::compareIds).thenComparing(Found::b, CandidateSelection::compareIds));
        // union-find over the pairs; clusters numbered in the order their first pair sorts
        Map<UUID, UUID> parent = new HashMap<>();
        for (Found f : pairs) union(parent, f.a(), f.b());
        Map<UUID, Long> numbers = new HashMap<>();
        List<Object[]> rows = new ArrayList<>(pairs.size());
        for (Found f : pairs) {
            long number = numbers.computeIfAbsent(root(parent, f.a()), r -> (long) numbers.size());
            rows.add(new Object[] {id, number, f.a(), f.b(), f.score(), f.reasons()});
        }
        writing.executeWithoutResult(tx -> {
            for (int from = 0; from < rows.size(); from += 1000) {
                template.batchUpdate("INSERT INTO matching_scan_pair (scan_id, cluster_no, person_a, person_b, score, reasons) VALUES (?, ?, ?, ?, ?, ?)",
                        rows.subList(from, Math.min(rows.size(), from + 1000)));
            }
            jdbc.sql("""
                    UPDATE matching_scan SET status = 'COMPLETED', processed = :p, total = :p, pairs = :pairs, clusters = :clusters,
                    finished_at = :at WHERE id = :id""")
                    .param("p", processed).param("pairs", pairs.size()).param("clusters", numbers.size())
                    .param("at", clock.instant().atOffset(ZoneOffset.UTC)).param("id", id).update();
        });
    }

    private static void union(Map<UUID, UUID> parent, UUID a, UUID b) {
        UUID ra = root(parent, a), rb = root(parent, b);
        if (!ra.equals(rb)) {
            if (CandidateSelection.compareIds(ra, rb) < 0) parent.put(rb, ra);
            else parent.put(ra, rb);
        }
    }

    private static UUID root(Map<UUID, UUID> parent, UUID x) {
        UUID root = x;
        while (parent.containsKey(root) && !parent.get(root).equals(root)) root = parent.get(root);
        UUID node = x; // path compression
        while (!node.equals(root)) {
            UUID next = parent.get(node);
            parent.put(node, root);
            node = next;
        }
        return root;
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}
