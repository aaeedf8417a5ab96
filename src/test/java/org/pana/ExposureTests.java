package org.pana;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What Pana exposes to a caller who has not signed in, checked over real HTTP against every registered
 * endpoint (security.md #26, #36, #37).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExposureTests {

    /** The only paths that answer without authentication. */
    static final Set<String> PUBLIC = Set.of("/login", "/error", "/actuator/health", "/api/v1/auth/token");

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(String method, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, method.equals("GET") || method.equals("TRACE") || method.equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        if (!method.equals("GET") && !method.equals("TRACE") && !method.equals("DELETE")) request.header("Content-Type", "application/json");
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersNoRegisteredEndpointWithoutAuthenticationExceptThePublicOnes() throws Exception {
        List<String> checked = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, ?> entry : mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = entry.getKey();
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty()
                        ? Set.of(RequestMethod.GET, RequestMethod.POST) : info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    String path = pattern.replaceAll("\\{[^}]+}", "00000000-0000-7000-8000-000000000000").replace("/**", "/x");
                    // Document verification is public by design (issue 6): anyone may check a document's QR code.
                    if (PUBLIC.contains(path) || path.toLowerCase(java.util.Locale.ROOT).startsWith("/verify/")) continue;
                    for (RequestMethod method : methods) {
                        HttpResponse<String> response = send(method.name(), path, Map.of("Accept", "text/html,application/json"));
                        checked.add(method + " " + path);
                        boolean refused = response.statusCode() == 401 || response.statusCode() == 403
                                || (response.statusCode() == 302 && response.headers().firstValue("Location").orElse("").endsWith("/login"));
                        assertThat(refused).as(method + " " + path + " answered " + response.statusCode()).isTrue();
                        assertThat(response.body()).as(method + " " + path).doesNotContain("Exception").doesNotContain("at org.");
                    }
                }
            }
        }
        assertThat(checked).anyMatch(c -> c.contains("/api/v1/admin/users")).anyMatch(c -> c.contains("/admin/organisations"));
    }

    @Test
    void keepsTheApiDocumentationAndMetricsBehindAuthentication() throws Exception {
        for (String path : List.of("/api/docs", "/api/docs/ui", "/actuator/prometheus", "/actuator/info", "/actuator")) {
            int status = send("GET", path, Map.of()).statusCode();
            assertThat(status).as(path).isIn(401, 302, 403);
        }
        assertThat(send("GET", "/actuator/health", Map.of()).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/health/readiness", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void sendsNoVersionBannerAndSecurityHeadersEvenOnErrors() throws Exception {
        for (String path : List.of("/login", "/no-such-page", "/api/v1/no-such-endpoint", "/actuator/health")) {
            HttpResponse<String> response = send("GET", path, Map.of("Accept", "text/html"));
            assertThat(response.headers().firstValue("Server")).as(path).isEmpty();
            assertThat(response.headers().firstValue("X-Powered-By")).as(path).isEmpty();
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path).isPresent();
            assertThat(response.headers().firstValue("Content-Security-Policy").orElse("")).as(path).contains("frame-ancestors 'none'");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            if (!response.body().isEmpty()) {
                assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).containsIgnoringCase("charset=utf-8");
            }
        }
    }

    @Test
    void refusesTraceAndAnswersUnsupportedMethodsWith405() throws Exception {
        assertThat(send("TRACE", "/login", Map.of()).statusCode()).isIn(405, 403, 400);
        String token = com.jayway.jsonpath.JsonPath.read(tokenBody(), "$.accessToken");
        HttpResponse<String> put = send("PUT", "/api/v1/admin/users", Map.of("Authorization", "Bearer " + token));
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    private String tokenBody() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"pana-demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void answersUnknownApiPathsWithProblemJson() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/no-such-endpoint", Map.of("Accept", "application/json"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void keepsNoSecretsInTheRepository() throws Exception {
        List<String> secrets = List.of("BEGIN PRIVATE KEY", "BEGIN RSA PRIVATE KEY", "AKIA", "password=pana", "PANA_DB_PASSWORD=");
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".txt"))
                    .filter(f -> !f.toString().matches(".*\\.(ttf|otf|png|jpg|ico)$")).toList()) { // fonts and images: binary, not text
                String text = Files.readString(file);
                for (String secret : secrets) assertThat(text).as(file + " contains " + secret).doesNotContain(secret);
            }
        }
    }
}
