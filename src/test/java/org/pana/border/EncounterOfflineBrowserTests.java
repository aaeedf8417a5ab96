package org.pana.border;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pana.testing.DevToolsOffline;
import org.pana.testing.HeadlessChromium;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A border officer at a post whose link drops, in a real headless Chromium with its network cut through
 * DevTools for the page and for its service worker: encounters saved offline wait in the browser, survive a
 * reload that is served by the worker, and reach the server exactly once when the link returns, also when
 * an answer is lost on the way back. Sign-out clears what is kept; entries older than 72 hours are dropped
 * with a warning; another officer's entries are neither shown nor sent. Also measures the form's weight
 * and its load on a 256 kbit/s link ({@code target/encounter-page-weight.txt}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "demo=true")
class EncounterOfflineBrowserTests {

    static final Path WEIGHT_REPORT = Path.of("target", "encounter-page-weight.txt");
    static final String FORM = "/border/encounters/new";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    private HeadlessChromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;
    private DevToolsOffline devTools;

    @BeforeEach
    void startBrowser() throws Exception {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        devTools = DevToolsOffline.of(browser);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (devTools != null) devTools.close();
        if (chromium != null) chromium.close();
    }

    @Test
    void savesTwoEncountersOfflineKeepsThemOverAnOfflineReloadAndSendsEachExactlyOnceWhenTheLinkReturns() throws Exception {
        signIn();
        openFormAndWaitForTheWorker();
        String first = "offline-1-" + UUID.randomUUID(), second = "offline-2-" + UUID.randomUUID();

        devTools.offline(true);
        wait.until(d -> statusText().equals(text("offline")));
        assertThat(devTools.evaluateInServiceWorker("fetch('/border/encounters/session').then(() => 'reached', () => 'cut')"))
                .as("the worker's own fetches are cut too").isEqualTo("cut");
        fillIn("Offlinea", first);
        addCompanion("Offlinechild", "Borderova", "2015", "DAUGHTER");
        save();
        wait.until(d -> queued().size() == 1);
        fillIn("Offlineb", second);
        save();
        wait.until(d -> queued().size() == 2);
        screenshot("queued-offline");

        browser.navigate().refresh();
        waitUntilReady();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Record a border encounter");
        assertThat(((Number) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('navigation')[0].workerStart")).doubleValue()).as("served by the worker").isPositive();
        wait.until(d -> queued().size() == 2);
        assertThat(queued()).allMatch(item -> item.contains(text("waiting")));
        assertThat(encountersWith(first) + encountersWith(second)).as("nothing reached the server").isZero();
        screenshot("reloaded-offline");

        // The link comes back but drops the first answer: the server recorded the encounter, the page never heard.
        devTools.loseAnswers("/border/encounters", 1);
        devTools.offline(false);
        wait.until(d -> queued().isEmpty());
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=sent-encounter]")).size() == 2);
        devTools.stopIntercepting();
        assertThat(devTools.answersLost()).as("one answer was lost on the way back").isEqualTo(1);
        screenshot("sent");

        assertThat(encountersWith(first)).isEqualTo(1);
        assertThat(encountersWith(second)).isEqualTo(1);
        // The daughter met with the first person came with her: one household, she its member as a daughter.
        assertThat(jdbc.sql("""
                SELECT c.relationship FROM border_encounter_companion c JOIN border_encounter e ON e.id = c.encounter_id
                WHERE e.intent_in_own_words = :m AND e.household_id IS NOT NULL""").param("m", first).query(String.class).list())
                .containsExactly("DAUGHTER");
        assertThat(jdbc.sql("SELECT count(*) FROM border_encounter_companion c JOIN border_encounter e ON e.id = c.encounter_id"
                + " WHERE e.intent_in_own_words = :m").param("m", second).query(Long.class).single()).isZero();
        assertThat((List<String>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('[data-testid=sent-encounter]')].map(e => e.textContent)")).hasSize(2).allMatch(text -> text.matches(".*KAZ-\\d{2}-\\d{6}.*"));
    }

    @Test
    void showsFieldErrorsNextToTheFieldsAndLinksTheEncounterToTheDuplicateTheOfficerPicks() throws Exception {
        signIn();
        openFormAndWaitForTheWorker();
        new Select(browser.findElement(By.id("sex"))).selectByValue("MALE");
        browser.findElement(By.id("intent-no")).click();
        save();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=error-summary]")));
        assertThat(browser.findElements(By.cssSelector("#name-rows [data-error-for^='person.names']"))).as("the error is on the name").isNotEmpty();
        assertThat(queued()).as("a refused encounter is not left in the queue").isEmpty();
        screenshot("field-errors");

        String family = "Dupl" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        String first = "dup-1-" + UUID.randomUUID(), second = "dup-2-" + UUID.randomUUID();
        browser.navigate().refresh();
        waitUntilReady();
        fillIn("Rustam", family, first);
        save();
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid=sent-encounter]")).isEmpty()
                || d.findElement(By.cssSelector("[data-testid=duplicate-candidates]")).isDisplayed());
        if (browser.findElement(By.cssSelector("[data-testid=duplicate-candidates]")).isDisplayed()) {
            browser.findElement(By.cssSelector("[data-testid=save-as-new]")).click();
        }
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=sent-encounter]")).size() == 1);
        String person = jdbc.sql("SELECT CAST(person_id AS VARCHAR(36)) FROM border_encounter WHERE intent_in_own_words = :m").param("m", first)
                .query(String.class).single();

        fillIn("Rustam", family, second);
        save();
        WebElement candidate = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=candidate][data-person='" + person + "']")));
        assertThat(candidate.getText()).contains(family).containsPattern("KAZ-\\d{2}-\\d{6}");
        screenshot("duplicate-candidates");
        candidate.findElement(By.cssSelector("[data-testid=same-person]")).click();
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=sent-encounter]")).size() == 2);

        assertThat(jdbc.sql("SELECT CAST(person_id AS VARCHAR(36)) FROM border_encounter WHERE intent_in_own_words = :m").param("m", second)
                .query(String.class).single()).as("linked to the person already registered").isEqualTo(person);
    }

    @Test
    void keepsAnEncounterTheServerRefusedUntilTheOfficerCorrectsItInTheForm() throws Exception {
        signIn();
        openFormAndWaitForTheWorker();
        String owner = browser.findElement(By.id("encounter-form")).getAttribute("data-owner");
        String marker = "refused-" + UUID.randomUUID();
        inject(owner, System.currentTimeMillis(), marker, java.time.Instant.now().plus(Duration.ofDays(2)));

        browser.navigate().refresh();
        waitUntilReady();
        wait.until(d -> queued().size() == 1 && queued().get(0).contains(text("refused")));
        assertThat(queued().get(0)).contains("encounteredAt");
        browser.findElement(By.cssSelector("[data-testid=queued-encounter] button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=error-summary]")));
        assertThat(browser.findElement(By.id("names-0-given")).getAttribute("value")).isEqualTo("Injecta");
        assertThat(browser.findElements(By.cssSelector("[data-error-for=encounteredAt]"))).hasSize(1);
        assertThat(queued()).as("kept until the correction is saved").hasSize(1);
        screenshot("refused-reopened");

        ((JavascriptExecutor) browser).executeScript("document.getElementById('encounteredAt').value = arguments[0]",
                java.time.LocalDateTime.now().minusHours(1).withSecond(0).withNano(0).toString().substring(0, 16));
        save();
        // Other tests may have registered an "Injecta Stored" already: then the duplicate check asks first.
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid=sent-encounter]")).isEmpty()
                || d.findElement(By.cssSelector("[data-testid=duplicate-candidates]")).isDisplayed());
        if (browser.findElement(By.cssSelector("[data-testid=duplicate-candidates]")).isDisplayed()) {
            browser.findElement(By.cssSelector("[data-testid=save-as-new]")).click();
        }
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=sent-encounter]")).size() == 1);
        assertThat(queued()).isEmpty();
        assertThat(encountersWith(marker)).isEqualTo(1);
    }

    @Test
    void signingOutWarnsOfUnsentEncountersAndClearsTheQueueTheCachesAndTheWorker() throws Exception {
        signIn();
        openFormAndWaitForTheWorker();
        String marker = "signout-" + UUID.randomUUID();
        devTools.failRequests("/border/encounters");
        fillIn("Signouta", "Signoutova" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", ""), marker);
        save();
        wait.until(d -> queued().size() == 1 || d.findElement(By.cssSelector("[data-testid=duplicate-candidates]")).isDisplayed());
        if (queued().isEmpty()) browser.findElement(By.cssSelector("[data-testid=save-as-new]")).click();
        wait.until(d -> queued().size() == 1);

        WebElement signOut = browser.findElement(By.cssSelector("[data-testid=sign-out]"));
        signOut.click();
        Alert warning = wait.until(ExpectedConditions.alertIsPresent());
        assertThat(warning.getText()).contains("1").contains("not been sent");
        warning.accept();
        wait.until(ExpectedConditions.urlContains("/login"));
        devTools.stopIntercepting();

        @SuppressWarnings("unchecked")
        Map<String, Object> kept = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.all([indexedDB.databases(), caches.keys(), navigator.serviceWorker.getRegistrations()])
                  .then(([dbs, names, workers]) => done({databases: dbs.map(d => d.name), caches: names, workers: workers.length}));""");
        assertThat((List<String>) kept.get("databases")).doesNotContain("pana-border");
        assertThat((List<String>) kept.get("caches")).noneMatch(name -> name.startsWith("pana-border"));
        assertThat(((Number) kept.get("workers")).intValue()).isZero();
        assertThat(encountersWith(marker)).isZero();
    }

    @Test
    void dropsEntriesOlderThanSeventyTwoHoursWithAWarningAndNeverShowsOrSendsAnotherOfficersEntries() throws Exception {
        signIn();
        openFormAndWaitForTheWorker();
        String owner = browser.findElement(By.id("encounter-form")).getAttribute("data-owner");
        String old = "old-" + UUID.randomUUID(), others = "others-" + UUID.randomUUID(), fresh = "fresh-" + UUID.randomUUID();
        long now = System.currentTimeMillis();
        inject(owner, now - Duration.ofHours(73).toMillis(), old);
        inject("someone-else", now - Duration.ofMinutes(5).toMillis(), others);
        inject(owner, now - Duration.ofMinutes(5).toMillis(), fresh);

        browser.navigate().refresh();
        waitUntilReady();
        WebElement warning = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=queue-warning]")));
        assertThat(warning.getText()).contains("1").contains("72");
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=sent-encounter]")).size() == 1);
        screenshot("dropped-warning");

        assertThat(queued()).isEmpty();
        assertThat(encountersWith(fresh)).isEqualTo(1);
        assertThat(encountersWith(old)).as("dropped, never sent").isZero();
        assertThat(encountersWith(others)).as("another officer's entry is not sent").isZero();
        Object left = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const open = indexedDB.open('pana-border', 1);
                open.onsuccess = () => { const all = open.result.transaction('encounters').objectStore('encounters').getAll();
                  all.onsuccess = () => { done(all.result.map(e => e.owner)); open.result.close(); }; };""");
        assertThat((List<String>) left).containsExactly("someone-else");
    }

    @Test
    void theFormWeighsUnder150KilobytesAndIsUsableOnA256KilobitLink() throws Exception {
        signIn();
        devTools.clearBrowserCache();
        open(FORM);
        waitUntilReady();
        Map<String, Object> plain = weight();
        waitForTheWorker();
        // What the worker fetched to keep for offline reloads (revalidated against the HTTP cache, so mostly headers).
        String worker = devTools.evaluateInServiceWorker("""
                (() => { const r = performance.getEntriesByType('resource');
                  return r.length + ' requests, ' + r.reduce((s, e) => s + e.transferSize, 0) + ' bytes transferred: '
                    + r.map(e => new URL(e.name).pathname + ' ' + e.transferSize).join(', '); })()""");

        // A first visit on a slow post link: 256 kbit/s both ways, 200 ms round trip, nothing cached.
        ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                navigator.serviceWorker.getRegistrations().then(rs => Promise.all(rs.map(r => r.unregister())))
                  .then(() => caches.keys()).then(ks => Promise.all(ks.map(k => caches.delete(k)))).then(() => done());""");
        devTools.clearBrowserCache();
        devTools.throttle(256, 200);
        long started = System.nanoTime();
        open(FORM);
        waitUntilReady();
        long wallClock = (System.nanoTime() - started) / 1_000_000;
        Map<String, Object> slow = weight();
        devTools.throttle(100_000, 0);

        long transferred = ((Number) plain.get("transferred")).longValue();
        long decoded = ((Number) plain.get("decoded")).longValue();
        long usable = ((Number) slow.get("usable")).longValue();
        long loaded = ((Number) slow.get("load")).longValue();
        String report = String.format(Locale.ROOT, """
                Border encounter form (%s), first load, nothing cached, Chromium %s
                requests: %d
                transferred (compressed, with headers): %d bytes (%.1f KB)
                decoded (uncompressed bodies): %d bytes (%.1f KB)
                html: %d bytes transferred, %d decoded
                by resource: %s
                then the service worker keeps the page for offline use: %s
                at 256 kbit/s, 200 ms RTT: usable (script ready) after %d ms, load event after %d ms, wall clock %d ms
                """, FORM, browserVersion(), ((Number) plain.get("requests")).intValue(), transferred, transferred / 1024.0, decoded,
                decoded / 1024.0, ((Number) plain.get("htmlTransferred")).longValue(), ((Number) plain.get("htmlDecoded")).longValue(),
                plain.get("resources"), worker, usable, loaded, wallClock);
        Files.createDirectories(WEIGHT_REPORT.getParent());
        Files.writeString(WEIGHT_REPORT, report);

        assertThat(((Number) plain.get("htmlTransferred")).longValue()).as("the page is compressed")
                .isLessThan(((Number) plain.get("htmlDecoded")).longValue());
        assertThat(transferred).as(report).isPositive().isLessThan(150 * 1024);
        assertThat(usable).as(report).isPositive().isLessThan(30_000);
    }

    // ---- helpers ----

    @SuppressWarnings("unchecked")
    private Map<String, Object> weight() {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                const nav = performance.getEntriesByType('navigation')[0];
                const resources = performance.getEntriesByType('resource');
                const usable = performance.getEntriesByName('encounter-form-usable')[0];
                return {
                  requests: 1 + resources.length,
                  transferred: nav.transferSize + resources.reduce((s, r) => s + r.transferSize, 0),
                  decoded: nav.decodedBodySize + resources.reduce((s, r) => s + r.decodedBodySize, 0),
                  htmlTransferred: nav.transferSize, htmlDecoded: nav.decodedBodySize,
                  resources: resources.map(r => new URL(r.name).pathname + ' ' + r.transferSize + '/' + r.decodedBodySize).join(', '),
                  usable: Math.round(usable ? usable.startTime : -1), load: Math.round(nav.loadEventEnd)
                };""");
    }

    private void inject(String owner, long savedAt, String marker) {
        inject(owner, savedAt, marker, java.time.Instant.now().minusSeconds(3600));
    }

    private void inject(String owner, long savedAt, String marker, java.time.Instant encounteredAt) {
        String body = """
                {"encounteredAt": "%s", "borderPoint": "KAZ-KORDAI", "arrival": "CROSSING_POINT", "asylumIntentExpressed": false,
                 "intentInOwnWords": "%s",
                 "person": {"jurisdiction": "KAZ", "names": [{"given": "Injecta", "family": "Stored", "script": "Latn", "kind": "DECLARED"}],
                            "sex": "FEMALE", "birthDate": "1990-01-01", "birthDatePrecision": "YEAR", "nationalities": [], "languages": [],
                            "documents": [], "specificNeeds": []}}""".formatted(encounteredAt, marker);
        ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const open = indexedDB.open('pana-border', 1);
                open.onupgradeneeded = () => open.result.createObjectStore('encounters', { keyPath: 'key' });
                open.onsuccess = () => {
                  const tx = open.result.transaction('encounters', 'readwrite');
                  tx.objectStore('encounters').put({ key: crypto.randomUUID(), owner: arguments[0], savedAt: arguments[1], status: 'waiting',
                    body: JSON.parse(arguments[2]), label: arguments[3] });
                  tx.oncomplete = () => { open.result.close(); done(); };
                };""", owner, savedAt, body, marker);
    }

    private void signIn() {
        open("/login?lang=en");
        browser.findElement(By.id("username")).sendKeys("border.officer");
        browser.findElement(By.id("password")).sendKeys("pana-demo");
        WebElement button = browser.findElement(By.cssSelector("[data-testid=sign-in]"));
        button.click();
        wait.until(ExpectedConditions.stalenessOf(button));
    }

    private void openFormAndWaitForTheWorker() {
        open(FORM);
        waitUntilReady();
        waitForTheWorker();
    }

    private void waitForTheWorker() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                if (!navigator.serviceWorker.controller) { done(false); return; }
                caches.open('pana-border-v1').then(c => Promise.all(['/border/encounters/new', '/js/border-encounter.js', '/css/pana.css']
                  .map(u => c.match(u)))).then(found => done(found.every(Boolean)));""")));
    }

    private void waitUntilReady() {
        wait.until(d -> "true".equals(d.findElement(By.id("encounter-form")).getAttribute("data-ready")));
    }

    private void fillIn(String given, String marker) {
        fillIn(given, "Borderova", marker);
    }

    private void fillIn(String given, String family, String marker) {
        browser.findElement(By.id("names-0-given")).sendKeys(given);
        browser.findElement(By.id("names-0-family")).sendKeys(family);
        new Select(browser.findElement(By.id("sex"))).selectByValue("FEMALE");
        browser.findElement(By.id("birthYear")).sendKeys("1988");
        new Select(browser.findElement(By.id("borderPoint"))).selectByValue("KAZ-KHORGOS");
        browser.findElement(By.id("intent-yes")).click();
        browser.findElement(By.id("intentInOwnWords")).sendKeys(marker);
    }

    private void addCompanion(String given, String family, String birthYear, String relationship) {
        int row = browser.findElements(By.cssSelector("#companion-rows .pana-row")).size();
        WebElement add = browser.findElement(By.id("add-companion"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", add);
        add.click();
        wait.until(d -> d.findElements(By.cssSelector("#companion-rows .pana-row")).size() == row + 1);
        WebElement added = browser.findElements(By.cssSelector("#companion-rows .pana-row")).get(row);
        added.findElement(By.cssSelector("[data-field$='.person.names[0].given']")).sendKeys(given);
        added.findElement(By.cssSelector("[data-field$='.person.names[0].family']")).sendKeys(family);
        new Select(added.findElement(By.cssSelector("[data-field$='.person.sex']"))).selectByValue("FEMALE");
        added.findElement(By.cssSelector("[data-field$='.person.birthDate']")).sendKeys(birthYear);
        new Select(added.findElement(By.cssSelector("[data-field$='.relationship']"))).selectByValue(relationship);
    }

    private void save() {
        WebElement button = browser.findElement(By.cssSelector("[data-testid=save]"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    private List<String> queued() {
        // Read in one script: the list is redrawn whenever the queue changes.
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('[data-testid=queued-encounter]')].map(e => e.textContent)");
        return texts;
    }

    private String statusText() {
        return browser.findElement(By.cssSelector("[data-testid=link-status]")).getText();
    }

    private String text(String name) {
        return browser.findElement(By.id("encounter-texts")).getAttribute("data-" + name);
    }

    private long encountersWith(String marker) {
        return jdbc.sql("SELECT count(*) FROM border_encounter WHERE intent_in_own_words = :m").param("m", marker).query(Long.class).single();
    }

    private String browserVersion() {
        return String.valueOf(((org.openqa.selenium.HasCapabilities) browser).getCapabilities().getBrowserVersion());
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void screenshot(String name) throws IOException {
        Path taken = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(taken, HeadlessChromium.SCREENSHOTS.resolve("border-encounter-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
