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
 * for a person (registration's V0040 tables with a raw_ prefix: the person row, a row per name,
 * nationality, language and document, with the same indexes; a registration number from a
 * sequence) in one transaction over a pool of its own, then answers 201 with the id. No security, no
 * audit, no history, no matching: this is the ceiling the issue compares Pana with.
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

    /** The person aggregate's tables as registration stores them (V0040), with a raw_ prefix and the same indexes. */
    private static void createSchema(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("""
                    CREATE TABLE IF NOT EXISTS raw_person (
                      id uuid PRIMARY KEY, jurisdiction varchar(3) NOT NULL, registration_number varchar(20) NOT NULL UNIQUE,
                      status varchar(20) NOT NULL, sex varchar(10), birth_date date, birth_date_precision varchar(10),
                      place_of_birth varchar(200), marital_status varchar(20), education varchar(20), occupation varchar(200),
                      phone varchar(40), email varchar(254), address_region varchar(200), address_locality varchar(200),
                      address_line varchar(200), ethnicity varchar(200), religion varchar(200), registered_by uuid,
                      organisation_id uuid, created_at timestamp with time zone NOT NULL,
                      updated_at timestamp with time zone NOT NULL, version bigint NOT NULL)""");
            sql.execute("CREATE INDEX IF NOT EXISTS raw_person_jurisdiction_idx ON raw_person (jurisdiction, id)");
            sql.execute("""
                    CREATE TABLE IF NOT EXISTS raw_person_name (
                      person_id uuid NOT NULL REFERENCES raw_person (id) ON DELETE CASCADE, idx integer NOT NULL,
                      given varchar(200), family varchar(200), patronymic varchar(200), script varchar(4) NOT NULL,
                      kind varchar(10) NOT NULL, PRIMARY KEY (person_id, idx))""");
            for (String list : new String[] {"nationality", "language"}) {
                sql.execute("CREATE TABLE IF NOT EXISTS raw_person_" + list + " (person_id uuid NOT NULL REFERENCES raw_person (id)"
                        + " ON DELETE CASCADE, idx integer NOT NULL, code varchar(3) NOT NULL, PRIMARY KEY (person_id, idx))");
            }
            sql.execute("""
                    CREATE TABLE IF NOT EXISTS raw_person_document (
                      person_id uuid NOT NULL REFERENCES raw_person (id) ON DELETE CASCADE, idx integer NOT NULL,
                      type varchar(20) NOT NULL, number varchar(60) NOT NULL, number_key varchar(60) NOT NULL,
                      issuing_country varchar(3), issued_on date, expires_on date, PRIMARY KEY (person_id, idx))""");
            sql.execute("CREATE INDEX IF NOT EXISTS raw_person_document_number_idx ON raw_person_document (number_key)");
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
                    INSERT INTO raw_person (id, jurisdiction, registration_number, status, sex, birth_date, birth_date_precision,
                      created_at, updated_at, version) VALUES (?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, 0)""")) {
                insert.setObject(1, id);
                insert.setString(2, jurisdiction);
                insert.setString(3, number);
                insert.setString(4, (String) person.get("sex"));
                Object birthDate = person.get("birthDate");
                insert.setDate(5, birthDate == null ? null : Date.valueOf(LocalDate.parse((String) birthDate)));
                insert.setString(6, (String) person.get("birthDatePrecision"));
                insert.setObject(7, now);
                insert.setObject(8, now);
                insert.executeUpdate();
            }
            codes(connection, "raw_person_nationality", id, person.get("nationalities"));
            codes(connection, "raw_person_language", id, person.get("languages"));
            try (PreparedStatement names = connection.prepareStatement("""
                    INSERT INTO raw_person_name (person_id, idx, given, family, patronymic, script, kind)
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
                        INSERT INTO raw_person_document (person_id, idx, type, number, number_key, issuing_country, expires_on)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                    int position = 0;
                    for (Object item : documents) {
                        Map<?, ?> document = (Map<?, ?>) item;
                        insert.setObject(1, id);
                        insert.setInt(2, position++);
                        insert.setString(3, String.valueOf(document.get("type")));
                        String documentNumber = String.valueOf(document.get("number"));
                        insert.setString(4, documentNumber);
                        insert.setString(5, documentNumber.toUpperCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", ""));
                        insert.setString(6, (String) document.get("issuingCountry"));
                        Object expires = document.get("expiresOn");
                        insert.setDate(7, expires == null ? null : Date.valueOf(LocalDate.parse((String) expires)));
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

    private static void codes(Connection connection, String table, UUID id, Object list) throws SQLException {
        if (!(list instanceof List<?> codes) || codes.isEmpty()) return;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (person_id, idx, code) VALUES (?, ?, ?)")) {
            int idx = 0;
            for (Object code : codes) {
                insert.setObject(1, id);
                insert.setInt(2, idx++);
                insert.setString(3, String.valueOf(code));
                insert.addBatch();
            }
            insert.executeBatch();
        }
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
