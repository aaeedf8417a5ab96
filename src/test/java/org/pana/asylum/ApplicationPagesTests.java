package org.pana.asylum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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

/** The case page and its forms as officers use them, signed in through the sign-in form. */
@SpringBootTest
@AutoConfigureMockMvc
class ApplicationPagesTests {

    private static final String RECORD = "Q: Why did you leave? A: I wrote for a newspaper that the authorities closed.";

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

    void step(String username, String id, String body) throws Exception {
        MockHttpServletResponse response = api(username, "/api/v1/asylum/applications/" + id + "/transitions", body);
        assertThat(response.getStatus()).as(body + " " + response.getContentAsString()).isEqualTo(200);
    }

    String person() throws Exception {
        MockHttpServletResponse person = api("registration.officer", "/api/v1/persons", """
                {"jurisdiction": "KAZ", "names": [{"given": "Hamid", "family": "Sadat%s", "script": "Latn", "kind": "DECLARED"}],
                 "sex": "MALE", "birthDate": "1984-06-01", "birthDatePrecision": "DAY", "nationalities": ["AFG"]}"""
                .formatted(UUID.randomUUID().toString().substring(0, 5).replaceAll("[0-9]", "q")));
        assertThat(person.getStatus()).as(person.getContentAsString()).isEqualTo(201);
        return JsonPath.read(person.getContentAsString(), "$.id");
    }

    /** A lodged application of a new adult; returns its id. */
    String lodged() throws Exception {
        MockHttpServletResponse lodged = api("registration.officer", "/api/v1/asylum/applications",
                "{\"personId\": \"%s\", \"lodgedOn\": \"2026-03-18\", \"lodgedAt\": \"Almaty\"}".formatted(person()));
        assertThat(lodged.getStatus()).as(lodged.getContentAsString()).isEqualTo(201);
        return JsonPath.read(lodged.getContentAsString(), "$.id");
    }

    String interviewed() throws Exception {
        String id = lodged();
        step("registration.officer", id, "{\"action\": \"REGISTER\", \"registeredOn\": \"2026-03-20\"}");
        step("registration.officer", id, "{\"action\": \"RECORD_FINGERPRINTS\", \"takenOn\": \"2026-03-22\"}");
        MockHttpServletResponse scheduled = perform("eligibility.officer", post("/asylum/applications/" + id + "/transitions")
                .param("action", "SCHEDULE_INTERVIEW").param("at", "2026-04-10T10:00").param("place", "Almaty, room 4")
                .param("interpreterLanguage", "prs").param("interviewerSex", "MALE").param("interpreterSex", ""));
        assertThat(scheduled.getStatus()).as(scheduled.getContentAsString()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT scheduled_at FROM asylum_interview WHERE application_id = :id").param("id", UUID.fromString(id))
                .query(OffsetDateTime.class).single().toInstant()).as("the form's local time is Almaty's")
                .isEqualTo(LocalDateTime.parse("2026-04-10T10:00").atZone(ZoneId.of("Asia/Almaty")).toInstant());
        step("eligibility.officer", id, "{\"action\": \"RECORD_INTERVIEW\", \"heldOn\": \"2026-04-10\", \"record\": \"" + RECORD + "\"}");
        return id;
    }

    long version(String id) {
        return jdbc.sql("SELECT version FROM asylum_application WHERE id = :id").param("id", UUID.fromString(id)).query(Long.class).single();
    }

    @ParameterizedTest
    @CsvSource({
        "registration.officer, en, Asylum application",
        "registration.officer, ru, Ходатайство о предоставлении убежища",
        "eligibility.officer, kk, Баспана беру туралы өтініш",
        "decision.maker, ru, Ходатайство о предоставлении убежища",
        "unhcr.monitor, kk, Баспана беру туралы өтініш"})
    void showsTheCasePageInEnglishRussianAndKazakhToTheRolesThatMaySeeIt(String user, String language, String title) throws Exception {
        String id = lodged();
        String number = jdbc.sql("SELECT number FROM asylum_application WHERE id = :id").param("id", UUID.fromString(id)).query(String.class).single();
        Document page = page(user, "/asylum/applications/" + id + "?lang=" + language);
        assertThat(page.select("h1").text()).isEqualTo(title + " " + number);
        assertThat(page.select("html").attr("lang")).isEqualTo(language);
        assertThat(page.select("[data-testid=number]").text()).isEqualTo(number);
        assertThat(page.select("[data-testid=applicant]").attr("href")).startsWith("/persons/");
        assertThat(page.select("[data-testid=event][data-action=LODGE]")).hasSize(1);
        assertThat(page.html()).doesNotContain("??");
        assertThat(page.select("[data-action-form]").eachAttr("data-action-form")).as("only what the API allows")
                .isEqualTo(user.equals("registration.officer") ? java.util.List.of("REGISTER", "WITHDRAW") : java.util.List.of());
    }

