package org.pana.bench.speed;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one commit costs on this machine's PostgreSQL: T threads, each on its own connection, each
 * committing one single-row INSERT after the other for a few seconds; commits per second and latency.
 * With one thread this is the WAL flush latency; with 16 it shows how much group commit helps. Also,
 * with {@code --chain}, the same with every transaction taking one shared row lock first and holding
 * it through commit, as the audit chain head does: the ceiling of a serialised append.
 *
 * <p>{@code CommitLatency --db jdbc:postgresql://localhost:5432/pana_bench_raw --db-user U} (password in
 * RAW_DB_PASSWORD) {@code [--threads 1,16] [--duration 10]}
 */
public final class CommitLatency {

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        String url = options.required("db");
        String user = options.text("db-user", System.getenv().getOrDefault("RAW_DB_USER", "pana"));
        String password = System.getenv().getOrDefault("RAW_DB_PASSWORD", "");
        int seconds = options.number("duration", 10);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement sql = c.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS commit_probe (id bigserial PRIMARY KEY, thread integer, payload varchar(200))");
            sql.execute("CREATE TABLE IF NOT EXISTS commit_probe_head (id integer PRIMARY KEY, last_seq bigint NOT NULL)");
            sql.execute("INSERT INTO commit_probe_head VALUES (1, 0) ON CONFLICT DO NOTHING");
        }
        for (String mode : new String[] {"independent", "chain"}) {
            for (String t : options.text("threads", "1,16").split(",")) {
                int threads = Integer.parseInt(t.trim());
                run(url, user, password, threads, seconds, mode.equals("chain"));
            }
        }
    }

    private static void run(String url, String user, String password, int threads, int seconds, boolean chain) throws Exception {
        AtomicLong commits = new AtomicLong();
        Latencies latencies = new Latencies();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int thread = i;
            Connection connection = DriverManager.getConnection(url, user, password);
            connection.setAutoCommit(false);
            Thread worker = new Thread(() -> {
                Latencies own = new Latencies();
                try (connection;
                        PreparedStatement lock = connection.prepareStatement("SELECT last_seq FROM commit_probe_head WHERE id = 1 FOR UPDATE");
                        PreparedStatement bump = connection.prepareStatement("UPDATE commit_probe_head SET last_seq = last_seq + 1 WHERE id = 1");
                        PreparedStatement insert = connection.prepareStatement("INSERT INTO commit_probe (thread, payload) VALUES (?, ?)")) {
                    while (System.nanoTime() < end) {
                        long before = System.nanoTime();
                        if (chain) lock.executeQuery().close();
                        insert.setInt(1, thread);
                        insert.setString(2, "a payload of about the size of an audit event's text columns, sixty-four+");
                        insert.executeUpdate();
                        if (chain) bump.executeUpdate();
                        connection.commit();
                        own.add(System.nanoTime() - before);
                        commits.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                latencies.addAll(own);
            });
            workers.add(worker);
        }
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        for (Thread worker : workers) worker.join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("RESULT commits %-11s threads=%-2d %7.0f commits/s  %s%n", chain ? "chain-lock" : "independent",
                threads, commits.get() / elapsed, latencies.summary());
    }
}
