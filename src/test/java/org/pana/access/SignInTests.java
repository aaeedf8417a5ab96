package org.pana.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
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

@SpringBootTest
@AutoConfigureMockMvc
class SignInTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired Administration administration;
    @Autowired Accounts accounts;
    @Autowired org.pana.audit.AuditTrail audit;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private MockHttpServletResponse tokenRequest(String username, String password) throws Exception {
        return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")).andReturn().getResponse();
    }

    @Test
    void issuesABearerTokenAsApiMdSays() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"auditor\",\"password\":\"pana-demo\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tokenType").value("Bearer"))
                .andExpect(jsonPath("$.expiresIn").value(3600))
                .andExpect(jsonPath("$.accessToken").isString())
                .andExpect(header().string("Cache-Control", "no-store"));
    }

    @Test
    void answersAWrongPasswordExactlyAsAnUnknownUsername() throws Exception {
        MockHttpServletResponse existing = tokenRequest("statistician", "wrong-password-1");
        MockHttpServletResponse unknown = tokenRequest("nobody-" + UUID.randomUUID().toString().substring(0, 8), "wrong-password-1");
        assertThat(existing.getStatus()).isEqualTo(401).isEqualTo(unknown.getStatus());
        assertThat(existing.getContentAsString()).isEqualTo(unknown.getContentAsString());
        assertThat(existing.getContentType()).isEqualTo(unknown.getContentType()).startsWith("application/problem+json");
        List<String> ignored = List.of("X-Correlation-Id");
        for (String name : existing.getHeaderNames()) {
            if (!ignored.contains(name)) assertThat(unknown.getHeaderValues(name)).as(name).isEqualTo(existing.getHeaderValues(name));
        }
        assertThat(unknown.getHeaderNames()).containsExactlyInAnyOrderElementsOf(existing.getHeaderNames());
    }

    @Test
    void checksAPasswordHashForUnknownUsernamesToo() {
        CountingEncoder encoder = new CountingEncoder();
        SignIn signIn = new SignIn(accounts, encoder, new SignInThrottle(jdbc, clock, 10, Duration.ofMinutes(15), Duration.ofMinutes(15)),
                audit);
        int before = encoder.matches;
        try { signIn.authenticate("unknown-" + UUID.randomUUID(), "some password", null); } catch (SignIn.Failed expected) { }
        int forUnknown = encoder.matches - before;
        try { signIn.authenticate("statistician", "some password", null); } catch (SignIn.Failed expected) { }
        int forKnown = encoder.matches - before - forUnknown;
        assertThat(forUnknown).isEqualTo(1).isEqualTo(forKnown);
    }

    @Test
    void throttlesAUsernameAfterTenFailuresAndLetsTheUserInAgainLater() throws Exception {
        String username = "appeals.officer";
        for (int i = 0; i < 10; i++) {
            assertThat(tokenRequest(username, "wrong-" + i).getStatus()).isEqualTo(401);
        }
        MockHttpServletResponse throttled = tokenRequest(username, TestApi.DEMO_PASSWORD);
        assertThat(throttled.getStatus()).isEqualTo(429);
        assertThat(throttled.getHeader("Retry-After")).isNotNull();
        assertThat(throttled.getContentType()).startsWith("application/problem+json");

        clock.advance(Duration.ofMinutes(16));
        assertThat(tokenRequest(username, TestApi.DEMO_PASSWORD).getStatus()).isEqualTo(200);
    }

    @Test
    void throttlesUnknownUsernamesTheSameWaySoThrottlingRevealsNothing() throws Exception {
        String username = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 10; i++) tokenRequest(username, "wrong-" + i);
        assertThat(tokenRequest(username, "whatever").getStatus()).isEqualTo(429);
    }

    @Test
    void auditsEverySignInFailureAndSuccess() throws Exception {
        long failuresBefore = count("SIGN_IN_FAILED", "eligibility.officer");
        long successesBefore = count("SIGN_IN", "eligibility.officer");
        tokenRequest("eligibility.officer", "not-the-password");
        tokenRequest("eligibility.officer", TestApi.DEMO_PASSWORD);
        assertThat(count("SIGN_IN_FAILED", "eligibility.officer")).isEqualTo(failuresBefore + 1);
        assertThat(count("SIGN_IN", "eligibility.officer")).isEqualTo(successesBefore + 1);
    }

    private long count(String action, String actor) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :a AND actor = :u").param("a", action).param("u", actor)
                .query(Long.class).single();
    }

    @Test
    void refusesExpiredTokens() throws Exception {
        String token = TestApi.tokenOf(mvc, "auditor");
        mvc.perform(get("/api/v1/admin/users").header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());
        clock.advance(Duration.ofMinutes(61));
        mvc.perform(get("/api/v1/admin/users").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void refusesForgedAlteredAndUnsignedTokens() throws Exception {
        String token = TestApi.tokenOf(mvc, "admin");
        String altered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64("{\"sub\":\"admin\",\"roles\":[\"ADMINISTRATOR\"],\"aud\":\"pana\",\"exp\":4102444800}");
        String hs256 = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        for (String forged : List.of(altered, header + "." + payload + ".", hs256 + "." + payload + "." + b64("signature-with-another-key"),
                "pana_" + "A".repeat(43), token + "x", "", "Basic " + b64("admin:pana-demo"))) {
            mvc.perform(get("/api/v1/admin/users").header("Authorization", "Bearer " + forged))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/admin/users").header("Authorization", "Basic " + b64("admin:pana-demo"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/admin/users").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
    }

    @Test
    void refusesATokenAfterLogout() throws Exception {
        String token = TestApi.tokenOf(mvc, "admin");
        mvc.perform(post("/api/v1/auth/logout").header("Authorization", "Bearer " + token)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/admin/users").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    @Test
    void refusesEveryTokenOfADeactivatedUserOnTheNextRequest() throws Exception {
        PanaUser admin = accounts.forSignIn("admin").orElseThrow().user();
        Organisation org = administration.organisations(admin).get(0);
        var user = administration.createUser(admin, new Administration.NewUser("temp." + UUID.randomUUID().toString().substring(0, 6),
                "Temporary", org.id(), java.util.Set.of(Role.ADMINISTRATOR), "correct horse battery staple"));
        String first = tokenOf(user.username(), "correct horse battery staple");
        String second = tokenOf(user.username(), "correct horse battery staple");
        mvc.perform(get("/api/v1/admin/users").header("Authorization", "Bearer " + first)).andExpect(status().isOk());
        administration.setActive(admin, user.id(), false);
        mvc.perform(get("/api/v1/admin/users").header("Authorization", "Bearer " + first)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/admin/users").header("Authorization", "Bearer " + second)).andExpect(status().isUnauthorized());
    }

    private String tokenOf(String username, String password) throws Exception {
        return com.jayway.jsonpath.JsonPath.read(tokenRequest(username, password).getContentAsString(), "$.accessToken");
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static final class CountingEncoder implements org.springframework.security.crypto.password.PasswordEncoder {
        private final org.springframework.security.crypto.password.PasswordEncoder real =
                org.springframework.security.crypto.factory.PasswordEncoderFactories.createDelegatingPasswordEncoder();
        int matches;

        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            matches++;
            return real.matches(raw, encoded);
        }
    }
}
