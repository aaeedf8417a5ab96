package org.pana.border;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pana.access.DemoUsers;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Who hears of a referral and of a blocked removal check (issue 4, items 3 and 4), and no one else. */
@SpringBootTest
@AutoConfigureMockMvc
class BorderNoticeTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired DemoUsers demoUsers;

    String officer;
    String unit;

    @BeforeEach
    void signIn() throws Exception {
        officer = TestApi.bearer(mvc, "border.officer");
        unit = demoUsers.find("registration.officer").orElseThrow().organisationId().toString();
    }

    String encounter(String point, String profile) throws Exception {
        String body = """
                {"person": {"jurisdiction": "KAZ", "names": [{"given": "Малика", "family": "Хасанова", "script": "Cyrl", "kind": "DECLARED"}],
                            "sex": "FEMALE", "birthDate": "2011-01-01", "birthDatePrecision": "YEAR", "nationalities": ["AFG"],
                            "languages": ["prs"], "documents": [], "specificNeeds": []},
                 "encounteredAt": "%s", "borderPoint": "%s", "asylumIntentExpressed": true, "profile": "%s"}"""
                .formatted(clock.instant().minus(Duration.ofHours(1)), point, profile);
        MockHttpServletResponse created = mvc.perform(MockMvcRequestBuilders.post("/api/v1/border/encounters").header("Authorization", officer)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        return created.getContentAsString();
    }

    /** Each notice about the subject as "KIND to AUDIENCE". */
    List<String> noticesAbout(String subject) {
        return jdbc.sql("""
                SELECT kind, audience_organisation_id, audience_role, audience_organisation_type, audience_jurisdiction
                FROM notification_notice WHERE subject_id = :s""").param("s", UUID.fromString(subject))
                .query((rs, n) -> rs.getString(1) + " to " + (rs.getString(2) != null ? rs.getString(2)
                        : (rs.getString(3) != null ? rs.getString(3) : rs.getString(4)) + " in " + rs.getString(5)))
                .list();
    }

    @Test
    void aReferralNotifiesTheReceivingUnitAndTheMonitorsOnly() throws Exception {
        String referral = JsonPath.read(encounter("KAZ-KHORGOS", "ASYLUM_SEEKER"), "$.referral.id");
        assertThat(noticesAbout(referral)).containsExactlyInAnyOrder("REFERRAL_RECEIVED to " + unit,
                "REFERRAL_RECEIVED to PROTECTION_MONITOR in KAZ");
        assertThat(jdbc.sql("SELECT link FROM notification_notice WHERE subject_id = :s").param("s", UUID.fromString(referral))
                .query(String.class).list()).allMatch(link -> link.equals("/border/referrals/" + referral));
    }

    @Test
    void anUnroutedReferralNotifiesTheJurisdictionsRegistrationOfficersAndTheMonitors() throws Exception {
        String code = "KAZ-N" + ThreadLocalRandom.current().nextInt(1_000_000);
        jdbc.sql("INSERT INTO border_point (code, jurisdiction, name, region, kind, active) VALUES (:c, 'KAZ', 'Test post', :r, 'LAND', TRUE)")
                .param("c", code).param("r", "Unrouted-" + UUID.randomUUID()).update();
        String referral = JsonPath.read(encounter(code, "ASYLUM_SEEKER"), "$.referral.id");
        assertThat(noticesAbout(referral)).containsExactlyInAnyOrder("REFERRAL_UNROUTED to REGISTRATION_OFFICER in KAZ",
                "REFERRAL_RECEIVED to PROTECTION_MONITOR in KAZ");
    }

    @Test
    void anUnaccompaniedChildAlsoAlertsChildProtectionAndTheMonitors() throws Exception {
        UUID childProtection = UUID.randomUUID();
        jdbc.sql("DELETE FROM notification_contact WHERE jurisdiction = 'KAZ'").update();
        jdbc.sql("INSERT INTO notification_contact (jurisdiction, purpose, organisation_id, valid_from) VALUES ('KAZ', 'CHILD_PROTECTION', :o, DATE '2020-01-01')")
                .param("o", childProtection).update();
        try {
            String referral = JsonPath.read(encounter("KAZ-KHORGOS", "UNACCOMPANIED_OR_SEPARATED_CHILD"), "$.referral.id");
            assertThat(noticesAbout(referral)).containsExactlyInAnyOrder("REFERRAL_RECEIVED to " + unit,
                    "REFERRAL_RECEIVED to PROTECTION_MONITOR in KAZ", "UNACCOMPANIED_CHILD_REFERRED to " + childProtection,
                    "UNACCOMPANIED_CHILD_REFERRED to PROTECTION_MONITOR in KAZ");
        } finally {
            jdbc.sql("DELETE FROM notification_contact WHERE jurisdiction = 'KAZ'").update();
        }
    }

    @Test
    void aChildWithoutAChildProtectionContactStillReachesTheMonitors() throws Exception {
        jdbc.sql("DELETE FROM notification_contact WHERE jurisdiction = 'KAZ'").update();
        String referral = JsonPath.read(encounter("KAZ-KHORGOS", "UNACCOMPANIED_OR_SEPARATED_CHILD"), "$.referral.id");
        assertThat(noticesAbout(referral)).containsExactlyInAnyOrder("REFERRAL_RECEIVED to " + unit,
                "REFERRAL_RECEIVED to PROTECTION_MONITOR in KAZ", "UNACCOMPANIED_CHILD_REFERRED to PROTECTION_MONITOR in KAZ");
    }

    MockHttpServletResponse check(String person) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/v1/removal-checks").header("Authorization", officer)
                .contentType(MediaType.APPLICATION_JSON).content("{\"personId\": \"" + person + "\"}")).andReturn().getResponse();
    }

    @Test
    void aBlockedRemovalCheckNotifiesTheMonitorsAndAnAllowedOneNoOne() throws Exception {
        String blocked = JsonPath.read(encounter("KAZ-KHORGOS", "ASYLUM_SEEKER"), "$.personId");
        assertThat((Boolean) JsonPath.read(check(blocked).getContentAsString(), "$.removalAllowed")).isFalse();
        assertThat(noticesAbout(blocked)).containsExactly("REMOVAL_BLOCKED to PROTECTION_MONITOR in KAZ");
        String monitorsInbox = mvc.perform(MockMvcRequestBuilders.get("/api/v1/notifications?size=100")
                .header("Authorization", TestApi.bearer(mvc, "unhcr.monitor"))).andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(monitorsInbox, "$.items[?(@.kind == 'REMOVAL_BLOCKED')].subjectId")).contains(blocked);
        assertThat(monitorsInbox).doesNotContain("Малика", "Хасанова");

        String noIntent = """
                {"person": {"jurisdiction": "KAZ", "names": [{"given": "Ислом", "family": "Каримов", "script": "Cyrl", "kind": "DECLARED"}],
                            "sex": "MALE", "birthDate": "1980-01-01", "birthDatePrecision": "YEAR", "nationalities": ["UZB"],
                            "languages": ["uzb"], "documents": [], "specificNeeds": []},
                 "encounteredAt": "%s", "borderPoint": "KAZ-KHORGOS", "asylumIntentExpressed": false}""".formatted(clock.instant().minusSeconds(60));
        String allowed = JsonPath.read(mvc.perform(MockMvcRequestBuilders.post("/api/v1/border/encounters").header("Authorization", officer)
                .contentType(MediaType.APPLICATION_JSON).content(noIntent)).andReturn().getResponse().getContentAsString(), "$.personId");
        assertThat((Boolean) JsonPath.read(check(allowed).getContentAsString(), "$.removalAllowed")).isTrue();
        assertThat(noticesAbout(allowed)).isEmpty();
    }
}
