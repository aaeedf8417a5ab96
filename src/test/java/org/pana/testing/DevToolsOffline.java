package org.pana.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.HasCapabilities;
import org.openqa.selenium.WebDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chromium's network switched off (or slowed) through raw DevTools, for every page <em>and every service
 * worker</em>. Page-level {@code Network.emulateNetworkConditions} (what Selenium's CDP helpers do) does not
 * cut a service worker's own fetches in recent Chromium, so a worker would still reach the server and an
 * "offline" test would prove nothing. This attaches to the browser's DevTools endpoint, to each page and
 * worker target, also to those that start later, and applies the same conditions to each. It can also
 * lose the answers to chosen requests after the server has handled them (a link that drops mid-request).
 */
public final class DevToolsOffline implements AutoCloseable {

    private static final Set<String> TARGET_TYPES = Set.of("page", "service_worker");

    private final JsonMapper json = JsonMapper.builder().build();
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    /** Target id to the flat session attached to it. */
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> typeOf = new ConcurrentHashMap<>();
    private volatile Map<String, Object> conditions = online();
    private volatile String loseAnswersTo;
    private final AtomicInteger answersToLose = new AtomicInteger();
    private final AtomicInteger answersLost = new AtomicInteger();
    private volatile String failRequestsTo;

    private DevToolsOffline(WebSocket socket) {
        this.socket = socket;
    }

    /** Connects to the browser ChromeDriver started and attaches to its pages and service workers. */
    @SuppressWarnings("unchecked")
    public static DevToolsOffline of(WebDriver driver) throws Exception {
        Map<String, Object> options = (Map<String, Object>) ((HasCapabilities) driver).getCapabilities().getCapability("goog:chromeOptions");
        String address = String.valueOf(options.get("debuggerAddress"));
        HttpClient http = HttpClient.newHttpClient();
        String version = http.send(HttpRequest.newBuilder(URI.create("http://" + address + "/json/version")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String url = JsonMapper.builder().build().readTree(version).get("webSocketDebuggerUrl").asString();
        DevToolsOffline[] self = new DevToolsOffline[1];
        Listener listener = new Listener(message -> self[0].receive(message));
        WebSocket socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(URI.create(url), listener)
                .get(10, TimeUnit.SECONDS);
        self[0] = new DevToolsOffline(socket);
        self[0].start();
        return self[0];
    }

    private void start() throws Exception {
        call("Target.setDiscoverTargets", Map.of("discover", true), null);
        for (JsonNode target : call("Target.getTargets", Map.of(), null).get("targetInfos")) attach(target);
    }

    /** Cuts (or restores) the network of every page and service worker, now and for those that start later. */
    public void offline(boolean offline) throws Exception {
        conditions = offline ? Map.of("offline", true, "latency", 0, "downloadThroughput", 0, "uploadThroughput", 0) : online();
        applyEverywhere();
    }

    /** A slow link: throughput in kilobits per second both ways and a round-trip latency. */
    public void throttle(int kilobitsPerSecond, int latencyMillis) throws Exception {
        double bytesPerSecond = kilobitsPerSecond * 1000 / 8.0;
        conditions = Map.of("offline", false, "latency", latencyMillis, "downloadThroughput", bytesPerSecond, "uploadThroughput", bytesPerSecond);
        applyEverywhere();
    }

    /** Empties the browser's HTTP cache, so that the next load is a first visit. */
    public void clearBrowserCache() throws Exception {
        for (Map.Entry<String, String> session : sessions.entrySet()) {
            if ("page".equals(typeOf.get(session.getKey()))) {
                call("Network.clearBrowserCache", Map.of(), session.getValue());
                return;
            }
        }
    }

    /**
     * The next {@code count} answers to requests whose URL ends with {@code urlEnd} are lost after the server
     * handled the request: the page sees a dropped connection.
     */
    public void loseAnswers(String urlEnd, int count) throws Exception {
        loseAnswersTo = urlEnd;
        answersToLose.set(count);
        interceptPages(Map.of("urlPattern", "*" + urlEnd, "requestStage", "Response"));
    }

    /** Requests whose URL ends with {@code urlEnd} fail before they reach the server, until {@link #stopIntercepting()}. */
    public void failRequests(String urlEnd) throws Exception {
        failRequestsTo = urlEnd;
        interceptPages(Map.of("urlPattern", "*" + urlEnd, "requestStage", "Request"));
    }

    /** How many answers {@link #loseAnswers} has lost so far. */
    public int answersLost() {
        return answersLost.get();
    }

    public void stopIntercepting() throws Exception {
        failRequestsTo = null;
        loseAnswersTo = null;
        for (Map.Entry<String, String> session : sessions.entrySet()) {
            if ("page".equals(typeOf.get(session.getKey()))) call("Fetch.disable", Map.of(), session.getValue());
        }
    }

    /** Evaluates an expression (a promise is awaited) in the first service worker and returns its value as JSON text. */
    public String evaluateInServiceWorker(String expression) throws Exception {
        for (Map.Entry<String, String> session : sessions.entrySet()) {
            if ("service_worker".equals(typeOf.get(session.getKey()))) {
                JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "awaitPromise", true, "returnByValue", true),
                        session.getValue());
                return result.path("result").path("value").asString();
            }
        }
        throw new IllegalStateException("No service worker is running");
    }

    private void interceptPages(Map<String, Object> pattern) throws Exception {
        for (Map.Entry<String, String> session : sessions.entrySet()) {
            if ("page".equals(typeOf.get(session.getKey()))) call("Fetch.enable", Map.of("patterns", List.of(pattern)), session.getValue());
        }
    }

    private static Map<String, Object> online() {
        return Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1);
    }

    private void applyEverywhere() throws Exception {
        for (String session : sessions.values()) apply(session);
    }

    private void apply(String session) throws Exception {
        JsonNode answer = send("Network.emulateNetworkConditions", conditions, session).get(10, TimeUnit.SECONDS);
        if (answer.has("error")) throw new IllegalStateException("Network.emulateNetworkConditions: " + answer.get("error"));
    }

    private void attach(JsonNode target) throws Exception {
        String type = target.path("type").asString();
        String id = target.path("targetId").asString();
        if (!TARGET_TYPES.contains(type) || sessions.containsKey(id)) return;
        JsonNode attached = call("Target.attachToTarget", Map.of("targetId", id, "flatten", true), null);
        String session = attached.get("sessionId").asString();
        sessions.put(id, session);
        typeOf.put(id, type);
        call("Network.enable", Map.of(), session);
        apply(session);
    }

    private JsonNode call(String method, Map<String, Object> params, String session) throws Exception {
        JsonNode answer = send(method, params, session).get(20, TimeUnit.SECONDS);
        if (answer.has("error")) throw new IllegalStateException(method + ": " + answer.get("error"));
        return answer.get("result");
    }

    private CompletableFuture<JsonNode> send(String method, Map<String, Object> params, String session) {
        int id = ids.incrementAndGet();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("method", method);
        message.put("params", params);
        if (session != null) message.put("sessionId", session);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        synchronized (socket) {
            socket.sendText(json.writeValueAsString(message), true).join();
        }
        return answer;
    }

    private void receive(String text) {
        JsonNode message = json.readTree(text);
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
            if (answer != null) answer.complete(message);
            return;
        }
        String method = message.path("method").asString();
        // Events arrive on the socket's thread: answer them on another so that the socket keeps reading.
        if (method.equals("Target.targetCreated")) {
            CompletableFuture.runAsync(() -> {
                try {
                    attach(message.path("params").path("targetInfo"));
                } catch (Exception e) {
                    // the target went away before it could be attached
                }
            });
        } else if (method.equals("Target.detachedFromTarget")) {
            String target = message.path("params").path("targetId").asString();
            if (!target.isEmpty()) {
                sessions.remove(target);
                typeOf.remove(target);
            }
        } else if (method.equals("Fetch.requestPaused")) {
            String session = message.path("sessionId").asString();
            JsonNode params = message.path("params");
            String requestId = params.path("requestId").asString();
            String url = params.path("request").path("url").asString();
            boolean answered = params.has("responseStatusCode");
            CompletableFuture.runAsync(() -> {
                boolean lose = answered && loseAnswersTo != null && url.endsWith(loseAnswersTo) && answersToLose.getAndDecrement() > 0;
                if (lose) answersLost.incrementAndGet();
                boolean fail = !answered && failRequestsTo != null && url.endsWith(failRequestsTo);
                send(lose || fail ? "Fetch.failRequest" : "Fetch.continueRequest",
                        lose || fail ? Map.of("requestId", requestId, "errorReason", "ConnectionReset") : Map.of("requestId", requestId), session);
            });
        }
    }

    @Override
    public void close() {
        socket.abort();
    }

    /** Gathers a message's frames and hands over the whole text. */
    private static final class Listener implements WebSocket.Listener {
        private final java.util.function.Consumer<String> onMessage;
        private final StringBuilder partial = new StringBuilder();

        Listener(java.util.function.Consumer<String> onMessage) {
            this.onMessage = onMessage;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String whole = partial.toString();
                partial.setLength(0);
                try {
                    onMessage.accept(whole);
                } catch (RuntimeException e) {
                    // one unreadable event must not stop the connection
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