    @Test
    void answers404ForAnApplicationOfNoConcernAndAnUnknownOneAnd403ToRolesOutsideTheApi() throws Exception {
        String id = lodged();
        for (String user : java.util.List.of("border.officer", "legal.partner", "statistician")) {
            assertThat(perform(user, get("/asylum/applications/" + id)).getStatus()).as(user).isEqualTo(403);
        }
        assertThat(perform("border.officer", post("/asylum/applications/" + id + "/transitions").param("action", "WITHDRAW")
                .param("on", "2026-03-19")).getStatus()).isEqualTo(403);
        assertThat(perform("eligibility.officer", post("/asylum/applications/" + id + "/transitions").param("action", "REGISTER")
                .param("registeredOn", "not a date")).getStatus()).as("the role is refused before the field").isEqualTo(403);
        assertThat(perform("registration.officer", post("/asylum/applications/" + id + "/transitions").param("action", "RECORD_FINGERPRINTS")
                .param("takenOn", "not a date")).getStatus()).as("the state is refused before the field").isEqualTo(409);
        assertThat(perform("registration.officer", get("/asylum/applications/" + UUID.randomUUID())).getStatus()).isEqualTo(404);
        jdbc.sql("UPDATE asylum_application SET jurisdiction = 'UZB' WHERE id = :id").param("id", UUID.fromString(id)).update();
        assertThat(perform("registration.officer", get("/asylum/applications/" + id)).getStatus()).as("another jurisdiction's").isEqualTo(404);
        assertThat(perform("eligibility.officer", post("/asylum/applications/" + id + "/transitions").param("action", "WITHDRAW")
                .param("on", "2026-03-19")).getStatus()).isEqualTo(404);
    }

    @Test
    void lodgesFromTheFormWithErrorsNextToTheFields() throws Exception {
        String person = person();
        Document form = page("registration.officer", "/asylum/applications/new?personId=" + person + "&lang=ru");
        assertThat(form.select("input[name=personId]").val()).isEqualTo(person);
        assertThat(form.html()).doesNotContain("??");
        assertThat(perform("eligibility.officer", get("/asylum/applications/new")).getStatus()).isEqualTo(403);
        long before = jdbc.sql("SELECT count(*) FROM asylum_application").query(Long.class).single();

        MockHttpServletResponse bad = perform("registration.officer", post("/asylum/applications").param("personId", person)
                .param("lodgedOn", "2999-01-01").param("lodgedAt", "Almaty").param("includedChildren", "not-an-id"));
        assertThat(bad.getStatus()).isEqualTo(422);
        Document again = Jsoup.parse(bad.getContentAsString());
        assertThat(again.select("[data-error=includedChildren]")).hasSize(1);
        assertThat(again.select("input[name=lodgedAt]").val()).isEqualTo("Almaty");
        MockHttpServletResponse future = perform("registration.officer", post("/asylum/applications").param("personId", person)
                .param("lodgedOn", "2999-01-01").param("lodgedAt", "Almaty"));
        assertThat(future.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(future.getContentAsString()).select(".govuk-form-group--error [data-error=lodgedOn]").text())
                .contains("future");
        assertThat(jdbc.sql("SELECT count(*) FROM asylum_application").query(Long.class).single()).isEqualTo(before);

        MockHttpServletResponse done = perform("registration.officer", post("/asylum/applications").param("personId", person)
                .param("lodgedOn", "2026-03-18").param("lodgedAt", "Almaty, Baizakov st.").param("irregularEntry", "true"));
        assertThat(done.getStatus()).as(done.getContentAsString()).isEqualTo(302);
        UUID id = jdbc.sql("SELECT id FROM asylum_application WHERE person_id = :p").param("p", UUID.fromString(person)).query(UUID.class).single();
        assertThat(done.getRedirectedUrl()).isEqualTo("/asylum/applications/" + id);
        assertThat(page("registration.officer", done.getRedirectedUrl()).select("[data-testid=status]").text()).isEqualTo("Lodged");
    }

