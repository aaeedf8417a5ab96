package org.pana.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Every link on a user's home page opens a page that user may see: no link to a page their role is refused. */
@SpringBootTest
@AutoConfigureMockMvc
class HomeLinksTests {

    @Autowired MockMvc mvc;

    @ParameterizedTest
    @ValueSource(strings = {"admin", "border.officer", "registration.officer", "eligibility.officer", "decision.maker", "appeals.officer",
            "statelessness.officer", "migration.officer", "unhcr.monitor", "legal.partner", "statistician", "auditor"})
    void everyLinkOnTheHomePageOpens(String username) throws Exception {
        Cookie session = mvc.perform(post("/login").param("username", username).param("password", "pana-demo").with(csrf()))
                .andReturn().getResponse().getCookie("__Host-PANA_SESSION");
        Document home = Jsoup.parse(mvc.perform(get("/").cookie(session)).andReturn().getResponse().getContentAsString());
        List<String> links = home.select("main .pana-actions a[href]").eachAttr("href");
        assertThat(links).isNotEmpty();
        for (String link : links) {
            assertThat(mvc.perform(get(link).cookie(session)).andReturn().getResponse().getStatus()).as(username + " opens " + link).isEqualTo(200);
        }
    }
}
