package org.pana.registration.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
class ImportApiTests {

    private static final Random SEED = new Random(20260301);

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ImportRunner runner;
    @Autowired org.pana.audit.AuditTrail auditTrail;
    String officer;

    @BeforeEach
    void signIn() throws Exception {
        officer = TestApi.bearer(mvc, "registration.officer");
    }

    @AfterEach
    void resetRunner() {
        runner.beforeChunkCommit = () -> {};
        runner.chunkSize = ImportRunner.CHUNK;
    }

    /** A family name no other test uses, letters only, so each file's bytes (and so its import) are new. */
    static synchronized String uniqueFamily() {
        StringBuilder name = new StringBuilder("Karimi");
        for (int i = 0; i < 8; i++) name.append((char) ('a' + SEED.nextInt(26)));
        return name.toString();
    }

    ResultActions upload(byte[] bytes, String name) throws Exception {
        return mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
                .header("Authorization", officer));
    }

    String uploadedId(byte[] bytes, String name) throws Exception {
        String body = upload(bytes, name).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    /** Saves the suggested mapping as the user's choice, as the page's "Save mapping" does. */
    void acceptSuggestion(String id) throws Exception {
        String view = mvc.perform(get("/api/v1/imports/" + id).header("Authorization", officer)).andReturn().getResponse().getContentAsString();
        String suggested = tools.jackson.databind.json.JsonMapper.builder().build()
                .writeValueAsString(JsonPath.<Object>read(view, "$.importFile.suggestedMapping"));
        mvc.perform(put("/api/v1/imports/" + id + "/mapping").header("Authorization", officer).contentType(MediaType.APPLICATION_JSON)
                .content(suggested)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("MAPPED"));
    }

    String runToCompletion(String id) throws Exception {
        mvc.perform(post("/api/v1/imports/" + id + "/run").header("Authorization", officer))
                .andExpect(status().isAccepted()).andExpect(header().string("Location", "/api/v1/imports/" + id));
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(statusOf(id)));
        return mvc.perform(get("/api/v1/imports/" + id).header("Authorization", officer)).andReturn().getResponse().getContentAsString();
    }

    String statusOf(String id) {
        return jdbc.sql("SELECT status FROM registration_import WHERE id = :id").param("id", UUID.fromString(id)).query(String.class).single();
    }

    long peopleNamed(String family) {
        return jdbc.sql("SELECT count(DISTINCT person_id) FROM registration_person_name WHERE family = :f").param("f", family)
                .query(Long.class).single();
    }

    long events(String action, String id) {
        // The run audits on its own thread; its events enter the chain right after its commit (ADR 0004).
        auditTrail.seal();
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :a AND subject_id = :id").param("a", action).param("id", id)
                .query(Long.class).single();
    }

    @Test
    void importsASemicolonCsvWithAByteOrderMarkFromUploadToCompletion() throws Exception {
        String family = uniqueFamily();
        byte[] csv = ImportFiles.csvWithBom("Фамилия;Имя;Отчество;Пол;Дата рождения;Гражданство;Языки\n"
                + "Карими;Мухаммад;Ахмадович;муж;01.02.1990;AFG;prs, rus\n"
                + family + ";Zahra;;F;1985;AFG;prs\n"
                + family + ";Ali;;M;03.1979;XXA;\n");
        String body = upload(csv, "people.csv").andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.format").value("CSV"))
                .andExpect(jsonPath("$.rowCount").value(3))
                .andExpect(jsonPath("$.columns[0]").value("Фамилия"))
                .andExpect(jsonPath("$.status").value("UPLOADED"))
                .andExpect(jsonPath("$.suggestedMapping.columns[?(@.field == 'FAMILY_NAME')].column").value(0))
                .andExpect(jsonPath("$.suggestedMapping.columns[?(@.field == 'BIRTH_DATE')].dateFormat").value("DAY_MONTH_YEAR"))
                .andExpect(jsonPath("$.mapping").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");
        assertThat(body).doesNotContain("Мухаммад", family);

        mvc.perform(post("/api/v1/imports/" + id + "/run").header("Authorization", officer))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("urn:pana:problem:import-not-mapped"));
        acceptSuggestion(id);
        mvc.perform(post("/api/v1/imports/" + id + "/dry-run").header("Authorization", officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.importFile.status").value("CHECKED"))
                .andExpect(jsonPath("$.importFile.checkedValid").value(3))
                .andExpect(jsonPath("$.importFile.checkedInvalid").value(0))
                .andExpect(jsonPath("$.errors.total").value(0));
        assertThat(peopleNamed(family)).as("a dry run saves nobody").isZero();

        String done = runToCompletion(id);
        assertThat((Integer) JsonPath.read(done, "$.importFile.progress.rowsRegistered")).isEqualTo(3);
        assertThat((Integer) JsonPath.read(done, "$.importFile.progress.percent")).isEqualTo(100);
        assertThat(peopleNamed(family)).isEqualTo(2);
        assertThat(peopleNamed("Карими")).isPositive();
        String precision = jdbc.sql("SELECT p.birth_date_precision FROM registration_person p JOIN registration_person_name n"
                + " ON n.person_id = p.id WHERE n.family = :f AND n.given = 'Zahra'").param("f", family).query(String.class).single();
        assertThat(precision).isEqualTo("YEAR");
        assertThat(events("IMPORT_CREATED", id)).isEqualTo(1);
        assertThat(events("IMPORT_RUN_STARTED", id)).isEqualTo(1);
        assertThat(events("IMPORT_RUN_COMPLETED", id)).isEqualTo(1);
        String details = jdbc.sql("SELECT details FROM audit_event WHERE action = 'IMPORT_RUN_COMPLETED' AND subject_id = :id")
                .param("id", id).query(String.class).single();
        assertThat(details).isEqualTo("registered=3 rejected=0");
        String actor = jdbc.sql("SELECT actor FROM audit_event WHERE action = 'PERSON_REGISTERED' AND subject_id = ("
                + "SELECT CAST(person_id AS VARCHAR(36)) FROM registration_import_row WHERE import_id = :id AND row_number = 2)")
                .param("id", UUID.fromString(id)).query(String.class).single();
        assertThat(actor).as("the background run acts as the officer who started it").isEqualTo("registration.officer");
    }

    @Test
    void importsAWorkbookWithALatinAndACyrillicNameForEachPerson() throws Exception {
        String family = uniqueFamily();
        byte[] xlsx = ImportFiles.xlsx(List.of(
                List.of("Surname", "Given name", "Фамилия", "Имя", "Sex", "Date of birth", "Nationality", "Document type", "Passport number",
                        "Issuing country"),
                List.of(family, "Mohammad", "Карими", "Мухаммад", "male", LocalDate.of(1990, 2, 1), "AFG", "passport",
                        "P" + SEED.nextInt(9_999_999), "AFG"),
                List.of(family, "Nasir", "Карими", "Насир", "male", LocalDate.of(1992, 7, 15), "AFG", "", "", "")));
        String body = upload(xlsx, "people.xlsx").andExpect(status().isCreated())
                .andExpect(jsonPath("$.format").value("XLSX"))
                .andExpect(jsonPath("$.suggestedMapping.nameSets[0].script").value("Latn"))
                .andExpect(jsonPath("$.suggestedMapping.nameSets[1].script").value("Cyrl"))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");
        acceptSuggestion(id);
        runToCompletion(id);
        assertThat(peopleNamed(family)).isEqualTo(2);
        List<String> scripts = jdbc.sql("SELECT n.script FROM registration_person_name n JOIN registration_import_row r ON r.person_id = n.person_id"
                + " WHERE r.import_id = :id AND r.row_number = 2 ORDER BY n.idx").param("id", UUID.fromString(id)).query(String.class).list();
        assertThat(scripts).containsExactly("Latn", "Cyrl");
        assertThat(jdbc.sql("SELECT count(*) FROM registration_person_document d JOIN registration_import_row r ON r.person_id = d.person_id"
                + " WHERE r.import_id = :id").param("id", UUID.fromString(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void reportsEveryInvalidRowWithItsFieldAndReasonAndRegistersOnlyTheValidOnes() throws Exception {
        String family = uniqueFamily();
        byte[] csv = ImportFiles.csv("Family name,Given name,Date of birth,Nationality\n"
                + family + ",Mohammad,30.02.1990,AFG\n"
                + family + ",Ali,01.01.1980,XYZ\n"
                + ",,01.01.1981,AFG\n"
                + family + ",Zahra,02.01.1982,AFG\n");
        String id = uploadedId(csv, "invalid.csv");
        acceptSuggestion(id);
        String report = mvc.perform(post("/api/v1/imports/" + id + "/dry-run").header("Authorization", officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.importFile.checkedValid").value(1))
                .andExpect(jsonPath("$.importFile.checkedInvalid").value(3))
                .andExpect(jsonPath("$.errors.phase").value("CHECK"))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Integer>>read(report, "$.errors.items[*].row")).containsExactly(2, 3, 4);
        assertThat(JsonPath.<List<String>>read(report, "$.errors.items[?(@.row == 2)].field")).containsExactly("birthDate");
        assertThat(JsonPath.<List<String>>read(report, "$.errors.items[?(@.row == 2)].code")).containsExactly("import.problem.date-invalid");
        assertThat(JsonPath.<List<String>>read(report, "$.errors.items[?(@.row == 2)].column")).containsExactly("Date of birth");
        assertThat(JsonPath.<List<String>>read(report, "$.errors.items[?(@.row == 3)].field")).containsExactly("nationalities[0]");
        assertThat(JsonPath.<List<String>>read(report, "$.errors.items[?(@.row == 3)].column")).containsExactly("Nationality");
        assertThat(JsonPath.<List<String>>read(report, "$.errors.items[?(@.row == 4)].field")).containsExactly("names");
        assertThat(JsonPath.<List<String>>read(report, "$.errors.items[*].message")).allMatch(m -> !m.isBlank());
        assertThat(report).doesNotContain(family);
        assertThat(peopleNamed(family)).as("the dry run saves nobody").isZero();

        String done = runToCompletion(id);
        assertThat((Integer) JsonPath.read(done, "$.importFile.progress.rowsRegistered")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(done, "$.importFile.progress.rowsRejected")).isEqualTo(3);
        assertThat(JsonPath.<List<Integer>>read(done, "$.errors.items[*].row")).containsExactly(2, 3, 4);
        assertThat(peopleNamed(family)).isEqualTo(1);
    }

    @Test
    void refusesAFileThatIsNotCsvOrXlsxByItsBytesAndStoresNothing() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM registration_import").query(Long.class).single();
        upload(ImportFiles.xls(), "people.xlsx").andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:pana:problem:file-unsupported-format"));
        upload(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0}, "people.csv").andExpect(status().isUnsupportedMediaType());
        assertThat(jdbc.sql("SELECT count(*) FROM registration_import").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void refusesAFileOverFiftyMegabytesAndStoresNothing() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM registration_import").query(Long.class).single();
        byte[] big = new byte[50 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        upload(big, "big.csv").andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.type").value("urn:pana:problem:file-too-large"));
        assertThat(jdbc.sql("SELECT count(*) FROM registration_import").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void keepsTheOneMegabyteLimitOnEveryOtherPath() throws Exception {
        byte[] body = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        mvc.perform(put("/api/v1/imports/" + UUID.randomUUID() + "/mapping").header("Authorization", officer)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isContentTooLarge());
    }

    @Test
    void findsTheEarlierImportWhenTheSameFileIsUploadedAgainAndRegistersNobodyTwice() throws Exception {
        String family = uniqueFamily();
        byte[] csv = ImportFiles.csv("Family name,Given name,Date of birth\n" + family + ",Mohammad,1990\n" + family + ",Ali,1991\n");
        String id = uploadedId(csv, "first.csv");
        acceptSuggestion(id);
        runToCompletion(id);
        assertThat(peopleNamed(family)).isEqualTo(2);

        upload(csv, "renamed copy.csv").andExpect(status().isOk())
                .andExpect(header().string("Import-Reused", "true"))
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.status").value("COMPLETED"));
        mvc.perform(post("/api/v1/imports/" + id + "/run").header("Authorization", officer))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("COMPLETED"));
        String otherMapping = """
                {"columns": [{"column": 1, "field": "FAMILY_NAME", "nameSet": 0}, {"column": 0, "field": "GIVEN_NAME", "nameSet": 0}],
                 "nameSets": [{"script": "Latn", "kind": "DOCUMENT"}]}""";
        mvc.perform(put("/api/v1/imports/" + id + "/mapping").header("Authorization", officer).contentType(MediaType.APPLICATION_JSON)
                .content(otherMapping)).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/imports/" + id + "/dry-run").header("Authorization", officer)).andExpect(status().isConflict());
        runner.resume(UUID.fromString(id), 10);
        assertThat(peopleNamed(family)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM registration_import WHERE file_sha256 = (SELECT file_sha256 FROM registration_import"
                + " WHERE id = :id)").param("id", UUID.fromString(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void resumesAnInterruptedRunWithoutRegisteringAnyRowTwice() throws Exception {
        String family = uniqueFamily();
        StringBuilder text = new StringBuilder("Family name,Given name,Date of birth\n");
        for (String given : List.of("Ahmad", "Bashir", "Dawood", "Farid", "Hamid")) text.append(family).append(',').append(given).append(",1990\n");
        String id = uploadedId(ImportFiles.csv(text.toString()), "five.csv");
        acceptSuggestion(id);
        AtomicInteger chunks = new AtomicInteger();
        runner.chunkSize = 2;
        runner.beforeChunkCommit = () -> {
            if (chunks.incrementAndGet() == 2) throw new IllegalStateException("the node stops in the middle of the second chunk");
        };
        mvc.perform(post("/api/v1/imports/" + id + "/run").header("Authorization", officer)).andExpect(status().isAccepted());
        UUID importId = UUID.fromString(id);
        await().atMost(Duration.ofSeconds(120)).until(() -> chunks.get() >= 2 && leaseFree(importId));
        assertThat(statusOf(id)).isEqualTo("RUNNING");
        assertThat(peopleNamed(family)).as("the first chunk committed, the second rolled back").isEqualTo(2);
        assertThat(jdbc.sql("SELECT rows_done FROM registration_import WHERE id = :id").param("id", importId).query(Integer.class).single()).isEqualTo(2);

        runner.beforeChunkCommit = () -> {};
        runner.resumeStalled();
        await().atMost(Duration.ofSeconds(120)).until(() -> "COMPLETED".equals(statusOf(id)));
        assertThat(peopleNamed(family)).isEqualTo(5);
        assertThat(jdbc.sql("SELECT count(DISTINCT person_id) FROM registration_import_row WHERE import_id = :id AND status = 'REGISTERED'")
                .param("id", importId).query(Long.class).single()).isEqualTo(5);
        assertThat(runner.resume(importId, 2)).as("a completed run is not resumed").isZero();
        assertThat(peopleNamed(family)).isEqualTo(5);
        assertThat(events("IMPORT_RUN_COMPLETED", id)).isEqualTo(1);
    }

    boolean leaseFree(UUID id) {
        return jdbc.sql("SELECT lease_owner FROM registration_import WHERE id = :id").param("id", id).query(String.class).optional().isEmpty()
                || jdbc.sql("SELECT count(*) FROM registration_import WHERE id = :id AND lease_owner IS NULL").param("id", id)
                        .query(Long.class).single() == 1;
    }

    @Test
    void refusesImportsToOtherRoles() throws Exception {
        byte[] csv = ImportFiles.csv("Family name,Given name\n" + uniqueFamily() + ",Ali\n");
        for (String user : List.of("border.officer", "statistician", "legal.partner", "admin")) {
            String token = TestApi.bearer(mvc, user);
            mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "x.csv", "text/csv", csv)).header("Authorization", token))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/imports").header("Authorization", token)).andExpect(status().isForbidden());
        }
        mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "x.csv", "text/csv", csv))).andExpect(status().isUnauthorized());
    }

    @Test
    void answersAnotherJurisdictionsImportAsNotFound() throws Exception {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO registration_import (id, jurisdiction, file_name, file_sha256, file_format, file_size, header, row_count,"
                        + " mapping, status, rows_done, rows_registered, rows_rejected, created_by, created_at, version)"
                        + " VALUES (:id, 'KGZ', 'kgz.csv', :sha, 'CSV', 10, '[\"Family name\"]', 1,"
                        + " '{\"columns\":[{\"column\":0,\"field\":\"FAMILY_NAME\",\"nameSet\":0,\"dateFormat\":null}],\"nameSets\":[{\"script\":\"Latn\",\"kind\":\"DOCUMENT\"}]}',"
                        + " 'MAPPED', 0, 0, 0, :by, :at, 0)")
                .param("id", id).param("sha", id.toString().replace("-", "") + "0".repeat(32)).param("by", UUID.randomUUID())
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).update();
        jdbc.sql("INSERT INTO registration_import_row (import_id, row_number, cells, status) VALUES (:id, 2, '[\"Osmonov\"]', 'PENDING')")
                .param("id", id).update();
        String unknown = mvc.perform(get("/api/v1/imports/" + UUID.randomUUID()).header("Authorization", officer))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        String hidden = mvc.perform(get("/api/v1/imports/" + id).header("Authorization", officer))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(hidden.replaceAll("\"instance\":\"[^\"]*\"", "")).isEqualTo(unknown.replaceAll("\"instance\":\"[^\"]*\"", ""));
        mvc.perform(post("/api/v1/imports/" + id + "/dry-run").header("Authorization", officer)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/imports/" + id + "/run").header("Authorization", officer)).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/imports/" + id + "/mapping").header("Authorization", officer).contentType(MediaType.APPLICATION_JSON)
                .content("{\"columns\": [], \"nameSets\": []}")).andExpect(status().isNotFound());
        assertThat(statusOf(id.toString())).isEqualTo("MAPPED");
        String list = mvc.perform(get("/api/v1/imports").header("Authorization", officer)).andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(id.toString());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'IMPORT_READ' AND outcome = 'DENIED' AND subject_id = :id")
                .param("id", id.toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void refusesAMappingThatDoesNotFitTheFileNextToTheFields() throws Exception {
        String id = uploadedId(ImportFiles.csv("Family name,Given name\n" + uniqueFamily() + ",Ali\n"), "m.csv");
        mvc.perform(put("/api/v1/imports/" + id + "/mapping").header("Authorization", officer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"columns\": [{\"column\": 5, \"field\": \"FAMILY_NAME\", \"nameSet\": 0}], \"nameSets\": [{\"script\": \"Latn\"}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.field == 'columns[0].column')]").exists());
        mvc.perform(put("/api/v1/imports/" + id + "/mapping").header("Authorization", officer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"columns\": [{\"column\": 0, \"field\": \"RELIGION\", \"nameSet\": 0}], \"nameSets\": []}"))
                .andExpect(status().isBadRequest());
        assertThat(statusOf(id)).isEqualTo("UPLOADED");
    }
}
