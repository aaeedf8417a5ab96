package org.pana.border;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pana.access.Administration;
import org.pana.access.DemoUsers;
import org.pana.access.OrganisationType;
import org.pana.access.PanaUser;
import org.pana.audit.AuditTrail;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** An administrator keeps the border points and the dated referral routes of the jurisdiction. */
@SpringBootTest
@AutoConfigureMockMvc
class BorderSetupTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired AuditTrail audit;
    @Autowired Administration administration;
    @Autowired DemoUsers demoUsers;

    String admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = TestApi.bearer(mvc, "admin");
    }

    MockHttpServletResponse postJson(String token, String path, String body) throws Exception {
        return mvc.perform(post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
    }

    /** A new point in a region of its own, so routes added here do not change other tests' referrals. */
    String newPoint() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String code = "KAZ-T" + suffix;
        MockHttpServletResponse created = postJson(admin, "/api/v1/border/setup/points",
                "{\"code\": \"%s\", \"name\": \"Test crossing\", \"region\": \"Region %s\", \"kind\": \"LAND\"}".formatted(code.toLowerCase(Locale.ROOT), suffix));
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        return code;
    }

    UUID newAsylumUnit() {
        PanaUser adminUser = demoUsers.find("admin").orElseThrow();
        return administration.createOrganisation(adminUser, new Administration.NewOrganisation(
                "Migration police unit " + UUID.randomUUID().toString().substring(0, 6), OrganisationType.ASYLUM_AUTHORITY)).id();
    }

    String region(String code) {
        return jdbc.sql("SELECT region FROM border_point WHERE code = :c").param("c", code).query(String.class).single();
    }

    String encounterAt(String point, java.time.Instant at) throws Exception {
        String body = """
                {"person": %s, "encounteredAt": "%s", "borderPoint": "%s", "arrival": "CROSSING_POINT", "asylumIntentExpressed": true}"""
                .formatted(BorderEncounterTests.newPerson(), at, point);
        MockHttpServletResponse response = postJson(TestApi.bearer(mvc, "border.officer"), "/api/v1/border/encounters", body);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return response.getContentAsString();
    }

    @Test
    void aNewPointIsOfferedToBorderOfficersAndItsReferralsStayUnroutedUntilItsRegionHasARoute() throws Exception {
        String code = newPoint();
        String points = mvc.perform(get("/api/v1/border/points").header("Authorization", TestApi.bearer(mvc, "border.officer")))
                .andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(points, "$.items[*].code")).contains(code);
        String unrouted = encounterAt(code, clock.instant().minus(Duration.ofHours(2)));
        assertThat((String) JsonPath.read(unrouted, "$.referral.status")).isEqualTo("UNROUTED");
        audit.seal();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'BORDER_POINT_ADDED' AND subject_id = :c AND actor = 'admin'")
                .param("c", code).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aReferralGoesToTheUnitOfTheRouteThatAppliedOnTheDayOfTheEncounter() throws Exception {
        String code = newPoint();
        UUID first = newAsylumUnit();
        UUID second = newAsylumUnit();
        LocalDate today = clock.instant().atZone(ZoneId.of("Asia/Almaty")).toLocalDate();
        String route = "{\"region\": \"%s\", \"validFrom\": \"%s\", \"receivingOrganisationId\": \"%s\"}";
        assertThat(postJson(admin, "/api/v1/border/setup/routes", route.formatted(region(code), today.minusDays(30), first)).getStatus()).isEqualTo(201);
        assertThat(postJson(admin, "/api/v1/border/setup/routes", route.formatted(region(code), today.minusDays(5), second)).getStatus()).isEqualTo(201);

        String before = encounterAt(code, clock.instant().minus(Duration.ofDays(10)));
        String after = encounterAt(code, clock.instant().minus(Duration.ofDays(1)));

        assertThat((String) JsonPath.read(before, "$.referral.receivingUnit")).isEqualTo(first.toString());
        assertThat((String) JsonPath.read(after, "$.referral.receivingUnit")).isEqualTo(second.toString());
        String routes = mvc.perform(get("/api/v1/border/setup/routes").header("Authorization", admin)).andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(routes, "$.items[?(@.region == '" + region(code) + "')].receivingOrganisationId"))
                .containsExactly(second.toString(), first.toString());
        // A route is never overwritten: the same region and day again is a conflict.
        MockHttpServletResponse again = postJson(admin, "/api/v1/border/setup/routes", route.formatted(region(code), today.minusDays(5), first));
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getContentType()).contains("application/problem+json");
    }

    @Test
    void refusesBadPointsAndRoutesWithTheFieldAtFaultAndWritesNothing() throws Exception {
        long points = jdbc.sql("SELECT count(*) FROM border_point").query(Long.class).single();
        for (String body : List.of(
                "{\"code\": \"KGZ-OSH\", \"name\": \"Osh\", \"region\": \"Osh\", \"kind\": \"LAND\"}",
                "{\"code\": \"KAZ-NEW POINT\", \"name\": \"X\", \"region\": \"Y\", \"kind\": \"LAND\"}",
                "{\"code\": \"KAZ-NEWPOINT\", \"name\": \"X\", \"region\": \"Y\", \"kind\": \"BRIDGE\"}",
                "{\"code\": \"KAZ-NEWPOINT\", \"name\": \" \", \"region\": \"Y\", \"kind\": \"LAND\"}",
                "{\"code\": \"KAZ-NEWPOINT\", \"name\": \"X\", \"region\": \"Y\\u202E\", \"kind\": \"LAND\"}")) {
            MockHttpServletResponse response = postJson(admin, "/api/v1/border/setup/points", body);
            assertThat(response.getStatus()).as(body).isEqualTo(422);
            assertThat((List<String>) JsonPath.read(response.getContentAsString(), "$.errors[*].field")).as(body).hasSize(1);
        }
        assertThat(postJson(admin, "/api/v1/border/setup/points",
                "{\"code\": \"KAZ-KHORGOS\", \"name\": \"Again\", \"region\": \"Zhetysu\", \"kind\": \"LAND\"}").getStatus()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM border_point").query(Long.class).single()).isEqualTo(points);

        String ngo = administration.createOrganisation(demoUsers.find("admin").orElseThrow(),
                new Administration.NewOrganisation("Legal aid " + UUID.randomUUID().toString().substring(0, 6), OrganisationType.NGO_PARTNER)).id().toString();
        long routes = jdbc.sql("SELECT count(*) FROM border_referral_route").query(Long.class).single();
        for (String body : List.of(
                "{\"region\": \"Zhetysu\", \"validFrom\": \"2026-01-01\", \"receivingOrganisationId\": \"" + ngo + "\"}",
                "{\"region\": \"Nowhere\", \"validFrom\": \"2026-01-01\", \"receivingOrganisationId\": \"" + newAsylumUnit() + "\"}",
                "{\"region\": \"Zhetysu\", \"receivingOrganisationId\": \"" + newAsylumUnit() + "\"}")) {
            assertThat(postJson(admin, "/api/v1/border/setup/routes", body).getStatus()).as(body).isEqualTo(422);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM border_referral_route").query(Long.class).single()).isEqualTo(routes);
    }

    @Test
    void aClosedPointTakesNoNewEncountersAndCanBeReopened() throws Exception {
        String code = newPoint();
        assertThat(mvc.perform(post("/api/v1/border/setup/points/" + code + "/close").header("Authorization", admin)).andReturn().getResponse()
                .getStatus()).isEqualTo(204);
        String body = "{\"person\": %s, \"encounteredAt\": \"%s\", \"borderPoint\": \"%s\", \"asylumIntentExpressed\": true}"
                .formatted(BorderEncounterTests.newPerson(), clock.instant().minusSeconds(60), code);
        MockHttpServletResponse refused = postJson(TestApi.bearer(mvc, "border.officer"), "/api/v1/border/encounters", body);
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("borderPoint");
        assertThat(mvc.perform(post("/api/v1/border/setup/points/" + code + "/reopen").header("Authorization", admin)).andReturn().getResponse()
                .getStatus()).isEqualTo(204);
        assertThat(postJson(TestApi.bearer(mvc, "border.officer"), "/api/v1/border/encounters", body).getStatus()).isEqualTo(201);
        assertThat(mvc.perform(post("/api/v1/border/setup/points/KGZ-FRU/close").header("Authorization", admin)).andReturn().getResponse()
                .getStatus()).as("another jurisdiction's point").isEqualTo(404);
    }

    @Test
    void onlyAdministratorsSetUpTheBorder() throws Exception {
        for (String user : List.of("border.officer", "registration.officer", "unhcr.monitor")) {
            String token = TestApi.bearer(mvc, user);
            assertThat(mvc.perform(get("/api/v1/border/setup/routes").header("Authorization", token)).andReturn().getResponse().getStatus())
                    .as(user).isEqualTo(403);
            assertThat(postJson(token, "/api/v1/border/setup/points", "{\"code\": \"KAZ-X1\", \"name\": \"X\", \"region\": \"Y\", \"kind\": \"LAND\"}")
                    .getStatus()).as(user).isEqualTo(403);
        }
        Cookie officer = signIn("border.officer");
        assertThat(mvc.perform(get("/admin/border").cookie(officer)).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    Cookie signIn(String user) throws Exception {
        return mvc.perform(post("/login").param("username", user).param("password", "pana-demo").with(csrf()))
                .andReturn().getResponse().getCookie("__Host-PANA_SESSION");
    }

    @Test
    void thePageListsPointsAndRoutesInEveryLanguageAndShowsErrorsNextToTheField() throws Exception {
        Cookie session = signIn("admin");
        String code = newPoint();
        var titles = java.util.Map.of("en", "Border points and referral routes", "ru", "Пограничные пункты и маршруты направлений",
                "kk", "Шекара бекеттері және жолдама бағыттары");
        var unrouted = java.util.Map.of("en", "no route", "ru", "нет маршрута", "kk", "бағыт жоқ");
        for (String language : List.of("en", "ru", "kk")) {
            Document page = Jsoup.parse(mvc.perform(get("/admin/border?lang=" + language).cookie(session)).andReturn().getResponse()
                    .getContentAsString());
            assertThat(page.select("h1").text()).isEqualTo(titles.get(language));
            assertThat(page.select("[data-testid=border-points]").text()).as(language).contains("KAZ-KHORGOS").contains(code);
            assertThat(page.select("[data-testid=border-routes]").text()).contains("Zhetysu").contains(region(code)).contains(unrouted.get(language));
        }

        Document refused = Jsoup.parse(mvc.perform(post("/admin/border/points").cookie(session).with(csrf())
                .param("lang", "en").param("code", "KAZ-PAGE1").param("name", "Page crossing").param("region", "Page region").param("kind", ""))
                .andReturn().getResponse().getContentAsString());
        assertThat(refused.select(".govuk-form-group--error #point-kind")).hasSize(1);
        assertThat(refused.select("#point-code").attr("value")).isEqualTo("KAZ-PAGE1");

        String saved = mvc.perform(post("/admin/border/points").cookie(session).with(csrf())
                .param("code", "KAZ-PAGE2-" + code.substring(5, 9)).param("name", "Page crossing").param("region", "Page region").param("kind", "RAIL"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(saved).isEqualTo("/admin/border");
    }
}
