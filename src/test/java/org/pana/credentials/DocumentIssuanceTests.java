package org.pana.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.pana.testing.PageSessions;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issuing the asylum procedure's certificates from what the procedure says now: printed, signed, verifiable; a reprint
 * replaces the earlier copy, and a status change revokes the earlier certificate at once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DocumentIssuanceTests {

    @Autowired MockMvc mvc;
    @Autowired java.time.Clock clock;

    LocalDate today() {
        return clock.instant().atZone(ZoneId.of("Asia/Almaty")).toLocalDate();
    }

    MockHttpServletResponse send(String user, String path, String body) throws Exception {
        return mvc.perform(post(path).header("Authorization", TestApi.bearer(mvc, user)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
    }

    String ok(String user, String path, String body) throws Exception {
        MockHttpServletResponse response = send(user, path, body);
        assertThat(response.getStatus()).as(path + " " + body + " " + response.getContentAsString()).isBetween(200, 201);
        return response.getContentAsString();
    }

    String step(String user, String id, String body) throws Exception {
        return ok(user, "/api/v1/asylum/applications/" + id + "/transitions", body);
    }

    String person(String given, String cyrillic, String birthDate) throws Exception {
        return JsonPath.read(ok("registration.officer", "/api/v1/persons", """
                {"jurisdiction": "KAZ", "names": [{"given": "%s", "family": "Rahmani%s", "script": "Latn", "kind": "DECLARED"},
                                                  {"given": "%s", "family": "Рахмани", "script": "Cyrl", "kind": "ALIAS"}],
                 "sex": "FEMALE", "birthDate": "%s", "birthDatePrecision": "DAY", "nationalities": ["AFG"]}"""
                .formatted(given, UUID.randomUUID().toString().substring(0, 4).replaceAll("[0-9]", "r"), cyrillic, birthDate)), "$.id");
    }

    String verify(String code) throws Exception {
        return mvc.perform(get("/verify/" + code).header("Accept", "application/json")).andReturn().getResponse().getContentAsString();
    }

    String issue(String person, String application, String language, String layout) throws Exception {
        return ok("registration.officer", "/api/v1/persons/" + person + "/issued-documents", """
                {"type": "%s", "applicationId": "%s", "language": "%s", "layout": "%s"}"""
                .formatted("ASYLUM_SEEKER_CERTIFICATE", application, language, layout));
    }

    @Test
    void aCertificateIsPrintedSignedAndVerifiableAndARecognitionRevokesItAtOnce() throws Exception {
        String mother = person("Mahsa", "Махса", "1990-02-02");
        String son = person("Arash", "Араш", "2017-04-04");
        String application = JsonPath.read(ok("registration.officer", "/api/v1/asylum/applications", """
                {"personId": "%s", "lodgedOn": "%s", "lodgedAt": "Almaty", "includedChildren": ["%s"]}""".formatted(mother, today(), son)), "$.id");
        step("registration.officer", application, "{\"action\": \"REGISTER\", \"registeredOn\": \"%s\"}".formatted(today()));

        String issued = issue(mother, application, "ru", "A4");
        String code = JsonPath.read(issued, "$.verificationCode");
        String number = JsonPath.read(issued, "$.number");
        assertThat(number).endsWith("/1");
        assertThat((String) JsonPath.read(issued, "$.status")).isEqualTo("VALID");
        assertThat((String) JsonPath.read(issued, "$.verificationUrl")).endsWith("/verify/" + code);
        MockHttpServletResponse pdf = mvc.perform(get("/api/v1/issued-documents/" + JsonPath.read(issued, "$.id") + ".pdf")
                .header("Authorization", TestApi.bearer(mvc, "registration.officer"))).andReturn().getResponse();
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
            String text = Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFKC);
            assertThat(text).as("the holder in both scripts, the child on the parent's certificate").contains(number, "Махса", "Mahsa", "Arash");
        }
        assertThat((String) JsonPath.read(verify(code), "$.status")).isEqualTo("VALID");

        // A reprint on a card is a new issuance: the sheet printed first is replaced at once.
        String card = issue(mother, application, "kk", "ID1");
        assertThat((String) JsonPath.read(verify(JsonPath.read(card, "$.verificationCode")), "$.status")).isEqualTo("VALID");
        assertThat((String) JsonPath.read(verify(code), "$.status")).isEqualTo("REPLACED");

        step("registration.officer", application, "{\"action\": \"RECORD_FINGERPRINTS\", \"takenOn\": \"%s\"}".formatted(today()));
        step("eligibility.officer", application, "{\"action\": \"SCHEDULE_INTERVIEW\", \"at\": \"%s\", \"place\": \"Almaty\"}".formatted(clock.instant()));
        step("eligibility.officer", application, "{\"action\": \"RECORD_INTERVIEW\", \"heldOn\": \"%s\", \"record\": \"Q and A.\"}".formatted(today()));
        step("eligibility.officer", application, """
                {"action": "SUBMIT_ASSESSMENT", "recommendation": "RECOGNISE", "grounds": ["RELIGION"], "summary": "As told.", "exclusionConsidered": true}""");
        step("decision.maker", application, "{\"action\": \"DRAFT_DECISION\", \"outcome\": \"RECOGNISED\", \"reasons\": \"Reasons.\"}");
        step("decision.maker2", application, "{\"action\": \"APPROVE_DECISION\"}");

        assertThat((String) JsonPath.read(verify(JsonPath.read(card, "$.verificationCode")), "$.status")).as("recognised: the asylum-seeker card ends")
                .isEqualTo("REVOKED");
        MockHttpServletResponse again = send("registration.officer", "/api/v1/persons/" + mother + "/issued-documents", """
                {"type": "ASYLUM_SEEKER_CERTIFICATE", "applicationId": "%s", "language": "ru", "layout": "A4"}""".formatted(application));
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getContentAsString()).contains("nothing-to-issue");
        String refugee = ok("registration.officer", "/api/v1/persons/" + mother + "/issued-documents", """
                {"type": "REFUGEE_CERTIFICATE", "applicationId": "%s", "language": "en", "layout": "A4"}""".formatted(application));
        assertThat((String) JsonPath.read(refugee, "$.number")).endsWith("-R");
        assertThat((String) JsonPath.read(verify(JsonPath.read(refugee, "$.verificationCode")), "$.status")).isEqualTo("VALID");

        List<String> registry = JsonPath.read(mvc.perform(get("/api/v1/persons/" + mother + "/issued-documents")
                .header("Authorization", TestApi.bearer(mvc, "registration.officer"))).andReturn().getResponse().getContentAsString(), "$[*].status");
        assertThat(registry).as("revoked outranks replaced").containsExactly("VALID", "REVOKED", "REVOKED");
    }

    @Test
    void wrongRoleWrongPersonAndBadFieldsAreRefusedAndNothingIsIssued() throws Exception {
        String mother = person("Parisa", "Париса", "1992-05-05");
        String son = person("Kian", "Киан", "2018-06-06");
        String application = JsonPath.read(ok("registration.officer", "/api/v1/asylum/applications", """
                {"personId": "%s", "lodgedOn": "%s", "lodgedAt": "Almaty", "includedChildren": ["%s"]}""".formatted(mother, today(), son)), "$.id");
        String body = "{\"type\": \"ASYLUM_SEEKER_CERTIFICATE\", \"applicationId\": \"%s\", \"language\": \"ru\", \"layout\": \"A4\"}".formatted(application);
        assertThat(send("registration.officer", "/api/v1/persons/" + mother + "/issued-documents", body).getStatus()).as("not registered yet")
                .isEqualTo(409);
        step("registration.officer", application, "{\"action\": \"REGISTER\", \"registeredOn\": \"%s\"}".formatted(today()));

        assertThat(send("eligibility.officer", "/api/v1/persons/" + mother + "/issued-documents", body).getStatus()).isEqualTo(403);
        assertThat(send("registration.officer", "/api/v1/persons/" + son + "/issued-documents", body).getStatus()).as("the parent's certificate")
                .isEqualTo(422);
        MockHttpServletResponse language = send("registration.officer", "/api/v1/persons/" + mother + "/issued-documents", body.replace("\"ru\"", "\"fa\""));
        assertThat(language.getStatus()).isEqualTo(422);
        assertThat(language.getContentAsString()).contains("language");
        assertThat(send("registration.officer", "/api/v1/persons/" + mother + "/issued-documents", body.replace("\"A4\"", "\"A3\"")).getStatus())
                .isEqualTo(422);
        assertThat(mvc.perform(get("/api/v1/persons/" + mother + "/issued-documents").header("Authorization", TestApi.bearer(mvc, "legal.partner")))
                .andReturn().getResponse().getStatus()).as("a partner has no need to know the person's papers").isEqualTo(403);
        assertThat(JsonPath.<List<Object>>read(mvc.perform(get("/api/v1/persons/" + mother + "/issued-documents")
                .header("Authorization", TestApi.bearer(mvc, "registration.officer"))).andReturn().getResponse().getContentAsString(), "$"))
                .isEmpty();
    }

    @Test
    void theRegistryPageListsTheDocumentsAndIssuesFromItsForm() throws Exception {
        String mother = person("Leila", "Лейла", "1989-09-09");
        String application = JsonPath.read(ok("registration.officer", "/api/v1/asylum/applications", """
                {"personId": "%s", "lodgedOn": "%s", "lodgedAt": "Almaty"}""".formatted(mother, today())), "$.id");
        PageSessions pages = new PageSessions(mvc);
        assertThat(pages.page("registration.officer", "/persons/" + mother + "/documents").select("[data-testid=nothing]")).hasSize(1);
        step("registration.officer", application, "{\"action\": \"REGISTER\", \"registeredOn\": \"%s\"}".formatted(today()));

        MockHttpServletResponse bad = pages.perform("registration.officer", post("/persons/" + mother + "/documents")
                .param("certificate", "ASYLUM_SEEKER_CERTIFICATE:" + application).param("language", "fa").param("layout", "A4"));
        assertThat(bad.getStatus()).isEqualTo(422);
        assertThat(org.jsoup.Jsoup.parse(bad.getContentAsString()).select("[data-error=language]")).hasSize(1);

        MockHttpServletResponse issued = pages.perform("registration.officer", post("/persons/" + mother + "/documents")
                .param("certificate", "ASYLUM_SEEKER_CERTIFICATE:" + application).param("language", "kk").param("layout", "ID1"));
        assertThat(issued.getStatus()).isEqualTo(302);
        for (String language : List.of("en", "ru", "kk")) {
            var page = pages.page("registration.officer", issued.getRedirectedUrl() + "&lang=" + language);
            assertThat(page.select("[data-testid=issued]")).hasSize(1);
            assertThat(page.select("[data-testid=document]").eachAttr("data-status")).containsExactly("VALID");
        }
        var ru = pages.page("registration.officer", "/persons/" + mother + "/documents?lang=ru");
        assertThat(ru.select("[data-testid=document]").text()).contains("Свидетельство лица, ищущего убежище");
        assertThat(pages.page("eligibility.officer", "/persons/" + mother + "/documents").select("[data-testid=issue-form]")).as("not an issuer")
                .isEmpty();
    }
}
