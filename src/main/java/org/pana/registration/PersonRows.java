package org.pana.registration;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Inserts new people with JDBC batches: one statement per table for a whole batch instead of Spring
 * Data JDBC's statement per row, which is what lets a million people load through the batch API in
 * minutes. The rows are exactly what {@link PersonRepository} reads back (a test checks the round trip);
 * updates go through the repository and its {@code @Version} check.
 */
@Component
class PersonRows {

    private static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;

    PersonRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the people (all new, version 0). */
    void insert(List<Person> people) {
        if (people.isEmpty()) return;
        jdbc.batchUpdate("""
                INSERT INTO registration_person (id, jurisdiction, registration_number, status, sex, birth_date, birth_date_precision,
                  place_of_birth, marital_status, education, occupation, phone, email, address_region, address_locality, address_line,
                  ethnicity, religion, registered_by, organisation_id, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", people, CHUNK, (ps, p) -> {
            ps.setObject(1, p.id());
            ps.setString(2, p.jurisdiction());
            ps.setString(3, p.registrationNumber());
            ps.setString(4, p.status().name());
            ps.setString(5, name(p.sex()));
            date(ps, 6, p.birthDate());
            ps.setString(7, name(p.birthDatePrecision()));
            ps.setString(8, p.placeOfBirth());
            ps.setString(9, name(p.maritalStatus()));
            ps.setString(10, name(p.education()));
            ps.setString(11, p.occupation());
            ps.setString(12, p.phone());
            ps.setString(13, p.email());
            ps.setString(14, p.addressRegion());
            ps.setString(15, p.addressLocality());
            ps.setString(16, p.addressLine());
            ps.setString(17, p.ethnicity());
            ps.setString(18, p.religion());
            ps.setObject(19, p.registeredBy());
            ps.setObject(20, p.organisationId());
            ps.setObject(21, p.createdAt().atOffset(ZoneOffset.UTC));
            ps.setObject(22, p.updatedAt().atOffset(ZoneOffset.UTC));
        });
        List<Row<PersonName>> names = rows(people, Person::names);
        jdbc.batchUpdate("INSERT INTO registration_person_name (person_id, idx, given, family, patronymic, script, kind) VALUES (?, ?, ?, ?, ?, ?, ?)",
                names, CHUNK, (ps, r) -> {
                    r.key(ps);
                    ps.setString(3, r.value().given());
                    ps.setString(4, r.value().family());
                    ps.setString(5, r.value().patronymic());
                    ps.setString(6, r.value().script());
                    ps.setString(7, r.value().kind().name());
                });
        List<Row<Nationality>> nationalities = rows(people, Person::nationalities);
        if (!nationalities.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO registration_person_nationality (person_id, idx, code) VALUES (?, ?, ?)", nationalities, CHUNK,
                    (ps, r) -> {
                        r.key(ps);
                        ps.setString(3, r.value().code());
                    });
        }
        List<Row<SpokenLanguage>> languages = rows(people, Person::languages);
        if (!languages.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO registration_person_language (person_id, idx, code) VALUES (?, ?, ?)", languages, CHUNK,
                    (ps, r) -> {
                        r.key(ps);
                        ps.setString(3, r.value().code());
                    });
        }
        List<Row<HeldDocument>> documents = rows(people, Person::documents);
        if (!documents.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO registration_person_document (person_id, idx, type, number, number_key, issuing_country, issued_on, expires_on)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", documents, CHUNK, (ps, r) -> {
                r.key(ps);
                ps.setString(3, r.value().type().name());
                ps.setString(4, r.value().number());
                ps.setString(5, r.value().numberKey());
                ps.setString(6, r.value().issuingCountry());
                date(ps, 7, r.value().issuedOn());
                date(ps, 8, r.value().expiresOn());
            });
        }
        List<Row<SpecificNeedFlag>> needs = rows(people, Person::specificNeeds);
        if (!needs.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO registration_person_need (person_id, idx, code, flagged_at) VALUES (?, ?, ?, ?)", needs, CHUNK,
                    (ps, r) -> {
                        r.key(ps);
                        ps.setString(3, r.value().code());
                        ps.setObject(4, r.value().flaggedAt().atOffset(ZoneOffset.UTC));
                    });
        }
    }

    private record Row<T>(Person person, int index, T value) {
        void key(PreparedStatement ps) throws SQLException {
            ps.setObject(1, person.id());
            ps.setInt(2, index);
        }
    }

    private static <T> List<Row<T>> rows(List<Person> people, java.util.function.Function<Person, List<T>> children) {
        List<Row<T>> rows = new ArrayList<>();
        for (Person person : people) {
            List<T> values = children.apply(person);
            for (int i = 0; i < values.size(); i++) rows.add(new Row<>(person, i, values.get(i)));
        }
        return rows;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static void date(PreparedStatement ps, int index, LocalDate date) throws SQLException {
        if (date == null) ps.setNull(index, Types.DATE);
        else ps.setObject(index, date);
    }
}
