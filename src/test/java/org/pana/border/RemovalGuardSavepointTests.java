package org.pana.border;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.pana.audit.AuditTrail;
import org.pana.platform.RemovalGround;
import org.pana.platform.RemovalGrounds;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A module whose SQL fails must not take the guard down with it. On PostgreSQL a failed statement aborts the
 * whole transaction: without a savepoint per module, the modules asked after it, the audit event and the
 * monitors' notice would all fail and the officer would get a 500 instead of "not allowed".
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(RemovalGuardSavepointTests.BrokenModule.class)
class RemovalGuardSavepointTests {

    @TestConfiguration
    static class BrokenModule {
        @Bean
        RemovalGrounds brokenModuleGrounds(JdbcClient jdbc) {
            return new BrokenGrounds(jdbc);
        }
    }

    /** Asked first, and its table does not exist. */
    record BrokenGrounds(JdbcClient jdbc) implements RemovalGrounds, Ordered {
        @Override
        public List<RemovalGround> of(UUID personId, LocalDate asOf) {
            return jdbc.sql("SELECT kind, since FROM no_such_module_ground WHERE person_id = :p").param("p", personId)
                    .query((rs, n) -> new RemovalGround(rs.getString(1), asOf, null)).list();
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail audit;
    @Autowired Clock clock;

    String register() throws Exception {
        String body = """
                {"jurisdiction": "KAZ", "names": [{"given": "Рустам", "family": "Шарифи", "script": "Cyrl", "kind": "DOCUMENT"}],
                 "sex": "MALE", "birthDate": "1979-02-03", "birthDatePrecision": "DAY", "nationalities": ["TJK"], "languages": ["tgk"],
                 "documents": [{"type": "PASSPORT", "number": "S%d", "issuingCountry": "TJK", "expiresOn": "2029-01-31"}],
                 "specificNeeds": ["LP-RR"]}""".formatted(ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
        MockHttpServletResponse created = mvc.perform(post("/api/v1/persons").header("Authorization", TestApi.bearer(mvc, "registration.officer"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        return JsonPath.read(created.getContentAsString(), "$.id");
    }

    @Test
    void aFailingModuleMakesTheCheckFailClosedWhileTheOtherModulesTheAuditAndTheNoticeStillWork() throws Exception {
        String person = register();
        MockHttpServletResponse answer = mvc.perform(post("/api/v1/removal-checks").header("Authorization", TestApi.bearer(mvc, "border.officer"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"personId\": \"" + person + "\"}")).andReturn().getResponse();
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(200);
        assertThat((Boolean) JsonPath.read(answer.getContentAsString(), "$.removalAllowed")).isFalse();
        assertThat((List<String>) JsonPath.read(answer.getContentAsString(), "$.grounds[*].kind"))
                .containsExactlyInAnyOrder(RemovalGuard.UNAVAILABLE, "SPECIFIC_NEED_LP_RR");
        audit.seal();
        assertThat(jdbc.sql("SELECT details FROM audit_event WHERE action = 'REMOVAL_CHECKED' AND outcome = 'SUCCESS' AND subject_id = :p")
                .param("p", person).query(String.class).single()).contains(RemovalGuard.UNAVAILABLE, "SPECIFIC_NEED_LP_RR");
        assertThat(jdbc.sql("SELECT count(*) FROM notification_notice WHERE subject_id = :p AND kind = 'REMOVAL_BLOCKED'")
                .param("p", UUID.fromString(person)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRemovalReportedWhileAModuleCannotAnswerIsStoredAsABreach() throws Exception {
        String person = register();
        String body = """
                {"personId": "%s", "removedAt": "%s", "place": "Shymkent", "destinationCountry": "TJK"}"""
                .formatted(person, clock.instant().minusSeconds(2));
        MockHttpServletResponse created = mvc.perform(post("/api/v1/removal-reports").header("Authorization", TestApi.bearer(mvc, "border.officer"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        assertThat((Boolean) JsonPath.read(created.getContentAsString(), "$.removedDespiteGrounds")).isTrue();
        assertThat((List<String>) JsonPath.read(created.getContentAsString(), "$.grounds[*].kind")).contains(RemovalGuard.UNAVAILABLE,
                "SPECIFIC_NEED_LP_RR");
        String id = JsonPath.read(created.getContentAsString(), "$.id");
        assertThat(jdbc.sql("SELECT count(*) FROM border_removal_report_ground WHERE report_id = :id").param("id", UUID.fromString(id))
                .query(Long.class).single()).isEqualTo(2);
    }
}
