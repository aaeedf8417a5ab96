package org.pana.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pana.registration.PersonFixtures.aPerson;
import static org.pana.registration.PersonFixtures.create;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** issue 3 "Bad input" through the API: each answers 422 with the field named, and nothing is saved. */
@SpringBootTest
@AutoConfigureMockMvc
class PersonBadInputTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    String officer;

    @BeforeEach
    void signIn() throws Exception {
        officer = TestApi.bearer(mvc, "registration.officer");
    }

    private long people() {
        return jdbc.sql("SELECT count(*) FROM registration_person").query(Long.class).single();
    }

    private void assertRefused(String body, String field) throws Exception {
        long before = people();
        MockHttpServletResponse response = create(mvc, officer, body);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(422);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat((List<String>) JsonPath.read(response.getContentAsString(), "$.errors[*].field")).contains(field);
        assertThat(response.getContentAsString()).doesNotContain("Exception").doesNotContain("org.");
        assertThat(people()).isEqualTo(before);
    }

    @Test
    void refusesAnUnknownScript() throws Exception {
        assertRefused(aPerson().replace("\"Cyrl\"", "\"Klin\""), "names[0].script");
    }

    @Test
    void refusesAnUnknownNationality() throws Exception {
        assertRefused(aPerson().replace("[\"AFG\"]", "[\"AFG\", \"ZZZ\"]"), "nationalities[1]");
    }

    @Test
    void acceptsStatelessAndUnknownNationality() throws Exception {
        assertThat(create(mvc, officer, aPerson().replace("[\"AFG\"]", "[\"XXA\", \"XXX\"]")).getStatus()).isEqualTo(201);
    }

    @Test
    void refusesAnUnknownIssuingCountry() throws Exception {
        assertRefused(aPerson().replace("\"issuingCountry\": \"AFG\"", "\"issuingCountry\": \"QQQ\""), "documents[0].issuingCountry");
    }

    @Test
    void refusesAnUnknownLanguage() throws Exception {
        assertRefused(aPerson().replace("\"prs\"", "\"xqz\""), "languages[0]");
    }

    @Test
    void refusesABirthDateInTheFuture() throws Exception {
        assertRefused(aPerson().replace("1990-01-01", "2999-01-01"), "birthDate");
    }

    @Test
    void refusesTheThirtiethOfFebruary() throws Exception {
        assertRefused(aPerson().replace("1990-01-01", "2026-02-30"), "birthDate");
    }

    @Test
    void refusesANameOfTenThousandCharacters() throws Exception {
        assertRefused(aPerson().replace("\"Мухаммад\"", "\"" + "М".repeat(10_000) + "\""), "names[0].given");
    }

    @ParameterizedTest
    @CsvSource({"\\u0000", "\\u0007", "\\u001b", "\\u202e", "\\u202d", "\\u2066", "\\u2069", "\\u2028", "\\u0085"})
    void refusesControlCharactersAndDirectionOverridesInAName(String escape) throws Exception {
        assertRefused(aPerson().replace("\"Карими\"", "\"Кари" + escape + "ми\""), "names[0].family");
    }

    @Test
    void keepsTheZeroWidthNonJoinerOfPersianNames() throws Exception {
        MockHttpServletResponse response = create(mvc, officer, aPerson().replace("\"کریمی\"", "\"می\\u200cخواهم\""));
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat((String) JsonPath.read(response.getContentAsString(), "$.names[1].family")).isEqualTo("می\u200cخواهم");
    }

    @Test
    void refusesAnUnknownSpecificNeedCode() throws Exception {
        assertRefused(aPerson().replace("\"specificNeeds\": []", "\"specificNeeds\": [\"XX-YY\"]"), "specificNeeds[0]");
    }

    @Test
    void refusesAnUnknownSexAsAFieldError() throws Exception {
        assertRefused(aPerson().replace("\"MALE\"", "\"BOTH\""), "sex");
    }

    @Test
    void refusesAPersonWithoutAName() throws Exception {
        assertRefused("{\"names\": [], \"sex\": \"MALE\"}", "names");
    }

    @Test
    void refusesADocumentThatExpiresBeforeItWasIssued() throws Exception {
        assertRefused(aPerson().replace("\"expiresOn\": \"2027-01-31\"", "\"issuedOn\": \"2020-01-01\", \"expiresOn\": \"2019-01-01\""),
                "documents[0].expiresOn");
    }

    @Test
    void answersMalformedJsonWith400() throws Exception {
        MockHttpServletResponse response = create(mvc, officer, "{\"names\": [");
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesBadInputInAPatchLikeInACreate() throws Exception {
        String id = PersonFixtures.register(mvc, officer, aPerson());
        for (String patch : List.of("{\"reason\": \"r\", \"birthDate\": \"2026-02-30\"}",
                "{\"reason\": \"r\", \"names\": [{\"given\": \"A\\u202eB\", \"script\": \"Latn\", \"kind\": \"ALIAS\"}]}",
                "{\"reason\": \"r\", \"nationalities\": [\"ZZZ\"]}", "{\"reason\": \"r\", \"names\": null}",
                "{\"reason\": \"r\", \"names\": \"Karimi\"}", "{\"reason\": \"\\u202e\", \"occupation\": \"Cook\"}")) {
            MockHttpServletResponse response = PersonFixtures.change(mvc, officer, id, "\"0\"", patch);
            assertThat(response.getStatus()).as(patch).isEqualTo(422);
        }
        assertThat(jdbc.sql("SELECT version FROM registration_person WHERE id = :id").param("id", UUID.fromString(id)).query(Long.class).single())
                .isZero();
    }
}
