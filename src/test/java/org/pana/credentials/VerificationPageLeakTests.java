package org.pana.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pana.calendar.WorkingCalendar;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public verification page leaks nothing beyond the printed fields it shows (issue 6): a person registered with
 * every field group filled in gets a certificate; the page, in every language and as JSON, contains none of the
 * values of the person's full record except the printed names.
 */
@SpringBootTest
@AutoConfigureMockMvc
class VerificationPageLeakTests {

    @Autowired MockMvc mvc;
    @Autowired IssuedDocuments documents;
    @Autowired WorkingCalendar calendar;

    @Test
    void thePageShowsTheNamesAsPrintedAndNoOtherValueOfThePersonsRecord() throws Exception {
        String officer = TestApi.bearer(mvc, "registration.officer");
        MockHttpServletResponse created = mvc.perform(post("/api/v1/persons").header("Authorization", officer).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"jurisdiction": "KAZ",
                         "names": [{"given": "Golnaz", "family": "Yousefzadeh", "script": "Latn", "kind": "DECLARED"},
                                   {"given": "Гольназ", "family": "Юсефзаде", "patronymic": "Бахрамовна", "script": "Cyrl", "kind": "DOCUMENT"}],
                         "sex": "FEMALE", "birthDate": "1987-03-21", "birthDatePrecision": "DAY", "placeOfBirth": "Mazar-i-Sharif",
                         "nationalities": ["AFG"], "languages": ["prs", "rus"], "maritalStatus": "WIDOWED", "education": "SECONDARY",
                         "occupation": "Midwife", "contact": {"phone": "+7 701 555 12 34", "email": "golnaz.leak@example.org"},
                         "address": {"region": "Almaty", "locality": "Turksib", "line": "Suyunbay 77"},
                         "documents": [{"type": "PASSPORT", "number": "P99887766", "issuingCountry": "AFG", "expiresOn": "2029-05-31"}],
                         "specificNeeds": ["WR-SF", "SV-VA", "SM-CI"], "ethnicity": "Hazara", "religion": "Shia Islam"}"""))
                .andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        String id = JsonPath.read(created.getContentAsString(), "$.id");
        String record = mvc.perform(get("/api/v1/persons/" + id).header("Authorization", officer)).andReturn().getResponse().getContentAsString();

        var today = calendar.today("KAZ");
        PrintedDocument printed = Printed.certificate("KAZ-AS-424242", today, today.plusDays(90), Printed.PHOTO,
                new PrintedDocument.PrintedName("Latn", "Golnaz Yousefzadeh"), new PrintedDocument.PrintedName("Cyrl", "Гольназ Юсефзаде Бахрамовна"));
        String code = documents.codeFor(printed);
        documents.record(Printed.withUrl(printed, code), UUID.fromString(id), "ASYLUM_CERTIFICATE", UUID.randomUUID(), Printed.FAKE_PDF, "registration.officer");

        // The printed names, and the jurisdiction, which is printed as the start of the document number.
        List<String> printedNameParts = List.of("Golnaz", "Yousefzadeh", "Гольназ", "Юсефзаде", "Бахрамовна", "KAZ");
        List<String> recorded = new ArrayList<>();
        collect(JsonPath.read(record, "$"), recorded);
        List<String> mustNotAppear = recorded.stream().filter(v -> v.length() >= 3).filter(v -> !printedNameParts.contains(v)).distinct().toList();
        assertThat(mustNotAppear).as("the record has many values to look for").hasSizeGreaterThan(20)
                .contains("Mazar-i-Sharif", "+7 701 555 12 34", "P99887766", "Hazara", "Shia Islam", "1987-03-21", id);

        for (String lang : List.of("en", "ru", "kk")) {
            String html = mvc.perform(get("/VERIFY/{code}", code).param("lang", lang)).andReturn().getResponse().getContentAsString();
            assertThat(html).contains("data-status=\"VALID\"", "Golnaz Yousefzadeh", "Гольназ Юсефзаде Бахрамовна", "KAZ-AS-424242");
            List<String> shown = mustNotAppear.stream().filter(html::contains).toList();
            assertThat(shown).as("%s page shows recorded values", lang).isEmpty();
            assertThat(html).doesNotContain("21.03.1987").doesNotContain("1987").doesNotContain("Migration Service");
        }
        String json = mvc.perform(get("/verify/{code}", code).header("Accept", "application/json")).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Map<String, Object>>read(json, "$").keySet()).containsExactly("status", "type", "number", "validUntil");
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object node, List<String> values) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, values));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collect(v, values));
        } else if (node != null && !(node instanceof Boolean)) {
            values.add(String.valueOf(node));
        }
    }
}
