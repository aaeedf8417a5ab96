package org.pana.matching;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pana.platform.Database;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The matching tables: keys, compact profiles and "not the same" decisions. */
@Repository
class MatchStore {

    /**
     * The candidate pool on PostgreSQL: one statement of one shape whatever the number of keys, so the server
     * plans it once per connection (prepared) instead of planning a UNION of as many branches as keys.
     */
    private static final String POOL_POSTGRESQL = """
            SELECT hits.person_id, SUM(k.w) AS shared
            FROM unnest(?::text[], ?::int[]) AS k(match_key, w)
            CROSS JOIN LATERAL (SELECT m.person_id FROM matching_key m WHERE m.jurisdiction = ? AND m.match_key = k.match_key
                                ORDER BY m.person_id LIMIT %d) hits
            GROUP BY hits.person_id ORDER BY shared DESC, hits.person_id LIMIT %d""".formatted(CandidateSelection.KEY_CAP, CandidateSelection.POOL);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Database database;

    MatchStore(JdbcClient jdbc, JdbcTemplate template, Database database) {
        this.jdbc = jdbc;
        this.template = template;
        this.database = database;
    }

    void save(StoredProfile profile, Collection<String> keys) {
        remove(profile.personId());
        jdbc.sql("""
                INSERT INTO matching_profile (person_id, jurisdiction, names, sex, birth_date, birth_date_precision, nationalities, documents)
                VALUES (:id, :jurisdiction, :names, :sex, :birthDate, :precision, :nationalities, :documents)""")
                .param("id", profile.personId()).param("jurisdiction", profile.jurisdiction()).param("names", profile.names())
                .param("sex", profile.sex()).param("birthDate", profile.birthDate()).param("precision", profile.birthDatePrecision())
                .param("nationalities", profile.nationalities()).param("documents", profile.documents()).update();
        List<Object[]> rows = new ArrayList<>(keys.size());
        for (String key : keys) rows.add(new Object[] {profile.jurisdiction(), key, profile.personId()});
        template.batchUpdate("INSERT INTO matching_key (jurisdiction, match_key, person_id) VALUES (?, ?, ?)", rows);
    }

    /** A person's profile and keys, as {@link #save} takes them. */
    record Entry(StoredProfile profile, Collection<String> keys) {}

    /** {@link #save} for many people, one JDBC batch per statement. */
    void saveAll(List<Entry> entries) {
        if (entries.isEmpty()) return;
        List<UUID> ids = new ArrayList<>(entries.size());
        List<Object[]> profiles = new ArrayList<>(entries.size());
        List<Object[]> keys = new ArrayList<>(entries.size() * 16);
        for (Entry entry : entries) {
            StoredProfile p = entry.profile();
            ids.add(p.personId());
            profiles.add(new Object[] {p.personId(), p.jurisdiction(), p.names(), p.sex(), p.birthDate(), p.birthDatePrecision(),
                    p.nationalities(), p.documents()});
            for (String key : entry.keys()) keys.add(new Object[] {p.jurisdiction(), key, p.personId()});
        }
        jdbc.sql("DELETE FROM matching_key WHERE person_id IN (:ids)").param("ids", ids).update();
        jdbc.sql("DELETE FROM matching_profile WHERE person_id IN (:ids)").param("ids", ids).update();
        template.batchUpdate("""
                INSERT INTO matching_profile (person_id, jurisdiction, names, sex, birth_date, birth_date_precision, nationalities, documents)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", profiles);
        template.batchUpdate("INSERT INTO matching_key (jurisdiction, match_key, person_id) VALUES (?, ?, ?)", keys);
    }

    void remove(UUID personId) {
        jdbc.sql("DELETE FROM matching_key WHERE person_id = :id").param("id", personId).update();
        jdbc.sql("DELETE FROM matching_profile WHERE person_id = :id").param("id", personId).update();
    }

    /**
     * The people sharing the most (weighted) keys with the probe, best first, at most {@link CandidateSelection#POOL};
     * each key contributes at most {@link CandidateSelection#KEY_CAP} people (the smallest ids, in index order).
     */
    List<UUID> pool(String jurisdiction, Collection<String> keys) {
        if (keys.isEmpty()) return List.of();
        if (database.postgresql()) return poolOnPostgresql(jurisdiction, keys);
        StringBuilder sql = new StringBuilder("SELECT person_id, SUM(w) AS shared FROM (");
        Map<String, Object> params = new HashMap<>();
        params.put("j", jurisdiction);
        int i = 0;
        for (String key : keys) {
            if (i > 0) sql.append(" UNION ALL ");
            sql.append("(SELECT person_id, ").append(MatchKeys.weight(key))
                    .append(" AS w FROM matching_key WHERE jurisdiction = :j AND match_key = :k").append(i)
                    .append(" ORDER BY person_id LIMIT ").append(CandidateSelection.KEY_CAP).append(')');
            params.put("k" + i, key);
            i++;
        }
        sql.append(") hits GROUP BY person_id ORDER BY shared DESC, person_id LIMIT ").append(CandidateSelection.POOL);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> rs.getObject(1, UUID.class)).list();
    }

    private List<UUID> poolOnPostgresql(String jurisdiction, Collection<String> keys) {
        String[] keyArray = keys.toArray(String[]::new);
        Integer[] weights = new Integer[keyArray.length];
        for (int i = 0; i < keyArray.length; i++) weights[i] = MatchKeys.weight(keyArray[i]);
        return template.query(POOL_POSTGRESQL, ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("text", keyArray));
            ps.setArray(2, ps.getConnection().createArrayOf("int4", weights));
            ps.setString(3, jurisdiction);
        }, (rs, n) -> rs.getObject(1, UUID.class));
    }

    /** The stored profiles of these people, in the order of {@code ids}. */
    List<StoredProfile> profiles(List<UUID> ids) {
        if (ids.isEmpty()) return List.of();
        Map<UUID, StoredProfile> found = new HashMap<>();
        jdbc.sql("""
                SELECT person_id, jurisdiction, names, sex, birth_date, birth_date_precision, nationalities, documents
                FROM matching_profile WHERE person_id IN (:ids)""").param("ids", ids)
                .query(MatchStore::profile).list().forEach(p -> found.put(p.personId(), p));
        List<StoredProfile> ordered = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            StoredProfile p = found.get(id);
            if (p != null) ordered.add(p);
        }
        return ordered;
    }

    static StoredProfile profile(ResultSet rs, int row) throws SQLException {
        Date birth = rs.getDate("birth_date");
        return new StoredProfile(rs.getObject("person_id", UUID.class), rs.getString("jurisdiction"), rs.getString("names"),
                rs.getString("sex"), birth == null ? null : birth.toLocalDate(), rs.getString("birth_date_precision"),
                rs.getString("nationalities"), rs.getString("documents"));
    }

    /** Of {@code others}, those decided not to be {@code person}. */
    Set<UUID> decidedDistinct(UUID person, Collection<UUID> others) {
        if (person == null || others.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("""
                SELECT person_b FROM matching_distinct_pair WHERE person_a = :p AND person_b IN (:others)
                UNION SELECT person_a FROM matching_distinct_pair WHERE person_b = :p AND person_a IN (:others)""")
                .param("p", person).param("others", others).query((rs, n) -> rs.getObject(1, UUID.class)).list());
    }
}
