package org.pana.asylum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pana.testing.TestApi;
import org.pana.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The daily deadline watch goes on past a case it cannot count, and flags each passed deadline once. */
@SpringBootTest
@AutoConfigureMockMvc
class DeadlineWatchTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired DeadlineWatch watch;

    @AfterEach
    void restore() {
        clock.reset();
    }

    MockHttpServletResponse send(String path, String body) throws Exception {
        return mvc.perform(post(path).header("Authorization", TestApi.bearer(mvc, "registration.officer")).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse();
    }

    /** Lodged and registered today, fingerprints not taken. */
    UUID registeredWithoutFingerprints() throws Exception {
        LocalDate today = clock.instant().atZone(ZoneId.of("Asia/Almaty")).toLocalDate();
        String person = JsonPath.read(send("/api/v1/persons", """
                {"jurisdiction": "KAZ", "names": [{"given": "Yasin", "family": "Amiri%s", "script": "Latn", "kind": "DECLARED"}],
                 "sex": "MALE", "birthDate": "1979-10-12", "birthDatePrecision": "DAY", "nationalities": ["AFG"]}"""
                .formatted(UUID.randomUUID().toString().substring(0, 4).replaceAll("[0-9]", "y"))).getContentAsString(), "$.id");
        String id = JsonPath.read(send("/api/v1/asylum/applications", "{\"personId\": \"%s\", \"lodgedOn\": \"%s\", \"lodgedAt\": \"Almaty\"}"
                .formatted(person, today)).getContentAsString(), "$.id");
        assertThat(send("/api/v1/asylum/applications/" + id + "/transitions", "{\"action\": \"REGISTER\", \"registeredOn\": \"%s\"}"
                .formatted(today)).getStatus()).isEqualTo(200);
        return UUID.fromString(id);
    }

    long flags(UUID application) {
        return jdbc.sql("SELECT count(*) FROM asylum_deadline_flag WHERE application_id = :id AND step = 'FINGERPRINTING'").param("id", application)
                .query(Long.class).single();
    }

    @Test
    void aCaseWithoutItsCalendarIsSkippedAndTheOthersAreFlaggedOnce() throws Exception {
        UUID uncountable = registeredWithoutFingerprints();
        UUID late = registeredWithoutFingerprints();
        jdbc.sql("UPDATE asylum_application SET jurisdiction = 'UZB' WHERE id = :id").param("id", uncountable).update();
        clock.advance(Duration.ofDays(5));

        watch.flagDeadlines();
        watch.flagDeadlines();

        assertThat(flags(late)).isOne();
        assertThat(flags(uncountable)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM notification_notice WHERE subject_id = :id AND kind = 'ASYLUM_DEADLINE_OVERDUE'").param("id", late)
                .query(Long.class).single()).isOne();
    }
}
