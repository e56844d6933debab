package org.chorus.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Accessibility checks with axe-core, run inside the browser on the page as it is. The script comes from the test
 * class path (the {@code axe.min.js} that Deque's {@code com.deque.html.axe-core:selenium} jar bundles; only that file
 * is used) and is evaluated through WebDriver, so the application never serves it and its CSP needs no exception.
 *
 * <pre>
 * driver.get(url);
 * Axe.assertNoViolations(driver, "campaign page");   // all of axe's rules: WCAG 2.0/2.1/2.2 A and AA, best practices
 * </pre>
 *
 * <p>Only violations count; what axe cannot decide ("incomplete") is not reported. Note that text in exactly its
 * background colour is such a case for axe, not a violation: look at the screenshots too.
 */
public final class Axe {

    /** One broken rule and where: CSS selectors of the offending elements with axe's summary of what to fix. */
    public record Violation(String rule, String impact, String help, String helpUrl, List<String> nodes) {
        @Override
        public String toString() {
            return rule + " (" + impact + "): " + help + " " + helpUrl + nodes.stream().map(n -> "\n      " + n).collect(Collectors.joining());
        }
    }

    private static volatile String source;

    private Axe() {
    }

    /** The axe-core version the checks run with (e.g. "4.11.1"). */
    public static String version(WebDriver driver) {
        inject(driver);
        return String.valueOf(((JavascriptExecutor) driver).executeScript("return axe.version;"));
    }

    /** Every violation axe finds on the current page (rules tagged experimental are not run, as axe does by default). */
    public static List<Violation> check(WebDriver driver) {
        inject(driver);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(r => done(r.violations.map(v => ({ rule: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
                      nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\\s+/g, ' ')) }))))
                  .catch(e => done('axe failed: ' + e));
                """);
        if (result instanceof String s) {
            throw new IllegalStateException(s);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) result;
        return list.stream().map(v -> {
            @SuppressWarnings("unchecked")
            List<String> nodes = (List<String>) v.get("nodes");
            return new Violation((String) v.get("rule"), (String) v.get("impact"), (String) v.get("help"),
                    (String) v.get("helpUrl"), List.copyOf(nodes));
        }).toList();
    }

    /** Fails with every violation listed (and a screenshot named after the page) if axe finds any. */
    public static void assertNoViolations(WebDriver driver, String page) {
        List<Violation> found = check(driver);
        if (!found.isEmpty()) {
            Browsers.screenshot(driver, "axe-" + page.replaceAll("[^A-Za-z0-9]+", "-"));
            throw new AssertionError("axe found " + found.size() + " accessibility violation(s) on " + page + " ("
                    + driver.getCurrentUrl() + "):\n  " + found.stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
        }
    }

    private static void inject(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            return;
        }
        js.executeScript(script());
    }

    private static String script() {
        if (source == null) {
            try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
                }
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }
}
