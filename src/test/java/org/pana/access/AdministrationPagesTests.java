package org.pana.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class AdministrationPagesTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired OrganisationRepository organisations;
    Cookie admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = mvc.perform(post("/login").param("username", "admin").param("password", "pana-demo").with(csrf()))
                .andReturn().getResponse().getCookie("__Host-PANA_SESSION");
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).cookie(admin)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void listsTheUsersAndOrganisationsOfTheJurisdiction() throws Exception {
        assertThat(page("/admin/users").select("[data-testid=users] tbody tr").text()).contains("border.officer").contains("auditor");
        assertThat(page("/admin/organisations").select("[data-testid=organisations] tbody tr").text()).contains("UNHCR Office in Kazakhstan");
    }

    @Test
    void showsAWeakPasswordErrorNextToTheFieldAndKeepsWhatWasTyped() throws Exception {
        String orgId = organisations.findByJurisdictionOrderByName("KAZ").get(0).id().toString();
        String username = "form." + UUID.randomUUID().toString().substring(0, 6);
        String html = mvc.perform(post("/admin/users").cookie(admin).with(csrf()).param("username", username)
                        .param("displayName", "Гүлнар Form").param("organisationId", orgId).param("roles", "STATISTICIAN")
                        .param("password", "password"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select(".govuk-form-group--error #password")).hasSize(1);
        assertThat(page.select(".govuk-form-group--error .govuk-error-message").text()).contains("at least 12");
        assertThat(page.select("#username").attr("value")).isEqualTo(username);
        assertThat(page.select("#password").attr("value")).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM access_user WHERE username = :u").param("u", username).query(Long.class).single()).isZero();

        mvc.perform(post("/admin/users").cookie(admin).with(csrf()).param("username", username).param("displayName", "Гүлнар Form")
                        .param("organisationId", orgId).param("roles", "STATISTICIAN", "AUDITOR").param("password", "a long and unusual passphrase"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT count(*) FROM access_user_role r JOIN access_user u ON u.id = r.user_id WHERE u.username = :u")
                .param("u", username).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void deactivatesAnOrganisationAndItsUsersCanNoLongerSignIn() throws Exception {
        String name = "Closing NGO " + UUID.randomUUID();
        mvc.perform(post("/admin/organisations").cookie(admin).with(csrf()).param("name", name).param("type", "NGO_PARTNER"))
                .andExpect(status().is3xxRedirection());
        UUID id = jdbc.sql("SELECT id FROM access_organisation WHERE name = :n").param("n", name).query(UUID.class).single();
        String username = "ngo." + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/admin/users").cookie(admin).with(csrf()).param("username", username).param("displayName", "NGO worker")
                .param("organisationId", id.toString()).param("roles", "PARTNER_CASEWORKER").param("password", "a long and unusual passphrase"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/organisations/" + id + "/deactivate").cookie(admin).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/login").param("username", username).param("password", "a long and unusual passphrase").with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/login?error"));
    }

    @Test
    void confirmsACreationWithABannerOnlyOnce() throws Exception {
        String name = "Banner NGO " + UUID.randomUUID();
        mvc.perform(post("/admin/organisations").cookie(admin).with(csrf()).param("name", name).param("type", "NGO_PARTNER"))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/admin/organisations").select(".govuk-notification-banner--success").text()).contains(name);
        assertThat(page("/admin/organisations").select(".govuk-notification-banner--success")).as("shown once").isEmpty();
    }

    @Test
    void refusesAStaleRoleFormWithAMessage() throws Exception {
        UUID auditor = jdbc.sql("SELECT id FROM access_user WHERE username = 'statistician'").query(UUID.class).single();
        String html = mvc.perform(post("/admin/users/" + auditor + "/roles").cookie(admin).with(csrf()).param("roles", "STATISTICIAN")
                .param("version", "999")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select(".govuk-error-message").text()).contains("changed by someone else");
    }
}
