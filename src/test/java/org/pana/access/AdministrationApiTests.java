package org.pana.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class AdministrationApiTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired OrganisationRepository organisations;
    String admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = TestApi.bearer(mvc, "admin");
    }

    private String someOrganisationId() {
        return organisations.findByJurisdictionOrderByName("KAZ").get(0).id().toString();
    }

    private String userJson(String username) {
        return """
                {"username": "%s", "displayName": "Нурлан Test", "organisationId": "%s", "roles": ["STATISTICIAN"],
                 "password": "correct horse battery staple"}""".formatted(username, someOrganisationId());
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createsAUserWithRolesAndNeverShowsThePasswordHash() throws Exception {
        String username = unique("new.user.");
        mvc.perform(post("/api/v1/admin/users").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON).content(userJson(username)))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.roles[0]").value("STATISTICIAN"))
                .andExpect(jsonPath("$.passwordHash").doesNotExist())
                .andExpect(jsonPath("$.password").doesNotExist());
        String hash = jdbc.sql("SELECT password_hash FROM access_user WHERE username = :u").param("u", username).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'USER_CREATED'").query(Long.class).single()).isPositive();
    }

    @Test
    void refusesUserAdministrationToOtherRoles() throws Exception {
        for (String user : new String[] {"auditor", "decision.maker", "legal.partner", "statistician"}) {
            mvc.perform(post("/api/v1/admin/users").header("Authorization", TestApi.bearer(mvc, user))
                            .contentType(MediaType.APPLICATION_JSON).content(userJson(unique("x."))))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }
    }

    @Test
    void refusesWeakPasswordsNextToTheField() throws Exception {
        for (String weak : new String[] {"short", "password1234", "qwertyuiopas", "pana-demo", "iloveyou"}) {
            String body = userJson(unique("weak.")).replace("correct horse battery staple", weak);
            mvc.perform(post("/api/v1/admin/users").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[?(@.field == 'password')]").exists());
        }
    }

    @Test
    void ignoresNothingSilentlyAndRefusesFieldsItDoesNotKnow() throws Exception {
        String username = unique("mass.");
        for (String extra : new String[] {"\"id\": \"" + UUID.randomUUID() + "\"", "\"version\": 7", "\"active\": false",
                "\"jurisdiction\": \"KGZ\"", "\"createdAt\": \"2020-01-01T00:00:00Z\"", "\"passwordHash\": \"{noop}x\""}) {
            String body = userJson(username).replaceFirst("\\{", "{" + extra + ", ");
            mvc.perform(post("/api/v1/admin/users").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM access_user WHERE username = :u").param("u", username).query(Long.class).single()).isZero();
    }

    @Test
    void answersAnotherJurisdictionsUserAsNotFound() throws Exception {
        UUID orgId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        jdbc.sql("INSERT INTO access_organisation (id, name, type, jurisdiction, active, demo, created_at, version) "
                + "VALUES (:id, :name, 'MINISTRY', 'KGZ', true, false, :at, 0)").param("id", orgId).param("name", unique("KGZ ministry "))
                .param("at", java.sql.Timestamp.from(Instant.now())).update();
        jdbc.sql("INSERT INTO access_user (id, username, display_name, password_hash, organisation_id, active, demo, created_at, password_changed_at, version) "
                + "VALUES (:id, :u, 'KGZ user', '{noop}x', :org, true, false, :at, :at, 0)").param("id", userId).param("u", unique("kgz."))
                .param("org", orgId).param("at", java.sql.Timestamp.from(Instant.now())).update();
        String unknown = mvc.perform(get("/api/v1/admin/users/" + UUID.randomUUID()).header("Authorization", admin))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        String hidden = mvc.perform(get("/api/v1/admin/users/" + userId).header("Authorization", admin))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'USER_READ' AND outcome = 'DENIED' AND subject_id = :id")
                .param("id", userId.toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(hidden.replaceAll("\"instance\":\"[^\"]*\"", "")).isEqualTo(unknown.replaceAll("\"instance\":\"[^\"]*\"", ""));
        mvc.perform(post("/api/v1/admin/users/" + userId + "/deactivate").header("Authorization", admin)).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT active FROM access_user WHERE id = :id").param("id", userId).query(Boolean.class).single()).isTrue();
        mvc.perform(get("/api/v1/admin/organisations/" + orgId).header("Authorization", admin)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/admin/organisations/" + orgId + "/deactivate").header("Authorization", admin)).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT active FROM access_organisation WHERE id = :id").param("id", orgId).query(Boolean.class).single()).isTrue();
        mvc.perform(put("/api/v1/admin/users/" + userId + "/roles").header("Authorization", admin).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"roles\": [\"ADMINISTRATOR\"]}")).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT count(*) FROM access_user_role WHERE user_id = :id").param("id", userId).query(Long.class).single()).isZero();
        String list = mvc.perform(get("/api/v1/admin/users").header("Authorization", admin)).andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(userId.toString()).contains("border.officer");
    }

    @Test
    void auditsEveryReadOfAUser() throws Exception {
        String created = mvc.perform(post("/api/v1/admin/users").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                .content(userJson(unique("read.")))).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");
        mvc.perform(get("/api/v1/admin/users/" + id).header("Authorization", admin)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/admin/users/" + id).header("Authorization", admin)).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'USER_READ' AND outcome = 'SUCCESS' AND subject_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void detectsAConcurrentRoleChange() throws Exception {
        String created = mvc.perform(post("/api/v1/admin/users").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                .content(userJson(unique("etag.")))).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");
        String roles = "{\"roles\": [\"AUDITOR\"]}";
        mvc.perform(put("/api/v1/admin/users/" + id + "/roles").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON).content(roles))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(put("/api/v1/admin/users/" + id + "/roles").header("Authorization", admin).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content(roles))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""));
        mvc.perform(put("/api/v1/admin/users/" + id + "/roles").header("Authorization", admin).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"roles\": [\"STATISTICIAN\"]}"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/admin/users/" + id).header("Authorization", admin)).andExpect(jsonPath("$.roles[0]").value("AUDITOR"));
    }

    @Test
    void refusesADuplicateUsernameWithConflict() throws Exception {
        String username = unique("dup.");
        mvc.perform(post("/api/v1/admin/users").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON).content(userJson(username)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/admin/users").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON).content(userJson(username.toUpperCase())))
                .andExpect(status().isConflict());
    }

    @Test
    void keepsAnAdministratorFromLockingThemselvesOut() throws Exception {
        String me = JsonPath.read(mvc.perform(get("/api/v1/admin/users").header("Authorization", admin)).andReturn().getResponse()
                .getContentAsString(), "$.items[?(@.username == 'admin')].id").toString().replaceAll("[\\[\\]\"]", "");
        mvc.perform(post("/api/v1/admin/users/" + me + "/deactivate").header("Authorization", admin)).andExpect(status().isUnprocessableContent());
    }
}
