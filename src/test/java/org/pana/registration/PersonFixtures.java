package org.pana.registration;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** People for tests, as the API takes them, and calls of the person API. */
final class PersonFixtures {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    private PersonFixtures() {}

    /** A person in three scripts, with a passport whose number is unique to this call. */
    static String aPerson() {
        return aPersonNamed("Мухаммад", "Карими");
    }

    static String aPersonNamed(String given, String family) {
        return """
                {"jurisdiction": "KAZ",
                 "names": [{"given": "%s", "family": "%s", "patronymic": "Ахмадович", "script": "Cyrl", "kind": "DOCUMENT"},
                           {"given": "محمد", "family": "کریمی", "script": "Arab", "kind": "DECLARED"}],
                 "sex": "MALE", "birthDate": "1990-01-01", "birthDatePrecision": "YEAR",
                 "nationalities": ["AFG"], "languages": ["prs", "rus"],
                 "documents": [{"type": "PASSPORT", "number": "%s", "issuingCountry": "AFG", "expiresOn": "2027-01-31"}],
                 "specificNeeds": []}""".formatted(given, family, uniqueDocumentNumber());
    }

    /** A person with every field group filled in, sensitive ones included. */
    static String aPersonWithSensitiveFields(String ethnicity, String religion) {
        return """
                {"names": [{"given": "Zahra", "family": "Ahmadi", "script": "Latn", "kind": "DECLARED"}],
                 "sex": "FEMALE", "birthDate": "1985-06-15", "birthDatePrecision": "DAY", "placeOfBirth": "Herat",
                 "nationalities": ["AFG"], "languages": ["fa"], "maritalStatus": "WIDOWED", "education": "SECONDARY",
                 "occupation": "Teacher", "contact": {"phone": "+7 701 000 00 00", "email": "zahra@example.org"},
                 "address": {"region": "Almaty", "locality": "Almaty", "line": "Street 1"},
                 "documents": [{"type": "NATIONAL_ID", "number": "%s", "issuingCountry": "AFG", "issuedOn": "2015-01-01"}],
                 "specificNeeds": ["WR-SF", "SV-VA", "SM-CI"], "ethnicity": "%s", "religion": "%s"}"""
                .formatted(uniqueDocumentNumber(), ethnicity, religion);
    }

    static String uniqueDocumentNumber() {
        return "P" + System.nanoTime() % 100_000_000 + SERIAL.incrementAndGet();
    }

    static MockHttpServletResponse create(MockMvc mvc, String token, String body) throws Exception {
        return mvc.perform(post("/api/v1/persons").header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
    }

    /** Registers a person and returns its id. */
    static String register(MockMvc mvc, String token, String body) throws Exception {
        MockHttpServletResponse response = create(mvc, token, body);
        if (response.getStatus() != 201) throw new AssertionError("create answered " + response.getStatus() + ": " + response.getContentAsString());
        return JsonPath.read(response.getContentAsString(), "$.id");
    }

    static MockHttpServletResponse read(MockMvc mvc, String token, String id) throws Exception {
        return mvc.perform(get("/api/v1/persons/" + id).header("Authorization", token)).andReturn().getResponse();
    }

    static MockHttpServletResponse change(MockMvc mvc, String token, String id, String ifMatch, String body) throws Exception {
        var request = patch("/api/v1/persons/" + id).header("Authorization", token)
                .contentType(MediaType.parseMediaType("application/merge-patch+json")).content(body);
        if (ifMatch != null) request.header("If-Match", ifMatch);
        return mvc.perform(request).andReturn().getResponse();
    }
}
