package org.pana.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Demo users signed in through the sign-in form, as people use pages: one session per user and application context,
 * kept for the test run (signing in costs a password hash).
 */
public final class PageSessions {

    private static final Map<String, Cookie> SESSIONS = new ConcurrentHashMap<>();

    private final MockMvc mvc;

    public PageSessions(MockMvc mvc) {
        this.mvc = mvc;
    }

    public Cookie of(String username) throws Exception {
        String key = System.identityHashCode(mvc) + "/" + username;
        Cookie session = SESSIONS.get(key);
        if (session == null) {
            session = mvc.perform(post("/login").param("username", username).param("password", TestApi.DEMO_PASSWORD).with(csrf()))
                    .andReturn().getResponse().getCookie("__Host-PANA_SESSION");
            SESSIONS.put(key, session);
        }
        return session;
    }

    /** The request in the user's session, with a CSRF token. */
    public MockHttpServletResponse perform(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.cookie(of(username)).with(csrf())).andReturn().getResponse();
    }

    /** The page at {@code path} as the user sees it; it must answer 200. */
    public Document page(String username, String path) throws Exception {
        MockHttpServletResponse response = perform(username, get(path));
        assertThat(response.getStatus()).as(username + " " + path).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }
}
