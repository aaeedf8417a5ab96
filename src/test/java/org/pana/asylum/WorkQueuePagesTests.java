package org.pana.asylum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pana.testing.PageSessions;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The work-queue pages and the assignment form of the case page, as officers use them signed in through the sign-in form. */
@SpringBootTest
@AutoConfigureMockMvc
class WorkQueuePagesTests {


    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    Cookie session(String username) throws Exception {
        return new PageSessions(mvc).of(username);
    }

    MockHttpServletResponse perform(String username, MockHttpServletRequestBuilder request) throws Exception {
        return new PageSessions(mvc).perform(username, request);
    }

    Document page(String username, String path) throws Exception {
        return new PageSessions(mvc).page(username, path);
    }

    MockHttpServletResponse api(String username, String path, String body) throws Exception {
        return mvc.perform(post(path).header("Authorization", TestApi.bearer(mvc, username)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
    }

    /** A lodged application of a new adult; returns its id. */
    String lodged() throws Exception {
        MockHttpServletResponse person = api("registration.officer", "/api/v1/persons", """
                {"jurisdiction": "KAZ", "names": [{"given": "Farid", "family": "Nazari%s", "script": "Latn", "kind": "DECLARED"}],
                 "sex": "MALE", "birthDate": "1979-11-30", "birthDatePrecision": "DAY", "nationalities": ["AFG"]}"""
                .formatted(UUID.randomUUID().toString().substring(0, 5).replaceAll("[0-9]", "n")));
        assertThat(person.getStatus()).as(person.getContentAsString()).isEqualTo(201);
        MockHttpServletResponse lodged = api("registration.officer", "/api/v1/asylum/applications",
                "{\"personId\": \"%s\", \"lodgedOn\": \"2026-03-18\", \"lodgedAt\": \"Almaty\"}".formatted((String) JsonPath.read(person.getContentAsString(), "$.id")));
        assertThat(lodged.getStatus()).as(lodged.getContentAsString()).isEqualTo(201);
        return JsonPath.read(lodged.getContentAsString(), "$.id");
    }

    long version(String id) {
        return jdbc.sql("SELECT version FROM asylum_application WHERE id = :id").param("id", UUID.fromString(id)).query(Long.class).single();
    }

    String assignedTo(String id) {
        return jdbc.sql("SELECT assigned_to FROM asylum_application WHERE id = :id").param("id", UUID.fromString(id)).query(String.class)
                .optional().orElse(null);
    }

    String number(String id) {
        return jdbc.sql("SELECT number FROM asylum_application WHERE id = :id").param("id", UUID.fromString(id)).query(String.class).single();
    }

    MockHttpServletResponse assignForm(String username, String id, String assignee, long version, String language) throws Exception {
        return perform(username, post("/asylum/applications/" + id + "/assignee?lang=" + language).param("username", assignee)
                .param("version", String.valueOf(version)));
    }

    @ParameterizedTest
    @CsvSource({
        "eligibility.officer, en, Work queues, My cases, false",
        "eligibility.officer, ru, Рабочие очереди, Мои дела, false",
        "eligibility.officer, kk, Жұмыс кезектері, Менің істерім, false",
        "decision.maker, en, Work queues, My cases, true",
        "decision.maker, ru, Рабочие очереди, Мои дела, true",
        "decision.maker, kk, Жұмыс кезектері, Менің істерім, true"})
    void theQueuesOpenOnMyCasesInEachLanguageAndOfferApprovalOnlyToDecisionMakers(String user, String language, String title, String mine,
            boolean approves) throws Exception {
        Document page = page(user, "/asylum/queues?lang=" + language);

        assertThat(page.select("h1").text()).isEqualTo(title);
        assertThat(page.select("html").attr("lang")).isEqualTo(language);
        assertThat(page.select("[data-testid=current-tab]").text()).isEqualTo(mine);
        assertThat(page.select("[data-testid=tab] [aria-current=page]").text()).isEqualTo(mine);
        assertThat(page.select("[data-testid=tab]").eachAttr("data-tab")).isEqualTo(approves
                ? List.of("mine", "due-this-week", "overdue", "awaiting-my-approval") : List.of("mine", "due-this-week", "overdue"));
        assertThat(page.html()).doesNotContain("??");
        for (String tab : approves ? List.of("due-this-week", "overdue", "awaiting-my-approval") : List.of("due-this-week", "overdue")) {
            Document other = page(user, "/asylum/queues/" + tab + "?lang=" + language);
            assertThat(other.select("[data-testid=tab] [aria-current=page]").text()).as(tab).isNotBlank().isNotEqualTo(mine);
            assertThat(other.html()).as(tab).doesNotContain("??");
        }
        if (!approves) {
            assertThat(perform(user, get("/asylum/queues/awaiting-my-approval")).getStatus()).as("no approval tab by its address").isEqualTo(403);
        }
    }

    @Test
    void myCasesListsTheCallersCasesLinkingToTheCasePageAndOthersDoNotReachIt() throws Exception {
        String id = lodged();
        jdbc.sql("UPDATE asylum_application SET assigned_to = 'eligibility.officer' WHERE id = :id").param("id", UUID.fromString(id)).update();

        Document page = page("eligibility.officer", "/asylum/queues/mine?lang=en");

        var line = page.select("[data-testid=case][data-application=" + id + "]");
        assertThat(line).hasSize(1);
        assertThat(line.select("[data-testid=case-link]").attr("href")).isEqualTo("/asylum/applications/" + id);
        assertThat(line.select("[data-testid=case-link]").text()).isEqualTo(number(id));
        assertThat(line.text()).contains("Lodged");
        assertThat(line.select("[data-testid=assigned]").text()).isEqualTo("Erlan Eligibility Officer");
        assertThat(page("decision.maker", "/asylum/queues/mine").select("[data-application=" + id + "]")).isEmpty();
        assertThat(page("registration.officer", "/asylum/queues?lang=en").select("[data-testid=tab]").eachAttr("data-tab"))
                .as("registration officers are not assigned cases").containsExactly("due-this-week", "overdue");
        assertThat(perform("border.officer", get("/asylum/queues")).getStatus()).isEqualTo(403);
        assertThat(perform("eligibility.officer", get("/asylum/queues/everything")).getStatus()).isEqualTo(404);
    }

    @Test
    void aLongQueueIsPaged() throws Exception {
        for (int i = 0; i < QueuePages.PAGE_SIZE + 1; i++) {
            jdbc.sql("UPDATE asylum_application SET assigned_to = 'decision.maker2' WHERE id = :id").param("id", UUID.fromString(lodged())).update();
        }
        Document first = page("decision.maker2", "/asylum/queues/mine?lang=ru");
        assertThat(first.select("[data-testid=case]")).hasSize(QueuePages.PAGE_SIZE);
        assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/asylum/queues/mine?page=1");
        assertThat(first.select("a[rel=prev]")).isEmpty();
        long total = Long.parseLong(first.select("[data-testid=total]").text().replaceAll("\\D", ""));
        Document second = page("decision.maker2", "/asylum/queues/mine?page=1");
        assertThat(second.select("[data-testid=case]")).hasSize((int) Math.min(total - QueuePages.PAGE_SIZE, QueuePages.PAGE_SIZE));
        assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("/asylum/queues/mine?page=0");
    }

    @Test
    void anEligibilityOfficerTakesACaseThroughTheFormAndGivesItBack() throws Exception {
        String id = lodged();
        Document before = page("eligibility.officer", "/asylum/applications/" + id + "?lang=kk");
        assertThat(before.select("[data-testid=assigned-to]").text()).isEqualTo("Тағайындалмаған");
        assertThat(before.select("[data-assign-form=take] button").text()).isEqualTo("Істі өз жұмысыма алу");
        assertThat(before.select("[data-assign-form=assign]")).as("the select is the decision makers'").isEmpty();

        MockHttpServletResponse taken = assignForm("eligibility.officer", id, "eligibility.officer", version(id), "kk");

        assertThat(taken.getStatus()).isEqualTo(302);
        assertThat(taken.getRedirectedUrl()).isEqualTo("/asylum/applications/" + id);
        assertThat(assignedTo(id)).isEqualTo("eligibility.officer");
        Document after = page("eligibility.officer", "/asylum/applications/" + id + "?lang=ru");
        assertThat(after.select("[data-testid=assigned-to]").text()).isEqualTo("Erlan Eligibility Officer");
        assertThat(after.select("[data-testid=event][data-action=ASSIGN]").text()).contains("Назначение исполнителя", "assigned to eligibility.officer");
        assertThat(after.select("[data-assign-form=take]")).isEmpty();
        assertThat(after.select("[data-assign-form=give-back] button").text()).isEqualTo("Отказаться от дела");
        assertThat(page("registration.officer", "/asylum/applications/" + id).select("[data-testid=assignment]")).as("not theirs to assign").isEmpty();

        assertThat(assignForm("eligibility.officer", id, "", version(id), "en").getStatus()).isEqualTo(302);
        assertThat(assignedTo(id)).isNull();
    }

    @Test
    void aDecisionMakerAssignsFromTheSelectAndSeesProblemsNextToTheFieldOrABannerOnAStaleVersion() throws Exception {
        String id = lodged();
        Document form = page("decision.maker", "/asylum/applications/" + id + "?lang=en");
        assertThat(form.select("[data-assign-form=assign] select[name=username] option").eachAttr("value"))
                .contains("", "eligibility.officer", "decision.maker", "decision.maker2").doesNotContain("registration.officer", "border.officer");
        assertThat(form.select("[data-assign-form=assign] input[name=version]").val()).isEqualTo(String.valueOf(version(id)));

        MockHttpServletResponse ineligible = assignForm("decision.maker", id, "registration.officer", version(id), "ru");
        assertThat(ineligible.getStatus()).isEqualTo(422);
        Document refused = Jsoup.parse(ineligible.getContentAsString());
        assertThat(refused.select("[data-assign-form=assign] [data-error=username]").text()).startsWith("Выберите действующего сотрудника");
        assertThat(assignedTo(id)).isNull();

        long seen = version(id);
        MockHttpServletResponse assigned = assignForm("decision.maker", id, "decision.maker2", seen, "en");
        assertThat(assigned.getStatus()).isEqualTo(302);
        assertThat(page("decision.maker", "/asylum/applications/" + id + "?lang=en").select("[data-testid=assigned-to]").text())
                .isEqualTo("Daulet Decision Maker");

        MockHttpServletResponse stale = assignForm("decision.maker", id, "eligibility.officer", seen, "en");
        assertThat(stale.getStatus()).isEqualTo(409);
        Document banner = Jsoup.parse(stale.getContentAsString());
        assertThat(banner.select("[data-testid=conflict]").text()).contains("Someone else changed this case after you opened it");
        assertThat(banner.select("[data-testid=assigned-to]").text()).as("the case as it now is").isEqualTo("Daulet Decision Maker");
        assertThat(assignedTo(id)).isEqualTo("decision.maker2");
        assertThat(jdbc.sql("SELECT count(*) FROM asylum_application_event WHERE application_id = :id AND action = 'ASSIGN'")
                .param("id", UUID.fromString(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aClosedCaseOffersNoAssignment() throws Exception {
        String id = lodged();
        MockHttpServletResponse withdrawn = api("registration.officer", "/api/v1/asylum/applications/" + id + "/transitions",
                "{\"action\": \"WITHDRAW\", \"on\": \"2026-03-19\"}");
        assertThat(withdrawn.getStatus()).isEqualTo(200);
        assertThat(page("decision.maker", "/asylum/applications/" + id).select("[data-testid=assignment]")).isEmpty();
        assertThat(page("eligibility.officer", "/asylum/applications/" + id).select("[data-testid=assignment]")).isEmpty();
    }
}
