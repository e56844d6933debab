package org.chorus.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (from its WebJar on the test classpath, never served by the platform) on the page a browser shows
 * and reports WCAG 2.0/2.1 A and AA violations, each with the elements concerned. The script is handed to the
 * browser through WebDriver, which the page's CSP does not govern, so the page under test stays as it ships.
 */
public final class AxeCheck {

    private static final String WCAG = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']";
    private static String source;

    private AxeCheck() {
    }

    /** axe.min.js of the WebJar's version (from its pom.properties). */
    static synchronized String source() {
        if (source == null) {
            ClassLoader cl = AxeCheck.class.getClassLoader();
            try (InputStream props = cl.getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
                if (props == null) {
                    throw new IllegalStateException("the axe-core WebJar is not on the test classpath");
                }
                Properties p = new Properties();
                p.load(props);
                String path = "META-INF/resources/webjars/axe-core/" + p.getProperty("version") + "/axe.min.js";
                try (InputStream js = cl.getResourceAsStream(path)) {
                    if (js == null) {
                        throw new IllegalStateException(path + " is missing from the axe-core WebJar");
                    }
                    source = new String(js.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    /** The violations on the current page (or frame), one line each: rule, impact, what to fix, where. */
    public static List<String> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(source());
        }
        Object result = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: %s }, resultTypes: ['violations'] })
                  .then(function (r) {
                    done(r.violations.map(function (v) {
                      return v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.map(function (n) {
                        return n.target.join(' ') + ' [' + (n.failureSummary || '').replace(/\\s+/g, ' ') + ']';
                      }).join('; ');
                    }));
                  })
                  .catch(function (e) { done(['axe failed: ' + e]); });
                """.formatted(WCAG));
        List<String> out = new ArrayList<>();
        if (result instanceof List<?> l) {
            l.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }

    /** Fails with every violation listed, naming the page. */
    public static void assertNone(WebDriver driver, String page) {
        List<String> v = violations(driver);
        if (!v.isEmpty()) {
            Browsers.screenshot(driver, "axe-" + page.replaceAll("[^A-Za-z0-9-]+", "-"));
            throw new AssertionError("axe-core found " + v.size() + " WCAG 2.1 AA violation(s) on " + page + " ("
                    + driver.getCurrentUrl() + "):\n  " + String.join("\n  ", v));
        }
    }
}
