package org.pana;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Prometheus scrapes metrics on the internal management port only; on the public port they need an administrator. */
class MetricsTests {

    @Test
    void servesPrometheusMetricsOnTheManagementPortOnly() throws Exception {
        int managementPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            managementPort = socket.getLocalPort();
        }
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PanaApplication.class).run("--server.port=0",
                "--management.server.port=" + managementPort, "--management.server.address=127.0.0.1",
                "--pana.test.shared-database=metrics" + UUID.randomUUID().toString().substring(0, 8))) {
            String port = app.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> internal = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(internal.statusCode()).isEqualTo(200);
            assertThat(internal.body()).contains("jvm_memory_used_bytes");
            HttpResponse<String> internalOther = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + managementPort + "/actuator/info")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(internalOther.statusCode()).isNotEqualTo(200);
            HttpResponse<String> outside = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(outside.statusCode()).isIn(302, 401, 403, 404);
        }
    }
}