    @Test
    void registersFromTheFormAndRedirectsBackToTheCasePage() throws Exception {
        String id = lodged();
        assertThat(page("registration.officer", "/asylum/applications/" + id).select("[data-action-form=REGISTER] input[name=registeredOn]"))
                .hasSize(1);
        MockHttpServletResponse done = perform("registration.officer", post("/asylum/applications/" + id + "/transitions")
                .param("action", "REGISTER").param("registeredOn", "2026-03-20"));
        assertThat(done.getStatus()).isEqualTo(302);
        assertThat(done.getRedirectedUrl()).isEqualTo("/asylum/applications/" + id);
        Document page = page("registration.officer", done.getRedirectedUrl());
        assertThat(page.select("[data-testid=status]").text()).isEqualTo("Registered");
        assertThat(page.select("[data-testid=event][data-action=REGISTER]").text()).contains("2026-03-20").contains("registration.officer");
        assertThat(page.select("[data-testid=certificate]")).hasSize(1);
        assertThat(page.select("[data-testid=deadline][data-step=FINGERPRINTING] [data-testid=due]").text()).isNotBlank();
        assertThat(page.select("[data-action-form]").eachAttr("data-action-form")).containsExactly("RECORD_FINGERPRINTS", "WITHDRAW");
    }

    @Test
    void aBadDateShowsItsErrorNextToTheFieldAndChangesNothing() throws Exception {
        String id = lodged();
        for (String bad : java.util.List.of("2026-02-30", "2999-01-01", "2026-03-01")) {
            MockHttpServletResponse response = perform("registration.officer", post("/asylum/applications/" + id + "/transitions")
                    .param("action", "REGISTER").param("registeredOn", bad));
            assertThat(response.getStatus()).as(bad).isEqualTo(422);
            Document page = Jsoup.parse(response.getContentAsString());
            assertThat(page.select("[data-action-form=REGISTER] .govuk-form-group--error [data-error=registeredOn]")).as(bad).hasSize(1);
            assertThat(page.select("[data-action-form=REGISTER] input[name=registeredOn]").val()).isEqualTo(bad);
            assertThat(page.select("[data-action-form=WITHDRAW] [data-error]")).as("only the failed form").isEmpty();
        }
        MockHttpServletResponse russian = perform("registration.officer", post("/asylum/applications/" + id + "/transitions?lang=ru")
                .param("action", "REGISTER").param("registeredOn", "2999-01-01"));
        assertThat(Jsoup.parse(russian.getContentAsString()).select("[data-error=registeredOn]").text()).contains("Проверьте дату");
        assertThat(version(id)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM asylum_application_event WHERE application_id = :id").param("id", UUID.fromString(id))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theDrafterDoesNotSeeTheApprovalFormAnotherDecisionMakerDoesAndTheDrafterIsRefusedWithABanner() throws Exception {
        String id = interviewed();
        step("eligibility.officer", id, """
                {"action": "SUBMIT_ASSESSMENT", "recommendation": "RECOGNISE", "grounds": ["POLITICAL_OPINION"], "summary": "Consistent account.",
                 "exclusionConsidered": true}""");
        MockHttpServletResponse drafted = perform("decision.maker", post("/asylum/applications/" + id + "/transitions")
                .param("action", "DRAFT_DECISION").param("outcome", "RECOGNISED").param("reasons", "Well-founded fear for his political opinion."));
        assertThat(drafted.getStatus()).as(drafted.getContentAsString()).isEqualTo(302);
        Document own = page("decision.maker", "/asylum/applications/" + id);
        assertThat(own.select("[data-testid=drafter]").text()).isEqualTo("decision.maker");
        assertThat(own.select("[data-action-form=APPROVE_DECISION], [data-action-form=RETURN_DECISION]")).isEmpty();
        Document other = page("decision.maker2", "/asylum/applications/" + id);
        assertThat(other.select("[data-action-form=APPROVE_DECISION] button")).hasSize(1);
        assertThat(other.select("[data-action-form=RETURN_DECISION] textarea[name=reason]")).hasSize(1);

        MockHttpServletResponse refused = perform("decision.maker", post("/asylum/applications/" + id + "/transitions").param("action", "APPROVE_DECISION"));
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(Jsoup.parse(refused.getContentAsString()).select("[data-testid=conflict]").text()).contains("Four eyes");
        long before = version(id);
        MockHttpServletResponse approved = perform("decision.maker2", post("/asylum/applications/" + id + "/transitions").param("action", "APPROVE_DECISION"));
        assertThat(approved.getStatus()).isEqualTo(302);
        assertThat(version(id)).isEqualTo(before + 1);
        Document decided = page("decision.maker2", "/asylum/applications/" + id);
        assertThat(decided.select("[data-testid=outcome]").text()).isEqualTo("Recognised as a refugee");
        assertThat(decided.select("[data-testid=approver]").text()).isEqualTo("decision.maker2");
    }

    @Test
    void theInterviewRecordIsShownToTheEligibilityOfficerAndNotToTheRegistrationOfficer() throws Exception {
        String id = interviewed();
        Document registration = page("registration.officer", "/asylum/applications/" + id);
        assertThat(registration.select("[data-testid=interview]")).hasSize(1);
        assertThat(registration.select("[data-testid=interview-record]")).isEmpty();
        assertThat(registration.html()).doesNotContain("newspaper");
        Document eligibility = page("eligibility.officer", "/asylum/applications/" + id);
        assertThat(eligibility.select("[data-testid=interview-record]").text()).isEqualTo(RECORD);
        assertThat(eligibility.select("[data-action-form=SUBMIT_ASSESSMENT] input[name=grounds]")).hasSize(5);
    }

    @Test
    void theAppealsOfficerRecordsAnAppealAndItsOutcomeAndTheDecisionMakerEndsStatusFromThePage() throws Exception {
        String id = interviewed();
        step("eligibility.officer", id, "{\"action\": \"SUBMIT_ASSESSMENT\", \"recommendation\": \"REJECT\", \"summary\": \"Not credible.\", \"exclusionConsidered\": true}");
        step("eligibility.officer", id, "{\"action\": \"DRAFT_DECISION\", \"outcome\": \"REJECTED\", \"reasons\": \"Not credible.\"}");
        step("decision.maker", id, "{\"action\": \"APPROVE_DECISION\"}");
        String today = java.time.LocalDate.now(ZoneId.of("Asia/Almaty")).toString();
        step("registration.officer", id, "{\"action\": \"NOTIFY\", \"notifiedOn\": \"" + today + "\"}");
        for (String language : List.of("en", "ru", "kk")) {
            Document page = page("appeals.officer", "/asylum/applications/" + id + "?lang=" + language);
            assertThat(page.select("[data-action-form=LODGE_APPEAL] select[name=level] option[value=ADMINISTRATIVE]").text()).as(language).isNotBlank();
            assertThat(page.html()).doesNotContain("??");
        }
        MockHttpServletResponse lodged = perform("appeals.officer", post("/asylum/applications/" + id + "/transitions")
                .param("action", "LODGE_APPEAL").param("level", "ADMINISTRATIVE").param("lodgedOn", today));
        assertThat(lodged.getStatus()).as(lodged.getContentAsString()).isEqualTo(302);
        Document appealed = page("appeals.officer", "/asylum/applications/" + id);
        assertThat(appealed.select("[data-action-form]").eachAttr("data-action-form")).containsExactly("DECIDE_APPEAL");
        MockHttpServletResponse noRemedy = perform("appeals.officer", post("/asylum/applications/" + id + "/transitions")
                .param("action", "DECIDE_APPEAL").param("outcome", "UPHELD").param("decidedOn", today));
        assertThat(noRemedy.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(noRemedy.getContentAsString()).select("[data-action-form=DECIDE_APPEAL] [data-error=remedy]")).hasSize(1);
        assertThat(perform("appeals.officer", post("/asylum/applications/" + id + "/transitions").param("action", "DECIDE_APPEAL")
                .param("outcome", "UPHELD").param("remedy", "GRANT_STATUS").param("decidedOn", today)).getStatus()).isEqualTo(302);

        Document recognised = page("decision.maker", "/asylum/applications/" + id + "?lang=ru");
        assertThat(recognised.select("[data-action-form]").eachAttr("data-action-form"))
                .containsExactlyInAnyOrder("EXTEND_STATUS", "TERMINATE_STATUS", "DEPRIVE_STATUS");
        assertThat(recognised.select("[data-action-form=DEPRIVE_STATUS] option[value=SERIOUS_CRIME]").text()).isEqualTo("Осуждён за тяжкое преступление");
        assertThat(perform("decision.maker", post("/asylum/applications/" + id + "/transitions").param("action", "TERMINATE_STATUS")
                .param("ground", "RENUNCIATION").param("on", today)).getStatus()).isEqualTo(302);
        assertThat(page("decision.maker", "/asylum/applications/" + id).select("[data-action-form]")).isEmpty();
    }
}
