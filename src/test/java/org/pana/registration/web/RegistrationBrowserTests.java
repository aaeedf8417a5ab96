package org.pana.registration.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pana.testing.HeadlessChromium;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A registration officer in a real headless Chromium registers a person written in Latin script, then
 * starts registering the same person written in Cyrillic: the duplicate warning names the first record,
 * and the officer opens it instead. Adding a name row goes through htmx under the CSP. Screenshots go to
 * {@code target/screenshots/}. Skipped without Chromium unless {@code -Dpana.browser.required=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "demo=true")
class RegistrationBrowserTests {

    static final Path SCREENSHOTS = HeadlessChromium.SCREENSHOTS;

    private static HeadlessChromium chromium;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @LocalServerPort
    int port;

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

    @Test
    void anOfficerSeesTheDuplicateWarningForTheSamePersonInCyrillicAndOpensTheExistingRecord() throws IOException {
        signIn("registration.officer");
        open("/");
        browser.findElement(By.cssSelector("a[href='/persons/new']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=register-form]")));

        // htmx adds a name row in place, under the CSP.
        int rows = browser.findElements(By.cssSelector("[data-testid=name-rows] .pana-row")).size();
        browser.findElement(By.cssSelector("[data-testid=add-name]")).click();
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=name-rows] .pana-row")).size() == rows + 1);
        assertThat(browser.findElement(By.id("names-0-given")).getAttribute("value")).isEmpty();

        fillIn("Bakhtiyor", "Rahimzoda", "Latn", "P" + System.nanoTime() % 100_000_000);
        screenshot("register-filled");
        submit("[data-testid=register]");
        if (!browser.findElements(By.cssSelector("[data-testid=confirm-different]")).isEmpty()) submit("[data-testid=confirm-different]");

        WebElement banner = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-notification-banner--success")));
        String number = browser.findElement(By.cssSelector("[data-testid=registration-number]")).getText();
        assertThat(banner.getText()).contains(number);
        String firstPath = path();
        screenshot("person-registered");

        open("/persons/new");
        fillIn("Бахтиёр", "Рахимзода", "Cyrl", "");
        submit("[data-testid=register]");

        WebElement warning = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=duplicate-candidates]")));
        assertThat(path()).isEqualTo("/persons/new");
        List<WebElement> links = warning.findElements(By.cssSelector("[data-testid=candidate-link]"));
        assertThat(links).extracting(WebElement::getText).contains(number);
        assertThat(browser.findElement(By.id("names-0-given")).getAttribute("value")).isEqualTo("Бахтиёр");
        assertThat(browser.getPageSource()).doesNotContain("??");
        screenshot("register-duplicate-warning");

        links.stream().filter(a -> a.getText().equals(number)).findFirst().orElseThrow().click();
        wait.until(ExpectedConditions.urlContains(firstPath));
        assertThat(browser.findElement(By.cssSelector("[data-testid=registration-number]")).getText()).isEqualTo(number);
        assertThat(browser.findElement(By.cssSelector("[data-testid=names]")).getText()).contains("Bakhtiyor");
        screenshot("person-page");
    }

    private void fillIn(String given, String family, String script, String documentNumber) {
        browser.findElement(By.id("names-0-given")).sendKeys(given);
        browser.findElement(By.id("names-0-family")).sendKeys(family);
        new Select(browser.findElement(By.id("names-0-script"))).selectByValue(script);
        new Select(browser.findElement(By.id("sex"))).selectByValue("MALE");
        browser.findElement(By.id("birthDay")).sendKeys("14");
        browser.findElement(By.id("birthMonth")).sendKeys("5");
        browser.findElement(By.id("birthYear")).sendKeys("1984");
        new Select(browser.findElement(By.id("nationalities"))).selectByValue("AFG");
        browser.findElement(By.id("languages")).sendKeys("prs, rus");
        if (!documentNumber.isEmpty()) {
            new Select(browser.findElement(By.id("documents-0-type"))).selectByValue("PASSPORT");
            browser.findElement(By.id("documents-0-number")).sendKeys(documentNumber);
            new Select(browser.findElement(By.id("documents-0-issuingCountry"))).selectByValue("AFG");
        }
    }

    private void submit(String selector) {
        WebElement button = browser.findElement(By.cssSelector(selector));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
        wait.until(ExpectedConditions.stalenessOf(button));
    }

    private void signIn(String username) {
        open("/login?lang=en");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("pana-demo");
        WebElement button = browser.findElement(By.cssSelector("[data-testid=sign-in]"));
        button.click();
        wait.until(ExpectedConditions.stalenessOf(button));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private static String path() {
        return java.net.URI.create(browser.getCurrentUrl()).getPath();
    }

    /** The whole page, not just the window: the window grows to the page's height for the shot. */
    private static void screenshot(String name) throws IOException {
        org.openqa.selenium.Dimension window = browser.manage().window().getSize();
        Number height = (Number) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(window.getWidth(), Math.min(6000, height.intValue() + 150)));
        Path taken = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(taken, SCREENSHOTS.resolve("registration-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(window);
    }
}
