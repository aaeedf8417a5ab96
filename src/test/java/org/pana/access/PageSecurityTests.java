package org.pana.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
class PageSecurityTests {

    static final String SESSION_COOKIE = "__Host-PANA_SESSION";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Administration administration;
    @Autowired Accounts accounts;
    @Autowired org.pana.testing.TestClock clock;

    private Cookie signIn(String username, String password, Cookie before) throws Exception {
        var request = post("/login").param("username", username).param("password", password).with(csrf());
        if (before != null) request.cookie(before);
        MvcResult result = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn();
        return result.getResponse().getCookie(SESSION_COOKIE);
    }

    @Test
    void signsInWithTheFormAndShowsTheHomePage() throws Exception {
        Cookie session = signIn("auditor", "pana-demo", null);
        String html = mvc.perform(get("/").cookie(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("data-role=\"AUDITOR\"").contains("home.action.search-audit").contains("data-testid=\"demo-banner\"");
    }

    @Test
    void sendsTheSessionCookieWithHostPrefixSecureHttpOnlyAndSameSite() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/login")).andReturn().getResponse();
        String setCookie = response.getHeader("Set-Cookie");
        assertThat(setCookie).startsWith(SESSION_COOKIE + "=").contains("Secure").contains("HttpOnly").contains("SameSite=Lax")
                .contains("Path=/").doesNotContain("Domain=");
    }

    @Test
    void changesTheSessionIdAtSignIn() throws Exception {
        Cookie anonymous = mvc.perform(get("/login")).andReturn().getResponse().getCookie(SESSION_COOKIE);
        assertThat(anonymous).isNotNull();
        Cookie signedIn = signIn("statistician", "pana-demo", anonymous);
        assertThat(signedIn).isNotNull();
        assertThat(signedIn.getValue()).isNotEqualTo(anonymous.getValue());
    }

    @Test
    void endsTheSessionAtSignOutAndAuditsIt() throws Exception {
        Cookie session = signIn("migration.officer", "pana-demo", null);
        long signOuts = jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'SIGN_OUT' AND actor = 'migration.officer'")
                .query(Long.class).single();
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/login?signed-out"));
        mvc.perform(get("/").cookie(session)).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'SIGN_OUT' AND actor = 'migration.officer'")
                .query(Long.class).single()).isEqualTo(signOuts + 1);
    }

    @Test
    void endsASessionTwelveHoursAfterSignInHoweverActive() throws Exception {
        Cookie session = signIn("unhcr.monitor", "pana-demo", null);
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        try {
            clock.advance(java.time.Duration.ofHours(11).plusMinutes(50));
            mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
            clock.advance(java.time.Duration.ofMinutes(20));
            mvc.perform(get("/").cookie(session)).andExpect(status().is3xxRedirection());
        } finally {
            clock.reset();
        }
    }

    @Test
    void endsASessionAfterThirtyIdleMinutes() throws Exception {
        Cookie session = signIn("unhcr.monitor", "pana-demo", null);
        String id = new String(java.util.Base64.getDecoder().decode(session.getValue()), java.nio.charset.StandardCharsets.UTF_8);
        Integer idleSeconds = jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE session_id = :id").param("id", id)
                .query(Integer.class).single();
        assertThat(idleSeconds).isEqualTo(30 * 60);
    }

    @Test
    void showsTheSameErrorForAWrongPasswordAndAnUnknownUser() throws Exception {
        mvc.perform(post("/login").param("username", "auditor").param("password", "wrong").with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login").param("username", "no-such-user-" + UUID.randomUUID()).param("password", "wrong").with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void refusesAPagePostWithoutACsrfTokenAndChangesNothing() throws Exception {
        Cookie session = signIn("admin", "pana-demo", null);
        long before = jdbc.sql("SELECT count(*) FROM access_organisation").query(Long.class).single();
        mvc.perform(post("/admin/organisations").cookie(session).param("name", "Sneaky NGO").param("type", "NGO_PARTNER"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM access_organisation").query(Long.class).single()).isEqualTo(before);
        mvc.perform(post("/admin/organisations").cookie(session).param("name", "Real NGO " + UUID.randomUUID())
                .param("type", "NGO_PARTNER").with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT count(*) FROM access_organisation").query(Long.class).single()).isEqualTo(before + 1);
    }

    @Test
    void signsOutADeactivatedUserOnTheNextPageRequest() throws Exception {
        PanaUser admin = accounts.forSignIn("admin").orElseThrow().user();
        var user = administration.createUser(admin, new Administration.NewUser("page." + UUID.randomUUID().toString().substring(0, 6),
                "Page User", administration.organisations(admin).get(0).id(), java.util.Set.of(Role.STATISTICIAN), "correct horse battery staple"));
        Cookie session = signIn(user.username(), "correct horse battery staple", null);
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        administration.setActive(admin, user.id(), false);
        mvc.perform(get("/").cookie(session)).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
    }

    @Test
    void appliesRoleChangesOnTheNextPageRequest() throws Exception {
        PanaUser admin = accounts.forSignIn("admin").orElseThrow().user();
        var user = administration.createUser(admin, new Administration.NewUser("roles." + UUID.randomUUID().toString().substring(0, 6),
                "Role User", administration.organisations(admin).get(0).id(), java.util.Set.of(Role.STATISTICIAN), "correct horse battery staple"));
        Cookie session = signIn(user.username(), "correct horse battery staple", null);
        mvc.perform(get("/admin/users").cookie(session)).andExpect(status().isForbidden());
        administration.assignRoles(admin, user.id(), java.util.Set.of(Role.ADMINISTRATOR), user.version());
        mvc.perform(get("/admin/users").cookie(session)).andExpect(status().isOk());
    }

    @Test
    void sendsTheSecurityHeadersOnEveryPage() throws Exception {
        Cookie session = signIn("admin", "pana-demo", null);
        for (String path : new String[] {"/login", "/", "/admin/users", "/admin/organisations"}) {
            MockHttpServletResponse response = mvc.perform(get(path).cookie(session).accept("text/html")).andReturn().getResponse();
            assertThat(response.getHeader("Strict-Transport-Security")).as(path).contains("max-age=");
            assertThat(response.getHeader("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'").contains("script-src 'self'")
                    .doesNotContain("unsafe-inline");
            assertThat(response.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(response.getHeader("Referrer-Policy")).as(path).isEqualTo("no-referrer");
            assertThat(response.getHeader("Cross-Origin-Opener-Policy")).as(path).isEqualTo("same-origin");
            assertThat(response.getHeader("Cache-Control")).as(path).contains("no-store");
            assertThat(response.getContentType()).as(path).contains("charset=UTF-8");
        }
    }

    @Test
    void refusesAdministrationPagesToOtherRoles() throws Exception {
        Cookie session = signIn("border.officer", "pana-demo", null);
        mvc.perform(get("/admin/users").cookie(session)).andExpect(status().isForbidden());
        long denials = jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ACCESS_DENIED' AND actor = 'border.officer'")
                .query(Long.class).single();
        assertThat(denials).isPositive();
    }
}
