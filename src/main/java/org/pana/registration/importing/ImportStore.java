package org.pana.registration.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The import tables: every query names the jurisdiction, so another jurisdiction's import is never found. */
@Repository
class ImportStore {

    private static final String COLUMNS = "id, jurisdiction, file_name, file_sha256, file_format, file_size, header, row_count,"
            + " mapping, mapping_sha256, status, checked_valid, checked_invalid, rows_done, rows_registered, rows_rejected,"
            + " created_by, created_at, started_at, finished_at, run_by, run_by_name, run_organisation_id, run_organisation_name, version";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final JsonMapper json;

    ImportStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    void insert(ImportRecord i) {
        jdbc.sql("INSERT INTO registration_import (" + COLUMNS + ") VALUES (:id, :jurisdiction, :fileName, :sha, :format, :size,"
                        + " :header, :rowCount, NULL, NULL, :status, NULL, NULL, 0, 0, 0, :createdBy, :createdAt, NULL, NULL,"
                        + " NULL, NULL, NULL, NULL, 0)")
                .param("id", i.id()).param("jurisdiction", i.jurisdiction()).param("fileName", i.fileName())
                .param("sha", i.fileSha256()).param("format", i.format().name()).param("size", i.fileSize())
                .param("header", json.writeValueAsString(i.header())).param("rowCount", i.rowCount())
                .param("status", i.status().name()).param("createdBy", i.createdBy())
                .param("createdAt", i.createdAt().atOffset(ZoneOffset.UTC)).update();
    }

    void setHeader(UUID id, String header, int rowCount) {
        jdbc.sql("UPDATE registration_import SET header = :header, row_count = :n WHERE id = :id")
                .param("header", header).param("n", rowCount).param("id", id).update();
    }

    void insertRows(UUID importId, List<TableRow> rows) {
        if (rows.isEmpty()) return;
        SqlParameterSource[] params = new SqlParameterSource[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            params[r] = new MapSqlParameterSource().addValue("importId", importId).addValue("number", rows.get(r).number())
                    .addValue("cells", json.writeValueAsString(rows.get(r).cells()));
        }
        batch.batchUpdate("INSERT INTO registration_import_row (import_id, row_number, cells, status, person_id)"
                + " VALUES (:importId, :number, :cells, 'PENDING', NULL)", params);
    }

    Optional<ImportRecord> find(String jurisdiction, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration_import WHERE id = :id AND jurisdiction = :j")
                .param("id", id).param("j", jurisdiction).query(this::record).optional();
    }

    /** The import, locked for the rest of the transaction (state changes and chunks are serialised by it). */
    Optional<ImportRecord> lock(String jurisdiction, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration_import WHERE id = :id AND jurisdiction = :j FOR UPDATE")
                .param("id", id).param("j", jurisdiction).query(this::record).optional();
    }

