package org.pana.registration.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ImportPagesTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    Cookie signIn(String username) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", "pana-demo").with(csrf()))
                .andReturn().getResponse().getCookie("__Host-PANA_SESSION");
    }

    Cookie officer;

    @BeforeEach
    void signInOfficer() throws Exception {
        officer = signIn("registration.officer");
    }

    Document page(String path, String lang) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).param("lang", lang).cookie(officer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    String uploadThroughThePage(byte[] bytes, String name) throws Exception {
        return mvc.perform(multipart("/imports").file(new MockMultipartFile("file", name, "text/csv", bytes)).cookie(officer).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    }

    @Test
    void walksFromUploadThroughMappingAndDryRunToACompletedProgressBar() throws Exception {
        String family = ImportApiTests.uniqueFamily();
        byte[] csv = ImportFiles.csvWithBom("Фамилия;Имя;Дата рождения\n" + family + ";Ali;30.02.1990\n" + family + ";Zahra;1985\n");
        String location = uploadThroughThePage(csv, "список.csv");
        assertThat(location).startsWith("/imports/");
        String id = location.substring("/imports/".length());

        Document mapping = page(location, "ru");
        assertThat(mapping.select("[data-testid=suggested]")).hasSize(1);
        assertThat(mapping.select("select#field-0 option[selected]").attr("value")).isEqualTo("FAMILY_NAME");
        assertThat(mapping.select("select[name=format-2] option[selected]").attr("value")).isEqualTo("DAY_MONTH_YEAR");
        assertThat(mapping.select("select#field-0 option[value=FAMILY_NAME]").text()).isEqualTo("Фамилия");

        mvc.perform(post(location + "/mapping").cookie(officer).with(csrf())
                        .param("field-0", "FAMILY_NAME").param("set-0", "0").param("format-0", "")
                        .param("field-1", "GIVEN_NAME").param("set-1", "0").param("format-1", "")
                        .param("field-2", "BIRTH_DATE").param("set-2", "0").param("format-2", "DAY_MONTH_YEAR")
                        .param("script-0", "Latn").param("kind-0", "DOCUMENT"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(location + "/dry-run").cookie(officer).with(csrf())).andExpect(status().is3xxRedirection());

        Document report = page(location, "kk");
        assertThat(report.select("[data-testid=check-counts]").text()).contains("1");
        assertThat(report.select("[data-testid=report] tbody tr")).hasSize(1);
        assertThat(report.select("[data-testid=report] tbody td").get(0).text()).isEqualTo("2");
        assertThat(report.select("[data-testid=report] tbody td").get(1).text()).isEqualTo("Дата рождения");
        assertThat(report.select("[data-testid=report] tbody td").get(2).text()).startsWith("Таңдалған пішімдегі күн емес");
        assertThat(report.html()).doesNotContain(family);

        mvc.perform(post(location + "/run").cookie(officer).with(csrf())).andExpect(status().is3xxRedirection());
        Document running = page(location, "en");
        assertThat(running.select("progress.pana-progress")).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(jdbc.sql("SELECT status FROM registration_import WHERE id = :id")
                .param("id", UUID.fromString(id)).query(String.class).single()));
        Document fragment = Jsoup.parse(mvc.perform(get(location + "/progress").header("HX-Request", "true").cookie(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(fragment.select("#import-progress")).hasSize(1);
        assertThat(fragment.select("#import-progress").attr("hx-get")).as("no more polling once completed").isEmpty();
        assertThat(fragment.select("progress").attr("value")).isEqualTo("2");
        assertThat(fragment.select("[data-testid=progress-counts]").text()).isEqualTo("Registered: 1. Rejected: 1.");
        assertThat(fragment.select("script")).isEmpty();
    }

    @Test
    void pollsTheProgressWhileTheRunGoesOn() throws Exception {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO registration_import (id, jurisdiction, file_name, file_sha256, file_format, file_size, header, row_count,"
                        + " status, rows_done, rows_registered, rows_rejected, created_by, created_at, version)"
                        + " VALUES (:id, 'KAZ', 'long.csv', :sha, 'CSV', 10, '[\"a\"]', 400, 'RUNNING', 100, 90, 10, :by, CURRENT_TIMESTAMP, 0)")
                .param("id", id).param("sha", id.toString().replace("-", "") + "1".repeat(32)).param("by", UUID.randomUUID()).update();
        Document fragment = Jsoup.parse(mvc.perform(get("/imports/" + id + "/progress").cookie(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(fragment.select("#import-progress").attr("hx-get")).isEqualTo("/imports/" + id + "/progress");
        assertThat(fragment.select("#import-progress").attr("hx-trigger")).isEqualTo("every 2s");
        assertThat(fragment.select("progress").attr("max")).isEqualTo("400");
        assertThat(fragment.select("label").text()).contains("100 of 400 rows (25%)");
    }

    @Test
    void showsARefusedFileOnTheUploadPageInTheUsersLanguage() throws Exception {
        String html = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "people.xlsx", "application/octet-stream",
                        ImportFiles.xls())).param("lang", "ru").cookie(officer).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select("[data-testid=upload-error]").text()).contains("Импортировать можно только файлы CSV");
    }

    @Test
    void refusesTheImportPagesToOtherRolesAndHidesOtherJurisdictions() throws Exception {
        Cookie border = signIn("border.officer");
        mvc.perform(get("/imports").cookie(border)).andExpect(status().isForbidden());
        mvc.perform(get("/imports/" + UUID.randomUUID()).cookie(officer)).andExpect(status().isNotFound());
        mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "x.csv", "text/csv", "a\nb\n".getBytes())).cookie(officer))
                .andExpect(status().isForbidden());
    }
}
