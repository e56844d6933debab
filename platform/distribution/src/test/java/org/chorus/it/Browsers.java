package org.chorus.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven by Selenium through Debian's ChromeDriver (never a downloaded browser), with
 * a fresh profile per browser, the browser console and network log kept for assertions, and screenshots under
 * target/screenshots.
 */
public final class Browsers {

    public static final Path SCREENSHOTS = Path.of(System.getProperty("chorus.screenshots.dir", "target/screenshots"));

    private Browsers() {
    }

    public static WebDriver chromium(boolean javascript) {
        String chromium = firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser");
        String driver = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        Path profile;
        try {
            profile = Files.createTempDirectory("chorus-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions o = new ChromeOptions();
        o.setBinary(chromium);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,1600", "--user-data-dir=" + profile);
        if (!javascript) {
            o.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driver).toFile()).build();
        return new ChromeDriver(service, o);
    }

    /**
     * The rendering a supporter without JavaScript gets, in a browser where WebDriver's own scripts (axe-core) still
     * run to completion: JavaScript stays on but every script file is blocked by DevTools (Network.setBlockedURLs).
     * With scripts turned off in Chrome's settings, WebDriver runs a script only up to its first wait, and axe waits.
     * Blocking the files equals JavaScript off because that is the only way the pages run script: their CSP forbids
     * inline scripts and event handler attributes (SupporterExperienceIT checks none is served), and no page has a
     * {@code <noscript>} element or a {@code scripting} media query, which alone would tell the two apart.
     */
    public static ChromeDriver chromiumWithoutPageScripts() {
        ChromeDriver driver = (ChromeDriver) chromium(true);
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*.js", "*.js?*", "*.mjs", "*.mjs?*")));
        return driver;
    }

    /** Every request of this browser goes over the network from now on, as on a supporter's first visit. */
    public static void withoutCache(WebDriver driver) {
        ((ChromeDriver) driver).executeCdpCommand("Network.enable", Map.of());
        ((ChromeDriver) driver).executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
    }

    private static String firstExisting(String... paths) {
        for (String p : paths) {
            if (Files.isExecutable(Path.of(p))) {
                return p;
            }
        }
        throw new IllegalStateException("none of " + List.of(paths) + " is installed: run platform/test-prerequisites");
    }

    /** Console messages at SEVERE (errors) since the last call. */
    public static List<String> consoleErrors(WebDriver driver) {
        List<String> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                out.add(e.getMessage());
            }
        }
        return out;
    }

    /** Every URL the browser requested since the last call (from the DevTools network log). */
    public static List<URI> requests(WebDriver driver) {
        List<URI> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
            String m = e.getMessage();
            if (m.contains("\"Network.requestWillBeSent\"")) {
                int i = m.indexOf("\"url\":\"", m.indexOf("\"request\":"));
                if (i > 0) {
                    String url = m.substring(i + 7, m.indexOf('"', i + 7));
                    if (url.startsWith("http")) {
                        out.add(URI.create(url));
                    }
                }
            }
        }
        return out;
    }

    public static Path screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Clicks what starts a navigation and waits until the next page has replaced this one (a click returns at once).
     * While Chrome swaps documents an old element can answer "does not belong to the document" instead of "stale":
     * both mean the old page is gone.
     */
    public static void clickAndWaitForNextPage(WebDriver driver, org.openqa.selenium.By what) {
        org.openqa.selenium.WebElement page = driver.findElement(org.openqa.selenium.By.tagName("html"));
        driver.findElement(what).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }
}
