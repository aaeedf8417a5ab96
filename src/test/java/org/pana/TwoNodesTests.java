package org.pana;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pana.platform.ScheduledJobs;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application nodes on one database, as behind a load balancer: a session and an Idempotency-Key
 * made through one are honoured by the other, and a scheduled job runs on only one of them.
 */
class TwoNodesTests {

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startTwoNodes() {
        String database = "twonodes" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        nodeA = start(database);
        nodeB = start(database);
    }

    @AfterAll
    static void stopNodes() {
        if (nodeB != null) nodeB.close();
        if (nodeA != null) nodeA.close();
    }

    private static ConfigurableApplicationContext start(String database) {
        return new SpringApplicationBuilder(PanaApplication.class)
                .run("--server.port=0", "--pana.test.shared-database=" + database, "--spring.main.banner-mode=off");
    }

    private static String url(ConfigurableApplicationContext node, String path) {
        return "http://localhost:" + node.getEnvironment().getProperty("local.server.port") + path;
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("__Host-PANA_SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    @Test
    void honoursASessionStartedOnTheOtherNode() throws Exception {
        HttpResponse<String> loginPage = http.send(HttpRequest.newBuilder(URI.create(url(nodeA, "/login"))).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).isTrue();
        String form = "username=auditor&password=pana-demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(url(nodeA, "/login")))
                .header("Cookie", sessionCookie(loginPage)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

        HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(url(nodeB, "/")))
                .header("Cookie", sessionCookie(signedIn)).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Aliya Auditor").contains("data-role=\"AUDITOR\"");
    }

    @Test
    void replaysAnIdempotentCreateOnTheOtherNode() throws Exception {
        String token = JsonPath.read(http.send(HttpRequest.newBuilder(URI.create(url(nodeA, "/api/v1/auth/token")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"pana-demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body(), "$.accessToken");
        String key = UUID.randomUUID().toString();
        String body = "{\"name\": \"Two nodes NGO " + key + "\", \"type\": \"NGO_PARTNER\"}";
        HttpResponse<String> first = createOrganisation(nodeA, token, key, body);
        HttpResponse<String> retry = createOrganisation(nodeB, token, key, body);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotency-Replayed")).contains("true");
        long count = nodeA.getBean(JdbcClient.class).sql("SELECT count(*) FROM access_organisation WHERE name = :n")
                .param("n", "Two nodes NGO " + key).query(Long.class).single();
        assertThat(count).isEqualTo(1);
    }

    private static HttpResponse<String> createOrganisation(ConfigurableApplicationContext node, String token, String key, String body)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(node, "/api/v1/admin/organisations")))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void runsAScheduledJobOnOnlyOneNode() throws Exception {
        String job = "two-nodes-test-" + UUID.randomUUID();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Boolean>> runs = List.of(nodeA, nodeB, nodeA, nodeB).stream()
                .map(node -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return node.getBean(ScheduledJobs.class).runExclusively(job, Duration.ofMinutes(5), Duration.ofMinutes(30), () -> { });
                })).toList();
        start.countDown();
        long ran = runs.stream().map(CompletableFuture::join).filter(Boolean::booleanValue).count();
        assertThat(ran).isEqualTo(1);
        long recorded = nodeB.getBean(JdbcClient.class).sql("SELECT count(*) FROM platform_job_run WHERE name = :n")
                .param("n", job).query(Long.class).single();
        assertThat(recorded).isEqualTo(1);
    }
}
