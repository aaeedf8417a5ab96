package org.pana.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pana.testing.TestApi;
import org.pana.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** security.md #41: a retried create returns the first result, never a second record. */
@SpringBootTest
@AutoConfigureMockMvc
class IdempotencyTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired IdempotencyKeyExpiry expiry;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private MockHttpServletResponse create(String token, String key, String name) throws Exception {
        var request = post("/api/v1/admin/organisations").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"" + name + "\", \"type\": \"NGO_PARTNER\"}");
        if (key != null) request.header("Idempotency-Key", key);
        return mvc.perform(request).andReturn().getResponse();
    }

    private long organisationsNamed(String name) {
        return jdbc.sql("SELECT count(*) FROM access_organisation WHERE name = :n").param("n", name).query(Long.class).single();
    }

    @Test
    void returnsTheFirstResultToARetryAndCreatesNothingTwice() throws Exception {
        String token = TestApi.bearer(mvc, "admin");
        String key = UUID.randomUUID().toString();
        String name = "Retry NGO " + key;
        MockHttpServletResponse first = create(token, key, name);
        MockHttpServletResponse retry = create(token, key, name);
        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(retry.getHeader("Location")).isEqualTo(first.getHeader("Location"));
        assertThat(retry.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(retry.getHeader("Idempotency-Replayed")).isEqualTo("true");
        assertThat(organisationsNamed(name)).isEqualTo(1);
    }

    @Test
    void refusesTheSameKeyForADifferentRequest() throws Exception {
        String token = TestApi.bearer(mvc, "admin");
        String key = UUID.randomUUID().toString();
        create(token, key, "First NGO " + key);
        MockHttpServletResponse other = create(token, key, "Other NGO " + key);
        assertThat(other.getStatus()).isEqualTo(422);
        assertThat(other.getContentType()).startsWith("application/problem+json");
        assertThat(organisationsNamed("Other NGO " + key)).isZero();
    }

    @Test
    void storesNoKeyWhenTheCreateFails() throws Exception {
        String token = TestApi.bearer(mvc, "admin");
        String key = UUID.randomUUID().toString();
        mvc.perform(post("/api/v1/admin/organisations").header("Authorization", token).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"\", \"type\": \"NGO_PARTNER\"}"))
                .andExpect(status().isUnprocessableContent());
        assertThat(jdbc.sql("SELECT count(*) FROM platform_idempotency_key WHERE idempotency_key = :k").param("k", key)
                .query(Long.class).single()).isZero();
        MockHttpServletResponse corrected = create(token, key, "Corrected NGO " + key);
        assertThat(corrected.getStatus()).as("the same key may be used once the first attempt failed").isEqualTo(201);
    }

    @Test
    void keepsKeysOfDifferentUsersApart() throws Exception {
        String key = UUID.randomUUID().toString();
        String first = TestApi.bearer(mvc, "admin");
        assertThat(create(first, key, "Admin NGO " + key).getStatus()).isEqualTo(201);
        mvc.perform(post("/api/v1/admin/organisations").header("Authorization", TestApi.bearer(mvc, "auditor")).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Admin NGO " + key + "\", \"type\": \"NGO_PARTNER\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void createsExactlyOnceUnderConcurrentRetries() throws Exception {
        String token = TestApi.bearer(mvc, "admin");
        String key = UUID.randomUUID().toString();
        String name = "Concurrent NGO " + key;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Callable<Integer> call = () -> create(token, key, name).getStatus();
                results.add(pool.submit(call));
            }
            for (Future<Integer> result : results) assertThat(result.get()).isIn(201, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(organisationsNamed(name)).isEqualTo(1);
        assertThat(create(token, key, name).getStatus()).isEqualTo(201);
    }

    @Test
    void rejectsMalformedKeys() throws Exception {
        String token = TestApi.bearer(mvc, "admin");
        mvc.perform(post("/api/v1/admin/organisations").header("Authorization", token).header("Idempotency-Key", "x".repeat(300))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Long key NGO\", \"type\": \"NGO_PARTNER\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    }

    @Test
    void forgetsKeysAfterADayInAJobThatRunsOnOneNodeAtATime() throws Exception {
        String token = TestApi.bearer(mvc, "admin");
        String key = UUID.randomUUID().toString();
        create(token, key, "Old NGO " + key);
        clock.advance(Duration.ofHours(25));
        assertThat(expiry.expire()).isTrue();
        assertThat(expiry.expire()).as("the lock is held for five minutes after a run").isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM platform_idempotency_key WHERE idempotency_key = :k").param("k", key)
                .query(Long.class).single()).isZero();
        token = TestApi.bearer(mvc, "admin");
        mvc.perform(post("/api/v1/admin/organisations").header("Authorization", token).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Old NGO " + key + "\", \"type\": \"NGO_PARTNER\"}"))
                .andExpect(status().isConflict()).andExpect(header().doesNotExist("Idempotency-Replayed"));
    }
}
