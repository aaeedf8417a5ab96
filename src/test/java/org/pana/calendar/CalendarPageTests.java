package org.pana.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pana.calendar.SignedInOfficer.anOfficerOf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class CalendarPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Test
    void showsThe2026DaysOffWithNauryzAndItsMovedDaysOff() throws Exception {
        Document page = page("/calendar/KAZ?year=2026", 200);

        assertThat(page.select("h1").text()).contains("2026");
        assertThat(page.select("[data-testid=days-off] tbody tr")).hasSize(21);
        assertThat(row(page, "2026-03-21").text()).contains("Nauryz meiramy", "Saturday", "Public holiday");
        assertThat(row(page, "2026-03-23").text()).contains("Nauryz meiramy", "Monday");
        assertThat(row(page, "2026-03-24").attr("data-kind")).isEqualTo("MOVED_DAY_OFF");
        assertThat(row(page, "2026-03-24").text()).contains("Tuesday", "Nauryz meiramy", "moved from", "Moved day off");
        assertThat(row(page, "2026-03-25").text()).contains("Wednesday", "Moved day off");
        assertThat(row(page, "2026-05-27").text()).contains("Kurban Ait", "Wednesday");
        assertThat(row(page, "2026-12-16").text()).contains("Independence Day");
    }

    @Test
    void writesWeekdaysNamesAndKindsInRussian() throws Exception {
        Document page = page("/calendar/KAZ?year=2026&lang=ru", 200);

        assertThat(page.select("h1").text()).isEqualTo("Выходные и праздничные дни, 2026");
        assertThat(row(page, "2026-03-24").text()).contains("вторник", "Наурыз мейрамы", "Перенесённый выходной");
    }

    @Test
    void writesWeekdaysNamesAndKindsInKazakh() throws Exception {
        Document page = page("/calendar/KAZ?year=2026&lang=kk", 200);

        assertThat(row(page, "2026-03-24").text()).contains("сейсенбі", "Наурыз мейрамы", "Ауыстырылған демалыс күні");
        assertThat(row(page, "2026-05-27").text()).contains("Құрбан айт");
    }

    @Test
    void showsTheCallersJurisdictionInTheCurrentYearByDefault() throws Exception {
        int thisYear = LocalDate.now(clock.withZone(ZoneId.of("Asia/Almaty"))).getYear();
        boolean recorded = thisYear >= 2025 && thisYear <= 2027;

        Document page = page("/calendar", recorded ? 200 : 404);

        assertThat(page.select("h1").text()).contains(String.valueOf(thisYear));
        assertThat(page.select(".govuk-caption-l").text()).isEqualTo("Kazakhstan");
        assertThat(page.select("[data-testid=days-off]").isEmpty()).isEqualTo(!recorded);
    }

    @Test
    void linksToThePreviousAndNextRecordedYears() throws Exception {
        Document middle = page("/calendar/KAZ?year=2026", 200);
        Document first = page("/calendar/KAZ?year=2025", 200);

        assertThat(middle.select("[data-testid=previous-year]").attr("href")).isEqualTo("/calendar/KAZ?year=2025");
        assertThat(middle.select("[data-testid=next-year]").attr("href")).isEqualTo("/calendar/KAZ?year=2027");
        assertThat(middle.select(".govuk-pagination__item--current").text()).isEqualTo("2026");
        assertThat(first.select("[data-testid=previous-year]")).isEmpty();
    }

    @Test
    void saysSoWhenAYearsHolidaysAreNotRecorded() throws Exception {
        Document page = page("/calendar/KAZ?year=2031", 404);

        assertThat(page.select("[data-testid=no-data]").text()).contains("2031");
        assertThat(page.select("[data-testid=days-off]")).isEmpty();
        assertThat(page.select("[data-testid=previous-year]").attr("href")).isEqualTo("/calendar/KAZ?year=2027");
    }

    @Test
    void answersNotFoundForAnUnknownJurisdiction() throws Exception {
        MvcResult result = mvc.perform(asPage(get("/calendar/XYZ"))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void offersAnAddWorkingDaysFormThatWorksWithAndWithoutJavaScript() throws Exception {
        Element form = page("/calendar/KAZ?year=2026", 200).selectFirst("[data-testid=add-working-days-form]");

        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.attr("action")).isEqualTo("/calendar/KAZ/add-working-days");
        assertThat(form.attr("hx-get")).isEqualTo("/calendar/KAZ/add-working-days");
        assertThat(form.attr("hx-target")).isEqualTo("#add-working-days");
        assertThat(form.select("input[name=from]")).hasSize(1);
        assertThat(form.select("input[name=days]")).hasSize(1);
        assertThat(form.select("input[name=year]").val()).isEqualTo("2026");
    }

    @Test
    void answersTheFormWithTheWholePageWithoutJavaScript() throws Exception {
        Document page = page("/calendar/KAZ/add-working-days?from=2026-03-20&days=5&year=2026", 200);

        assertThat(page.select("[data-testid=add-working-days-result]").attr("data-date")).isEqualTo("2026-04-01");
        assertThat(page.select("[data-testid=add-working-days-result]").text()).contains("Wednesday, April 1, 2026");
        assertThat(page.select("[data-testid=days-off] tbody tr")).hasSize(21);
        assertThat(page.select("input[name=from]").val()).isEqualTo("2026-03-20");
    }

    @Test
    void answersTheFormWithOnlyItsFragmentForHtmx() throws Exception {
        Document fragment = htmx("/calendar/KAZ/add-working-days?from=2026-03-20&days=5&year=2026&lang=ru");

        assertThat(fragment.select("html > head > title")).isEmpty();
        assertThat(fragment.select("[data-testid=days-off]")).isEmpty();
        Element section = fragment.selectFirst("section#add-working-days");
        assertThat(section).isNotNull();
        assertThat(section.select("[data-testid=add-working-days-result]").attr("data-date")).isEqualTo("2026-04-01");
        assertThat(section.select("[data-testid=add-working-days-result]").text()).contains("среда, 1 апреля 2026");
    }

    @Test
    void showsEachFieldsErrorNextToItInTheFragment() throws Exception {
        Element section = htmx("/calendar/KAZ/add-working-days?from=&days=five&year=2026").selectFirst("section");

        assertThat(section.select("#from-error").text()).contains("Enter the start date");
        assertThat(section.select("#days-error").text()).contains("whole number");
        assertThat(section.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#from", "#days");
        assertThat(section.select("input[name=days]").val()).isEqualTo("five");
        assertThat(section.select("[data-testid=add-working-days-result]")).isEmpty();
    }

    @Test
    void refusesAStartDateThatDoesNotExist() throws Exception {
        Element section = htmx("/calendar/KAZ/add-working-days?from=2026-02-30&days=1&year=2026").selectFirst("section");

        assertThat(section.select("#from-error").text()).contains("real date");
    }

    @Test
    void explainsThatWorkingDaysCannotBeCountedPastTheRecordedYears() throws Exception {
        Element section = htmx("/calendar/KAZ/add-working-days?from=2027-12-20&days=30&year=2027").selectFirst("section");

        assertThat(section.select("[data-testid=beyond-data]").text()).contains("2025", "2027");
        assertThat(section.select("[data-testid=add-working-days-result]")).isEmpty();
    }

    @Test
    void refusesAVisitorWhoIsNotSignedIn() throws Exception {
        MvcResult result = mvc.perform(get("/calendar/KAZ").accept(MediaType.TEXT_HTML)).andReturn();

        assertThat(result.getResponse().getStatus()).as("a redirect to the login, or 401/403").isBetween(300, 499);
        assertThat(result.getResponse().getContentAsString()).doesNotContain("Nauryz");
    }

    private Document page(String path, int expectedStatus) throws Exception {
        MvcResult result = mvc.perform(asPage(get(path))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(expectedStatus);
        assertThat(result.getResponse().getContentType()).startsWith("text/html");
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    private Document htmx(String path) throws Exception {
        MvcResult result = mvc.perform(asPage(get(path)).header("HX-Request", "true")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String body = result.getResponse().getContentAsString();
        assertThat(body).doesNotContain("<html", "govuk-header");
        return Jsoup.parse(body);
    }

    private static MockHttpServletRequestBuilder asPage(MockHttpServletRequestBuilder request) {
        return request.accept(MediaType.TEXT_HTML).with(anOfficerOf("KAZ"));
    }

    private static Element row(Document page, String date) {
        Element row = page.selectFirst("[data-testid=days-off] tr[data-date=" + date + "]");
        assertThat(row).as("row of " + date).isNotNull();
        return row;
    }
}
