package org.pana.bench.speed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;

/**
 * The raw peer of the single-create benchmark: the JDK's own HTTP server and plain JDBC, nothing else.
 * {@code POST /api/v1/persons} takes an api.md person body, parses it, and inserts the rows Pana keeps
 * for a person (one person row, a row per name and per document; a registration number from a
 * sequence) in one transaction over a pool of its own, then answers 201 with the id. No security, no
 * audit, no matching: this is the ceiling the issue compares Pana with.
 *
 * <p>{@code RawPeer --port 8099 --db jdbc:postgresql://localhost:5432/pana_bench_raw --db-user U}
 * (password in the environment variable RAW_DB_PASSWORD) {@code [--pool 16] [--threads 16]}
 */
public final class RawPeer {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final BlockingQueue<Connection> pool;

    private RawPeer(BlockingQueue<Connection> pool) {
        this.pool = pool;
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        String url = options.required("db");
        String user = options.text("db-user", System.getenv().getOrDefault("RAW_DB_USER", "pana"));
        String password = System.getenv().getOrDefault("RAW_DB_PASSWORD", "");
        int poolSize = options.number("pool", 16);
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            Connection connection = DriverManager.getConnection(url, user, password);
            if (i == 0) createSchema(connection);
            connection.setAutoCommit(false);
            pool.add(connection);
        }
        RawPeer peer = new RawPeer(pool);
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed
        // ACK: ~40 ms per request, whatever the database does.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", options.number("port", 8099)), 512);
        server.setExecutor(Executors.newFixedThreadPool(options.number("threads", 16)));
        server.createContext("/api/v1/persons", peer::persons);
        server.createContext("/api/v1/auth/token", exchange -> answer(exchange, 200, "{\"accessToken\":\"raw\",\"tokenType\":\"Bearer\",\"expiresIn\":3600}"));
        server.createContext("/health", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
        server.start();
        System.out.println("raw peer listening on " + server.getAddress() + " with " + poolSize + " connections");
    }

    private static void createSchema(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("""
                    CREATE TABLE IF NOT EXISTS raw_person (
                      id uuid PRIMARY KEY, jurisdiction varchar(3) NOT NULL, registration_number varchar(32) NOT NULL UNIQUE,
                      sex varchar(10) NOT NULL, birth_date date, birth_date_precision varchar(10),
                      nationalities varchar(200), languages varchar(200), version integer NOT NULL,
                      created_at timestamp with time zone NOT NULL, created_by varchar(100) NOT NULL)""");
            sql.execute("""
                    CREATE TABLE IF NOT EXISTS raw_person_name (
                      person_id uuid NOT NULL REFERENCES raw_person(id), position integer NOT NULL,
                      given varchar(200), family varchar(200), patronymic varchar(200), script varchar(4) NOT NULL,
                      kind varchar(10) NOT NULL, PRIMARY KEY (person_id, position))""");
            sql.execute("""
                    CREATE TABLE IF NOT EXISTS raw_person_document (
                      person_id uuid NOT NULL REFERENCES raw_person(id), position integer NOT NULL, type varchar(40) NOT NULL,
                      number varchar(60) NOT NULL, issuing_country varchar(3), expires_on date, PRIMARY KEY (person_id, position))""");
            sql.execute("CREATE SEQUENCE IF NOT EXISTS raw_registration_number");
        }
    }

    private void persons(HttpExchange exchange) throws IOException {
        try {
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "{}");
                return;
            }
            Map<String, Object> person;
            try {
                person = Json.object(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                answer(exchange, 400, "{\"title\":\"Malformed JSON\"}");
                return;
            }
            if (!(person.get("names") instanceof List<?> names) || names.isEmpty() || !(person.get("jurisdiction") instanceof String)) {
                answer(exchange, 422, "{\"title\":\"names and jurisdiction are required\"}");
                return;
            }
            UUID id = timeOrderedId();
            String number = insert(id, person);
            exchange.getResponseHeaders().add("Location", "/api/v1/persons/" + id);
            answer(exchange, 201, "{\"id\":\"" + id + "\",\"registrationNumber\":\"" + number + "\",\"version\":0}");
        } catch (Exception e) {
            answer(exchange, 500, "{\"title\":" + Json.quote(String.valueOf(e.getMessage())) + "}");
        } finally {
            exchange.close();
        }
    }

    private String insert(UUID id, Map<String, Object> person) throws SQLException, InterruptedException {
        Connection connection = pool.take();
        try {
            String jurisdiction = (String) person.get("jurisdiction");
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            String number;
            try (PreparedStatement next = connection.prepareStatement("SELECT nextval('raw_registration_number')");
                    ResultSet rs = next.executeQuery()) {
                rs.next();
                number = String.format("%s-%02d-%06d", jurisdiction, now.getYear() % 100, rs.getLong(1));
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO raw_person (id, jurisdiction, registration_number, sex, birth_date, birth_date_precision,
                      nationalities, languages, version, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")) {
                insert.setObject(1, id);
                insert.setString(2, jurisdiction);
                insert.setString(3, number);
                insert.setString(4, String.valueOf(person.getOrDefault("sex", "UNKNOWN")));
                Object birthDate = person.get("birthDate");
                insert.setDate(5, birthDate == null ? null : Date.valueOf(LocalDate.parse((String) birthDate)));
                insert.setString(6, (String) person.get("birthDatePrecision"));
                insert.setString(7, joined(person.get("nationalities")));
                insert.setString(8, joined(person.get("languages")));
                insert.setObject(9, now);
                insert.setString(10, "raw-peer");
                insert.executeUpdate();
            }
            try (PreparedStatement names = connection.prepareStatement("""
                    INSERT INTO raw_person_name (person_id, position, given, family, patronymic, script, kind)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                int position = 0;
                for (Object item : (List<?>) person.get("names")) {
                    Map<?, ?> name = (Map<?, ?>) item;
                    names.setObject(1, id);
                    names.setInt(2, position++);
                    names.setString(3, (String) name.get("given"));
                    names.setString(4, (String) name.get("family"));
                    names.setString(5, (String) name.get("patronymic"));
                    names.setString(6, String.valueOf(name.get("script")));
                    names.setString(7, String.valueOf(name.get("kind")));
                    names.addBatch();
                }
                names.executeBatch();
            }
            if (person.get("documents") instanceof List<?> documents && !documents.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO raw_person_document (person_id, position, type, number, issuing_country, expires_on)
                        VALUES (?, ?, ?, ?, ?, ?)""")) {
                    int position = 0;
                    for (Object item : documents) {
                        Map<?, ?> document = (Map<?, ?>) item;
                        insert.setObject(1, id);
                        insert.setInt(2, position++);
                        insert.setString(3, String.valueOf(document.get("type")));
                        insert.setString(4, String.valueOf(document.get("number")));
                        insert.setString(5, (String) document.get("issuingCountry"));
                        Object expires = document.get("expiresOn");
                        insert.setDate(6, expires == null ? null : Date.valueOf(LocalDate.parse((String) expires)));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            connection.commit();
            return number;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            pool.add(connection);
        }
    }

    private static String joined(Object list) {
        return list instanceof List<?> items ? String.join(",", items.stream().map(String::valueOf).toList()) : null;
    }

    /** A UUIDv7 as Pana makes them: milliseconds first, so the primary key index grows at its right edge. */
    private static UUID timeOrderedId() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFF);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
