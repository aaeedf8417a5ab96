package org.pana.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.pana.testing.HeadlessChromium;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Signs in as every demo user in a real headless Chromium, as a person would: the home page shows the
 * user's role and what it can do, the DEMO banner and the user's name; signing out returns to the
 * sign-in page. Also a wrong password and the language switch. Screenshots go to
 * {@code target/screenshots/}.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver}. Without them the tests are skipped,
 * unless {@code -Dpana.browser.required=true} (CI sets it), when they fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "demo=true")
class SignInBrowserTests {

    static final Path SCREENSHOTS = HeadlessChromium.SCREENSHOTS;

    /** The demo users of api.md with their single role. */
    static final Map<String, Role> DEMO_USERS = Map.ofEntries(
            Map.entry("admin", Role.ADMINISTRATOR),
            Map.entry("border.officer", Role.BORDER_OFFICER),
            Map.entry("registration.officer", Role.REGISTRATION_OFFICER),
            Map.entry("eligibility.officer", Role.ELIGIBILITY_OFFICER),
            Map.entry("decision.maker", Role.DECISION_MAKER),
            Map.entry("decision.maker2", Role.DECISION_MAKER),
            Map.entry("appeals.officer", Role.APPEALS_OFFICER),
            Map.entry("statelessness.officer", Role.STATELESSNESS_OFFICER),
            Map.entry("migration.officer", Role.MIGRATION_OFFICER),
            Map.entry("unhcr.monitor", Role.PROTECTION_MONITOR),
            Map.entry("legal.partner", Role.PARTNER_CASEWORKER),
            Map.entry("medical.partner", Role.PARTNER_CASEWORKER),
            Map.entry("statistician", Role.STATISTICIAN),
            Map.entry("auditor", Role.AUDITOR));

    private static HeadlessChromium chromium;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @LocalServerPort
    int port;

    @Autowired
    UserAccountRepository users;

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

    @BeforeEach
    void startSignedOutInEnglish() {
        open("/login?lang=en");
        browser.manage().deleteAllCookies();
    }

    static Stream<String> demoUsernames() {
        return DEMO_USERS.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoUsernames")
    void eachDemoUserSeesTheirRoleAndSignsOut(String username) throws IOException {
        Role role = DEMO_USERS.get(username);
        String displayName = users.findByUsername(username).orElseThrow().displayName();

        signIn(username, "pana-demo");

        assertThat(path()).isEqualTo("/");
        // The session cookie of security.md #19 made it through over http://localhost.
        Cookie session = browser.manage().getCookieNamed("__Host-PANA_SESSION");
        assertThat(session).as("session cookie accepted by Chromium").isNotNull();
        assertThat(session.isSecure()).isTrue();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");

        assertThat(browser.findElements(By.cssSelector("[data-testid=demo-banner]"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("[data-testid=demo-banner]")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("[data-testid=current-user]")).getText()).isEqualTo(displayName);

        List<WebElement> sections = browser.findElements(By.cssSelector("section[data-role]"));
        assertThat(sections).extracting(s -> s.getAttribute("data-role")).containsExactly(role.name());
        WebElement section = sections.get(0);
        assertThat(section.findElement(By.tagName("h2")).getText()).isEqualTo(english("role." + role.name()));
        List<RoleCapabilities.Action> actions = RoleCapabilities.of(role);
        assertThat(actions).isNotEmpty();
        assertThat(section.findElements(By.cssSelector("li[data-action]")))
                .extracting(li -> li.getAttribute("data-action"))
                .containsExactlyElementsOf(actions.stream().map(RoleCapabilities.Action::messageKey).toList());
        for (RoleCapabilities.Action action : actions) {
            WebElement item = section.findElement(By.cssSelector("li[data-action='" + action.messageKey() + "']"));
            assertThat(item.isDisplayed()).isTrue();
            assertThat(item.getText()).contains(english(action.messageKey()));
            if (action.path() != null) {
                assertThat(item.findElement(By.tagName("a")).getAttribute("href")).endsWith(action.path());
            }
        }
        assertThat(browser.getPageSource()).doesNotContain("??");

        screenshot("home-" + username);

        browser.findElement(By.cssSelector("[data-testid=sign-out]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=sign-in]")));
        assertThat(path()).isEqualTo("/login");
        assertThat(browser.getCurrentUrl()).contains("signed-out");
        assertThat(browser.findElements(By.cssSelector("[data-testid=current-user]"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("[data-testid=demo-banner]"))).hasSize(1);

        // Signed out means signed out: the home page sends us back to sign in.
        open("/");
        assertThat(path()).isEqualTo("/login");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"admin", "auditor", "border.officer", "registration.officer", "migration.officer", "unhcr.monitor"})
    void everyLinkOnTheHomePageOpensAWorkingPage(String username) throws IOException {
        signIn(username, "pana-demo");
        List<String> links = browser.findElements(By.cssSelector("main a.govuk-link")).stream()
                .map(a -> java.net.URI.create(a.getAttribute("href")).getPath()).toList();
        assertThat(links).isNotEmpty().contains("/calendar");
        for (String link : links) {
            open(link);
            assertThat(path()).as(link).isEqualTo(link);
            assertThat(browser.findElement(By.tagName("h1")).getText()).as(link).isNotBlank()
                    .isNotEqualTo(bundle("platform").getProperty("error.title"));
            assertThat(browser.getPageSource()).as(link).doesNotContain("??");
            screenshot("page-" + username + link.replace('/', '-'));
        }
        browser.findElement(By.cssSelector("[data-testid=sign-out]")).click();
    }

    @Test
    void theCalendarAddsWorkingDaysInPlaceWithHtmxUnderTheContentSecurityPolicy() throws IOException {
        signIn("border.officer", "pana-demo");
        open("/calendar/KAZ?year=2026");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('from').value = '2026-03-20'");
        browser.findElement(By.id("days")).sendKeys("5");
        browser.findElement(By.cssSelector("[data-testid=add-working-days-form] button[type=submit]")).click();
        WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=add-working-days-result]")));
        assertThat(result.getAttribute("data-date")).isEqualTo("2026-04-01");
        assertThat(browser.getCurrentUrl()).as("htmx swapped the result in; no full page load").doesNotContain("from=");
        screenshot("calendar-add-working-days");
    }

