package org.pana.border;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pana.audit.AuditTrail;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ReferralForwardTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired AuditTrail audit;
    @Autowired OverdueReferrals overdue;

    String officer;
    String registrar;
    UUID otherUnit;

    @BeforeEach
    void signIn() throws Exception {
        officer = TestApi.bearer(mvc, "border.officer");
        registrar = TestApi.bearer(mvc, "registration.officer");
        otherUnit = organisation("ASYLUM_AUTHORITY", "KAZ");
    }

    UUID organisation(String type, String jurisdiction) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO access_organisation (id, name, type, jurisdiction, active, demo, created_at, version) "
                + "VALUES (:id, :name, :type, :j, true, false, :at, 0)").param("id", id).param("name", "Unit " + id).param("type", type)
                .param("j", jurisdiction).param("at", java.sql.Timestamp.from(Instant.now())).update();
        return id;
    }

    /** A referral sent to registration.officer's unit (the demo route of every KAZ region), met {@code ago} before now. */
    String referral(Duration ago) throws Exception {
        return referral(ago, "KAZ-KHORGOS");
    }

    String referral(Duration ago, String point) throws Exception {
        String body = """
                {"person": {"jurisdiction": "KAZ", "names": [{"given": "Zahra", "family": "Nazari", "script": "Latn", "kind": "DECLARED"}],
                            "sex": "FEMALE", "birthDate": "1991-01-01", "birthDatePrecision": "YEAR", "nationalities": ["AFG"]},
                 "encounteredAt": "%s", "borderPoint": "%s", "asylumIntentExpressed": true}""".formatted(clock.instant().minus(ago), point);
        MockHttpServletResponse created = mvc.perform(post("/api/v1/border/encounters").header("Authorization", officer)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        return JsonPath.read(created.getContentAsString(), "$.referral.id");
    }

    MockHttpServletResponse forward(String token, String referral, Object unit, String reason) throws Exception {
        String body = "{\"organisationId\": " + (unit == null ? "null" : "\"" + unit + "\"") + ", \"reason\": "
                + (reason == null ? "null" : "\"" + reason + "\"") + "}";
        return mvc.perform(post("/api/v1/border/referrals/" + referral + "/forward").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
    }

    MockHttpServletResponse acknowledge(String token, String referral) throws Exception {
        return mvc.perform(post("/api/v1/border/referrals/" + referral + "/acknowledge").header("Authorization", token)).andReturn().getResponse();
    }

    long forwardsOf(String referral) {
        return jdbc.sql("SELECT count(*) FROM border_referral_forward WHERE referral_id = :id").param("id", UUID.fromString(referral))
                .query(Long.class).single();
    }

    @Test
    void forwardsAReferralToAnotherUnitKeepingItsDueTimeAndHistory() throws Exception {
        String referral = referral(Duration.ofHours(5));
        String before = mvc.perform(get("/api/v1/border/referrals?size=100").header("Authorization", registrar)).andReturn().getResponse()
                .getContentAsString();
        String dueAt = ((List<String>) JsonPath.read(before, "$.items[?(@.id == '" + referral + "')].dueAt")).get(0);

        MockHttpServletResponse forwarded = forward(registrar, referral, otherUnit, "Khorgos cases go to the Zhetysu unit since May");
        assertThat(forwarded.getStatus()).as(forwarded.getContentAsString()).isEqualTo(200);
        String json = forwarded.getContentAsString();
        assertThat((String) JsonPath.read(json, "$.receivingUnit")).isEqualTo(otherUnit.toString());
        assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("PENDING");
        assertThat((String) JsonPath.read(json, "$.dueAt")).isEqualTo(dueAt);
        assertThat((String) JsonPath.read(json, "$.jurisdiction")).isEqualTo("KAZ");
        assertThat((Integer) JsonPath.read(json, "$.version")).isEqualTo(1);
        assertThat((List<String>) JsonPath.read(json, "$.forwards[*].to")).containsExactly(otherUnit.toString());
        assertThat((List<String>) JsonPath.read(json, "$.forwards[*].by")).containsExactly("registration.officer");
        assertThat((List<String>) JsonPath.read(json, "$.forwards[*].reason")).containsExactly("Khorgos cases go to the Zhetysu unit since May");
        assertThat((List<String>) JsonPath.read(json, "$.forwards[*].at")).hasSize(1);
        audit.seal();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'BORDER_REFERRAL_FORWARDED' AND outcome = 'SUCCESS'"
                + " AND details LIKE :d").param("d", "referral " + referral + "%").query(Long.class).single()).isEqualTo(1);

        String after = mvc.perform(get("/api/v1/border/referrals?size=100").header("Authorization", registrar)).andReturn().getResponse()
                .getContentAsString();
        assertThat((List<String>) JsonPath.read(after, "$.items[*].id")).doesNotContain(referral);
        String monitors = mvc.perform(get("/api/v1/border/referrals?size=100").header("Authorization", TestApi.bearer(mvc, "unhcr.monitor")))
                .andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(monitors, "$.items[?(@.id == '" + referral + "')].forwards[*].to"))
                .containsExactly(otherUnit.toString());
        // The new unit is told, in the forward's transaction; nobody else gets a second notice.
        assertThat(jdbc.sql("SELECT audience_organisation_id FROM notification_notice WHERE subject_id = :s AND kind = 'REFERRAL_FORWARDED'")
                .param("s", UUID.fromString(referral)).query(UUID.class).list()).containsExactly(otherUnit);
    }

    @Test
    void aForwardedReferralIsNoLongerTheFormerUnitsToForwardOrAcknowledge() throws Exception {
        String referral = referral(Duration.ofHours(1));
        assertThat(forward(registrar, referral, otherUnit, "Wrong region").getStatus()).isEqualTo(200);
        assertThat(forward(registrar, referral, otherUnit, "Again").getStatus()).isEqualTo(404);
        assertThat(acknowledge(registrar, referral).getStatus()).isEqualTo(404);
        MockHttpServletResponse unknown = forward(registrar, UUID.randomUUID().toString(), otherUnit, "Nobody");
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentType()).contains("application/problem+json");
        audit.seal();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'BORDER_REFERRAL_FORWARDED' AND outcome = 'DENIED' AND subject_id = :id")
                .param("id", referral).query(Long.class).single()).isEqualTo(1);
        assertThat(forwardsOf(referral)).isEqualTo(1);
        for (String user : List.of("border.officer", "unhcr.monitor", "eligibility.officer")) {
            assertThat(forward(TestApi.bearer(mvc, user), referral, otherUnit, "Not mine").getStatus()).as(user).isEqualTo(403);
        }
    }

    @Test
    void refusesToForwardAnAcknowledgedReferral() throws Exception {
        String referral = referral(Duration.ofHours(1));
        assertThat(acknowledge(registrar, referral).getStatus()).isEqualTo(200);
        MockHttpServletResponse late = forward(registrar, referral, otherUnit, "Too late");
        assertThat(late.getStatus()).isEqualTo(409);
        assertThat(late.getContentType()).contains("application/problem+json");
        assertThat(forwardsOf(referral)).isZero();
    }

    @Test
    void refusesTargetsThatAreNotAnAsylumAuthorityUnitOfTheJurisdictionAndForwardsWithoutAReason() throws Exception {
        String referral = referral(Duration.ofHours(1));
        UUID own = jdbc.sql("SELECT receiving_organisation_id FROM border_referral WHERE id = :id").param("id", UUID.fromString(referral))
                .query(UUID.class).single();
        for (Object target : List.of(organisation("ASYLUM_AUTHORITY", "KGZ"), organisation("BORDER_SERVICE", "KAZ"), UUID.randomUUID(),
                "not-an-id", own)) {
            MockHttpServletResponse refused = forward(registrar, referral, target, "Elsewhere");
            assertThat(refused.getStatus()).as(target.toString()).isEqualTo(422);
            assertThat(refused.getContentAsString()).contains("\"organisationId\"");
        }
        assertThat(forward(registrar, referral, null, "Elsewhere").getContentAsString()).contains("\"organisationId\"");
        for (String reason : new String[] {null, "  ", "bad \\u202E reason", "x".repeat(1001)}) {
            MockHttpServletResponse refused = forward(registrar, referral, otherUnit, reason);
            assertThat(refused.getStatus()).as(String.valueOf(reason)).isEqualTo(422);
            assertThat(refused.getContentAsString()).contains("\"reason\"");
        }
        assertThat(forwardsOf(referral)).isZero();
        assertThat(jdbc.sql("SELECT version FROM border_referral WHERE id = :id").param("id", UUID.fromString(referral)).query(Long.class).single())
                .isZero();
    }

    @Test
    void anOverdueReferralStaysOverdueWhenForwarded() throws Exception {
        String referral = referral(Duration.ofHours(80));
        overdue.markOverdue();
        MockHttpServletResponse forwarded = forward(registrar, referral, otherUnit, "Wrong unit");
        assertThat(forwarded.getStatus()).isEqualTo(200);
        assertThat((String) JsonPath.read(forwarded.getContentAsString(), "$.status")).isEqualTo("OVERDUE");
        assertThat(Instant.parse(JsonPath.read(forwarded.getContentAsString(), "$.dueAt")))
                .isBefore(clock.instant());
    }

    @Test
    void anyAsylumAuthorityUnitRoutesAnUnroutedReferralWhichItSeesInItsList() throws Exception {
        String region = "Unrouted-" + UUID.randomUUID();
        String code = "KAZ-U" + Math.abs(region.hashCode() % 1_000_000);
        jdbc.sql("INSERT INTO border_point (code, jurisdiction, name, region, kind, active) VALUES (:c, 'KAZ', 'Test post', :r, 'LAND', TRUE)")
                .param("c", code).param("r", region).update();
        String referral = referral(Duration.ofHours(1), code);
        String list = mvc.perform(get("/api/v1/border/referrals?status=UNROUTED&size=100").header("Authorization", registrar)).andReturn()
                .getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(list, "$.items[*].id")).contains(referral);
        assertThat(acknowledge(registrar, referral).getStatus()).isEqualTo(404);
        UUID own = jdbc.sql("SELECT organisation_id FROM access_user WHERE username = 'registration.officer'").query(UUID.class).single();
        MockHttpServletResponse routed = forward(registrar, referral, own, "Our unit covers this post");
        assertThat(routed.getStatus()).as(routed.getContentAsString()).isEqualTo(200);
        assertThat((String) JsonPath.read(routed.getContentAsString(), "$.status")).isEqualTo("PENDING");
        assertThat((List<Object>) JsonPath.read(routed.getContentAsString(), "$.forwards[*].from")).containsExactly((Object) null);
        assertThat(acknowledge(registrar, referral).getStatus()).isEqualTo(200);
    }

    @Test
    void aForwardAndAnAcknowledgementAtTheSameMomentLetExactlyOneWin() throws Exception {
        for (int round = 0; round < 5; round++) {
            String referral = referral(Duration.ofHours(1));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Integer>> both = List.of(
                        () -> { start.await(); return forward(registrar, referral, otherUnit, "Race").getStatus(); },
                        () -> { start.await(); return acknowledge(registrar, referral).getStatus(); });
                List<Future<Integer>> answers = new ArrayList<>();
                for (Callable<Integer> call : both) answers.add(threads.submit(call));
                start.countDown();
                int forwardStatus = answers.get(0).get(1, TimeUnit.MINUTES);
                int acknowledgeStatus = answers.get(1).get(1, TimeUnit.MINUTES);
                // The loser answers 409, or 404 when the forward had already moved the referral to another unit before
                // the acknowledgement looked for it: then it is no longer this unit's to acknowledge.
                assertThat(List.of(forwardStatus, acknowledgeStatus)).as("round " + round).containsOnlyOnce(200);
                assertThat(forwardStatus == 200 ? acknowledgeStatus : forwardStatus).as("round " + round).isIn(404, 409);
                var row = jdbc.sql("SELECT receiving_organisation_id, acknowledged_at FROM border_referral WHERE id = :id")
                        .param("id", UUID.fromString(referral)).query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2)}).single();
                if (forwardStatus == 200) {
                    assertThat(row[0]).isEqualTo(otherUnit);
                    assertThat(row[1]).isNull();
                    assertThat(forwardsOf(referral)).isEqualTo(1);
                } else {
                    assertThat(row[0]).isNotEqualTo(otherUnit);
                    assertThat(row[1]).isNotNull();
                    assertThat(forwardsOf(referral)).isZero();
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }
}
