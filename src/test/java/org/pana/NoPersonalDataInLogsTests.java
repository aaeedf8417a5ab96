package org.pana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * security.md #30, for what exists so far: names, usernames and passwords that pass through sign-in,
 * administration and error paths never reach the log, at the production log level (INFO).
 */
@SpringBootTest(properties = "logging.level.root=INFO")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class NoPersonalDataInLogsTests {

    static final String NAME_LATIN = "Zubaydacanaryqx";
    static final String NAME_CYRILLIC = "Зубайдаканарейка";
    static final String NAME_ARABIC = "زبيدةكناري";
    static final String USERNAME = "canary.user7q";
    static final String PASSWORD = "canary passphrase 7q9z";

    @Autowired MockMvc mvc;

    @Test
    void writesNoCanaryValueToTheLog(CapturedOutput log) throws Exception {
        String admin = TestApi.bearer(mvc, "admin");
        String orgs = mvc.perform(get("/api/v1/admin/organisations").header("Authorization", admin)).andReturn().getResponse().getContentAsString();
        String orgId = com.jayway.jsonpath.JsonPath.read(orgs, "$.items[0].id");
        String user = """
                {"username": "%s", "displayName": "%s %s %s", "organisationId": "%s", "roles": ["STATISTICIAN"], "password": "%s"}"""
                .formatted(USERNAME, NAME_LATIN, NAME_CYRILLIC, NAME_ARABIC, orgId, PASSWORD);
        mvc.perform(post("/api/v1/admin/users").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON).content(user));
        mvc.perform(post("/api/v1/admin/users").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON).content(user));
        mvc.perform(post("/api/v1/admin/users").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                .content(user.replace("STATISTICIAN", "NO_SUCH_ROLE")));
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\": \"" + USERNAME + "\", \"password\": \"wrong " + PASSWORD + "\"}"));
        mvc.perform(post("/login").param("username", USERNAME).param("password", PASSWORD).with(csrf()));
        mvc.perform(post("/login").param("username", USERNAME + "\r\nFORGED LOG LINE").param("password", "x").with(csrf()));

        assertThat(log.getAll()).isNotEmpty();
        for (String canary : new String[] {NAME_LATIN, NAME_CYRILLIC, NAME_ARABIC, USERNAME, PASSWORD, "FORGED LOG LINE"}) {
            assertThat(log.getAll()).as(canary).doesNotContain(canary);
        }
    }
}
