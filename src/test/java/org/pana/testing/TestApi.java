package org.pana.testing;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Small helpers for API tests: tokens of demo users (password {@code pana-demo}). */
public final class TestApi {

    public static final String DEMO_PASSWORD = "pana-demo";

    private TestApi() {}

    public static String tokenOf(MockMvc mvc, String username) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + DEMO_PASSWORD + "\"}"))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.accessToken");
    }

    public static String bearer(MockMvc mvc, String username) throws Exception {
        return "Bearer " + tokenOf(mvc, username);
    }
}
