package org.chorus.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 7 in a real browser against the shipped layout: axe-core on every public page (campaign, form with errors,
 * preview step, thank-you, the petition and its steps, 404, the index, a plugin page, the embed, the scorecard) in all
 * six languages and in every public theme, with JavaScript on and off; every step of both actions from the keyboard
 * (skip link, every control reached by Tab with a visible focus, no trap, the error summary taking focus and leading to
 * its fields) in every public theme; no request to any other host; the page weight budget in every language; the email
 * action completed with JavaScript off in every language; the embeddable widget inside a partner page served from
 * another origin.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SupporterExperienceIT {

    static final List<String> LANGUAGES = List.of("en", "es", "pt-BR", "ht", "zh-CN", "vi");
    static final String SEED = "/campaigns/safe-communities-act";
    static final String ACTION = "email-your-legislators";
    static final String EMBED = "/embed/campaigns/safe-communities-act/actions/" + ACTION;
    static final String SEND = "#action-" + ACTION + " button[type=submit]:not([name=preview])";
    static final String PREVIEW = "#action-" + ACTION + " button[name=preview]";
    static final String PETITION = "/campaigns/stand-with-immigrant-families";
    /** The seed campaign and the petition in each public theme: safe-communities (as shipped), then base and default. */
    static final List<String[]> THEMED = List.of(new String[] {SEED, PETITION},
            new String[] {"/campaigns/it-theme-base", "/campaigns/it-theme-base-petition"},
            new String[] {"/campaigns/it-theme-default", "/campaigns/it-theme-default-petition"});

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        WebArchive war = ItEnvironment.platformWar();
        // The seed campaign and the petition again in the two other public themes, so each theme is checked too.
        String seed = Files.readString(ItEnvironment.DIR.resolve("campaigns/safe-communities-act.yaml"));
        String petition = Files.readString(ItEnvironment.DIR.resolve("campaigns/stand-with-immigrant-families.yaml"));
        for (String theme : List.of("base", "default")) {
            Files.writeString(ItEnvironment.DIR.resolve("campaigns/it-theme-" + theme + ".yaml"), seed
                    .replace("slug: safe-communities-act", "slug: it-theme-" + theme)
                    .replace("theme: safe-communities", "theme: " + theme));
            Files.writeString(ItEnvironment.DIR.resolve("campaigns/it-theme-" + theme + "-petition.yaml"), petition
                    .replace("slug: stand-with-immigrant-families", "slug: it-theme-" + theme + "-petition")
                    .replace("theme: safe-communities", "theme: " + theme));
        }
        return war;
    }

    @ArquillianResource
    URL base;

    String url(String path) {
        return URI.create(base.toString()).resolve(path).toString();
    }

    String host() {
        return URI.create(base.toString()).getHost();
    }

    Http http() {
        return new Http(base);
    }

    // ---- accessibility, keyboard, languages, no third party ---------------------------------------------------------

    @Test
    void everyPublicPageInEverySixLanguagesPassesAxeAndLoadsNothingFromAnotherHost() {
        WebDriver d = Browsers.chromium(true);
        try {
            for (String lang : LANGUAGES) {
                d.get(url(SEED + "?lang=" + lang));
                assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
                check(d, "campaign-" + lang);

                click(d, SEND);
                waitFor(d, ".error-summary");
                assertThat(d.findElements(By.cssSelector("[aria-invalid=true][aria-describedby]"))).as("errors tied to fields").isNotEmpty();
                check(d, "form-errors-" + lang);

                d.get(url(SEED + "?lang=" + lang));
                fill(d, "axe+" + UUID.randomUUID() + "@example.org");
                click(d, PREVIEW);
                waitFor(d, "#action-" + ACTION + "-prompts");
                assertThat(d.findElements(By.cssSelector(".el-preview-letter"))).hasSize(2);
                check(d, "preview-" + lang);

                click(d, SEND);
                SeedCampaignBrowserIT.waitForThanks(d);
                assertThat(d.findElements(By.cssSelector(".el-deliveries li"))).hasSize(2);
                check(d, "thanks-" + lang);

                d.get(url(PETITION + "?lang=" + lang));
                assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
                check(d, "petition-" + lang);

                d.get(url("/campaigns/no-such-campaign?lang=" + lang));
                assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
                check(d, "404-" + lang);

                d.get(url(EMBED + "?lang=" + lang));
                check(d, "embed-" + lang);

                d.get(url("/?lang=" + lang));
                check(d, "index-" + lang);
            }
            d.get(url("/plugins/greeting/hello?who=Ana"));
            check(d, "plugin-page");
        } finally {
            d.quit();
        }
    }

    @Test
    void inEveryPublicThemeEveryPageWorksFromTheKeyboardWithAVisibleFocusAndPassesAxe() {
        WebDriver d = Browsers.chromium(true);
        try {
            for (String[] themed : THEMED) {
                everyStepOfBothActions(d, themed[0], themed[1], (page, errors) -> {
                    check(d, page);
                    if (errors) {
                        Keyboard.assertErrorSummaryLeadsToFields(d, page);
                    }
                    assertThat(Keyboard.assertOperable(d, page)).as("Tab stops on " + page).hasSizeGreaterThanOrEqualTo(8);
                });
            }
            d.get(url(EMBED));
            click(d, SEND); // the embed's own errors
            waitFor(d, ".error-summary");
            check(d, "embed-errors");
            Keyboard.assertErrorSummaryLeadsToFields(d, "embed with errors");
            Keyboard.assertOperable(d, "embed with errors");
            // These pass axe in every language (above); here the keyboard.
            for (String page : List.of(EMBED, "/", "/campaigns/no-such-campaign", "/plugins/greeting/hello?who=Ana")) {
                d.get(url(page));
                Keyboard.assertOperable(d, page);
            }
        } finally {
            d.quit();
        }
    }

    @Test
    void withJavaScriptOffEveryPublicPagePassesAxeInEveryThemeAndTheErrorSummaryStillTakesFocus() {
        WebDriver d = Browsers.chromiumWithoutPageScripts();
        try {
            for (String[] themed : THEMED) {
                everyStepOfBothActions(d, themed[0], themed[1], (page, errors) -> {
                    checkWithoutScripts(d, "nojs " + page);
                    if (errors) {
                        Keyboard.assertErrorSummaryLeadsToFields(d, "nojs " + page);
                    }
                });
            }
            for (String page : List.of("/", "/campaigns/no-such-campaign", EMBED, "/plugins/scorecards/")) {
                d.get(url(page));
                checkWithoutScripts(d, "nojs " + page);
            }
            d.get(url("/plugins/scorecards/?chamber=moon"));
            checkWithoutScripts(d, "nojs scorecard filter error");
            Keyboard.assertErrorSummaryLeadsToFields(d, "nojs scorecard filter error");
        } finally {
            d.quit();
        }
    }

    /**
     * Walks a supporter through the email action (campaign page, its errors, the preview step, the thank-you page) and
     * the petition (page, errors, thank-you), calling {@code atEachPage} with the page's name and whether it shows form
     * errors. Works with JavaScript on and off: every step is a plain form post.
     */
    void everyStepOfBothActions(WebDriver d, String campaign, String petition, java.util.function.BiConsumer<String, Boolean> atEachPage) {
        d.get(url(campaign));
        atEachPage.accept(campaign, false);
        click(d, SEND);
        waitFor(d, ".error-summary");
        atEachPage.accept(campaign + " errors", true);
        d.get(url(campaign));
        fill(d, "steps+" + UUID.randomUUID() + "@example.org");
        click(d, PREVIEW);
        waitFor(d, "#action-" + ACTION + "-prompts");
        atEachPage.accept(campaign + " preview", false);
        click(d, SEND);
        SeedCampaignBrowserIT.waitForThanks(d);
        atEachPage.accept(campaign + " thank-you", false);

        d.get(url(petition));
        atEachPage.accept(petition, false);
        click(d, "#action-sign button[type=submit]");
        waitFor(d, ".error-summary");
        atEachPage.accept(petition + " errors", true);
        d.findElement(By.id("field-sign-first_name")).sendKeys("Ana");
        d.findElement(By.id("field-sign-last_name")).sendKeys("Pereira");
        d.findElement(By.id("field-sign-email")).sendKeys("steps+" + UUID.randomUUID() + "@example.org");
        d.findElement(By.id("field-sign-town")).sendKeys("Salem");
        click(d, "#action-sign button[type=submit]");
        SeedCampaignBrowserIT.waitForThanks(d);
        atEachPage.accept(petition + " thank-you", false);
    }

    /** axe-core finds nothing, the console is clean, and every request went to the test server. */
    void check(WebDriver d, String page) {
        Axe.assertNoViolations(d, page);
        // A page answered with 400 (form errors) or 404 is logged by Chrome as a failed load of itself: expected.
        String document = d.getCurrentUrl().split("[?#]")[0];
        assertThat(Browsers.consoleErrors(d)).as("console errors on " + page)
                .filteredOn(m -> !(m.startsWith(document) && m.contains("responded with a status of 40")))
                .isEmpty();
        assertThat(NetworkLog.read(d)).as("requests from " + page).extracting(r -> r.url().getHost())
                .allMatch(h -> h.equals(host()), "only " + host());
    }

    /**
     * In {@link Browsers#chromiumWithoutPageScripts()}: the page's script files were requested and none loaded, the page
     * has no other way to run script or to render differently without it (so this is what JavaScript off shows), and
     * axe-core finds nothing.
     */
    void checkWithoutScripts(WebDriver d, String page) {
        List<NetworkLog.Request> requests = NetworkLog.read(d);
        assertThat(requests).as("requests from " + page).extracting(r -> r.url().getHost()).allMatch(h -> h.equals(host()), "only " + host());
        assertThat(requests).filteredOn(r -> "Script".equals(r.type())).as("scripts of " + page).isNotEmpty()
                .allSatisfy(r -> assertThat(r.transferred()).as(r.url() + " blocked").isNegative());
        assertThat(((JavascriptExecutor) d).executeScript("""
                const inline = [...document.querySelectorAll('script:not([src]), noscript')].map(e => e.outerHTML.slice(0, 80));
                const handlers = [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]).map(a => a.name).filter(n => n.startsWith('on'));
                const media = [...document.styleSheets].flatMap(s => [...s.cssRules]).map(r => r.media ? r.media.mediaText : '')
                    .filter(m => m.includes('scripting'));
                return inline.concat(handlers, media);
                """)).as("inline script, <noscript>, event handler attributes or scripting media queries on " + page).asList().isEmpty();
        Axe.assertNoViolations(d, page);
    }

    @Test
    void theSeedCampaignInEverySixLanguagesAndThePetitionStayWithinTheWeightBudgetWithNoRenderBlockingScript() {
        WebDriver d = Browsers.chromium(true);
        try {
            Browsers.withoutCache(d); // each page weighed as on a first visit, not helped by the one before
            List<String> pages = new ArrayList<>();
            LANGUAGES.forEach(lang -> pages.add(SEED + "?lang=" + lang));
            pages.add(PETITION);
            for (String path : pages) {
                d.get(url(path));
                List<NetworkLog.Request> requests = NetworkLog.readWhenSettled(d, Duration.ofSeconds(10));
                assertThat(requests).extracting(r -> r.url().getHost()).containsOnly(host());
                assertThat(requests).as("every request of " + path + " finished").allSatisfy(r -> assertThat(r.transferred()).isNotNegative());
                long total = requests.stream().filter(r -> !"Image".equals(r.type()) || !r.url().getPath().contains("share"))
                        .mapToLong(NetworkLog.Request::transferred).sum();
                assertThat(total).as("bytes transferred for " + path + ": " + requests).isLessThanOrEqualTo(100 * 1024);
                assertThat(requests).filteredOn(r -> "Stylesheet".equals(r.type())).as("stylesheets of " + path).isNotEmpty();

                // No render-blocking script: the page as served has no inline script and defers every script it loads.
                Document served = Jsoup.parse(http().get(path).body());
                assertThat(served.select("script:not([src])")).as("inline scripts").isEmpty();
                assertThat(served.select("head script[src]")).isNotEmpty();
                assertThat(served.select("script[src]"))
                        .allSatisfy(s -> assertThat(s.hasAttr("defer") || s.hasAttr("async")).as(s.outerHtml()).isTrue());
                assertThat(requests).filteredOn(r -> "Script".equals(r.type())).hasSize(served.select("script[src]").size());
            }
        } finally {
            d.quit();
        }
    }

    // ---- JavaScript off ---------------------------------------------------------------------------------------------

    @Test
    void withJavaScriptOffASupporterPreviewsAndSendsTheirLettersInEverySixLanguages() {
        WebDriver d = Browsers.chromium(false);
        try {
            for (String lang : LANGUAGES) {
                d.get(url(SEED + "?lang=" + lang + "&src=nojs"));
                fill(d, "nojs+" + lang + "-" + UUID.randomUUID() + "@example.org");
                click(d, PREVIEW);
                waitFor(d, "#action-" + ACTION + "-prompts");
                List<String> letters = d.findElements(By.cssSelector(".el-preview-letter .el-letter-text")).stream()
                        .map(e -> e.getText()).toList();
                assertThat(letters).as("what will be sent, in " + lang).hasSize(2)
                        .allSatisfy(l -> assertThat(l).startsWith("Dear ").contains("Sincerely,").contains("Ana Pereira")
                                .contains("Salem, MA 01970").doesNotContain("120 Washington St"));
                if (!lang.equals("en")) {
                    assertThat(d.findElement(By.cssSelector(".el-letter-language")).getText()).as("says the letters go out in English")
                            .isNotBlank();
                }
                Browsers.screenshot(d, "nojs-preview-" + lang);
                click(d, SEND);
                SeedCampaignBrowserIT.waitForThanks(d);
                assertThat(d.findElements(By.cssSelector(".el-deliveries li"))).as("thanks in " + lang).hasSize(2);
                assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
            }
        } finally {
            d.quit();
        }
    }

    @Test
    void aSpanishSupporterWhoRewritesTheLetterSendsTheEnglishLetterAndTheirOwnWords() {
        WebDriver d = Browsers.chromium(true);
        try {
            d.get(url(SEED + "?lang=es"));
            fill(d, "es+" + UUID.randomUUID() + "@example.org");
            var body = d.findElement(By.id("field-" + ACTION + "-body"));
            body.clear();
            body.sendKeys("Mi familia vive en {{supporter.town}} y necesitamos esta ley.");
            click(d, PREVIEW);
            waitFor(d, "#action-" + ACTION + "-prompts");
            String letter = d.findElements(By.cssSelector(".el-preview-letter .el-letter-text")).get(0).getText();
            assertThat(letter).startsWith("Dear ").contains("As your constituent in Salem")
                    .contains("In my own words, in Spanish:").contains("Mi familia vive en {{supporter.town}} y necesitamos esta ley.");
            click(d, SEND);
            SeedCampaignBrowserIT.waitForThanks(d);
            assertThat(d.findElement(By.cssSelector(".el-sent-letters")).getAttribute("textContent"))
                    .contains("In my own words, in Spanish:");
        } finally {
            d.quit();
        }
    }

    // ---- the embeddable widget --------------------------------------------------------------------------------------

    @Test
    void aPartnerPageOnAnotherOriginEmbedsTheActionWhichSizesItselfAndCompletesInTheFrame() throws IOException {
        String app = URI.create(base.toString()).resolve("/").toString().replaceAll("/$", "");
        String html = """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Partner news</title></head><body>
                <h1>A partner's page</h1>
                <iframe id="chorus" title="Email your legislators" data-chorus-embed style="width:100%%;border:0" height="300"
                  src="%1$s%2$s?src=partner-site"></iframe>
                <iframe id="denied" title="Not embeddable" height="100" src="%1$s%3$s"></iframe>
                <script src="%1$s/theme/base/js/chorus-embed.js" async></script>
                </body></html>
                """.formatted(app, EMBED, SEED);
        HttpServer partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        partner.createContext("/", ex -> {
            byte[] b = html.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        partner.start();
        WebDriver d = Browsers.chromium(true);
        try {
            String partnerUrl = "http://127.0.0.1:" + partner.getAddress().getPort() + "/news";
            d.get(partnerUrl);
            JavascriptExecutor js = (JavascriptExecutor) d;
            new WebDriverWait(d, Duration.ofSeconds(15)).until(x -> ((Number) js.executeScript(
                    "return document.getElementById('chorus').getBoundingClientRect().height")).intValue() > 700);

            d.switchTo().frame("denied");
            assertThat(d.findElements(By.id("action-" + ACTION))).as("every other route refuses to be framed").isEmpty();
            d.switchTo().defaultContent();

            d.switchTo().frame("chorus");
            assertThat(d.findElements(By.cssSelector(".site-header"))).as("the widget alone").isEmpty();
            Axe.assertNoViolations(d, "embed-in-partner-page");
            fill(d, "embed+" + UUID.randomUUID() + "@example.org");
            click(d, SEND);
            new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> String.valueOf(
                    ((JavascriptExecutor) x).executeScript("return location.pathname")).startsWith(EMBED + "/thanks/"));
            assertThat(d.findElements(By.cssSelector(".el-deliveries li"))).hasSize(2);
            assertThat(d.findElements(By.cssSelector(".share-links a[target=_blank]"))).as("share links leave the frame").hasSize(4);
            Axe.assertNoViolations(d, "embed-thanks-in-partner-page");
            d.switchTo().defaultContent();
            assertThat(d.getCurrentUrl()).as("the partner page stays").isEqualTo(partnerUrl);
            Browsers.screenshot(d, "embed-partner-thanks");
            assertThat(NetworkLog.read(d)).extracting(r -> r.url().getHost())
                    .allMatch(h -> Set.of(host(), "127.0.0.1").contains(h));
        } finally {
            d.quit();
            partner.stop(0);
        }
    }

    @Test
    void onlyTheEmbedRoutesMayBeFramed() {
        for (String path : List.of(EMBED, EMBED + "?lang=vi")) {
            HttpResponse<String> r = http().get(path);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).isEmpty();
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors *")
                    .contains("script-src 'self'").doesNotContain("unsafe-inline");
        }
        Map<String, String> empty = hiddenFields(http().get(EMBED).body(), "#action-" + ACTION + " form");
        HttpResponse<String> rejected = http().postForm(EMBED, empty);
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(Jsoup.parse(rejected.body()).select("form").attr("action")).isEqualTo(EMBED);
        for (String path : List.of(SEED, "/", "/campaigns/nope", "/plugins/greeting/hello", "/theme/base/js/chorus-embed.js",
                "/embed.js", "/embedded/campaigns/x")) {
            HttpResponse<String> r = http().get(path);
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).as(path).contains("frame-ancestors 'none'");
        }
    }

    // ---- languages, sharing -----------------------------------------------------------------------------------------

    @Test
    void acceptLanguageCookieAndLangPickTheLanguageAndEveryPageOffersTheOthers() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("pt-PT,pt;q=0.9,en;q=0.5", "pt-BR");
        cases.put("fr-CA, fr;q=0.9, vi;q=0.8", "vi");
        cases.put("en;q=0.1, zh-CN;q=0.9", "zh-CN");
        cases.put("zh-TW", "zh-CN");
        cases.put("ht-HT", "ht");
        cases.put("de", "en");
        cases.forEach((accept, expected) -> {
            Document page = Jsoup.parse(http().get(SEED, "Accept-Language", accept).body());
            assertThat(page.select("html").attr("lang")).as(accept).isEqualTo(expected);
        });
        assertThat(Jsoup.parse(http().get(SEED, "Accept-Language", "es", "Cookie", "lang=ht").body()).select("html").attr("lang"))
                .as("the chosen language (cookie) over the browser's").isEqualTo("ht");
        assertThat(Jsoup.parse(http().get(SEED + "?lang=vi", "Cookie", "lang=ht").body()).select("html").attr("lang"))
                .isEqualTo("vi");
        HttpResponse<String> chosen = http().get(SEED + "?lang=es");
        assertThat(chosen.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("lang=es"));
        assertThat(chosen.headers().firstValue("Content-Language")).contains("es");

        for (String path : List.of(SEED, "/", "/plugins/greeting/hello", EMBED)) {
            Document page = Jsoup.parse(http().get(path + "?lang=es").body());
            assertThat(page.select(".language-switcher a[hreflang]")).as("switcher on " + path).hasSizeGreaterThanOrEqualTo(5);
            assertThat(page.select("head link[rel=alternate][hreflang]").eachAttr("hreflang")).as("hreflang on " + path)
                    .contains("en", "es", "pt-BR", "ht", "zh-CN", "vi", "x-default");
        }
        Document notFound = Jsoup.parse(http().get("/campaigns/nope?lang=vi").body());
        assertThat(notFound.select(".language-switcher a[hreflang]")).hasSize(5);
    }

    @Test
    void campaignPagesCarrySharingMetadataAndPlainShareLinksWithASourceCode() {
        Document es = Jsoup.parse(http().get(SEED + "?lang=es").body());
        assertThat(es.select("meta[property=og:title]").attr("content")).startsWith("Diga a sus legisladores");
        assertThat(es.select("meta[property=og:description]").attr("content")).contains("Ley de Comunidades Seguras");
        assertThat(es.select("meta[property=og:url]").attr("content")).endsWith(SEED);
        assertThat(es.select("meta[property=og:locale]").attr("content")).isEqualTo("es");
        assertThat(es.select("meta[name=twitter:card]").attr("content")).isIn("summary", "summary_large_image");
        assertThat(es.select(".share-links a").eachAttr("href")).hasSize(4)
                .anySatisfy(h -> assertThat(h).startsWith("mailto:").contains("src%3Dshare-email"))
                .anySatisfy(h -> assertThat(h).startsWith("https://wa.me/").contains("share-whatsapp"))
                .anySatisfy(h -> assertThat(h).startsWith("https://www.facebook.com/sharer/").contains("share-facebook"))
                .anySatisfy(h -> assertThat(h).startsWith("https://x.com/intent/").contains("share-x"));
        assertThat(es.select("#share-url").attr("value")).endsWith(SEED + "?src=share-link");
        assertThat(es.select("script[src]").eachAttr("src")).allSatisfy(s -> assertThat(s).startsWith("/"));
        // The privacy notice, in the page's language, says what is kept and that the street is not.
        assertThat(es.select(".privacy-notice").text()).contains("no la guardamos").contains("90 días");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    static void fill(WebDriver d, String email) {
        d.findElement(By.id("field-" + ACTION + "-street")).sendKeys("120 Washington St");
        d.findElement(By.id("field-" + ACTION + "-zip")).sendKeys("01970");
        d.findElement(By.id("field-" + ACTION + "-first_name")).sendKeys("Ana");
        d.findElement(By.id("field-" + ACTION + "-last_name")).sendKeys("Pereira");
        d.findElement(By.id("field-" + ACTION + "-email")).sendKeys(email);
    }

    static void click(WebDriver d, String css) {
        var e = d.findElement(By.cssSelector(css));
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
        e.click();
    }

    static void waitFor(WebDriver d, String css) {
        try {
            new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> !x.findElements(By.cssSelector(css)).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no " + css + " on " + d.getCurrentUrl() + "; the page says: "
                    + Jsoup.parse(d.getPageSource()).select("main").text(), e);
        }
    }

    static Map<String, String> hiddenFields(String html, String form) {
        Map<String, String> out = new LinkedHashMap<>();
        Jsoup.parse(html).select(form + " input[type=hidden]").forEach(i -> out.put(i.attr("name"), i.attr("value")));
        return out;
    }

}
