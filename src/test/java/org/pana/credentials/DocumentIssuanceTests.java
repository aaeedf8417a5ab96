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

    String pdfText(String user, String documentId) throws Exception {
        MockHttpServletResponse pdf = mvc.perform(get("/api/v1/issued-documents/" + documentId + ".pdf")
                .header("Authorization", TestApi.bearer(mvc, user))).andReturn().getResponse();
        assertThat(pdf.getStatus()).as("PDF for " + user).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
            return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFKC).replaceAll("\\s+", " ");
        }
    }

    String status(String issued) throws Exception {
        return JsonPath.read(verify(JsonPath.read(issued, "$.verificationCode")), "$.status");
    }

    @Test
    void aDecisionLetterIsIssuedInEachLanguageAndEndsAtOnceWhenTheDecisionIsReplacedOnAppeal() throws Exception {
        String applicant = person("Nasrin", "Насрин", "1987-03-03");
        String application = JsonPath.read(ok("registration.officer", "/api/v1/asylum/applications", """
                {"personId": "%s", "lodgedOn": "%s", "lodgedAt": "Almaty"}""".formatted(applicant, today())), "$.id");
        step("registration.officer", application, "{\"action\": \"REGISTER\", \"registeredOn\": \"%s\"}".formatted(today()));
        String letterRequest = "{\"type\": \"DECISION_LETTER\", \"applicationId\": \"%s\", \"language\": \"%s\", \"layout\": \"A4\"}";
        MockHttpServletResponse early = send("registration.officer", "/api/v1/persons/" + applicant + "/issued-documents",
                letterRequest.formatted(application, "ru"));
        assertThat(early.getStatus()).as("no decision yet").isEqualTo(409);

        step("registration.officer", application, "{\"action\": \"RECORD_FINGERPRINTS\", \"takenOn\": \"%s\"}".formatted(today()));
        step("eligibility.officer", application, "{\"action\": \"SCHEDULE_INTERVIEW\", \"at\": \"%s\", \"place\": \"Almaty\"}".formatted(clock.instant()));
        step("eligibility.officer", application, "{\"action\": \"RECORD_INTERVIEW\", \"heldOn\": \"%s\", \"record\": \"Q and A.\"}".formatted(today()));
        step("eligibility.officer", application, """
                {"action": "SUBMIT_ASSESSMENT", "recommendation": "REJECT", "summary": "Not credible.", "exclusionConsidered": true}""");
        step("eligibility.officer", application, "{\"action\": \"DRAFT_DECISION\", \"outcome\": \"REJECTED\", \"reasons\": \"The account of the arrest is not credible.\"}");
        step("decision.maker", application, "{\"action\": \"APPROVE_DECISION\"}");
        step("registration.officer", application, "{\"action\": \"NOTIFY\", \"notifiedOn\": \"%s\"}".formatted(today()));

        String russian = ok("registration.officer", "/api/v1/persons/" + applicant + "/issued-documents", letterRequest.formatted(application, "ru"));
        String number = JsonPath.read(russian, "$.number");
        assertThat(number).endsWith("-D");
        assertThat((Object) JsonPath.read(russian, "$.validUntil")).as("a letter does not expire").isNull();
        assertThat(status(russian)).isEqualTo("VALID");
        assertThat(pdfText("registration.officer", JsonPath.read(russian, "$.id")))
                .as("the letter as the procedure writes it, with the decision maker's reasons as written")
                .contains(number, "Насрин", "The account of the arrest is not credible.", "Решение по ходатайству о признании беженцем");

        MockHttpServletResponse english = send("registration.officer", "/api/v1/persons/" + applicant + "/issued-documents",
                letterRequest.formatted(application, "en"));
        assertThat(english.getStatus()).as("the applicant is not recorded to understand English").isEqualTo(422);
        assertThat(english.getContentAsString()).contains("language");
        assertThat(send("registration.officer", "/api/v1/persons/" + applicant + "/issued-documents",
                letterRequest.formatted(application, "ru").replace("A4", "ID1")).getStatus()).as("a letter is not a card").isEqualTo(422);

        String kazakh = ok("registration.officer", "/api/v1/persons/" + applicant + "/issued-documents", letterRequest.formatted(application, "kk"));
        assertThat(status(russian)).as("the official text and its other language stand side by side").isEqualTo("VALID");
        String reprint = ok("decision.maker", "/api/v1/persons/" + applicant + "/issued-documents", letterRequest.formatted(application, "ru"));
        assertThat(List.of(status(russian), status(kazakh), status(reprint))).as("a reprint replaces its own language's copy only")
                .containsExactly("REPLACED", "VALID", "VALID");

        // Review grants status on the same day: the refusal's letters end at once, though the decision's day is unchanged.
        step("appeals.officer", application, "{\"action\": \"LODGE_APPEAL\", \"level\": \"ADMINISTRATIVE\", \"lodgedOn\": \"%s\"}".formatted(today()));
        assertThat(status(kazakh)).as("an appeal pending: the refusal still stands").isEqualTo("VALID");
        step("appeals.officer", application, """
                {"action": "DECIDE_APPEAL", "outcome": "UPHELD", "remedy": "GRANT_STATUS", "decidedOn": "%s"}""".formatted(today()));
        assertThat(List.of(status(russian), status(kazakh), status(reprint))).containsExactly("REVOKED", "REVOKED", "REVOKED");
        String granted = ok("registration.officer", "/api/v1/persons/" + applicant + "/issued-documents", letterRequest.formatted(application, "ru"));
        assertThat(status(granted)).isEqualTo("VALID");
        assertThat(pdfText("registration.officer", JsonPath.read(granted, "$.id"))).doesNotContain("The account of the arrest is not credible.");
    }

    @Test
    void aBorderOfficerPrintsTheReferralSlipWhichTheApplicationReplaces() throws Exception {
        String encounter = ok("border.officer", "/api/v1/border/encounters", """
                {"person": {"jurisdiction": "KAZ", "names": [{"given": "Farid", "family": "Sadeghi", "script": "Latn", "kind": "DECLARED"},
                                                             {"given": "فرید", "family": "صادقی", "script": "Arab", "kind": "DECLARED"}],
                            "sex": "MALE", "birthDate": "1994-01-01", "birthDatePrecision": "YEAR", "nationalities": ["AFG"]},
                 "encounteredAt": "%s", "borderPoint": "KAZ-KHORGOS", "arrival": "CROSSING_POINT", "asylumIntentExpressed": true}"""
                .formatted(clock.instant().minusSeconds(3600)));
        String person = JsonPath.read(encounter, "$.personId");
        String referral = JsonPath.read(encounter, "$.referral.id");
        String slipRequest = "{\"type\": \"BORDER_REFERRAL_SLIP\", \"referralId\": \"%s\", \"language\": \"ru\"}".formatted(referral);

        assertThat(send("registration.officer", "/api/v1/persons/" + person + "/issued-documents", slipRequest).getStatus())
                .as("the asylum authority does not print the border's slip").isEqualTo(403);
        assertThat(send("border.officer", "/api/v1/persons/" + person + "/issued-documents", slipRequest.replace("referralId", "applicationId")
                .replace("BORDER_REFERRAL_SLIP", "ASYLUM_SEEKER_CERTIFICATE")).getStatus()).as("nor the border the asylum authority's certificate")
                .isEqualTo(403);
        assertThat(send("border.officer", "/api/v1/persons/" + person + "/issued-documents", slipRequest.replace(referral, UUID.randomUUID().toString()))
                .getStatus()).as("no such referral").isEqualTo(404);

        String stranger = person("Hoda", "Хода", "1991-07-07");
        MockHttpServletResponse othersReferral = send("border.officer", "/api/v1/persons/" + stranger + "/issued-documents", slipRequest);
        assertThat(othersReferral.getStatus()).as("the referral is another person's").isEqualTo(422);
        assertThat(othersReferral.getContentAsString()).contains("referralId");
        assertThat(send("border.officer", "/api/v1/persons/" + person + "/issued-documents", slipRequest.replace("\"ru\"", "\"fa\"")).getStatus())
                .as("a language there is no template for").isEqualTo(422);
        assertThat(JsonPath.<List<Object>>read(mvc.perform(get("/api/v1/persons/" + person + "/issued-documents")
                .header("Authorization", TestApi.bearer(mvc, "border.officer"))).andReturn().getResponse().getContentAsString(), "$"))
                .as("nothing issued by the refused requests").isEmpty();

        String slip = ok("border.officer", "/api/v1/persons/" + person + "/issued-documents", slipRequest);
        assertThat((String) JsonPath.read(slip, "$.number")).matches("KAZ-BR-\\d{6}-[0-9A-F]{8}");
        assertThat((Object) JsonPath.read(slip, "$.validUntil")).as("until the certificate replaces it, however late the hand-over").isNull();
        assertThat(status(slip)).isEqualTo("VALID");
        assertThat(pdfText("border.officer", JsonPath.read(slip, "$.id")))
                .contains("Направление пограничной службы", "Farid", "Nur Zholy (Khorgos)", "принцип невысылки");

        String application = JsonPath.read(ok("registration.officer", "/api/v1/asylum/applications", """
                {"personId": "%s", "lodgedOn": "%s", "lodgedAt": "Almaty", "referralId": "%s"}""".formatted(person, today(), referral)), "$.id");
        assertThat(status(slip)).as("an application was opened from the referral").isEqualTo("REPLACED");
        MockHttpServletResponse again = send("border.officer", "/api/v1/persons/" + person + "/issued-documents", slipRequest);
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getContentAsString()).contains("asylum-seeker certificate");

        step("registration.officer", application, "{\"action\": \"REGISTER\", \"registeredOn\": \"%s\"}".formatted(today()));
        String certificate = issue(person, application, "ru", "A4");
        List<String> borderSees = JsonPath.read(mvc.perform(get("/api/v1/persons/" + person + "/issued-documents")
                .header("Authorization", TestApi.bearer(mvc, "border.officer"))).andReturn().getResponse().getContentAsString(), "$[*].type");
        assertThat(borderSees).as("a border officer sees the slips, not the asylum procedure's papers").containsExactly("BORDER_REFERRAL_SLIP");
        assertThat(mvc.perform(get("/api/v1/issued-documents/" + JsonPath.read(certificate, "$.id") + ".pdf")
                .header("Authorization", TestApi.bearer(mvc, "border.officer"))).andReturn().getResponse().getStatus()).isEqualTo(404);
        List<String> registrarSees = JsonPath.read(mvc.perform(get("/api/v1/persons/" + person + "/issued-documents")
                .header("Authorization", TestApi.bearer(mvc, "registration.officer"))).andReturn().getResponse().getContentAsString(), "$[*].status");
        assertThat(registrarSees).containsExactly("VALID", "REPLACED");
    }

    @Test
    void theBorderOfficersRegistryPageOffersTheSlip() throws Exception {
        String encounter = ok("border.officer", "/api/v1/border/encounters", """
                {"person": {"jurisdiction": "KAZ", "names": [{"given": "Omid", "family": "Karimi", "script": "Latn", "kind": "DECLARED"}],
                            "sex": "MALE", "birthDate": "1999-01-01", "birthDatePrecision": "YEAR", "nationalities": ["IRN"]},
                 "encounteredAt": "%s", "borderPoint": "KAZ-KHORGOS", "arrival": "CROSSING_POINT", "asylumIntentExpressed": true}"""
                .formatted(clock.instant().minusSeconds(600)));
        String person = JsonPath.read(encounter, "$.personId");
        String referral = JsonPath.read(encounter, "$.referral.id");
        PageSessions pages = new PageSessions(mvc);
        var page = pages.page("border.officer", "/persons/" + person + "/documents");
        assertThat(page.select("#certificate option").eachAttr("value")).containsExactly("BORDER_REFERRAL_SLIP:" + referral);
        assertThat(pages.page("border.officer", "/persons/" + person).select("[data-testid=issued-documents-link]")).hasSize(1);
        List<String> slipLinks = new java.util.ArrayList<>();
        for (int n = 0; n < 50 && !slipLinks.contains("/persons/" + person + "/documents"); n++) {
            var list = pages.page("border.officer", "/border/encounters?page=" + n);
            if (list.select("[data-testid=referral-status]").isEmpty()) break;
            slipLinks.addAll(list.select("[data-testid=print-slip]").eachAttr("href"));
        }
        assertThat(slipLinks).as("the officer's encounters link to the slip").contains("/persons/" + person + "/documents");

        MockHttpServletResponse card = pages.perform("border.officer", post("/persons/" + person + "/documents")
                .param("certificate", "BORDER_REFERRAL_SLIP:" + referral).param("language", "kk").param("layout", "ID1"));
        assertThat(card.getStatus()).isEqualTo(422);
        assertThat(org.jsoup.Jsoup.parse(card.getContentAsString()).select("[data-error=layout]").text()).contains("A4");
        MockHttpServletResponse issued = pages.perform("border.officer", post("/persons/" + person + "/documents")
                .param("certificate", "BORDER_REFERRAL_SLIP:" + referral).param("language", "kk").param("layout", "A4"));
        assertThat(issued.getStatus()).isEqualTo(302);
        assertThat(pages.page("border.officer", issued.getRedirectedUrl()).select("[data-testid=document]").eachAttr("data-status"))
                .containsExactly("VALID");
    }
}
