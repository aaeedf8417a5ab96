package org.pana.bench.speed;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * Issue 6's verification page target ("under 50 ms", p95): {@code GET /verify/{code}} as a phone opens it from a
 * document's QR code (no account, no cookies, {@code Accept: text/html}), the holder's photo that page links to, and a
 * forged code (one payload character changed, so the signature check runs and fails: "not genuine").
 *
 * <p>Setup through the API as {@code registration.officer}: a new person (Latin and Cyrillic names) with a photo, an
 * asylum application lodged and registered today, and an asylum-seeker certificate issued from it (the demo data has
 * no registered application). Then WARMUP untimed and SAMPLES timed rounds, sequentially, each round the page, the
 * photo and the forged code. Checks every answer (status, verdict, number, image type), so a 429 or an error page
 * cannot pass as fast: Pana must run with {@code pana.credentials.verify.per-minute} above the rounds per minute.
 *
 * <p>{@code VerifyPageTimer --pana URL [--user registration.officer] [--samples 500] [--warmup 200] [--language ru]
 * [--layout A4] [--time-zone Asia/Almaty]}
 */
public final class VerifyPageTimer {

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        PanaClient pana = PanaClient.of(options, "pana");
        int samples = options.number("samples", 500);
        int warmup = options.number("warmup", 200);
        LocalDate today = LocalDate.now(ZoneId.of(options.text("time-zone", "Asia/Almaty")));

