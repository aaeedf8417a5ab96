package org.pana.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pana.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Nothing can update or delete an audit event: not the application's code, and on PostgreSQL not the database either. */
@SpringBootTest
@AutoConfigureMockMvc
class AuditAppendOnlyTests {

    /** SQL that would change or remove audit events, or remove the chain's head. Updating the head is how appends work. */
    private static final Pattern CHANGES_AUDIT_EVENTS = Pattern.compile(
            "\\b(UPDATE\\s+(\\w+\\.)?audit_event"
                    + "|DELETE\\s+FROM\\s+(\\w+\\.)?audit_(event|chain_head)"
                    + "|TRUNCATE\\s+(TABLE\\s+)?(\\w+\\.)?audit_(event|chain_head)"
                    + "|MERGE\\s+INTO\\s+(\\w+\\.)?audit_event"
                    + "|DROP\\s+TABLE\\s+(IF\\s+EXISTS\\s+)?(\\w+\\.)?audit_(event|chain_head)"
                    + "|DISABLE\\s+TRIGGER)\\b",
            Pattern.CASE_INSENSITIVE);

    @Autowired AuditTrail trail;
    @Autowired JdbcClient jdbc;

    @Test
    void offersOnlyRecordingReadingTheActorAndVerifying() {
        List<String> publicMethods = Arrays.stream(AuditTrail.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())).map(Method::getName).distinct().toList();

        assertThat(publicMethods).containsExactlyInAnyOrder("record", "recordSeparately", "currentActor", "verify", "seal");
    }

    @Test
    void hasNoSqlAnywhereInTheApplicationThatUpdatesOrDeletesAuditEvents() throws IOException {
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/main/resources")))) {
            files.filter(Files::isRegularFile).filter(AuditAppendOnlyTests::isText).forEach(file -> offences.addAll(offencesIn(file)));
        }

        assertThat(offences).isEmpty();
    }

    @Test
    void recognisesTheSqlItForbids() {
        assertThat(offencesIn("x", "jdbc.sql(\"DELETE FROM audit_event WHERE seq = 1\")")).hasSize(1);
        assertThat(offencesIn("x", "\"\"\"\n  update\n  audit_event set actor = 'x'\"\"\"")).hasSize(1);
        assertThat(offencesIn("x", "TRUNCATE TABLE public.audit_event")).hasSize(1);
        assertThat(offencesIn("x", "DELETE FROM audit_chain_head")).hasSize(1);
        assertThat(offencesIn("x", "ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only")).hasSize(1);
        assertThat(offencesIn("x", "UPDATE audit_chain_head SET last_seq = :seq")).isEmpty();
        assertThat(offencesIn("x", "INSERT INTO audit_event (seq) VALUES (1)")).isEmpty();
        assertThat(offencesIn("x", "CREATE INDEX audit_event_id_idx ON audit_event (id)")).isEmpty();
    }

    @Test
    void refusesUpdatesAndDeletesOfEventsInPostgres() {
        assumeTrue(TestDatabase.usesPostgres(), "the refusing triggers exist on PostgreSQL only");
        trail.record(AuditFixtures.anActor("officer1"), AuditFixtures.aPersonRead("p-1"));
        long seq = jdbc.sql("SELECT MAX(seq) FROM audit_event").query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'someone-else' WHERE seq = ?").param(seq).update())
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE seq = ?").param(seq).update())
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update())
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_chain_head").update())
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("append-only");

        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE seq = ?").param(seq).query(String.class).single()).isEqualTo("officer1");
        trail.record(AuditFixtures.anActor("officer1"), AuditFixtures.aPersonRead("p-2"));
        assertThat(trail.verify().intact()).isTrue();
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".java") || name.endsWith(".sql") || name.endsWith(".xml") || name.endsWith(".properties");
    }

    private static List<String> offencesIn(Path file) {
        try {
            return offencesIn(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> offencesIn(String source, String text) {
        List<String> offences = new ArrayList<>();
        Matcher matcher = CHANGES_AUDIT_EVENTS.matcher(text);
        while (matcher.find()) {
            offences.add(source + ": " + matcher.group().replaceAll("\\s+", " "));
        }
        return offences;
    }
}
