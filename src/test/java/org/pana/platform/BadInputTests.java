package org.pana.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Bad input gets a clear 4xx problem+json, never a 500, and writes nothing. */
@SpringBootTest
@AutoConfigureMockMvc
class BadInputTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    String admin;
    long organisationsBefore;

    @BeforeEach
    void setUp() throws Exception {
        admin = TestApi.bearer(mvc, "admin");
        organisationsBefore = organisations();
    }

    private long organisations() {
        return jdbc.sql("SELECT count(*) FROM access_organisation").query(Long.class).single();
    }

    private ResultActions createOrganisation(String body, MediaType type) throws Exception {
        return mvc.perform(post("/api/v1/admin/organisations").header("Authorization", admin).contentType(type).content(body));
    }

    private void assertProblemAndNothingWritten(ResultActions result, int status) throws Exception {
        result.andExpect(status().is(status)).andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").isString()).andExpect(jsonPath("$.detail").isString());
        String body = result.andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("Exception").doesNotContain("tools.jackson").doesNotContain("at org.");
        assertThat(organisations()).isEqualTo(organisationsBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"name\": }", "not json", "[1,2", "{\"name\": \"x\" \"type\": \"UNHCR\"}", "\u0000"})
    void answersMalformedJsonWith400(String body) throws Exception {
        assertProblemAndNothingWritten(createOrganisation(body, MediaType.APPLICATION_JSON), 400);
    }

    @Test
    void answersAnUnknownFieldWith400NamingIt() throws Exception {
        ResultActions result = createOrganisation("{\"name\": \"NGO " + UUID.randomUUID() + "\", \"type\": \"UNHCR\", \"jurisdiction\": \"KGZ\"}",
                MediaType.APPLICATION_JSON);
        assertProblemAndNothingWritten(result, 400);
        result.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("jurisdiction")));
    }

    @Test
    void answersAnUnknownEnumValueWith400ListingTheAllowedOnes() throws Exception {
        ResultActions result = createOrganisation("{\"name\": \"NGO\", \"type\": \"SPACE_AGENCY\"}", MediaType.APPLICATION_JSON);
        assertProblemAndNothingWritten(result, 400);
        result.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("NGO_PARTNER")))
                .andExpect(jsonPath("$.errors[0].field").value("type"));
    }

    @Test
    void answersANumberForAnEnumWith400() throws Exception {
        assertProblemAndNothingWritten(createOrganisation("{\"name\": \"NGO\", \"type\": 3}", MediaType.APPLICATION_JSON), 400);
    }

    @Test
    void answersMissingFieldsWith422NamingEachField() throws Exception {
        ResultActions result = createOrganisation("{}", MediaType.APPLICATION_JSON);
        assertProblemAndNothingWritten(result, 422);
        result.andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists()).andExpect(jsonPath("$.errors[?(@.field == 'type')]").exists());
    }

    @Test
    void answersAWrongContentTypeWith415() throws Exception {
        assertProblemAndNothingWritten(createOrganisation("name=x&type=UNHCR", MediaType.APPLICATION_FORM_URLENCODED), 415);
        assertProblemAndNothingWritten(createOrganisation("<org/>", MediaType.APPLICATION_XML), 415);
    }

    @Test
    void answersABodyOverOneMebibyteWith413() throws Exception {
        String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\", \"type\": \"UNHCR\"}";
        assertProblemAndNothingWritten(createOrganisation(huge, MediaType.APPLICATION_JSON), 413);
    }

    @Test
    void answersAWrongOrMissingTokenWith401() throws Exception {
        mvc.perform(post("/api/v1/admin/organisations").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"type\":\"UNHCR\"}"))
                .andExpect(status().isUnauthorized()).andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(post("/api/v1/admin/organisations").header("Authorization", "Bearer pana_wrong").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"type\":\"UNHCR\"}"))
                .andExpect(status().isUnauthorized()).andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        assertThat(organisations()).isEqualTo(organisationsBefore);
    }

    @Test
    void answersAMalformedPathIdWith400() throws Exception {
        mvc.perform(get("/api/v1/admin/users/not-a-uuid").header("Authorization", admin))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void answersMalformedTokenRequestsWith400() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("{\"username\": \"admin\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("password"));
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("{\"username\": 5, \"password\": []}"))
                .andExpect(status().isBadRequest());
    }
}
