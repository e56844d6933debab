package org.chorus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * A keyboard user on the page a browser shows: real Tab and Enter key presses (WebDriver Actions), what has focus read
 * back after each. Works with JavaScript off too (WebDriver's own scripts still run).
 *
 * <pre>
 * driver.get(url);
 * Keyboard.assertOperable(driver, "campaign page");            // skip link first, every control by Tab, visible focus, no trap
 * Keyboard.assertErrorSummaryLeadsToFields(driver, "errors");  // after a rejected form post
 * </pre>
 */
public final class Keyboard {

    /** Helpers every script below starts with: a readable name for an element, its focus ring, what Tab can reach. */
    private static final String LIB = """
            const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (e.getAttribute('href') ? '[href=' + e.getAttribute('href') + ']' : '')
                + (e.name ? '[name=' + e.name + ']' : '') + ' "' + (e.innerText || e.value || '').trim().slice(0, 40) + '"';
            const ring = e => { const s = getComputedStyle(e); return s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor + ' / ' + s.boxShadow; };
            const shows = e => { const s = getComputedStyle(e); return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; };
            const tabbable = () => [...document.querySelectorAll(
                    'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex], [contenteditable]')]
                .filter(e => !e.disabled && e.tabIndex >= 0 && !e.closest('[inert]') && e.getClientRects().length > 0
                    && getComputedStyle(e).visibility === 'visible');
            const sameRadioGroup = (a, b) => a.type === 'radio' && b.type === 'radio' && a.name === b.name && a.form === b.form;
            """;

    /** Forgets what had focus and puts the start of sequential navigation at the top, as on a fresh load. */
    private static final String FROM_THE_TOP = """
            if (document.activeElement) { document.activeElement.blur(); }
            const b = document.body; b.setAttribute('tabindex', '-1'); b.focus({ preventScroll: true }); b.blur(); b.removeAttribute('tabindex');
            window.scrollTo(0, 0);
            window.__chorusKeyboard = { seen: [], rings: [] };
            return tabbable().filter((e, i, all) => !all.slice(0, i).some(o => sameRadioGroup(o, e))).length;
            """;

    /** After a Tab: null when focus left the page, else [index of an earlier stop or -1, name, ring, ring shows]. */
    private static final String STEP = """
            const a = document.activeElement;
            if (!a || a === document.body || a === document.documentElement) { return null; }
            const k = window.__chorusKeyboard;
            const i = k.seen.indexOf(a);
            if (i < 0) { k.seen.push(a); k.rings.push(ring(a)); }
            return [i, describe(a), ring(a), shows(a)];
            """;

    /** After the walk, nothing focused: controls Tab never reached, and stops whose ring is the same unfocused. */
    private static final String FINISH = """
            if (document.activeElement) { document.activeElement.blur(); }
            const k = window.__chorusKeyboard;
            const unreached = tabbable().filter(e => !k.seen.some(s => s === e || sameRadioGroup(s, e))).map(describe);
            const unchanged = k.seen.filter((e, i) => ring(e) === k.rings[i]).map(e => describe(e) + ' ' + ring(e));
            return { unreached: unreached, unchanged: unchanged };
            """;

    private Keyboard() {
    }

    /**
     * From the top of the page: the first Tab reaches the skip link (pages with the site header), which shows and moves
     * focus to the main content; then Tab walks every link and control on the page, each showing a focus indicator
     * (an outline or a shadow, different from its unfocused look), until focus leaves the page without being trapped.
     *
     * @return every stop, in order
     */
    public static List<String> assertOperable(WebDriver driver, String page) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        boolean skipLink = Boolean.TRUE.equals(js.executeScript("return !!document.querySelector('a.skip-link');"));
        if (skipLink) {
            js.executeScript(LIB + FROM_THE_TOP);
            tab(driver);
            assertThat((Boolean) js.executeScript(
                    "const a = document.activeElement; return a.matches('a.skip-link') && a.getBoundingClientRect().left >= 0"
                            + " && a.getBoundingClientRect().top >= 0 && a.getClientRects().length > 0;"))
                    .as("on " + page + " the first Tab reaches the skip link, shown on screen").isTrue();
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            assertThat(js.executeScript("return document.activeElement.id;")).as("the skip link on " + page + " moves focus to the content")
                    .isEqualTo("main");
        }

        long controls = (Long) js.executeScript(LIB + FROM_THE_TOP);
        List<String> stops = new ArrayList<>();
        List<String> noRing = new ArrayList<>();
        boolean left = false;
        // Enough presses for every control and a few focusable scroll areas; more means focus goes round in circles.
        for (long i = 0; i < controls + 10; i++) {
            tab(driver);
            @SuppressWarnings("unchecked")
            List<Object> at = (List<Object>) js.executeScript(LIB + STEP);
            if (at == null) {
                left = true; // past the last control: focus went back to the browser
                break;
            }
            long earlier = (Long) at.get(0);
            if (earlier == 0) {
                left = true; // round to the first stop again: the browser has no chrome to take focus in between
                break;
            }
            assertThat(earlier).as("on " + page + " Tab comes back to " + at.get(1) + " after " + stops + ": focus is trapped").isNegative();
            stops.add((String) at.get(1));
            if (!(Boolean) at.get(3)) {
                noRing.add(at.get(1) + " " + at.get(2));
            }
        }
        assertThat(left).as("on " + page + " focus never leaves the page after " + stops.size() + " presses of Tab: " + stops).isTrue();
        @SuppressWarnings("unchecked")
        Map<String, List<String>> after = (Map<String, List<String>>) js.executeScript(LIB + FINISH);
        assertThat(noRing).as("on " + page + " focused without an outline or shadow").isEmpty();
        assertThat(after.get("unchanged")).as("on " + page + " looks the same focused and unfocused").isEmpty();
        assertThat(after.get("unreached")).as("on " + page + " controls Tab never reaches (stops: " + stops + ")").isEmpty();
        assertThat(stops).as("stops on " + page).isNotEmpty();
        return stops;
    }

    /**
     * On a page answering a rejected form: focus is on the error summary as the page arrives (the summary is read out
     * first), each of its links is reached by Tab from there and Enter on it moves focus to its field, and that field is
     * marked invalid with its own error message tied to it (aria-describedby), or is a group holding its error.
     */
    public static void assertErrorSummaryLeadsToFields(WebDriver driver, String page) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertThat(js.executeScript("return document.activeElement.matches('.error-summary') ? 'the summary' : document.activeElement.outerHTML.slice(0, 120);"))
                .as("focus on arrival at " + page).isEqualTo("the summary");
        long links = (Long) js.executeScript("return document.querySelectorAll('.error-summary a[href^=\"#\"]').length;");
        assertThat(links).as("links in the error summary of " + page).isPositive();
        for (int i = 0; i < links; i++) {
            js.executeScript("document.querySelector('.error-summary').focus();");
            for (int t = 0; t <= i; t++) {
                tab(driver);
            }
            String link = (String) js.executeScript("""
                    const a = document.activeElement;
                    return a === document.querySelectorAll('.error-summary a[href^="#"]')[arguments[0]] ? a.getAttribute('href') : null;
                    """, i);
            assertThat(link).as("Tab from the summary of " + page + " reaches its link " + (i + 1)).isNotNull();
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            String tied = (String) js.executeScript("""
                    const f = document.activeElement, id = arguments[0].slice(1);
                    if (f.id !== id) { return 'focus is on ' + f.outerHTML.slice(0, 120); }
                    if (f.tagName === 'FIELDSET') { return f.querySelector('.error') ? 'tied' : 'no error in the group'; }
                    if (f.getAttribute('aria-invalid') !== 'true') { return 'not marked aria-invalid'; }
                    const errors = (f.getAttribute('aria-describedby') || '').split(/\\s+/).map(i => document.getElementById(i))
                        .filter(e => e && e.classList.contains('error') && e.textContent.trim());
                    return errors.length === 1 ? 'tied' : 'no error message in its aria-describedby';
                    """, link);
            assertThat(tied).as("Enter on " + link + " in the error summary of " + page).isEqualTo("tied");
        }
    }

    private static void tab(WebDriver driver) {
        new Actions(driver).sendKeys(Keys.TAB).perform();
    }
}