    @Test
    void aWrongPasswordShowsTheErrorSummary() throws IOException {
        signIn("auditor", "not-the-password");

        assertThat(path()).isEqualTo("/login");
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=login-error]")));
        assertThat(summary.getText()).contains(english("login.error.title")).contains(english("login.error.credentials"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=current-user]"))).isEmpty();
        screenshot("login-wrong-password");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ru", "kk"})
    void theLanguageSwitchShowsThePagesInRussianAndKazakh(String language) throws IOException {
        Properties access = bundle("access_" + language);
        Properties platform = bundle("platform_" + language);

        open("/login?lang=" + language);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(access.getProperty("login.title"));
        assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo(access.getProperty("login.username"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=demo-banner]")).getText()).contains(platform.getProperty("layout.demo.title"));
        screenshot("login-" + language);

        // The choice sticks (cookie) after signing in, without ?lang.
        signIn("decision.maker", "pana-demo");
        assertThat(path()).isEqualTo("/");
        String name = users.findByUsername("decision.maker").orElseThrow().displayName();
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo(access.getProperty("home.welcome").replace("{0}", name));
        assertThat(browser.findElement(By.cssSelector("section[data-role=DECISION_MAKER] h2")).getText())
                .isEqualTo(access.getProperty("role.DECISION_MAKER"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=sign-out]")).getText()).isEqualTo(platform.getProperty("layout.sign-out"));
        assertThat(browser.getPageSource()).doesNotContain("??");
        screenshot("home-decision.maker-" + language);
        browser.findElement(By.cssSelector("[data-testid=sign-out]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=sign-in]")));
    }

    private void signIn(String username, String password) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
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

    private static void screenshot(String name) throws IOException {
        Path taken = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(taken, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String english(String key) {
        String value = bundle("access").getProperty(key);
        assertThat(value).as("message " + key).isNotNull();
        return value;
    }

    private static Properties bundle(String name) {
        try (InputStream in = SignInBrowserTests.class.getResourceAsStream("/messages/" + name + ".properties")) {
            assertThat(in).as("messages/" + name + ".properties").isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
