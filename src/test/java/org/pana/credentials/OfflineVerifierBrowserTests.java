package org.pana.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pana.calendar.WorkingCalendar;
import org.pana.testing.DevToolsOffline;
import org.pana.testing.HeadlessChromium;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The offline verifier in a real headless Chromium: opened once online it keeps the public keys and itself; with the
 * network cut (pages and service worker) it still opens, finds a genuine code genuine (saying the live status was
 * not checked) and a tampered one not genuine, with WebCrypto Ed25519.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OfflineVerifierBrowserTests {

    @LocalServerPort int port;
    @Autowired IssuedDocuments documents;
    @Autowired WorkingCalendar calendar;

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
    void stopBrowser() throws Exception {
        if (devTools != null) devTools.close();
        if (chromium != null) chromium.close();
    }

    @Test
    void checksSignaturesWithoutANetworkAndTellsAGenuineCodeFromATamperedOne() throws Exception {
        var today = calendar.today("KAZ");
        PrintedDocument printed = Printed.certificate("KAZ-AS-777001", today, today.plusDays(90));
        String code = documents.codeFor(printed);
        documents.record(Printed.withUrl(printed, code), UUID.randomUUID(), "ASYLUM_CERTIFICATE", UUID.randomUUID(), Printed.FAKE_PDF, "test");
        char[] chars = code.toCharArray();
        chars[40] = chars[40] == 'A' ? 'B' : 'A';
        String tampered = new String(chars);

        String page = "http://localhost:" + port + "/verify/offline";
        browser.get(page);
        wait.until(d -> "true".equals(d.findElement(By.id("offline-verifier")).getAttribute("data-ready")));
        assertThat(browser.findElement(By.id("keys-status")).getText()).contains("1");

        devTools.offline(true);
        browser.get("about:blank");
        browser.get(page + "#" + code);
        wait.until(d -> "genuine".equals(d.findElement(By.id("offline-result")).getAttribute("data-outcome")));
        assertThat(((Number) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('navigation')[0].workerStart")).doubleValue()).as("served by the worker").isPositive();
        assertThat(browser.findElement(By.id("offline-status")).getText()).isEqualTo("SIGNATURE GENUINE");
        assertThat(browser.findElement(By.id("offline-explanation")).getText()).contains("NOT checked");
        assertThat(browser.findElement(By.id("offline-number")).getText()).isEqualTo("KAZ-AS-777001");
        assertThat(browser.findElement(By.id("offline-valid-until")).getText())
                .isEqualTo(today.plusDays(90).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));

        ((JavascriptExecutor) browser).executeScript("location.hash = arguments[0]", tampered);
        wait.until(d -> "not-genuine".equals(d.findElement(By.id("offline-result")).getAttribute("data-outcome")));
        assertThat(browser.findElement(By.id("offline-status")).getText()).isEqualTo("NOT GENUINE");
        assertThat(browser.findElement(By.id("offline-number")).isDisplayed()).isFalse();
    }
}
