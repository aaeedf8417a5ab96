package org.pana.asylum;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pana.testing.HeadlessChromium;
import org.pana.testing.TestApi;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The decision letter in a real headless Chromium: reached from the case page, switched to the applicant's English,
 * and printed (print media emulated) without the header, the account bar, the language switch or the footer, only the
 * letter. Screenshots go to {@code target/screenshots/}. Skipped without Chromium, as the other browser tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "demo=true")
class DecisionLetterBrowserTests {

    private static HeadlessChromium chromium;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final Map<String, String> tokens = new HashMap<>();

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        wait = chromium.waiting();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
            chromium = null;
            browser = null;
        }
    }

    String api(String user, String path, String body) throws Exception {
        String token = tokens.get(user);
        if (token == null) {
            HttpResponse<String> issued = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + TestApi.DEMO_PASSWORD + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            tokens.put(user, token = JsonPath.read(issued.body(), "$.accessToken"));
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + body + " " + response.body()).isIn(200, 201);
        return response.body();
    }

    /** A refusal, approved and notified today, of an applicant who speaks English. */
    String refusedAndNotified() throws Exception {
        String today = LocalDate.now(ZoneId.of("Asia/Almaty")).toString();
        String person = JsonPath.read(api("registration.officer", "/api/v1/persons", """
                {"jurisdiction": "KAZ", "names": [{"given": "Hamid", "family": "Sadat%s", "script": "Latn", "kind": "DOCUMENT"}],
                 "sex": "MALE", "birthDate": "1984-06-01", "birthDatePrecision": "DAY", "nationalities": ["AFG"], "languages": ["eng"]}"""
                .formatted(UUID.randomUUID().toString().substring(0, 5).replaceAll("[0-9]", "q"))), "$.id");
        String id = JsonPath.read(api("registration.officer", "/api/v1/asylum/applications",
                "{\"personId\": \"%s\", \"lodgedOn\": \"%s\", \"lodgedAt\": \"Almaty\"}".formatted(person, today)), "$.id");
        String path = "/api/v1/asylum/applications/" + id + "/transitions";
        api("registration.officer", path, "{\"action\": \"REGISTER\", \"registeredOn\": \"%s\"}".formatted(today));
        api("registration.officer", path, "{\"action\": \"RECORD_FINGERPRINTS\", \"takenOn\": \"%s\"}".formatted(today));
        api("eligibility.officer", path, "{\"action\": \"SCHEDULE_INTERVIEW\", \"at\": \"%sT03:00:00Z\", \"place\": \"Almaty\"}".formatted(today));
        api("eligibility.officer", path, "{\"action\": \"RECORD_INTERVIEW\", \"heldOn\": \"%s\", \"record\": \"Q and A.\"}".formatted(today));
        api("eligibility.officer", path, """
                {"action": "SUBMIT_ASSESSMENT", "recommendation": "REJECT", "summary": "Assessed.", "exclusionConsidered": true}""");
        api("eligibility.officer", path, "{\"action\": \"DRAFT_DECISION\", \"outcome\": \"REJECTED\", \"reasons\": \"The account is not credible.\"}");
        api("decision.maker", path, "{\"action\": \"APPROVE_DECISION\"}");
        api("registration.officer", path, "{\"action\": \"NOTIFY\", \"notifiedOn\": \"%s\"}".formatted(today));
        return id;
    }

    @Test
    void theLetterIsReachedFromTheCasePageSwitchedToEnglishAndPrintedWithoutNavigation() throws Exception {
        String id = refusedAndNotified();
        browser.get("http://localhost:" + port + "/login?lang=ru");
        browser.findElement(By.id("username")).sendKeys("decision.maker2");
        browser.findElement(By.id("password")).sendKeys(TestApi.DEMO_PASSWORD);
        WebElement button = browser.findElement(By.cssSelector("[data-testid=sign-in]"));
        button.click();
        wait.until(ExpectedConditions.stalenessOf(button));

        browser.get("http://localhost:" + port + "/asylum/applications/" + id);
        browser.findElement(By.cssSelector("[data-testid=decision-letter-link]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=letter]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=letter-title]")).getText())
                .isEqualTo("Решение по ходатайству о присвоении статуса беженца");
        browser.findElement(By.cssSelector("[data-testid=language-link][data-language=en]")).click();
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=letter]"), "lang", "en"));
        WebElement letter = browser.findElement(By.cssSelector("[data-testid=letter]"));
        assertThat(letter.getText()).contains("Your application is refused", "The last day to lodge an appeal is");
        assertThat(browser.findElement(By.cssSelector("[data-testid=letter-tools]")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("header.govuk-header")).isDisplayed()).isTrue();

        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            for (String navigation : new String[] {"header.govuk-header", "nav.pana-bar", "footer.govuk-footer", "[data-testid=letter-tools]"}) {
                assertThat(browser.findElement(By.cssSelector(navigation)).isDisplayed()).as(navigation + " on paper").isFalse();
            }
            assertThat(letter.isDisplayed()).isTrue();
            assertThat(letter.findElement(By.cssSelector("[data-testid=reasons]")).getText()).isEqualTo("The account is not credible.");
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                    HeadlessChromium.SCREENSHOTS.resolve("asylum-decision-letter-print.png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }
}
