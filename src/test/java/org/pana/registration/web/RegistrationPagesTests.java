package org.pana.registration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The registration pages as officers use them, signed in through the real sign-in form: registering
 * with the duplicate check first, field errors next to the fields, changes with a reason and the
 * version seen, search by POST only, need-to-know (403, 404, sensitive fields absent) and escaping.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RegistrationPagesTests {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    /** Signed in once per user for the whole class (bcrypt is slow on purpose). */
    private static final Map<String, Cookie> sessions = new java.util.concurrent.ConcurrentHashMap<>();

    // ---- register ----

    @Test
    void registersAPersonWithNoCandidateStraightAwayAndShowsTheSuccessBanner() throws Exception {
        Map<String, String> form = personForm("Xantiporvel", "Quembryzant", "Latn", "1961", "4", "17");
        MockHttpServletResponse response = perform("registration.officer", post("/persons/new").params(multi(form)));

        assertThat(response.getStatus()).isEqualTo(302);
        String location = response.getRedirectedUrl();
        assertThat(location).matches("/persons/[0-9a-f-]{36}");
        Document page = page("registration.officer", location);
        assertThat(page.select(".govuk-notification-banner--success").text()).contains("Registered as KAZ-");
        assertThat(page.select("[data-testid=names]").text()).contains("Xantiporvel").contains("Quembryzant");
        assertThat(page.select("[data-testid=facts]").text()).contains("17 April 1961").contains("Afghanistan").contains("Dari, Russian");
        UUID id = UUID.fromString(location.substring("/persons/".length()));
        assertThat(countBySubject("SELECT count(*) FROM audit_event WHERE action = 'PERSON_REGISTERED' AND subject_id = :id", id)).isEqualTo(1);
    }

    @Test
    void showsDuplicateCandidatesBeforeSavingAndRegistersOnlyWhenTheOfficerConfirmsADifferentPerson() throws Exception {
        String day = String.valueOf(1 + new Random(SERIAL.incrementAndGet()).nextInt(27));
        UUID first = registerThroughThePage(personForm("Farrukh", "Nazarbekov", "Latn", "1977", "9", day));

        Map<String, String> cyrillic = personForm("Фаррух", "Назарбеков", "Cyrl", "1977", "9", day);
        long before = count("SELECT count(*) FROM registration_person WHERE registration_number IS NOT NULL", null);
        MockHttpServletResponse checked = perform("registration.officer", post("/persons/new").params(multi(cyrillic)));

        assertThat(checked.getStatus()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM registration_person WHERE registration_number IS NOT NULL", null)).as("nothing saved").isEqualTo(before);
        Document page = Jsoup.parse(checked.getContentAsString());
        Element candidate = page.selectFirst("[data-testid=candidate][data-person=" + first + "]");
        assertThat(candidate).as("the first registration is a candidate").isNotNull();
        assertThat(candidate.select("[data-testid=candidate-link]").attr("href")).isEqualTo("/persons/" + first);
        assertThat(candidate.text()).contains("Farrukh").contains("%");
        assertThat(candidate.select("li").size()).as("reasons").isPositive();
        assertThat(page.select("#names-0-given").attr("value")).as("the form keeps what was typed").isEqualTo("Фаррух");
        String digest = page.select("[data-testid=confirm-different]").attr("value");
        assertThat(digest).hasSize(64);

        // Confirming after changing the details checks again instead of registering what was not checked.
        Map<String, String> changed = new HashMap<>(cyrillic);
        changed.put("names[0].family", "Назарбеков-Ли");
        MockHttpServletResponse rechecked = perform("registration.officer", post("/persons/new").params(multi(changed)).param("confirmed", digest));
        assertThat(rechecked.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(rechecked.getContentAsString()).select("[data-testid=duplicate-candidates]")).hasSize(1);

        MockHttpServletResponse confirmed = perform("registration.officer", post("/persons/new").params(multi(cyrillic)).param("confirmed", digest));
        assertThat(confirmed.getStatus()).isEqualTo(302);
        assertThat(confirmed.getRedirectedUrl()).startsWith("/persons/").isNotEqualTo("/persons/" + first);
        assertThat(count("SELECT count(*) FROM registration_person WHERE registration_number IS NOT NULL", null)).isEqualTo(before + 1);
    }

    @Test
    void showsFieldErrorsNextToTheirFieldsAndInTheSummaryAndSavesNothing() throws Exception {
        Map<String, String> form = personForm("Errorina", "Fieldova", "Latn", "1990", "2", "30");
        // The first document row is left blank; the problem belongs to the second row as the officer sees it.
        form.put("documents[1].type", "PASSPORT");
        form.put("documents[1].number", "");
        form.put("documents[1].issuingCountry", "AFG");
        form.put("names[0].script", "Grek");
        long before = count("SELECT count(*) FROM registration_person WHERE registration_number IS NOT NULL", null);

        MockHttpServletResponse response = perform("registration.officer", post("/persons/new").params(multi(form)));

        assertThat(response.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select("[data-testid=error-summary] a").eachAttr("href"))
                .contains("#birthDate", "#documents-1-number", "#names-0-script");
        assertThat(page.select("#birthDate-error").text()).contains("real date");
        Element numberGroup = page.selectFirst("#documents-1-number").parent();
        assertThat(numberGroup.hasClass("govuk-form-group--error")).isTrue();
        assertThat(numberGroup.select(".govuk-error-message").text()).contains("document number");
        assertThat(page.selectFirst("#names-0-script").parent().hasClass("govuk-form-group--error")).isTrue();
        assertThat(page.selectFirst("#documents-0-number").parent().hasClass("govuk-form-group--error")).isFalse();
        assertThat(page.select("#names-0-given").attr("value")).isEqualTo("Errorina");
        assertThat(page.select("#birthDay").attr("value")).isEqualTo("30");
        assertThat(count("SELECT count(*) FROM registration_person WHERE registration_number IS NOT NULL", null)).isEqualTo(before);
    }

    @Test
    void addsANameRowWithoutJavaScriptAndWithHtmx() throws Exception {
        Map<String, String> form = personForm("Rowan", "Addrow", "Latn", "1990", "", "");
        Document plain = Jsoup.parse(perform("registration.officer", post("/persons/new").params(multi(form)).param("add", "name"))
                .getContentAsString());
        assertThat(plain.select("[data-testid=name-rows] .pana-row")).hasSize(3);
        assertThat(plain.select("#names-0-given").attr("value")).isEqualTo("Rowan");
        assertThat(plain.select("[data-testid=add-name]").attr("hx-get")).isEqualTo("/persons/rows/name?index=3");

        Document row = Jsoup.parse(perform("registration.officer", get("/persons/rows/name").param("index", "4").header("HX-Request", "true"))
                .getContentAsString());
        assertThat(row.select("input[name='names[4].given']")).hasSize(1);
        assertThat(row.select("#add-name[hx-swap-oob] button").attr("hx-get")).isEqualTo("/persons/rows/name?index=5");
    }

    @Test
    void refusesAPostWithoutTheCsrfToken() throws Exception {
        MockHttpServletRequestBuilder request = post("/persons/new").params(multi(personForm("Csrf", "Less", "Latn", "1990", "", "")))
                .cookie(session("registration.officer"));
        assertThat(mvc.perform(request).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    // ---- person page and change ----

    @Test
    void showsThePersonWithEditLinkForWritersAndAuditsTheRead() throws Exception {
        String id = registerByApi(personJson("Karim", "Readerov", "Latn", "", List.of()));
        assertThat(perform("registration.officer", get("/persons/" + id)).getHeader("Cache-Control")).contains("no-store");
        Document page = page("registration.officer", "/persons/" + id);

        assertThat(page.select("[data-testid=registration-number]").text()).startsWith("KAZ-");
        assertThat(page.select("[data-testid=edit]").attr("href")).isEqualTo("/persons/" + id + "/edit");
        assertThat(page.select("[data-testid=names] td[dir=auto][lang=und-Latn]").text()).contains("Karim");
        assertThat(page.select("[data-testid=household-slot]")).hasSize(1);
        assertThat(page.select("[data-testid=photo-slot]")).hasSize(1);
        assertThat(page.select("[data-testid=history-entry]").text()).contains("Registered").contains("registration.officer");
        assertThat(countBySubject("SELECT count(*) FROM audit_event WHERE action = 'PERSON_READ' AND subject_id = :id AND outcome = 'SUCCESS'",
                UUID.fromString(id))).isEqualTo(2);
    }

    @Test
    void changesAPersonWithAReasonAndKeepsItInTheHistory() throws Exception {
        String id = registerByApi(personJson("Changeling", "Before", "Latn", "", List.of()));
        Document edit = page("registration.officer", "/persons/" + id + "/edit");
        Map<String, String> form = formValues(edit.selectFirst("[data-testid=edit-form]"));
        assertThat(form.get("version")).isEqualTo("0");
        form.put("names[0].family", "After");

        Document missingReason = Jsoup.parse(perform("registration.officer", post("/persons/" + id + "/edit").params(multi(form))).getContentAsString());
        assertThat(missingReason.selectFirst("#reason").parent().hasClass("govuk-form-group--error")).isTrue();
        assertThat(family(id)).isEqualTo("Before");

        form.put("reason", "Spelling corrected from the passport");
        MockHttpServletResponse saved = perform("registration.officer", post("/persons/" + id + "/edit").params(multi(form)));
        assertThat(saved.getRedirectedUrl()).isEqualTo("/persons/" + id);
        assertThat(family(id)).isEqualTo("After");
        Document page = page("registration.officer", "/persons/" + id);
        assertThat(page.select(".govuk-notification-banner--success").text()).contains("saved");
        assertThat(page.select("[data-testid=history-entry]").first().text()).contains("Changed").contains("Spelling corrected from the passport")
                .contains("After");
    }

    @Test
    void refusesAStaleChangeWithAClearMessageAndAReloadLinkAndOverwritesNothing() throws Exception {
        String id = registerByApi(personJson("Stale", "Original", "Latn", "", List.of()));
        Map<String, String> form = formValues(page("registration.officer", "/persons/" + id + "/edit").selectFirst("[data-testid=edit-form]"));
        // Someone else changes the person meanwhile.
        mvc.perform(patch("/api/v1/persons/" + id).header("Authorization", TestApi.bearer(mvc, "registration.officer"))
                .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON).content("{\"occupation\": \"Baker\", \"reason\": \"Interview\"}"))
                .andReturn();
        form.put("names[0].family", "Overwritten");
        form.put("reason", "My change");

        MockHttpServletResponse response = perform("registration.officer", post("/persons/" + id + "/edit").params(multi(form)));

        assertThat(response.getStatus()).isEqualTo(409);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select("[data-testid=stale-version]").text()).contains("Someone changed this record meanwhile");
        assertThat(page.select("[data-testid=reload]").attr("href")).isEqualTo("/persons/" + id + "/edit");
        assertThat(page.select("#names-0-family").attr("value")).as("what the officer typed is still there").isEqualTo("Overwritten");
        assertThat(family(id)).isEqualTo("Original");
        assertThat(jdbc.sql("SELECT occupation FROM registration_person WHERE id = :id").param("id", UUID.fromString(id)).query(String.class).single())
                .isEqualTo("Baker");
    }

    @Test
    void pagesTheHistoryWithHtmx() throws Exception {
        String id = registerByApi(personJson("Historia", "Pagina", "Latn", "", List.of()));
        String token = TestApi.bearer(mvc, "registration.officer");
        for (int version = 0; version < 14; version++) {
            mvc.perform(patch("/api/v1/persons/" + id).header("Authorization", token).header("If-Match", "\"" + version + "\"")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"occupation\": \"Job " + version + "\", \"reason\": \"r" + version + "\"}"));
        }
        Document page = page("registration.officer", "/persons/" + id);
        assertThat(page.select("[data-testid=history-entry]")).hasSize(10);
        Element more = page.selectFirst("[data-testid=history-more]");
        assertThat(more.attr("hx-get")).isEqualTo("/persons/" + id + "/history?page=1");
        assertThat(more.attr("href")).isEqualTo("/persons/" + id + "/history?page=1");

        Document rest = Jsoup.parse(perform("registration.officer", get(more.attr("hx-get")).header("HX-Request", "true")).getContentAsString());
        assertThat(rest.select("[data-testid=history-entry]")).hasSize(5);
        assertThat(rest.select("[data-testid=history-more]")).isEmpty();
        assertThat(rest.select("main")).as("a fragment, not a page").isEmpty();
        assertThat(rest.select("[data-testid=history-entry]").last().text()).contains("Registered");

        assertThat(page("registration.officer", "/persons/" + id + "/history?page=1").select("main [data-testid=history-entry]")).hasSize(5);
    }

    // ---- need-to-know ----

    @Test
    void refusesTheRegisterPageToOtherRolesAndHidesItsLinks() throws Exception {
        assertThat(perform("border.officer", get("/persons/new")).getStatus()).isEqualTo(403);
        assertThat(perform("border.officer", post("/persons/new").params(multi(personForm("No", "Way", "Latn", "1990", "", "")))).getStatus())
                .isEqualTo(403);
        assertThat(perform("statistician", get("/persons/search")).getStatus()).isEqualTo(403);
        assertThat(perform("auditor", get("/protection-review")).getStatus()).isEqualTo(403);
        assertThat(perform("eligibility.officer", get("/protection-review")).getStatus()).isEqualTo(403);

        Document borderHome = page("border.officer", "/");
        assertThat(borderHome.select("a[href=/persons/new]")).isEmpty();
        assertThat(borderHome.select("a[href=/persons/search]")).hasSize(1);
        assertThat(page("registration.officer", "/").select("a[href=/persons/new]")).hasSize(1);

        String id = registerByApi(personJson("Reader", "Only", "Latn", "", List.of()));
        Document page = page("border.officer", "/persons/" + id);
        assertThat(page.select("[data-testid=edit]")).isEmpty();
        assertThat(perform("border.officer", get("/persons/" + id + "/edit")).getStatus()).isEqualTo(403);
    }

    @Test
    void answersTheNotFoundPageForAHiddenPersonAndForAnUnknownOne() throws Exception {
        String id = registerByApi(personJson("Hidden", "Fromthepartner", "Latn", "", List.of()));
        MockHttpServletResponse hidden = perform("legal.partner", get("/persons/" + id));
        MockHttpServletResponse unknown = perform("legal.partner", get("/persons/" + UUID.randomUUID()));

        assertThat(hidden.getStatus()).isEqualTo(404);
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(hidden.getContentAsString()).doesNotContain("Fromthepartner");
        assertThat(Jsoup.parse(hidden.getContentAsString()).select("main").text()).isEqualTo(Jsoup.parse(unknown.getContentAsString()).select("main").text());
        assertThat(countBySubject("SELECT count(*) FROM audit_event WHERE action = 'PERSON_READ' AND subject_id = :id AND outcome = 'DENIED'",
                UUID.fromString(id))).isEqualTo(1);
        assertThat(perform("legal.partner", get("/persons/" + id + "/history").header("HX-Request", "true")).getStatus()).isEqualTo(404);
    }

    @Test
    void leavesSensitiveFieldsOutOfThePageForTheBorderOfficer() throws Exception {
        String canary = "Canary" + UUID.randomUUID().toString().substring(0, 8);
        String id = registerByApi(personJson("Sensitiva", "Fieldgroup", "Latn",
                ", \"ethnicity\": \"" + canary + "-ethnicity\", \"religion\": \"" + canary + "-religion\"", List.of("WR-SF", "SV-VA", "SM-CI")));

        String border = perform("border.officer", get("/persons/" + id)).getContentAsString();
        assertThat(border).contains("Fieldgroup").contains("WR-SF")
                .doesNotContain(canary).doesNotContain("SV-VA").doesNotContain("SM-CI")
                .doesNotContain("Ethnicity").doesNotContain("Religion").doesNotContain("Sensitive specific needs");

        String eligibility = perform("eligibility.officer", get("/persons/" + id)).getContentAsString();
        assertThat(eligibility).contains(canary + "-ethnicity").contains(canary + "-religion").contains("SV-VA").contains("SM-CI");
    }

    // ---- search ----

    @Test
    void searchesByPostAndPutsNoNameOrDocumentNumberInAnyUrl() throws Exception {
        String number = "N" + System.nanoTime() % 1_000_000_000L;
        String id = registerByApi(personJson("Searchable", "Postonly", "Latn", "", List.of()).replace("\"P-DOC\"", "\"" + number + "\""));

        Document form = page("registration.officer", "/persons/search");
        assertThat(form.select("[data-testid=search-form]").attr("method")).isEqualTo("post");
        assertThat(perform("registration.officer", get("/persons/search").param("query", number)).getContentAsString())
                .as("a query in the URL searches nothing").doesNotContain("Postonly");

        MockHttpServletResponse response = perform("registration.officer", post("/persons/search").param("query", number).param("page", "0"));
        Document results = Jsoup.parse(response.getContentAsString());
        assertThat(results.select("[data-testid=result]")).hasSize(1);
        assertThat(results.select("[data-testid=result]").attr("data-person")).isEqualTo(id);
        assertThat(results.select("[data-testid=result]").text()).contains("Searchable Postonly").contains("Male").contains("Afghanistan");
        assertThat(urlsIn(results)).isNotEmpty().noneMatch(url -> url.contains(number) || url.contains("Postonly") || url.contains("query"));

        Document fragment = Jsoup.parse(perform("registration.officer", post("/persons/search").param("query", number).header("HX-Request", "true"))
                .getContentAsString());
        assertThat(fragment.select("main")).isEmpty();
        assertThat(fragment.select("[data-testid=result]")).hasSize(1);
    }

    @Test
    void pagesSearchResultsByPostingTheQueryAgain() throws Exception {
        String family = "Pagerov" + (char) ('a' + SERIAL.incrementAndGet() % 26) + "x";
        String number = "Q" + System.nanoTime() % 1_000_000_000L;
        for (int i = 0; i < 21; i++) {
            registerByApi(personJson("Multi", family, "Latn", "", List.of()).replace("\"P-DOC\"", "\"" + number + i + "X\""));
        }
        // The same document number on 21 people: exact number search, paged.
        jdbc.sql("UPDATE registration_person_document SET number_key = :k WHERE number_key LIKE :prefix")
                .param("k", number + "SAME").param("prefix", number + "%").update();
        Document first = Jsoup.parse(perform("registration.officer", post("/persons/search").param("query", number + "SAME")).getContentAsString());
        assertThat(first.select("[data-testid=result-count]").text()).contains("21");
        assertThat(first.select("[data-testid=result]")).hasSize(20);
        Element next = first.selectFirst("[data-testid=next-page]").parent();
        assertThat(next.attr("method")).isEqualTo("post");
        assertThat(next.select("input[name=page]").val()).isEqualTo("1");
        Document second = Jsoup.parse(perform("registration.officer", post("/persons/search").param("query", number + "SAME").param("page", "1"))
                .getContentAsString());
        assertThat(second.select("[data-testid=result]")).hasSize(1);
        assertThat(urlsIn(second)).noneMatch(url -> url.contains(number));
    }

    @Test
    void showsASearchErrorNextToTheQueryField() throws Exception {
        MockHttpServletResponse response = perform("registration.officer", post("/persons/search").param("query", " "));
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(response.getContentAsString()).selectFirst("#query").parent().hasClass("govuk-form-group--error")).isTrue();
    }

    // ---- escaping ----

    @ParameterizedTest
    @ValueSource(strings = {"Latn", "Cyrl", "Arab"})
    void showsScriptAndMarkupInNamesAsTextInEveryScript(String script) throws Exception {
        String letters = switch (script) {
            case "Cyrl" -> "Али";
            case "Arab" -> "علی";
            default -> "Ali";
        };
        String scriptTag = "<script>alert(1)</script>" + letters;
        String imageTag = "\"><img src=x onerror=alert(1)>" + letters;
        String number = "X" + System.nanoTime() % 1_000_000_000L;
        String json = """
                {"names": [{"given": %s, "family": %s, "script": "%s", "kind": "DECLARED"}], "sex": "MALE", "birthDate": "1990-01-01",
                 "birthDatePrecision": "YEAR", "nationalities": ["AFG"], "documents": [{"type": "PASSPORT", "number": "%s", "issuingCountry": "AFG"}]}"""
                .formatted(quoted(scriptTag), quoted(imageTag), script, number);
        String id = registerByApi(json);

        for (String html : List.of(perform("registration.officer", get("/persons/" + id)).getContentAsString(),
                perform("registration.officer", post("/persons/search").param("query", number)).getContentAsString(),
                perform("registration.officer", get("/persons/" + id + "/edit")).getContentAsString())) {
            assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
            Document page = Jsoup.parse(html);
            assertThat(page.select("script").stream().map(Element::data)).noneMatch(code -> code.contains("alert"));
            assertThat(page.select("[onerror], img[src=x]")).isEmpty();
            assertThat(page.text() + page.select("input").eachAttr("value")).contains(scriptTag);
        }
    }

    // ---- protection review ----

    @Test
    void listsFlaggedNeedsForTheMonitorAndMarksThemReviewed() throws Exception {
        String id = registerByApi(personJson("Protecta", "Reviewova", "Latn", "", List.of("SC-UC")));
        UUID item = jdbc.sql("SELECT id FROM registration_protection_review WHERE person_id = :p").param("p", UUID.fromString(id))
                .query(UUID.class).single();
        String number = jdbc.sql("SELECT registration_number FROM registration_person WHERE id = :p").param("p", UUID.fromString(id))
                .query(String.class).single();

        // The list runs oldest first and this database is shared with other tests: page until the item shows.
        Element row = null;
        for (int p = 0; p < 100 && row == null; p++) {
            Document list = page("unhcr.monitor", "/protection-review?page=" + p);
            row = list.selectFirst("[data-testid=review-item][data-item=" + item + "]");
            if (list.select("[data-testid=review-item]").isEmpty()) break;
        }
        assertThat(row).as("on the list").isNotNull();
        assertThat(row.text()).contains(number).contains("SC-UC").contains("Unaccompanied child");
        assertThat(row.select("a").attr("href")).isEqualTo("/persons/" + id);

        MockHttpServletResponse marked = perform("unhcr.monitor", post("/protection-review/" + item + "/reviewed"));
        assertThat(marked.getRedirectedUrl()).isEqualTo("/protection-review");
        assertThat(jdbc.sql("SELECT status FROM registration_protection_review WHERE id = :id").param("id", item).query(String.class).single())
                .isEqualTo("REVIEWED");
        Document after = page("unhcr.monitor", "/protection-review");
        assertThat(after.select(".govuk-notification-banner--success").text()).contains(number);
        assertThat(after.select("[data-item=" + item + "]")).isEmpty();

        assertThat(perform("unhcr.monitor", post("/protection-review/" + item + "/reviewed")).getRedirectedUrl()).isEqualTo("/protection-review");
        assertThat(perform("unhcr.monitor", post("/protection-review/" + UUID.randomUUID() + "/reviewed")).getStatus()).isEqualTo(404);
    }

    // ---- helpers ----

    private UUID registerThroughThePage(Map<String, String> form) throws Exception {
        MockHttpServletResponse response = perform("registration.officer", post("/persons/new").params(multi(form)));
        if (response.getStatus() == 200) {
            // Other tests may have registered look-alikes: confirm as a different person.
            String digest = Jsoup.parse(response.getContentAsString()).select("[data-testid=confirm-different]").attr("value");
            response = perform("registration.officer", post("/persons/new").params(multi(form)).param("confirmed", digest));
        }
        assertThat(response.getStatus()).isEqualTo(302);
        return UUID.fromString(response.getRedirectedUrl().substring("/persons/".length()));
    }

    static Map<String, String> personForm(String given, String family, String script, String year, String month, String day) {
        Map<String, String> form = new HashMap<>();
        form.put("names[0].given", given);
        form.put("names[0].family", family);
        form.put("names[0].patronymic", "");
        form.put("names[0].script", script);
        form.put("names[0].kind", "DOCUMENT");
        form.put("names[1].given", "");
        form.put("names[1].family", "");
        form.put("names[1].script", "Arab");
        form.put("names[1].kind", "DECLARED");
        form.put("sex", "MALE");
        form.put("birthYear", year);
        form.put("birthMonth", month);
        form.put("birthDay", day);
        form.put("birthDatePrecision", "");
        form.put("nationalities", "AFG");
        form.put("languages", "prs, rus");
        form.put("documents[0].type", "");
        form.put("documents[0].number", "");
        form.put("documents[0].issuingCountry", "");
        return form;
    }

    private String personJson(String given, String family, String script, String extra, List<String> needs) {
        return """
                {"names": [{"given": "%s", "family": "%s", "script": "%s", "kind": "DOCUMENT"}], "sex": "MALE", "birthDate": "1990-01-01",
                 "birthDatePrecision": "YEAR", "nationalities": ["AFG"], "languages": ["prs"],
                 "documents": [{"type": "PASSPORT", "number": "P-DOC", "issuingCountry": "AFG"}], "specificNeeds": [%s]%s}"""
                .formatted(given, family, script, String.join(",", needs.stream().map(n -> "\"" + n + "\"").toList()), extra)
                .replace("\"P-DOC\"", needs.isEmpty() && extra.isEmpty() ? "\"P-DOC\"" : "\"D" + System.nanoTime() % 1_000_000_000L + "\"");
    }

    private String registerByApi(String json) throws Exception {
        String body = json.contains("\"P-DOC\"") ? json.replace("\"P-DOC\"", "\"D" + System.nanoTime() % 1_000_000_000L + SERIAL.incrementAndGet() + "\"") : json;
        MockHttpServletResponse response = mvc.perform(post("/api/v1/persons").header("Authorization", TestApi.bearer(mvc, "registration.officer"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return JsonPath.read(response.getContentAsString(), "$.id");
    }

    private String family(String id) {
        return jdbc.sql("SELECT family FROM registration_person_name WHERE person_id = :id ORDER BY idx LIMIT 1").param("id", UUID.fromString(id))
                .query(String.class).single();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Every URL the page would send a browser to: links, form actions, htmx requests. */
    static List<String> urlsIn(Document page) {
        List<String> urls = new ArrayList<>();
        urls.addAll(page.select("a[href]").eachAttr("href"));
        urls.addAll(page.select("form[action]").eachAttr("action"));
        for (String attribute : List.of("hx-get", "hx-post", "src")) urls.addAll(page.select("[" + attribute + "]").eachAttr(attribute));
        return urls;
    }

    /** The values a browser would submit from this form (text inputs, hidden inputs, selected options, checked boxes). */
    static Map<String, String> formValues(Element form) {
        Map<String, String> values = new HashMap<>();
        for (Element input : form.select("input[name], textarea[name]")) {
            String type = input.attr("type");
            if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) continue;
            if (input.attr("name").equals("_csrf")) continue;
            values.merge(input.attr("name"), input.tagName().equals("textarea") ? input.text() : input.val(), (a, b) -> a + "\u0000" + b);
        }
        for (Element select : form.select("select[name]")) {
            List<String> chosen = select.select("option[selected]").eachAttr("value");
            if (!chosen.isEmpty()) values.put(select.attr("name"), String.join("\u0000", chosen));
            else if (!select.hasAttr("multiple") && select.selectFirst("option") != null) values.put(select.attr("name"), select.selectFirst("option").val());
        }
        return values;
    }

    static org.springframework.util.MultiValueMap<String, String> multi(Map<String, String> values) {
        org.springframework.util.LinkedMultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
        values.forEach((name, value) -> params.put(name, List.of(value.split("\u0000", -1))));
        return params;
    }

    /** audit_event.subject_id is text: PostgreSQL does not compare it with a UUID parameter. */
    private long countBySubject(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id.toString()).query(Long.class).single();
    }

    private long count(String sql, UUID id) {
        var statement = jdbc.sql(sql);
        if (id != null) statement = statement.param("id", id);
        return statement.query(Long.class).single();
    }

    private Document page(String username, String path) throws Exception {
        MockHttpServletResponse response = perform(username, get(path));
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private MockHttpServletResponse perform(String username, MockHttpServletRequestBuilder request) throws Exception {
        Cookie session = session(username);
        var result = mvc.perform(request.cookie(session).with(csrf())).andReturn();
        // Flash attributes (the success banners) live in the session: follow redirects with the same cookie.
        return result.getResponse();
    }

    private Cookie session(String username) throws Exception {
        Cookie session = sessions.get(username);
        if (session == null) {
            session = mvc.perform(post("/login").param("username", username).param("password", TestApi.DEMO_PASSWORD).with(csrf()))
                    .andReturn().getResponse().getCookie("__Host-PANA_SESSION");
            sessions.put(username, session);
        }
        return session;
    }
}
