package org.pana.registration.household;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** People for household and photo tests: registered through the person API, or planted in another jurisdiction. */
public final class PeopleFixtures {

    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final String[] GIVEN = {"Zarina", "Farid", "Laila", "Omid", "Parwin", "Jamshid", "Nargis", "Bahrom"};

    private PeopleFixtures() {}

    /** Registers a person as the given registration officer's bearer token; answers the person's id. */
    public static UUID registered(MockMvc mvc, String bearer) throws Exception {
        int n = SERIAL.incrementAndGet();
        String body = """
                {"names": [{"given": "%s", "family": "Testova%d", "script": "Latn", "kind": "DOCUMENT"}],
                 "sex": "FEMALE", "birthDate": "%d-05-01", "birthDatePrecision": "DAY", "nationalities": ["AFG"]}"""
                .formatted(GIVEN[n % GIVEN.length], n, 1950 + n % 60);
        String response = mvc.perform(post("/api/v1/persons").header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(response, "$.id"));
    }

    /** A person of another jurisdiction (KGZ), written straight into the table: no KAZ user may see them. */
    public static UUID inKyrgyzstan(JdbcClient jdbc) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO registration_person (id, jurisdiction, registration_number, status, created_at, updated_at, version)
                VALUES (:id, 'KGZ', :number, 'ACTIVE', :now, :now, 1)""")
                .param("id", id).param("number", "KGZ-26-" + String.format("%06d", 900_000 + SERIAL.incrementAndGet()))
                .param("now", now).update();
        return id;
    }

    /** A household of another jurisdiction around a KGZ person, written straight into the tables. */
    public static UUID householdInKyrgyzstan(JdbcClient jdbc) {
        UUID person = inKyrgyzstan(jdbc);
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO registration_household (id, household_number, jurisdiction, focal_person_id, created_at, version)
                VALUES (:id, :number, 'KGZ', :person, :now, 1)""")
                .param("id", id).param("number", "KGZ-26-H" + String.format("%05d", 90_000 + SERIAL.incrementAndGet()))
                .param("person", person).param("now", now).update();
        jdbc.sql("""
                INSERT INTO registration_household_member (id, household_id, person_id, relationship, joined_on, active_person_id, recorded_at)
                VALUES (:m, :id, :person, 'FOCAL_POINT', DATE '2026-01-01', :person, :now)""")
                .param("m", UUID.randomUUID()).param("id", id).param("person", person).param("now", now).update();
        return id;
    }

    public static long auditEvents(JdbcClient jdbc, String action, Object subjectId, String outcome) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = :a AND subject_id = :s AND outcome = :o")
                .param("a", action).param("s", subjectId.toString()).param("o", outcome).query(Long.class).single();
    }
}
