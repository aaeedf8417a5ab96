package org.pana.asylum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pana.audit.AuditTrail;
import org.pana.testing.TestApi;
import org.pana.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The decision letter (issue 5, item 5): in Russian, Kazakh and the applicant's English, with the appeal's last day
 * counted from the notification date (checked against dates computed by hand), the status term for a recognition,
 * and the case's visibility, the decision's state and the language refused as they must be.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DecisionLetterTests {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    /** The day the decisions are approved and notified: one month later is 30 April (there is no 31 April). */
    private static final LocalDate DECIDED_ON = LocalDate.of(2027, 3, 31);

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired AuditTrail audit;

    final Map<String, String> tokens = new HashMap<>();

    @BeforeEach
    void onTheDayOfTheDecision() {
        TestClock test = (TestClock) clock;
        test.reset();
        test.advance(Duration.between(Instant.now(), DECIDED_ON.atTime(12, 0).atZone(ALMATY).toInstant()));
    }

    @AfterEach
    void backToToday() {
        ((TestClock) clock).reset();
    }

    String token(String user) throws Exception {
        String token = tokens.get(user);
        if (token == null) tokens.put(user, token = TestApi.bearer(mvc, user));
        return token;
    }

    MockHttpServletResponse send(String user, String path, String body) throws Exception {
        return mvc.perform(post(path).header("Authorization", token(user)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
    }

    void step(String user, String id, String body) throws Exception {
        MockHttpServletResponse response = send(user, "/api/v1/asylum/applications/" + id + "/transitions", body);
        assertThat(response.getStatus()).as(body + " " + response.getContentAsString()).isEqualTo(200);
    }

    MockHttpServletResponse letter(String user, String id, String language) throws Exception {
        var request = get("/api/v1/asylum/applications/" + id + "/decision-letter").header("Authorization", token(user));
        if (language != null) request = request.param("language", language);
        return mvc.perform(request).andReturn().getResponse();
    }

    String ok(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    /** The letter's paragraphs as one text. */
    static String text(String letter) {
        List<String> paragraphs = JsonPath.read(letter, "$.paragraphs[*].text");
        List<String> headings = JsonPath.read(letter, "$.paragraphs[*].heading");
        return String.join("\n", headings) + "\n" + String.join("\n", paragraphs);
    }

    /** A new applicant named in Latin and Cyrillic script, who speaks {@code languages}. */
    String person(String languages) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 5).replaceAll("[0-9]", "q");
        String cyrillic = suffix.chars().mapToObj(c -> String.valueOf("абвгдежзийклмнопрстуфхцчшщ".charAt((c - 'a') % 26))).reduce("", String::concat);
        MockHttpServletResponse person = send("registration.officer", "/api/v1/persons", """
                {"jurisdiction": "KAZ", "names": [{"given": "Hamid", "family": "Sadat%s", "script": "Latn", "kind": "DOCUMENT"},
                 {"given": "Хамид", "family": "Садат%s", "script": "Cyrl", "kind": "DECLARED"}],
                 "sex": "MALE", "birthDate": "1984-06-01", "birthDatePrecision": "DAY", "nationalities": ["AFG"], "languages": %s}"""
                .formatted(suffix, cyrillic, languages));
        assertThat(person.getStatus()).as(person.getContentAsString()).isEqualTo(201);
        return JsonPath.read(person.getContentAsString(), "$.id");
    }

    /** An application interviewed (with an interpreter of {@code interpreter}) and assessed, its decision drafted by the eligibility officer. */
    String drafted(String languages, String interpreter, String outcome, String reasons) throws Exception {
        String lodged = send("registration.officer", "/api/v1/asylum/applications",
                "{\"personId\": \"%s\", \"lodgedOn\": \"2027-03-01\", \"lodgedAt\": \"Almaty\"}".formatted(person(languages))).getContentAsString();
        String id = JsonPath.read(lodged, "$.id");
        step("registration.officer", id, "{\"action\": \"REGISTER\", \"registeredOn\": \"2027-03-02\"}");
        step("registration.officer", id, "{\"action\": \"RECORD_FINGERPRINTS\", \"takenOn\": \"2027-03-03\"}");
        step("eligibility.officer", id, """
                {"action": "SCHEDULE_INTERVIEW", "at": "2027-03-15T05:00:00Z", "place": "Almaty, room 4", "interpreterLanguage": "%s"}"""
                .formatted(interpreter));
        step("eligibility.officer", id, "{\"action\": \"RECORD_INTERVIEW\", \"heldOn\": \"2027-03-15\", \"record\": \"Q: Why did you leave?\"}");
        step("eligibility.officer", id, """
                {"action": "SUBMIT_ASSESSMENT", "recommendation": "%s", "grounds": ["POLITICAL_OPINION"], "summary": "Assessed.",
                 "exclusionConsidered": true}""".formatted(outcome.equals("RECOGNISED") ? "RECOGNISE" : "REJECT"));
        step("eligibility.officer", id, "{\"action\": \"DRAFT_DECISION\", \"outcome\": \"%s\", \"reasons\": \"%s\"}".formatted(outcome, reasons));
        return id;
    }

    String decided(String languages, String interpreter, String outcome, String reasons) throws Exception {
        String id = drafted(languages, interpreter, outcome, reasons);
        step("decision.maker", id, "{\"action\": \"APPROVE_DECISION\"}");
        return id;
    }

    @Test
    void aRefusalGivesTheAppealWindowBeforeNotificationAndItsLastDayAfterInRussianKazakhAndTheApplicantsEnglish() throws Exception {
        String reasons = "Рассказ заявителя противоречив: даты задержания не совпадают.";
        String id = decided("[\"prs\", \"eng\"]", "prs", "REJECTED", reasons);

        String before = ok(letter("registration.officer", id, "ru"));
        assertThat((List<String>) JsonPath.read(before, "$.languages")).as("official, then the English the applicant speaks")
                .containsExactly("ru", "kk", "en");
        assertThat((String) JsonPath.read(before, "$.title")).isEqualTo("Решение по ходатайству о присвоении статуса беженца");
        assertThat((Boolean) JsonPath.read(before, "$.official")).isTrue();
        assertThat((String) JsonPath.read(before, "$.decidedOn")).isEqualTo("2027-03-31");
        assertThat((Map<String, Object>) JsonPath.read(before, "$")).doesNotContainKeys("notifiedOn", "appealBy");
        assertThat(text(before)).contains("В удовлетворении Вашего ходатайства отказано", "Порядок обжалования",
                "Срок подачи жалобы — 1 месяц со дня Вашего уведомления о настоящем решении.", "Садат", "1 июня 1984 года",
                "Дата принятия решения: 31 марта 2027 года", "Получено заявителем");
        assertThat((List<Object>) JsonPath.read(before, "$.paragraphs[?(@.asWritten == true)].text")).as("the reasons as written")
                .containsExactly(reasons);
        assertThat((String) JsonPath.read(before, "$.basis")).startsWith("Not confirmed against the official text: default 1 month");

        step("registration.officer", id, "{\"action\": \"NOTIFY\", \"notifiedOn\": \"2027-03-31\"}");
        String russian = ok(letter("registration.officer", id, "ru"));
        assertThat((String) JsonPath.read(russian, "$.notifiedOn")).isEqualTo("2027-03-31");
        assertThat((String) JsonPath.read(russian, "$.appealBy")).as("31 March + 1 month: 30 April").isEqualTo("2027-04-30");
        assertThat(text(russian)).contains("Вы уведомлены о настоящем решении 31 марта 2027 года. Последний день подачи жалобы — 30 апреля 2027 года.",
                "Заявитель уведомлён о настоящем решении 31 марта 2027 года").doesNotContain("Получено заявителем");

        String kazakh = ok(letter("registration.officer", id, "kk"));
        assertThat((String) JsonPath.read(kazakh, "$.title")).isEqualTo("Босқын мәртебесін беру туралы өтінішхат бойынша шешім");
        assertThat((String) JsonPath.read(kazakh, "$.appealBy")).isEqualTo("2027-04-30");
        assertThat(text(kazakh)).contains("Сіздің өтінішхатыңызды қанағаттандырудан бас тартылды", "Шағымдану тәртібі",
                "Сізге осы шешім туралы хабарланған күн: 2027 жылғы 31 наурыз. Шағым берудің соңғы күні — 2027 жылғы 30 сәуір.", "Садат", reasons);

        String english = ok(letter("registration.officer", id, "en"));
        assertThat((Boolean) JsonPath.read(english, "$.official")).isFalse();
        assertThat(text(english)).contains("Hamid Sadat", "Your application is refused", "The last day to lodge an appeal is 30 April 2027.",
                "The official text of the decision is in Russian or Kazakh.");

        audit.seal();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE action = 'ASYLUM_DECISION_LETTER_VIEWED' AND outcome = 'SUCCESS'
                AND actor = 'registration.officer' AND details = (SELECT number FROM asylum_application WHERE id = :id)""")
                .param("id", UUID.fromString(id)).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void aRecognitionGivesTheStatusTermAndTheExtensionDutyAndNoAppeal() throws Exception {
        String id = decided("[\"prs\"]", "prs", "RECOGNISED", "Well-founded fear for his political opinion.");
        String russian = ok(letter("eligibility.officer", id, null));
        assertThat((String) JsonPath.read(russian, "$.language")).as("Russian by default").isEqualTo("ru");
        assertThat((List<String>) JsonPath.read(russian, "$.languages")).as("no template in Dari").containsExactly("ru", "kk");
        assertThat((String) JsonPath.read(russian, "$.validUntil")).as("one year from 31 March 2027").isEqualTo("2028-03-31");
        assertThat(text(russian)).contains("Ваше ходатайство удовлетворено: Вы признаны беженцем.",
                "Статус беженца действителен по 31 марта 2028 года включительно.", "сроком на 12 месяцев", "за 30 календарных дней")
                .doesNotContain("Порядок обжалования");
        assertThat((Map<String, Object>) JsonPath.read(russian, "$")).doesNotContainKey("appealBy");
        assertThat((String) JsonPath.read(russian, "$.basis")).contains("Government Resolution No. 183");
        String kazakh = ok(letter("eligibility.officer", id, "kk"));
        assertThat(text(kazakh)).contains("Сіз босқын деп танылдыңыз", "Босқын мәртебесінің қолданылу мерзімі аяқталатын күн: 2028 жылғы 31 наурыз (осы күнді қоса алғанда).",
                "12 ай мерзімге");

        MockHttpServletResponse english = letter("eligibility.officer", id, "en");
        assertThat(english.getStatus()).as("the applicant does not speak English").isEqualTo(422);
        assertThat((List<String>) JsonPath.read(english.getContentAsString(), "$.errors[*].field")).containsExactly("language");
        assertThat(letter("eligibility.officer", id, "fr").getStatus()).isEqualTo(422);
        assertThat(letter("eligibility.officer", id, "<script>").getStatus()).isEqualTo(422);
    }

    @Test
    void statusGrantedOnAppealIsARecognitionFromTheAppealsDecisionWithoutTheRefusalsReasons() throws Exception {
        String id = decided("[\"eng\"]", "prs", "REJECTED", "The account is not credible.");
        step("registration.officer", id, "{\"action\": \"NOTIFY\", \"notifiedOn\": \"2027-03-31\"}");
        step("appeals.officer", id, "{\"action\": \"LODGE_APPEAL\", \"level\": \"ADMINISTRATIVE\", \"lodgedOn\": \"2027-03-31\"}");
        String appealed = ok(letter("appeals.officer", id, "en"));
        assertThat(text(appealed)).as("the refusal's letter while the appeal is pending").contains("Your application is refused",
                "The last day to lodge an appeal is 30 April 2027.");
        step("appeals.officer", id, "{\"action\": \"DECIDE_APPEAL\", \"outcome\": \"UPHELD\", \"remedy\": \"GRANT_STATUS\", \"decidedOn\": \"2027-03-31\"}");
        String granted = ok(letter("appeals.officer", id, "ru"));
        assertThat((String) JsonPath.read(granted, "$.outcome")).isEqualTo("RECOGNISED");
        assertThat((String) JsonPath.read(granted, "$.validUntil")).isEqualTo("2028-03-31");
        assertThat(text(granted)).contains("Вы признаны беженцем", "Статус беженца присвоен 31 марта 2027 года по результатам удовлетворения Вашей жалобы")
                .doesNotContain("The account is not credible.", "Порядок обжалования");
    }

    @Test
    void aClosedApplicationIsExplainedAndMayBeAppealed() throws Exception {
        String id = decided("[\"kaz\"]", "kaz", "CLOSED", "Заявитель дважды не явился на собеседование.");
        String kazakh = ok(letter("decision.maker2", id, "kk"));
        assertThat((List<String>) JsonPath.read(kazakh, "$.languages")).as("Kazakh is official already").containsExactly("ru", "kk");
        assertThat(text(kazakh)).contains("Сіздің өтінішхатыңызды қарау тоқтатылды", "Шағымдану тәртібі",
                "Шағым беру мерзімі — осы шешім туралы Сізге хабарланған күннен бастап 1 ай.");
        assertThat(text(ok(letter("decision.maker2", id, "ru")))).contains("Рассмотрение Вашего ходатайства прекращено", "Порядок обжалования");
    }

    @Test
    void theInterpretersLanguageCountsAsOneTheApplicantUnderstands() throws Exception {
        String id = decided("[]", "eng", "REJECTED", "Not credible.");
        assertThat((List<String>) JsonPath.read(ok(letter("unhcr.monitor", id, "en")), "$.languages")).containsExactly("ru", "kk", "en");
    }

    @Test
    void withoutAnApprovedDecisionThereIsNoLetterAndACaseOfNoConcernIsNotFound() throws Exception {
        String id = drafted("[\"eng\"]", "eng", "REJECTED", "Not credible.");
        MockHttpServletResponse draft = letter("decision.maker", id, "ru");
        assertThat(draft.getStatus()).isEqualTo(409);
        assertThat(draft.getContentAsString()).contains("no-decision");
        assertThat(letter("decision.maker", id, "xx").getStatus()).as("no decision comes first").isEqualTo(409);

        assertThat(letter("registration.officer", UUID.randomUUID().toString(), "ru").getStatus()).isEqualTo(404);
        step("decision.maker", id, "{\"action\": \"APPROVE_DECISION\"}");
        ok(letter("appeals.officer", id, "ru"));
        assertThat(mvc.perform(get("/api/v1/asylum/applications/" + id + "/decision-letter").header("Authorization", token("border.officer")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        jdbc.sql("UPDATE asylum_application SET jurisdiction = 'UZB' WHERE id = :id").param("id", UUID.fromString(id)).update();
        assertThat(letter("registration.officer", id, "ru").getStatus()).as("another jurisdiction's case").isEqualTo(404);
        audit.seal();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE action = 'ASYLUM_DECISION_LETTER_VIEWED' AND outcome = 'DENIED'
                AND actor = 'registration.officer' AND subject_id = :id""").param("id", id).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void theCasePageLinksToAPrintableLetterWithALanguageSwitch() throws Exception {
        String id = decided("[\"eng\"]", "prs", "REJECTED", "Not credible.");
        ((TestClock) clock).reset(); // the browser session lives on the real clock
        Cookie session = mvc.perform(post("/login").param("username", "decision.maker2").param("password", TestApi.DEMO_PASSWORD).with(csrf()))
                .andReturn().getResponse().getCookie("__Host-PANA_SESSION");
        Cookie kazakhReader = new Cookie("PANA_LANG", "kk");
        MockHttpServletResponse caseResponse = mvc.perform(get("/asylum/applications/" + id).cookie(session, kazakhReader)).andReturn().getResponse();
        assertThat(caseResponse.getStatus()).as(caseResponse.getRedirectedUrl()).isEqualTo(200);
        Document casePage = Jsoup.parse(caseResponse.getContentAsString());
        assertThat(casePage.select("[data-testid=decision]")).as(casePage.select("main").text()).hasSize(1);
        String link = casePage.select("[data-testid=decision-letter-link]").attr("href");
        assertThat(link).isEqualTo("/asylum/applications/" + id + "/decision-letter");

        MockHttpServletResponse response = mvc.perform(get(link).cookie(session, kazakhReader)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.html()).doesNotContain("??");
        assertThat(page.select("[data-testid=letter]").attr("lang")).as("the reader's official language").isEqualTo("kk");
        assertThat(page.select("[data-testid=letter-title]").text()).isEqualTo("Босқын мәртебесін беру туралы өтінішхат бойынша шешім");
        assertThat(page.select("[data-testid=language-link]").eachAttr("data-language")).containsExactly("ru", "en");
        assertThat(page.select("[data-testid=language-link]").eachText()).containsExactly("Русский", "English");
        assertThat(page.select("[data-testid=current-language]").text()).isEqualTo("Қазақша");
        assertThat(page.select("[data-testid=reasons]").text()).isEqualTo("Not credible.");
        assertThat(page.select("link[href=/css/asylum-letter.css]")).hasSize(1);

        Document russian = Jsoup.parse(mvc.perform(get(link).cookie(session).param("language", "ru")).andReturn().getResponse().getContentAsString());
        assertThat(russian.select("[data-testid=letter]").text()).contains("Срок подачи жалобы — 1 месяц");
        assertThat(mvc.perform(get(link).cookie(session).param("language", "de")).andReturn().getResponse().getStatus()).isEqualTo(422);
    }
}