    Optional<ImportRecord> findByFile(String jurisdiction, String sha256) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration_import WHERE jurisdiction = :j AND file_sha256 = :sha")
                .param("j", jurisdiction).param("sha", sha256).query(this::record).optional();
    }

    List<ImportRecord> list(String jurisdiction, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration_import WHERE jurisdiction = :j ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("j", jurisdiction).param("limit", limit).query(this::record).list();
    }

    void saveMapping(UUID id, ImportMapping mapping, String sha256) {
        jdbc.sql("UPDATE registration_import SET mapping = :mapping, mapping_sha256 = :sha, status = 'MAPPED', checked_valid = NULL,"
                        + " checked_invalid = NULL, version = version + 1 WHERE id = :id")
                .param("mapping", json.writeValueAsString(mapping)).param("sha", sha256).param("id", id).update();
        deleteProblems(id, Phase.CHECK);
    }

    void saveCheck(UUID id, int valid, int invalid) {
        jdbc.sql("UPDATE registration_import SET status = 'CHECKED', checked_valid = :valid, checked_invalid = :invalid,"
                        + " version = version + 1 WHERE id = :id")
                .param("valid", valid).param("invalid", invalid).param("id", id).update();
    }

    void start(UUID id, ImportRecord.RunBy by, Instant at) {
        jdbc.sql("UPDATE registration_import SET status = 'RUNNING', started_at = :at, run_by = :by, run_by_name = :name,"
                        + " run_organisation_id = :org, run_organisation_name = :orgName, lease_owner = NULL, lease_until = NULL,"
                        + " version = version + 1 WHERE id = :id")
                .param("at", at.atOffset(ZoneOffset.UTC)).param("by", by.userId()).param("name", by.username())
                .param("org", by.organisationId()).param("orgName", by.organisationName()).param("id", id).update();
    }

    /** Takes the run's lease if nobody holds it (or its holder stopped renewing it); true if taken. */
    boolean claim(UUID id, String owner, Instant now, Instant until) {
        return jdbc.sql("UPDATE registration_import SET lease_owner = :owner, lease_until = :until WHERE id = :id AND status = 'RUNNING'"
                        + " AND (lease_until IS NULL OR lease_until < :now OR lease_owner = :owner)")
                .param("owner", owner).param("until", until.atOffset(ZoneOffset.UTC)).param("now", now.atOffset(ZoneOffset.UTC))
                .param("id", id).update() == 1;
    }

    /** Renews the lease and locks the import row for the chunk's transaction; false if another node took it. */
    boolean renew(UUID id, String owner, Instant until) {
        return jdbc.sql("UPDATE registration_import SET lease_until = :until WHERE id = :id AND status = 'RUNNING' AND lease_owner = :owner")
                .param("until", until.atOffset(ZoneOffset.UTC)).param("id", id).param("owner", owner).update() == 1;
    }

    void release(UUID id, String owner) {
        jdbc.sql("UPDATE registration_import SET lease_owner = NULL, lease_until = NULL WHERE id = :id AND lease_owner = :owner")
                .param("id", id).param("owner", owner).update();
    }

    List<UUID> runsWithoutHolder(Instant now) {
        return jdbc.sql("SELECT id FROM registration_import WHERE status = 'RUNNING' AND (lease_until IS NULL OR lease_until < :now)"
                        + " ORDER BY started_at")
                .param("now", now.atOffset(ZoneOffset.UTC)).query(UUID.class).list();
    }

    Optional<String> jurisdictionOf(UUID id) {
        return jdbc.sql("SELECT jurisdiction FROM registration_import WHERE id = :id").param("id", id).query(String.class).optional();
    }

    void advance(UUID id, int done, int registered, int rejected) {
        jdbc.sql("UPDATE registration_import SET rows_done = rows_done + :done, rows_registered = rows_registered + :registered,"
                        + " rows_rejected = rows_rejected + :rejected WHERE id = :id")
                .param("done", done).param("registered", registered).param("rejected", rejected).param("id", id).update();
    }

    void complete(UUID id, Instant at) {
        jdbc.sql("UPDATE registration_import SET status = 'COMPLETED', finished_at = :at, lease_owner = NULL, lease_until = NULL,"
                        + " version = version + 1 WHERE id = :id")
                .param("at", at.atOffset(ZoneOffset.UTC)).param("id", id).update();
    }

    /** Rows after {@code afterRow} in file order, at most {@code limit}; only pending ones if asked. */
    List<TableRow> rows(UUID importId, int afterRow, int limit, boolean pendingOnly) {
        return jdbc.sql("SELECT row_number, cells FROM registration_import_row WHERE import_id = :id AND row_number > :after"
                        + (pendingOnly ? " AND status = 'PENDING'" : "") + " ORDER BY row_number LIMIT :limit")
                .param("id", importId).param("after", afterRow).param("limit", limit)
                .query((rs, n) -> new TableRow(rs.getInt(1), json.readValue(rs.getString(2), STRINGS))).list();
    }

    /** Marks rows registered (with their person) or rejected, in one JDBC batch. */
    void markRows(UUID importId, List<RowCheck.Outcome> outcomes) {
        if (outcomes.isEmpty()) return;
        SqlParameterSource[] params = outcomes.stream().map(o -> new MapSqlParameterSource().addValue("id", importId)
                .addValue("row", o.row()).addValue("person", o.personId())
                .addValue("status", (o.personId() != null ? RowStatus.REGISTERED : RowStatus.REJECTED).name()))
                .toArray(SqlParameterSource[]::new);
        batch.batchUpdate("UPDATE registration_import_row SET status = :status, person_id = :person WHERE import_id = :id"
                + " AND row_number = :row AND status = 'PENDING'", params);
    }

    long countRows(UUID importId, RowStatus status) {
        return jdbc.sql("SELECT count(*) FROM registration_import_row WHERE import_id = :id AND status = :status")
                .param("id", importId).param("status", status.name()).query(Long.class).single();
    }

    void deleteProblems(UUID importId, Phase phase) {
        jdbc.sql("DELETE FROM registration_import_problem WHERE import_id = :id AND phase = :phase")
                .param("id", importId).param("phase", phase.name()).update();
    }

    void insertProblems(UUID importId, Phase phase, List<RowProblem> problems) {
        if (problems.isEmpty()) return;
        List<SqlParameterSource> params = new ArrayList<>();
        int seq = 0;
        int lastRow = -1;
        for (RowProblem p : problems) {
            seq = p.row() == lastRow ? seq + 1 : 0;
            lastRow = p.row();
            params.add(new MapSqlParameterSource().addValue("id", importId).addValue("phase", phase.name()).addValue("row", p.row())
                    .addValue("seq", seq).addValue("column", p.column() == null ? null : cut(p.column(), 200)).addValue("field", cut(p.field(), 200)).addValue("code", cut(p.code(), 100))
                    .addValue("message", cut(p.message(), 1000)));
        }
        batch.batchUpdate("INSERT INTO registration_import_problem (import_id, phase, row_number, seq, column_name, field, code, message)"
                + " VALUES (:id, :phase, :row, :seq, :column, :field, :code, :message)", params.toArray(SqlParameterSource[]::new));
    }

    List<RowProblem> problems(UUID importId, Phase phase, int page, int size) {
        return jdbc.sql("SELECT row_number, column_name, field, code, message FROM registration_import_problem WHERE import_id = :id AND phase = :phase"
                        + " ORDER BY row_number, seq LIMIT :limit OFFSET :offset")
                .param("id", importId).param("phase", phase.name()).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new RowProblem(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))).list();
    }

    long countProblems(UUID importId, Phase phase) {
        return jdbc.sql("SELECT count(*) FROM registration_import_problem WHERE import_id = :id AND phase = :phase")
                .param("id", importId).param("phase", phase.name()).query(Long.class).single();
    }

    /** Which check produced a problem: the dry run or the real run. */
    enum Phase { CHECK, RUN }

    /** What became of a row. */
    enum RowStatus { PENDING, REGISTERED, REJECTED }

    private ImportRecord record(ResultSet rs, int n) throws SQLException {
        String mapping = rs.getString("mapping");
        UUID runBy = rs.getObject("run_by", UUID.class);
        return new ImportRecord(rs.getObject("id", UUID.class), rs.getString("jurisdiction"), rs.getString("file_name"),
                rs.getString("file_sha256"), ImportFormat.valueOf(rs.getString("file_format")), rs.getLong("file_size"),
                json.readValue(rs.getString("header"), STRINGS), rs.getInt("row_count"),
                mapping == null ? null : json.readValue(mapping, ImportMapping.class), rs.getString("mapping_sha256"),
                ImportStatus.valueOf(rs.getString("status")), (Integer) rs.getObject("checked_valid", Integer.class),
                rs.getObject("checked_invalid", Integer.class), rs.getInt("rows_done"), rs.getInt("rows_registered"),
                rs.getInt("rows_rejected"), rs.getObject("created_by", UUID.class), instant(rs, "created_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"),
                runBy == null ? null : new ImportRecord.RunBy(runBy, rs.getString("run_by_name"),
                        rs.getObject("run_organisation_id", UUID.class), rs.getString("run_organisation_name")),
                rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String cut(String value, int max) {
        if (value == null) return "";
        return value.length() <= max ? value : value.substring(0, max);
    }
}
