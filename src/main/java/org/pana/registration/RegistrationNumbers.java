package org.pana.registration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Hands out registration numbers per jurisdiction and year, unique across threads and nodes and never
 * reused (hi/lo). Each node takes a block of numbers from {@code registration_number_counter} in a short
 * transaction of its own and hands them out from memory, so a create never holds the counter row until
 * it commits, and creates on all nodes do not queue behind one row. Numbers of a block a node did not
 * use before it stopped are lost: gaps are allowed, reuse is not.
 *
 * <p>The block is taken on a connection of a small pool of its own: a create that needs a new block
 * already holds a connection of the main pool, and if every connection of that pool were held by
 * creates waiting for the same block, asking the main pool for one more would wait for ever.
 */
@Component
class RegistrationNumbers implements DisposableBean {

    private final Environment environment;
    private final Clock clock;
    private final ZoneId zone;
    private final int blockSize;
    private final Map<String, Block> blocks = new ConcurrentHashMap<>();
    private volatile HikariDataSource counterPool;

    RegistrationNumbers(Environment environment, Clock clock, @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone,
            @Value("${pana.registration.number-block-size:50}") int blockSize) {
        if (blockSize < 1) throw new IllegalArgumentException("pana.registration.number-block-size must be at least 1");
        this.environment = environment;
        this.clock = clock;
        this.zone = zone;
        this.blockSize = blockSize;
    }

    /** The next number of the jurisdiction for the current registration year. */
    RegistrationNumber next(String jurisdiction) {
        return next(jurisdiction, 1).get(0);
    }

    /** {@code count} new numbers of the jurisdiction for the current registration year, in ascending order. */
    List<RegistrationNumber> next(String jurisdiction, int count) {
        int year = clock.instant().atZone(zone).getYear();
        Block block = blocks.computeIfAbsent(jurisdiction + "/" + year, k -> new Block());
        List<RegistrationNumber> numbers = new ArrayList<>(count);
        synchronized (block) {
            while (numbers.size() < count) {
                if (block.next >= block.end) {
                    int size = Math.max(blockSize, count - numbers.size());
                    block.end = reserve(jurisdiction, year, size);
                    block.next = block.end - size;
                }
                numbers.add(RegistrationNumber.of(jurisdiction, year, block.next++));
            }
        }
        return numbers;
    }

    private static final class Block {
        long next;
        long end;
    }

    /** Takes {@code size} numbers from the counter in a transaction of its own; returns the first number after them. */
    private long reserve(String jurisdiction, int year, int size) {
        for (int attempt = 0; ; attempt++) {
            try (Connection connection = pool().getConnection()) {
                connection.setAutoCommit(false);
                try {
                    long end = advance(connection, jurisdiction, year, size);
                    connection.commit();
                    return end;
                } catch (SQLException e) {
                    connection.rollback();
                    // Another node inserted the year's first row at the same moment: take a block from it instead.
                    if (attempt < 3 && e.getSQLState() != null && e.getSQLState().startsWith("23")) continue;
                    throw e;
                }
            } catch (SQLException e) {
                throw new DataAccessResourceFailureException("Could not reserve registration numbers", e);
            }
        }
    }

    private static long advance(Connection connection, String jurisdiction, int year, int size) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE registration_number_counter SET next_value = next_value + ? WHERE jurisdiction = ? AND registration_year = ?")) {
            update.setLong(1, size);
            update.setString(2, jurisdiction);
            update.setInt(3, year);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO registration_number_counter (jurisdiction, registration_year, next_value) VALUES (?, ?, ?)")) {
                    insert.setString(1, jurisdiction);
                    insert.setInt(2, year);
                    insert.setLong(3, 1L + size);
                    insert.executeUpdate();
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT next_value FROM registration_number_counter WHERE jurisdiction = ? AND registration_year = ?")) {
            select.setString(1, jurisdiction);
            select.setInt(2, year);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private HikariDataSource pool() {
        HikariDataSource pool = counterPool;
        if (pool == null) {
            synchronized (this) {
                if (counterPool == null) {
                    HikariConfig config = new HikariConfig();
                    config.setPoolName("registration-numbers");
                    config.setJdbcUrl(environment.getRequiredProperty("spring.datasource.url"));
                    config.setUsername(environment.getProperty("spring.datasource.username"));
                    config.setPassword(environment.getProperty("spring.datasource.password"));
                    config.setMaximumPoolSize(2);
                    config.setMinimumIdle(0);
                    config.setIdleTimeout(60_000);
                    String schema = environment.getProperty("spring.flyway.default-schema");
                    if (schema != null) config.setSchema(schema);
                    counterPool = new HikariDataSource(config);
                }
                pool = counterPool;
            }
        }
        return pool;
    }

    @Override
    public void destroy() {
        HikariDataSource pool = counterPool;
        if (pool != null) pool.close();
    }
}
