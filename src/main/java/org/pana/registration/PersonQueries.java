package org.pana.registration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads for lists and search, with the jurisdiction in every query. */
@Component
class PersonQueries {

    private final JdbcClient jdbc;

    PersonQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> jurisdictionOf(UUID personId) {
        return jdbc.sql("SELECT jurisdiction FROM registration_person WHERE id = :id").param("id", personId).query(String.class).optional();
    }

    Optional<UUID> byRegistrationNumber(String jurisdiction, String number) {
        return jdbc.sql("SELECT id FROM registration_person WHERE registration_number = :number AND jurisdiction = :jurisdiction")
                .param("number", number).param("jurisdiction", jurisdiction).query(UUID.class).optional();
    }

    /** People of the jurisdiction holding a document with this number (compared as {@link HeldDocument#keyOf}). */
    List<UUID> byDocumentNumber(String jurisdiction, String numberKey) {
        return jdbc.sql("""
                SELECT DISTINCT p.id FROM registration_person_document d JOIN registration_person p ON p.id = d.person_id
                WHERE d.number_key = :key AND p.jurisdiction = :jurisdiction ORDER BY p.id LIMIT 1000""")
                .param("key", numberKey).param("jurisdiction", jurisdiction).query(UUID.class).list();
    }

    /** Registration numbers of those of these people who are of the jurisdiction. */
    Map<UUID, String> registrationNumbers(String jurisdiction, Collection<UUID> ids) {
        Map<UUID, String> numbers = new HashMap<>();
        if (ids.isEmpty()) return numbers;
        jdbc.sql("SELECT id, registration_number FROM registration_person WHERE id IN (:ids) AND jurisdiction = :jurisdiction")
                .param("ids", ids).param("jurisdiction", jurisdiction)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list()
                .forEach(e -> numbers.put(e.getKey(), e.getValue()));
        return numbers;
    }

    /** Summaries of these people of the jurisdiction, in the order of {@code ids}. */
    List<PersonSummary> summaries(String jurisdiction, List<UUID> ids) {
        if (ids.isEmpty()) return List.of();
        Map<UUID, Object[]> rows = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT id, registration_number, sex, birth_date, birth_date_precision FROM registration_person
                WHERE id IN (:ids) AND jurisdiction = :jurisdiction""").param("ids", ids).param("jurisdiction", jurisdiction)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5)})
                .list().forEach(r -> rows.put((UUID) r[0], r));
        Map<UUID, List<PersonDetails.Name>> names = new HashMap<>();
        jdbc.sql("SELECT person_id, given, family, patronymic, script, kind FROM registration_person_name WHERE person_id IN (:ids) ORDER BY person_id, idx")
                .param("ids", rows.keySet().isEmpty() ? ids : rows.keySet())
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class),
                        new PersonDetails.Name(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6))))
                .list().forEach(e -> names.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<UUID, List<String>> nationalities = new HashMap<>();
        jdbc.sql("SELECT person_id, code FROM registration_person_nationality WHERE person_id IN (:ids) ORDER BY person_id, idx")
                .param("ids", rows.keySet().isEmpty() ? ids : rows.keySet())
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list().forEach(e -> nationalities.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        List<PersonSummary> summaries = new ArrayList<>();
        for (UUID id : ids) {
            Object[] r = rows.get(id);
            if (r == null) continue;
            summaries.add(new PersonSummary(id, (String) r[1], names.getOrDefault(id, List.of()),
                    r[2] == null ? null : Sex.valueOf((String) r[2]), (LocalDate) r[3],
                    r[4] == null ? null : BirthDatePrecision.valueOf((String) r[4]), nationalities.getOrDefault(id, List.of())));
        }
        return summaries;
    }
}
