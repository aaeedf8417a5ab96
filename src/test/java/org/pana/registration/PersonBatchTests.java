package org.pana.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pana.testing.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** security.md #27: the batch endpoint saves each valid item exactly once, and nothing of a batch that is too large. */
@SpringBootTest
@AutoConfigureMockMvc
class PersonBatchTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    String officer;

    @BeforeEach
    void signIn() throws Exception {
        officer = TestApi.bearer(mvc, "registration.officer");
    }

    /** A compact person (a batch of 1,000 must stay under the 1 MB request limit). */
    private static String item(String tag, int i) {
        return """
                {"names":[{"given":"%s","family":"N%d","script":"Latn","kind":"DOCUMENT"}],"sex":"FEMALE","birthDate":"1980-01-01",\
                "birthDatePrecision":"YEAR","nationalities":["SYR"],"documents":[{"type":"PASSPORT","number":"%s%d"}]}""".formatted(tag, i, tag, i);
    }

    private static String batch(String tag, int size, int invalidAt) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            items.add(i == invalidAt ? item(tag, i).replace("1980-01-01", "2026-02-30") : item(tag, i));
        }
        return "[" + String.join(",", items) + "]";
    }

    private MockHttpServletResponse send(String body, String key) throws Exception {
        var request = post("/api/v1/persons/batch").header("Authorization", officer).contentType(MediaType.APPLICATION_JSON).content(body);
        if (key != null) request.header("Idempotency-Key", key);
        return mvc.perform(request).andReturn().getResponse();
    }

    private long peopleTagged(String tag) {
        return jdbc.sql("SELECT count(*) FROM registration_person_name WHERE given = :tag").param("tag", tag).query(Long.class).single();
    }

    private static String tag() {
        return "Batch" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void savesEachValidItemOnceAndRefusesTheInvalidOneEvenWhenRetried() throws Exception {
        String tag = tag();
        String body = batch(tag, 1000, 500);
        String key = UUID.randomUUID().toString();
        long started = System.nanoTime();
        MockHttpServletResponse first = send(body, key);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(200);
        String json = first.getContentAsString();
        assertThat((List<Integer>) JsonPath.read(json, "$.results[*].index")).hasSize(1000);
        assertThat((Integer) JsonPath.read(json, "$.results[500].status")).isEqualTo(422);
        assertThat((List<String>) JsonPath.read(json, "$.results[500].problem.errors[*].field")).containsExactly("birthDate");
        assertThat((Integer) JsonPath.read(json, "$.results[499].status")).isEqualTo(201);
        assertThat((String) JsonPath.read(json, "$.results[499].registrationNumber")).matches("KAZ-\\d{2}-\\d{6,}");
        assertThat((List<Integer>) JsonPath.read(json, "$.results[?(@.status == 201)].index")).hasSize(999);
        assertThat(peopleTagged(tag)).isEqualTo(999);
        assertThat(jdbc.sql("SELECT count(DISTINCT registration_number) FROM registration_person p JOIN registration_person_name n ON n.person_id = p.id WHERE n.given = :tag")
                .param("tag", tag).query(Long.class).single()).isEqualTo(999);

        MockHttpServletResponse retry = send(body, key);
        assertThat(retry.getStatus()).isEqualTo(200);
        assertThat(retry.getHeader("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retry.getContentAsString()).isEqualTo(json);
        assertThat(peopleTagged(tag)).isEqualTo(999);
        System.out.println("Batch of 1,000 (999 valid) took " + millis + " ms");
    }

    @Test
    void refusesABatchOf1001AndSavesNothing() throws Exception {
        String tag = tag();
        MockHttpServletResponse response = send(batch(tag, 1001, -1), null);
        assertThat(response.getStatus()).isIn(413, 422);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(peopleTagged(tag)).isZero();
    }

    @Test
    void refusesTheSameKeyWithAnotherBatch() throws Exception {
        String key = UUID.randomUUID().toString();
        String tag = tag();
        assertThat(send(batch(tag, 3, -1), key).getStatus()).isEqualTo(200);
        String other = tag();
        MockHttpServletResponse response = send(batch(other, 3, -1), key);
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(peopleTagged(other)).isZero();
        assertThat(peopleTagged(tag)).isEqualTo(3);
    }

    @Test
    void answersAnItemOfTheWrongShapeWith422AndSavesTheOthers() throws Exception {
        String tag = tag();
        String body = "[" + item(tag, 0) + ",{\"names\": \"not a list\"},42," + item(tag, 3).replace("\"sex\"", "\"colour\":\"red\",\"sex\"") + "]";
        MockHttpServletResponse response = send(body, null);
        assertThat(response.getStatus()).isEqualTo(200);
        String json = response.getContentAsString();
        assertThat((List<Integer>) JsonPath.read(json, "$.results[*].status")).containsExactly(201, 422, 422, 422);
        assertThat((List<String>) JsonPath.read(json, "$.results[1].problem.errors[*].field")).containsExactly("names");
        assertThat((List<String>) JsonPath.read(json, "$.results[3].problem.errors[*].field")).containsExactly("colour");
        assertThat(peopleTagged(tag)).isEqualTo(1);
    }

    @Test
    void refusesTheBatchToOtherRoles() throws Exception {
        String tag = tag();
        MockHttpServletResponse response = mvc.perform(post("/api/v1/persons/batch").header("Authorization", TestApi.bearer(mvc, "border.officer"))
                .contentType(MediaType.APPLICATION_JSON).content(batch(tag, 2, -1))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(peopleTagged(tag)).isZero();
    }
}
