package org.pana.registration.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class HouseholdPagesTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    Cookie session;
    String bearer;

    @BeforeEach
    void signIn() throws Exception {
        session = mvc.perform(post("/login").param("username", "registration.officer").param("password", TestApi.DEMO_PASSWORD).with(csrf()))
                .andReturn().getResponse().getCookie("__Host-PANA_SESSION");
        bearer = TestApi.bearer(mvc, "registration.officer");
    }

    private String numberOf(UUID person) {
        return jdbc.sql("SELECT registration_number FROM registration_person WHERE id = :id").param("id", person).query(String.class).single();
    }

    private Document page(String path, String lang) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).param("lang", lang).cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void registersAHouseholdFromRegistrationNumbersAndShowsItsMembersAndHistory() throws Exception {
        UUID focal = PeopleFixtures.registered(mvc, bearer), daughter = PeopleFixtures.registered(mvc, bearer);

        String location = mvc.perform(post("/households").cookie(session).with(csrf())
                        .param("focalPoint", numberOf(focal)).param("joinedOn", "2026-01-05")
                        .param("memberNumber", numberOf(daughter)).param("memberRelationship", "DAUGHTER").param("memberJoinedOn", ""))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        assertThat(location).startsWith("/households/");
        Document page = page(location.replace("?created", ""), "ru");
        assertThat(page.select("[data-testid=members] tbody tr")).hasSize(2);
        assertThat(page.select("[data-testid=members]").text()).contains(numberOf(daughter)).contains("Дочь").contains("Основное лицо");
        assertThat(page.select("[data-testid=history] tr[data-kind=CREATED]")).hasSize(1);
        assertThat(page.select("script:not([src])")).isEmpty();
    }

    @Test
    void showsTheFormAgainWithAnErrorForAnUnknownRegistrationNumber() throws Exception {
        Document page = Jsoup.parse(mvc.perform(post("/households").cookie(session).with(csrf()).param("focalPoint", "KAZ-26-999999"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("[data-testid=errors]").text()).isNotBlank();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM registration_household WHERE focal_person_id IS NULL").query(Long.class).single()).isZero();
    }

    @Test
    void showsTheRegistrationFormInEveryLanguage() throws Exception {
        for (String lang : new String[] {"en", "ru", "kk"}) {
            Document page = page("/households/new", lang);
            assertThat(page.select("input[name=focalPoint]")).hasSize(1);
            assertThat(page.select("input[name=memberNumber]")).hasSize(1);
        }
    }

    @Test
    void addsAMemberRowThroughHtmx() throws Exception {
        Document row = Jsoup.parse(mvc.perform(get("/households/new/member-row").param("index", "3").header("HX-Request", "true").cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(row.select("input[name=memberNumber]#memberNumber3")).hasSize(1);
        assertThat(row.select("select[name=memberRelationship] option")).hasSizeGreaterThan(10);
        // The button is swapped out of band so the next row gets the next index.
        assertThat(row.select("#add-member-row[hx-swap-oob=true]").attr("hx-get")).endsWith("index=4");
    }

    @Test
    void listsAPersonsHouseholdsInTheFragmentForThePersonPage() throws Exception {
        UUID focal = PeopleFixtures.registered(mvc, bearer);
        String created = mvc.perform(post("/api/v1/households").header("Authorization", bearer)
                        .contentType("application/json").content("{\"focalPointId\": \"%s\", \"members\": []}".formatted(focal)))
                .andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(JsonPath.read(created, "$.id"));

        Document page = page("/households/" + id, "kk");
        assertThat(page.select("[data-testid=household-number]").text()).matches("KAZ-\\d{2}-H\\d{5}");
        assertThat(page.select("[data-testid=join-form]")).hasSize(1);
    }

    @Test
    void hidesAHouseholdOfAnotherJurisdiction() throws Exception {
        UUID id = PeopleFixtures.householdInKyrgyzstan(jdbc);

        mvc.perform(get("/households/{id}", id).cookie(session).header("Accept", "text/html")).andExpect(status().isNotFound());
    }
}
