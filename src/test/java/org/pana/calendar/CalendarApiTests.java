package org.pana.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser
class CalendarApiTests {

    private static final String KAZ = "/api/v1/calendar/KAZ";

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Test
    void addsWorkingDaysAsInTheApiContractExample() throws Exception {
        mvc.perform(get(KAZ + "/add-working-days").param("from", "2026-03-20").param("days", "5"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(content().json("""
                        {"from": "2026-03-20", "days": 5, "date": "2026-04-01"}""", JsonCompareMode.STRICT));
    }

    @Test
    void givesTheStartDateBackForZeroDays() throws Exception {
        mvc.perform(get(KAZ + "/add-working-days").param("from", "2026-03-21").param("days", "0"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value("2026-03-21"));
    }

    @Test
    void acceptsTheJurisdictionCodeInLowerCase() throws Exception {
        mvc.perform(get("/api/v1/calendar/kaz/holidays").param("year", "2026"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jurisdiction").value("KAZ"));
    }

    @Test
    void listsTheYearsHolidaysAndMovedDaysOffWithTheirNamesInThreeLanguages() throws Exception {
        mvc.perform(get(KAZ + "/holidays").param("year", "2026"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.jurisdiction").value("KAZ"))
                .andExpect(jsonPath("$.year").value(2026))
                .andExpect(jsonPath("$.items", hasSize(21)))
                .andExpect(jsonPath("$.items[0].date").value("2026-01-01"))
                .andExpect(jsonPath("$.items[0].kind").value("PUBLIC_HOLIDAY"))
                .andExpect(jsonPath("$.items[0].name").value("New Year"))
                .andExpect(jsonPath("$.items[?(@.date == '2026-03-24')].kind").value(hasItem("MOVED_DAY_OFF")))
                .andExpect(jsonPath("$.items[?(@.date == '2026-03-24')].movedFrom").value(hasItem("2026-03-21")))
                .andExpect(jsonPath("$.items[?(@.date == '2026-03-25')].movedFrom").value(hasItem("2026-03-22")))
                .andExpect(jsonPath("$.items[?(@.date == '2026-05-27')].names.en").value(hasItem("Kurban Ait (first day)")))
                .andExpect(jsonPath("$.items[?(@.date == '2026-05-27')].names.ru").value(hasItem("Курбан айт (первый день)")))
                .andExpect(jsonPath("$.items[?(@.date == '2026-05-27')].names.kk").value(hasItem("Құрбан айт (бірінші күні)")))
                .andExpect(jsonPath("$.items[?(@.date == '2026-05-27')].basis").value(hasItem(containsString("[C]"))));
    }

    @Test
    void namesHolidaysInTheLanguageTheCallerChose() throws Exception {
        mvc.perform(get(KAZ + "/holidays").param("year", "2026").param("lang", "kk"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].name").value("Жаңа жыл"));
    }

    @Test
    void listsTheCurrentYearWhenNoYearIsGiven() throws Exception {
        int thisYear = LocalDate.now(clock.withZone(ZoneId.of("Asia/Almaty"))).getYear();
        MvcResult result = mvc.perform(get(KAZ + "/holidays")).andReturn();

        if (thisYear >= 2025 && thisYear <= 2027) {
            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            assertThat(result.getResponse().getContentAsString()).contains("\"year\":" + thisYear);
        } else {
            assertThat(result.getResponse().getStatus()).isEqualTo(422);
        }
    }

    @Test
    void listsTheDeadlineRulesWithTheirBasisAndWhetherTheyAreConfirmed() throws Exception {
        mvc.perform(get(KAZ + "/deadline-rules"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jurisdiction").value("KAZ"))
                .andExpect(jsonPath("$.items", hasSize(11)))
                .andExpect(jsonPath("$.items[?(@.step == 'NOTIFICATION')].amount").value(hasItem(5)))
                .andExpect(jsonPath("$.items[?(@.step == 'NOTIFICATION')].unit").value(hasItem("WORKING_DAYS")))
                .andExpect(jsonPath("$.items[?(@.step == 'NOTIFICATION')].confirmed").value(hasItem(false)))
                .andExpect(jsonPath("$.items[?(@.step == 'BORDER_HANDOVER')].unit").value(hasItem("HOURS")))
                .andExpect(jsonPath("$.items[?(@.step == 'BORDER_HANDOVER')].amount").value(hasItem(72)))
                .andExpect(jsonPath("$.items[?(@.step == 'FINGERPRINTING')].confirmed").value(hasItem(true)))
                .andExpect(jsonPath("$.items[?(@.step == 'FINGERPRINTING')].basis").value(hasItem(containsString("Art. 11(1)"))))
                .andExpect(jsonPath("$.items[?(@.step == 'EXTENSION_INVITATION')].direction").value(hasItem("BEFORE")))
                .andExpect(jsonPath("$.items[?(@.step == 'DECISION')].procedure").value(hasItem("ASYLUM")));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "/add-working-days?days=5                         | 400 | ",
        "/add-working-days?from=&days=5                   | 400 | ",
        "/add-working-days?from=20.03.2026&days=5         | 400 | ",
        "/add-working-days?from=2026-02-30&days=5         | 400 | ",
        "/add-working-days?from=2026-03-20                | 400 | ",
        "/add-working-days?from=2026-03-20&days=          | 400 | ",
        "/add-working-days?from=2026-03-20&days=five      | 400 | ",
        "/add-working-days?from=2026-03-20&days=2.5       | 400 | ",
        "/add-working-days?from=2026-03-20&days=99999999999 | 400 | ",
        "/add-working-days?from=2026-03-20&days=-1        | 422 | urn:pana:problem:validation",
        "/add-working-days?from=2026-03-20&days=3651      | 422 | urn:pana:problem:validation",
        "/add-working-days?from=2027-12-20&days=30        | 422 | urn:pana:problem:holiday-data-missing",
        "/add-working-days?from=2030-01-10&days=1         | 422 | urn:pana:problem:holiday-data-missing",
        "/holidays?year=twenty                            | 400 | ",
        "/holidays?year=2030                              | 422 | urn:pana:problem:holiday-data-missing",
        "/holidays?year=-1                                | 422 | urn:pana:problem:holiday-data-missing",
    })
    void answersBadInputWithAProblem(String query, int status, String type) throws Exception {
        MvcResult result = mvc.perform(get(KAZ + query.strip())).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        String body = result.getResponse().getContentAsString();
        assertThat(body).contains("\"status\":" + status);
        if (type != null) assertThat(body).contains("\"type\":\"" + type + "\"");
    }

    @Test
    void namesTheFieldWhenTheNumberOfDaysIsOutOfRange() throws Exception {
        mvc.perform(get(KAZ + "/add-working-days").param("from", "2026-03-20").param("days", "-3"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("days"));
    }

    @ParameterizedTest
    @CsvSource({
        "/api/v1/calendar/XYZ/add-working-days?from=2026-03-20&days=5",
        "/api/v1/calendar/XYZ/holidays?year=2026",
        "/api/v1/calendar/XYZ/deadline-rules",
        "/api/v1/calendar/KAZAKHSTAN/deadline-rules",
    })
    void answersNotFoundForAnUnknownJurisdiction(String path) throws Exception {
        mvc.perform(get(path))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:pana:problem:not-found"));
    }

    @Test
    @WithAnonymousUser
    void refusesAnUnauthenticatedCaller() throws Exception {
        MvcResult result = mvc.perform(get(KAZ + "/add-working-days").param("from", "2026-03-20").param("days", "5"))
                .andReturn();

        int status = result.getResponse().getStatus();
        assertThat(status).as("401/403, or a redirect to the login").isBetween(300, 499);
        assertThat(result.getResponse().getContentAsString()).doesNotContain("2026-04-01");
    }
}