        String suffix = UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 4);
        String person = id(ok(pana.post("/api/v1/persons", """
                {"jurisdiction": "KAZ", "names": [{"given": "Mahsa", "family": "Verifybench%s", "script": "Latn", "kind": "DECLARED"},
                                                  {"given": "Махса", "family": "Верифибенч", "script": "Cyrl", "kind": "ALIAS"}],
                 "sex": "FEMALE", "birthDate": "1990-02-02", "birthDatePrecision": "DAY", "nationalities": ["AFG"]}""".formatted(suffix)),
                "POST /api/v1/persons"));
        byte[] jpeg = portrait(600, 800);
        HttpResponse<String> photo = pana.send(() -> HttpRequest.newBuilder(URI.create(pana.base + "/api/v1/persons/" + person + "/photo"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "image/jpeg").header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(jpeg)));
        ok(photo, "PUT /api/v1/persons/" + person + "/photo");
        String application = id(ok(pana.post("/api/v1/asylum/applications", """
                {"personId": "%s", "lodgedOn": "%s", "lodgedAt": "Almaty"}""".formatted(person, today)), "POST /api/v1/asylum/applications"));
        ok(pana.post("/api/v1/asylum/applications/" + application + "/transitions",
                "{\"action\": \"REGISTER\", \"registeredOn\": \"%s\"}".formatted(today)), "REGISTER " + application);
        long issueStart = System.nanoTime();
        Map<String, Object> issued = Json.object(ok(pana.post("/api/v1/persons/" + person + "/issued-documents", """
                {"type": "ASYLUM_SEEKER_CERTIFICATE", "applicationId": "%s", "language": "%s", "layout": "%s"}"""
                .formatted(application, options.text("language", "ru"), options.text("layout", "A4"))), "POST issued-documents"));
        long issueMillis = (System.nanoTime() - issueStart) / 1_000_000;
        String code = (String) issued.get("verificationCode");
        String number = (String) issued.get("number");
        if (code == null || number == null) throw new IllegalStateException("the issued document has no code or number: " + issued);
        // One character of the payload changed (well inside it, away from the last character's padding bits): still
        // well-formed base32 of the right length, so Pana parses it and checks the signature, which fails.
        int at = 20;
        String forged = code.substring(0, at) + (code.charAt(at) == 'A' ? 'B' : 'A') + code.substring(at + 1);

        // A phone: no cookies, HTML, its language; a fresh client, nothing of the officer's session.
        HttpClient phone = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest page = phoneRequest(pana.base + "/verify/" + code);
        HttpRequest photoPage = phoneRequest(pana.base + "/verify/" + code + "/photo");
        HttpRequest forgedPage = phoneRequest(pana.base + "/verify/" + forged);

        HttpResponse<String> first = phone.send(page, HttpResponse.BodyHandlers.ofString());
        checkPage(first, code, number);
        boolean hasPhoto = first.body().contains("/verify/" + code + "/photo");
        if (!hasPhoto) throw new IllegalStateException("the verification page links no photo, though the holder has one");

        Latencies pageTimes = new Latencies();
        Latencies photoTimes = new Latencies();
        Latencies forgedTimes = new Latencies();
        int pageChars = 0;
        int photoBytes = 0;
        int forgedChars = 0;
        for (int i = 0; i < warmup + samples; i++) {
            long before = System.nanoTime();
            HttpResponse<String> html = phone.send(page, HttpResponse.BodyHandlers.ofString());
            long pageElapsed = System.nanoTime() - before;
            checkPage(html, code, number);
            pageChars = html.body().length();

            before = System.nanoTime();
            HttpResponse<byte[]> image = phone.send(photoPage, HttpResponse.BodyHandlers.ofByteArray());
            long photoElapsed = System.nanoTime() - before;
            if (image.statusCode() != 200 || !image.headers().firstValue("Content-Type").orElse("").startsWith("image/")) {
                throw new IllegalStateException("GET /verify/{code}/photo answered " + image.statusCode() + " " + image.headers().map()
                        + throttleHint(image.statusCode()));
            }
            photoBytes = image.body().length;

            before = System.nanoTime();
            HttpResponse<String> notGenuine = phone.send(forgedPage, HttpResponse.BodyHandlers.ofString());
            long forgedElapsed = System.nanoTime() - before;
            if (notGenuine.statusCode() != 200 || !notGenuine.body().contains("data-status=\"NOT_GENUINE\"")) {
                throw new IllegalStateException("GET /verify/{forged} answered " + notGenuine.statusCode() + throttleHint(notGenuine.statusCode()));
            }
            forgedChars = notGenuine.body().length();
            if (i >= warmup) {
                pageTimes.add(pageElapsed);
                photoTimes.add(photoElapsed);
                forgedTimes.add(forgedElapsed);
            }
        }
        System.out.printf("document: %s %s, code %d characters, photo %d bytes; issuing it took %d ms%n", issued.get("type"), number,
                code.length(), photoBytes, issueMillis);
        System.out.printf("rounds:   %d warm-up, then %d timed (page, photo, forged code), sequential, no cookies, Accept-Language %s%n",
                warmup, samples, options.text("language", "ru"));
        System.out.printf("RESULT verify-page page   %s (%d chars)  [target p95 < 50 ms: %.2f of it]%n", pageTimes.summary(), pageChars,
                pageTimes.percentile(95) / 50.0);
        System.out.printf("RESULT verify-page photo  %s (%d bytes)%n", photoTimes.summary(), photoBytes);
        System.out.printf("RESULT verify-page forged %s (%d chars, not genuine)  [target p95 < 50 ms: %.2f of it]%n", forgedTimes.summary(),
                forgedChars, forgedTimes.percentile(95) / 50.0);
    }

    private static HttpRequest phoneRequest(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Accept-Language", "ru-KZ,ru;q=0.9").header("User-Agent", "Mozilla/5.0 (Linux; Android 14) Mobile (pana-bench)")
                .GET().build();
    }

    private static void checkPage(HttpResponse<String> html, String code, String number) {
        if (html.statusCode() != 200 || !html.body().contains("data-status=\"VALID\"") || !html.body().contains(number)) {
            throw new IllegalStateException("GET /verify/" + code + " answered " + html.statusCode() + " without the valid verdict and number"
                    + throttleHint(html.statusCode()));
        }
    }

    private static String throttleHint(int status) {
        return status == 429 ? " (throttled: start Pana with --pana.credentials.verify.per-minute above the rounds per minute)" : "";
    }

    private static String ok(HttpResponse<String> response, String what) {
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String id(String json) {
        Object id = Json.object(json).get("id");
        if (!(id instanceof String text)) throw new IllegalStateException("no id in " + json);
        return text;
    }

    /** A plain portrait-shaped JPEG (a gradient and an oval), enough for Pana's photo intake. */
    private static byte[] portrait(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(200, 210, 230), 0, height, new Color(120, 130, 160)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(225, 190, 160));
        g.fillOval(width / 4, height / 5, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
