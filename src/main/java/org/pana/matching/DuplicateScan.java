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
 * people arrive together (a block); memory holds the current blocks, a number for each person and the pairs
 * found, a few bytes each ({@link ScanPairs}: a million people give millions of pairs). A block of up to
 * {@link #FULL_BLOCK} people is scored pair by pair; a larger one (a very common name) is sorted by birth date,
 * then by name, and each time each person is scored against the next {@link #WINDOW} (sorted neighbourhood, two
 * passes), so no block costs more than 2·n·{@value #WINDOW} scores. Blocks are scored on all cores while the next
 * ones are read. Pairs at or above the jurisdiction's auto-flag threshold, minus pairs decided distinct, are
 * grouped into clusters (union find) and stored with their score and reason codes ({@code matching_scan_pair});
 * progress is written to {@code matching_scan} as it goes.
 *
 * <p>A scan runs on the node that started it. If that node stops, the scan stays {@code RUNNING} and should be
 * started again. Results hold ids, scores and reason codes only: no names, so reading them is not a personal-data
 * read that needs an audit entry.
 */
@Service
public class DuplicateScan implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DuplicateScan.class);

    static final int FULL_BLOCK = 60;
    static final int WINDOW = 8;
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

    /** A person in a block: the scan's number for them, and their stored profile. */
    private record Member(int number, StoredProfile profile) {}

    /** What the scorer threads share: the pairs found, and the reason-code lists by number (few distinct). */
    private static final class Findings {
        final ScanPairs pairs = new ScanPairs();
        final Map<String, Integer> reasonNumbers = new ConcurrentHashMap<>();
        final Map<Integer, String> reasonTexts = new ConcurrentHashMap<>();

        int reasonsNumber(String codes) {
            return reasonNumbers.computeIfAbsent(codes, c -> {
                int number = reasonNumbers.size();
                reasonTexts.put(number, c);
                return number;
            });
        }
    }

    void run(UUID id, String jurisdiction) {
        try {
            MatchWeights w = weights.of(jurisdiction);
            Findings findings = new Findings();
            Map<UUID, Integer> numbers = new HashMap<>();
            List<UUID> people = new ArrayList<>();
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
                    List<Member> block = new ArrayList<>();
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
                                    submit(scorers, block, w, findings);
                                    block.clear();
                                    current[0] = key;
                                }
                                StoredProfile profile = MatchStore.profile(rs, 0);
                                Integer number = numbers.get(profile.personId());
                                if (number == null) {
                                    number = people.size();
                                    numbers.put(profile.personId(), number);
                                    people.add(profile.personId());
                                }
                                block.add(new Member(number, profile));
                                long n = processed.incrementAndGet();
                                if (n % PROGRESS_EVERY == 0) progressed(id, n, findings.pairs.size());
                            });
                    submit(scorers, block, w, findings);
                });
            } finally {
                scorers.shutdown();
                scorers.awaitTermination(1, TimeUnit.HOURS);
            }
            finish(id, jurisdiction, processed.get(), findings, numbers, people);
        } catch (Exception | OutOfMemoryError e) {
            log.error("Duplicate scan {} failed", id, e);
            writing.executeWithoutResult(tx -> jdbc.sql("UPDATE matching_scan SET status = 'FAILED', finished_at = :at WHERE id = :id")
                    .param("at", clock.instant().atOffset(ZoneOffset.UTC)).param("id", id).update());
        }
    }

    private static void submit(ThreadPoolExecutor scorers, List<Member> block, MatchWeights w, Findings findings) {
        if (block.size() < 2) return;
        List<Member> copy = List.copyOf(block);
        scorers.execute(() -> scoreBlock(copy, w, findings));
    }

    private record Decoded(int number, NormalisedProfile profile) {}

    private static void scoreBlock(List<Member> block, MatchWeights w, Findings findings) {
        List<Decoded> people = new ArrayList<>(block.size());
        for (Member m : block) people.add(new Decoded(m.number(), m.profile().decode()));
        if (people.size() <= FULL_BLOCK) {
            scoreNeighbours(people, people.size(), w, findings);
            return;
        }
        // sorted neighbourhood, twice: by birth date, then by family and given name (a duplicate whose date was
        // recorded differently still sits next to its other record by name)
        people.sort(Comparator.comparing((Decoded d) -> d.profile().birthDate(), Comparator.nullsLast(Comparator.naturalOrder())));
        scoreNeighbours(people, WINDOW, w, findings);
        people.sort(Comparator.comparing((Decoded d) -> nameOrder(d.profile())));
        scoreNeighbours(people, WINDOW, w, findings);
    }

    private static String nameOrder(NormalisedProfile profile) {
        if (profile.names().isEmpty()) return "";
        NormalisedProfile.NormalisedName name = profile.names().get(0);
        return first(name.family().joinedKeys) + "|" + first(name.given().joinedKeys);
    }

    private static String first(java.util.Collection<String> keys) {
        return keys.isEmpty() ? "" : keys.iterator().next();
    }

    private static void scoreNeighbours(List<Decoded> people, int window, MatchWeights w, Findings findings) {
        for (int i = 0; i < people.size(); i++) {
            Decoded a = people.get(i);
            for (int j = i + 1; j < people.size() && j <= i + window; j++) {
                Decoded b = people.get(j);
                long pair = ScanPairs.pair(a.number(), b.number());
                if (findings.pairs.contains(pair)) continue;
                MatchScore score = MatchScorer.scoreForSelection(a.profile(), b.profile(), w);
                if (score.likelyDuplicate()) {
                    StringBuilder codes = new StringBuilder();
                    for (MatchReason r : score.reasons()) {
                        if (codes.length() + r.code().length() + 1 > 1000) break;
                        if (codes.length() > 0) codes.append(',');
                        codes.append(r.code());
                    }
                    findings.pairs.putIfAbsent(pair, ScanPairs.value((float) score.score(), findings.reasonsNumber(codes.toString())));
                }
            }
        }
    }

    private void progressed(UUID id, long processed, long pairs) {
        writing.executeWithoutResult(tx -> jdbc.sql("UPDATE matching_scan SET processed = :p, pairs = :pairs WHERE id = :id")
                .param("p", processed).param("pairs", pairs).param("id", id).update());
    }

    /** A pair to store; {@code member} is the scan's number for one of the two, to find their cluster. */
    private record Found(int member, UUID a, UUID b, double score, String reasons) {}

    private void finish(UUID id, String jurisdiction, long processed, Findings findings, Map<UUID, Integer> numbers, List<UUID> people) {
        Set<Long> distinct = new HashSet<>();
        jdbc.sql("""
                SELECT d.person_a, d.person_b FROM matching_distinct_pair d
                JOIN matching_profile p ON p.person_id = d.person_a WHERE p.jurisdiction = :j""").param("j", jurisdiction)
                .query(rs -> {
                    Integer a = numbers.get(rs.getObject(1, UUID.class)), b = numbers.get(rs.getObject(2, UUID.class));
                    if (a != null && b != null) distinct.add(ScanPairs.pair(a, b));
                });
        numbers.clear(); // the numbers' people are in the list; the map is not needed any more
        // union-find over person numbers; clusters numbered in the order of their first pair (by ids)
        int[] parent = new int[people.size()];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        List<Found> pairs = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, findings.pairs.size()));
        findings.pairs.forEach((pair, value) -> {
            if (distinct.contains(pair)) return;
            int x = ScanPairs.first(pair), y = ScanPairs.second(pair);
            UUID a = people.get(x), b = people.get(y);
            if (CandidateSelection.compareIds(a, b) > 0) {
                UUID t = a;
                a = b;
                b = t;
            }
            int rx = root(parent, x), ry = root(parent, y);
            if (rx != ry) parent[Math.max(rx, ry)] = Math.min(rx, ry);
            pairs.add(new Found(x, a, b, Math.round(ScanPairs.score(value) * 1000.0) / 1000.0,
                    findings.reasonTexts.get(ScanPairs.reasons(value))));
        });
        pairs.sort(Comparator.comparing(Found::a, CandidateSelection::compareIds).thenComparing(Found::b, CandidateSelection::compareIds));
        Map<Integer, Long> clusterNumbers = new HashMap<>();
        List<Object[]> rows = new ArrayList<>(1000);
        long[] clusters = {0};
        writing.executeWithoutResult(tx -> {
            for (Found f : pairs) {
                int root = root(parent, f.member());
                long number = clusterNumbers.computeIfAbsent(root, r -> (long) clusterNumbers.size());
                rows.add(new Object[] {id, number, f.a(), f.b(), f.score(), f.reasons()});
                if (rows.size() == 1000) {
                    insertPairs(rows);
                    rows.clear();
                }
            }
            insertPairs(rows);
            clusters[0] = clusterNumbers.size();
            jdbc.sql("""
                    UPDATE matching_scan SET status = 'COMPLETED', processed = :p, total = :p, pairs = :pairs, clusters = :clusters,
                    finished_at = :at WHERE id = :id""")
                    .param("p", processed).param("pairs", pairs.size()).param("clusters", clusters[0])
                    .param("at", clock.instant().atOffset(ZoneOffset.UTC)).param("id", id).update();
        });
    }

    private void insertPairs(List<Object[]> rows) {
        if (rows.isEmpty()) return;
        template.batchUpdate("INSERT INTO matching_scan_pair (scan_id, cluster_no, person_a, person_b, score, reasons) VALUES (?, ?, ?, ?, ?, ?)",
                rows);
    }

    private static int root(int[] parent, int x) {
        int root = x;
        while (parent[root] != root) root = parent[root];
        while (parent[x] != root) { // path compression
            int next = parent[x];
            parent[x] = root;
            x = next;
        }
        return root;
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}
