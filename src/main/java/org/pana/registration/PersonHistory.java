package org.pana.registration;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.platform.TimeOrderedIds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps and reads the history of each person in {@code registration_person_change}. Changes are
 * compared field by field on the person as clients see it; ethnicity, religion and sensitive specific
 * needs are recorded as "changed" without their values.
 */
@Component
class PersonHistory {

    static final String REGISTERED = "REGISTERED";
    static final String UPDATED = "UPDATED";
    static final Set<String> SENSITIVE_FIELDS = Set.of("ethnicity", "religion", "sensitiveSpecificNeeds");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;
    private final TimeOrderedIds ids;
    private final SpecificNeedCatalogue catalogue;

    PersonHistory(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, TimeOrderedIds ids, SpecificNeedCatalogue catalogue) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.ids = ids;
        this.catalogue = catalogue;
    }

    /** A change about to be stored. */
    record Change(UUID personId, Instant at, String kind, String reason, List<HistoryEntry.FieldChange> changes) {}

    /** The fields that differ between two versions of a person. */
    List<HistoryEntry.FieldChange> changes(PersonDetails before, PersonDetails after) {
        JsonNode old = comparable(before);
        JsonNode now = comparable(after);
        Set<String> fields = new LinkedHashSet<>();
        old.propertyNames().forEach(fields::add);
        now.propertyNames().forEach(fields::add);
        List<HistoryEntry.FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode a = old.get(field);
            JsonNode b = now.get(field);
            if (Objects.equals(absentIfEmpty(a), absentIfEmpty(b))) continue;
            boolean sensitive = SENSITIVE_FIELDS.contains(field);
            changes.add(new HistoryEntry.FieldChange(field, sensitive ? null : render(a), sensitive ? null : render(b), sensitive));
        }
        return changes;
    }

    /** The fields a new person was registered with (names only: the values are the record itself). */
    List<HistoryEntry.FieldChange> fieldsOf(PersonDetails details) {
        JsonNode node = comparable(details);
        List<HistoryEntry.FieldChange> fields = new ArrayList<>();
        for (Iterator<String> names = node.propertyNames().iterator(); names.hasNext(); ) {
            String field = names.next();
            if (absentIfEmpty(node.get(field)) != null) fields.add(new HistoryEntry.FieldChange(field, null, null, SENSITIVE_FIELDS.contains(field)));
        }
        return fields;
    }

    void record(PanaUser actor, List<Change> changes) {
        template.batchUpdate("""
                INSERT INTO registration_person_change (id, person_id, changed_at, kind, actor_id, actor_username, organisation_id,
                  organisation_name, reason, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", changes, 500, (ps, change) -> {
            ps.setObject(1, ids.next());
            ps.setObject(2, change.personId());
            ps.setObject(3, change.at().atOffset(ZoneOffset.UTC));
            ps.setString(4, change.kind());
            ps.setObject(5, actor.userId());
            ps.setString(6, actor.username());
            ps.setObject(7, actor.organisationId());
            ps.setString(8, actor.organisationName());
            ps.setString(9, change.reason());
            ps.setString(10, json.writeValueAsString(change.changes()));
        });
    }

    ResultPage<HistoryEntry> page(UUID personId, int page, int size, boolean seesSensitive) {
        long total = jdbc.sql("SELECT count(*) FROM registration_person_change WHERE person_id = :id").param("id", personId)
                .query(Long.class).single();
        List<HistoryEntry> entries = jdbc.sql("""
                SELECT id, changed_at, kind, actor_id, actor_username, organisation_id, organisation_name, reason, changes
                FROM registration_person_change WHERE person_id = :id ORDER BY changed_at DESC, id DESC
                LIMIT :limit OFFSET :offset""")
                .param("id", personId).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> {
                    List<HistoryEntry.FieldChange> changes = json.readValue(rs.getString("changes"), new TypeReference<>() {});
                    if (!seesSensitive) changes = changes.stream().filter(c -> !c.sensitive()).toList();
                    return new HistoryEntry(rs.getObject("id", UUID.class), rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
                            rs.getString("kind"), new HistoryEntry.Actor(rs.getObject("actor_id", UUID.class), rs.getString("actor_username"),
                                    rs.getObject("organisation_id", UUID.class), rs.getString("organisation_name")),
                            rs.getString("reason"), changes);
                }).list();
        return new ResultPage<>(entries, page, size, total);
    }

    /** The person as compared: specific needs split into the ordinary and the sensitive ones; no jurisdiction. */
    private JsonNode comparable(PersonDetails details) {
        tools.jackson.databind.node.ObjectNode node = json.valueToTree(details);
        node.remove("jurisdiction");
        List<String> ordinary = new ArrayList<>();
        List<String> sensitive = new ArrayList<>();
        for (String code : details.specificNeeds()) (catalogue.isSensitive(code) ? sensitive : ordinary).add(code);
        node.set("specificNeeds", json.valueToTree(ordinary));
        node.set("sensitiveSpecificNeeds", json.valueToTree(sensitive));
        return node;
    }

    private static JsonNode absentIfEmpty(JsonNode node) {
        if (node == null || node.isNull() || (node.isContainer() && node.isEmpty())) return null;
        return node;
    }

    private static String render(JsonNode node) {
        JsonNode value = absentIfEmpty(node);
        if (value == null) return null;
        return value.isString() ? value.asString() : value.toString();
    }
}
