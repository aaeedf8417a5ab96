package org.pana.bench.speed;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTTP to Pana (or the raw peer): bearer tokens from POST /api/v1/auth/token, JSON posts, a signed-in page session. */
final class PanaClient {

    static final String DEMO_PASSWORD = "pana-demo";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    final String base;
    final HttpClient http;
    private volatile String token;
    private final String username;
    private final String password;

    PanaClient(String base, String username, String password) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.username = username;
        this.password = password;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static PanaClient of(Options options, String baseOption) {
        return new PanaClient(options.required(baseOption), options.text("user", "registration.officer"),
                options.text("password", DEMO_PASSWORD));
    }

    /** A fresh bearer token (also after a 401: tokens live an hour). */
    synchronized String signIn() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(json("/api/v1/auth/token",
                Json.write(Map.of("username", username, "password", password))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("sign-in as " + username + " answered " + response.statusCode() + ": " + response.body());
        }
        token = (String) Json.object(response.body()).get("accessToken");
        return token;
    }

    String token() throws IOException, InterruptedException {
        String current = token;
        return current != null ? current : signIn();
    }

    HttpRequest.Builder json(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    HttpRequest.Builder authorised(HttpRequest.Builder request) throws IOException, InterruptedException {
        return request.header("Authorization", "Bearer " + token());
    }

    /** Sends with the bearer token; on a 401 signs in again once and retries. */
    HttpResponse<String> send(java.util.function.Supplier<HttpRequest.Builder> request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(authorised(request.get()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            signIn();
            response = http.send(authorised(request.get()).build(), HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(() -> json(path, body));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(() -> HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json").GET());
    }

    /** A client signed in through the login form, with its session cookie, for HTML pages. */
    static HttpClient pageSession(String base, String username, String password) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new PlainCookies())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(login.body());
        if (!csrf.find()) throw new IOException("no _csrf field on the login page (status " + login.statusCode() + ")");
        String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error") || location.contains("throttled")) {
            throw new IOException("page sign-in failed: " + signedIn.statusCode() + " -> " + location);
        }
        return browser;
    }

    /**
     * Keeps every cookie Pana sets and sends it back, also over plain http: Pana's session cookie is
     * {@code __Host-} and {@code Secure} (TLS ends at the proxy in production), which the JDK's
     * CookieManager rightly never sends to http://127.0.0.1.
     */
    private static final class PlainCookies extends CookieHandler {
        private final Map<String, String> cookies = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            if (cookies.isEmpty()) return Map.of();
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
            return Map.of("Cookie", List.of(header.toString()));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if (name == null || !name.equalsIgnoreCase("Set-Cookie")) return;
                for (String value : values) {
                    String pair = value.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    if (eq <= 0) continue;
                    String cookie = pair.substring(0, eq).trim();
                    String content = pair.substring(eq + 1).trim();
                    if (content.isEmpty() || value.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) cookies.remove(cookie);
                    else cookies.put(cookie, content);
                }
            });
        }
    }
}
