package org.chorus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The petitions plugin as shipped, on a real Payara Micro with the real Massachusetts data: supporters sign in
 * Chromium with JavaScript on and off, partners read the JSON, staff hide a comment, export, print a legislator's
 * petition with their constituents first and e-mail a target.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PetitionsIT {

    static final String PAGE = "/campaigns/it-petition";
    static final String SIGN = "/campaigns/it-petition/actions/sign";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItEnvironment.platformWar();
    }

    @ArquillianResource
    URL base;

    Http http() {
        return new Http(base);
    }

    String url(String path) {
        return URI.create(base.toString()).resolve(path).toString();
    }

    Map<String, String> form(String action, String first, String email, String town, String comment) {
        Document page = Jsoup.parse(http().get(PAGE + "?src=it-http").body());
        Map<String, String> f = new LinkedHashMap<>();
        page.select("#action-" + action + " form input[type=hidden]").forEach(i -> f.put(i.attr("name"), i.attr("value")));
        f.put("first_name", first);
        f.put("last_name", "Tester");
        f.put("email", email);
        f.put("town", town);
        f.put("comment", comment);
        return f;
    }

    String thanks(HttpResponse<String> posted) {
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        return http().get(URI.create(posted.headers().firstValue("Location").orElseThrow()).getPath()).body();
    }

    @Test
    void aSupporterSignsWithJavaScriptOnAndOffAndASecondSignatureIsTheFirst() {
        for (boolean js : new boolean[] {true, false}) {
            String email = "browser-" + js + "+" + UUID.randomUUID() + "@example.org";
            WebDriver driver = Browsers.chromium(js);
            try {
                driver.get(url(PAGE + "?src=it-browser"));
                assertThat(driver.findElement(By.cssSelector("#action-sign .petition-text")).getText())
                        .contains("We call on the Legislature to protect the families of Testville.");
                assertThat(driver.findElement(By.cssSelector("#action-sign meter")).getAttribute("aria-labelledby"))
                        .isEqualTo("petition-sign-progress");
                if (js) { // axe runs in the page's JavaScript
                    Axe.assertNoViolations(driver, "petition-page");
                }
                driver.findElement(By.id("field-sign-first_name")).sendKeys("Ana");
                driver.findElement(By.id("field-sign-email")).sendKeys(email);
                driver.findElement(By.id("field-sign-town")).sendKeys("Salem");
                driver.findElement(By.id("field-sign-comment")).sendKeys("For my neighbours.");
                WebElement left = driver.findElement(By.cssSelector("#action-sign [data-petition-left]"));
                if (js) {
                    assertThat(left.isDisplayed()).as("the enhancement counts what is left").isTrue();
                    assertThat(left.getText()).isEqualTo((2000 - "For my neighbours.".length()) + " characters left");
                } else {
                    assertThat(left.isDisplayed()).isFalse();
                }
                // The last name is missing: the error is next to the field and what was typed stays.
                driver.findElement(By.cssSelector("#action-sign button[type=submit]")).click();
                new WebDriverWait(driver, java.time.Duration.ofSeconds(20))
                        .until(d -> !d.findElements(By.id("field-sign-last_name-error")).isEmpty());
                assertThat(driver.findElement(By.id("field-sign-last_name-error")).getText()).isEqualTo("Enter your last name.");
                assertThat(driver.findElement(By.id("field-sign-first_name")).getAttribute("value")).isEqualTo("Ana");
                assertThat(driver.findElement(By.id("field-sign-comment")).getAttribute("value")).isEqualTo("For my neighbours.");
                assertThat(driver.findElement(By.id("field-sign-last_name")).getAttribute("aria-invalid")).isEqualTo("true");
                Browsers.screenshot(driver, "petition-error-js-" + (js ? "on" : "off"));
                if (js) {
                    Axe.assertNoViolations(driver, "petition-form-with-errors");
                }
                // The browser logs the 400 of that answer; nothing else may be in the console.
                assertThat(Browsers.consoleErrors(driver)).allMatch(e -> e.contains("status of 400"));

                driver.findElement(By.id("field-sign-last_name")).sendKeys("Pereira");
                driver.findElement(By.id("field-sign-anonymous")).click();
                driver.findElement(By.cssSelector("#action-sign button[type=submit]")).click();
                SeedCampaignBrowserIT.waitForThanks(driver);
                assertThat(driver.findElement(By.cssSelector(".petition-result-lede")).getText())
                        .isEqualTo("Your signature has been added. Thank you for signing!");
                assertThat(driver.findElement(By.cssSelector(".petition-result")).getText())
                        .contains("You chose not to be shown by name").contains("more signatures to reach our goal");
                assertThat(driver.findElement(By.cssSelector(".petition-result meter")).getAttribute("value")).isNotEqualTo("0");
                // Share links carry a source code; the campaign's other action is offered next.
                assertThat(driver.findElements(By.cssSelector(".share-links a"))).extracting(a -> a.getAttribute("href"))
                        .allMatch(h -> h.contains("src%3Dshare-") || h.contains("src=share-"));
                assertThat(driver.findElement(By.cssSelector(".next-actions a")).getAttribute("href")).endsWith("#action-old");
                Browsers.screenshot(driver, "petition-thanks-js-" + (js ? "on" : "off"));
                if (js) {
                    Axe.assertNoViolations(driver, "petition-thanks");
                }
                assertThat(Browsers.consoleErrors(driver)).isEmpty();
                String host = URI.create(base.toString()).getHost();
                assertThat(Browsers.requests(driver)).as("no third-party requests").allMatch(u -> host.equals(u.getHost()));

                // The same person signs again: nothing new is stored, and the page says when they signed.
                driver.get(url(PAGE));
                driver.findElement(By.id("field-sign-first_name")).sendKeys("Ana");
                driver.findElement(By.id("field-sign-last_name")).sendKeys("Pereira");
                driver.findElement(By.id("field-sign-email")).sendKeys(email.toUpperCase(java.util.Locale.ROOT));
                driver.findElement(By.id("field-sign-town")).sendKeys("01970");
                driver.findElement(By.cssSelector("#action-sign button[type=submit]")).click();
                new WebDriverWait(driver, java.time.Duration.ofSeconds(20))
                        .until(d -> !d.findElements(By.cssSelector(".petition-repeat")).isEmpty());
                assertThat(driver.findElement(By.cssSelector(".petition-repeat")).getText())
                        .startsWith("You already signed this petition on ");
                Browsers.screenshot(driver, "petition-repeat-js-" + (js ? "on" : "off"));
            } finally {
                driver.quit();
            }
        }
        // The anonymous signers show as "Anonymous", without their town.
        Document page = Jsoup.parse(http().get(PAGE).body());
        assertThat(page.select("#action-sign .petition-anonymous").eachText()).isNotEmpty().allMatch("Anonymous"::equals);
    }

    @Test
    void partnersReadTheTextCountAndGoalAsJson() {
        HttpResponse<String> json = http().get("/api/campaigns/it-petition/petitions/sign");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(json.body()).contains("\"type\":\"petition\"").contains("\"campaign\":\"it-petition\"")
                .contains("\"text\":\"We call on the **Legislature** to protect the families of Testville.\"")
                .contains("\"goal\":").contains("\"closed\":false");
        long before = number(json.body(), "count");
        assertThat(thanks(http().postForm(SIGN, form("sign", "Jo", "json+" + UUID.randomUUID() + "@example.org", "Lynn", ""))))
                .contains("Your signature has been added.");
        // The count is cached for a few seconds for busy embeds.
        String after = eventually(() -> http().get("/api/campaigns/it-petition/actions/sign").body(),
                b -> number(b, "count") == before + 1);
        assertThat(number(after, "goal")).isGreaterThan(before + 1);
        assertThat(http().get("/api/campaigns/it-petition/petitions/old").body()).contains("\"closed\":true");
        assertThat(http().get("/api/campaigns/it-petition/petitions/nope").statusCode()).isEqualTo(404);
        assertThat(http().get("/api/campaigns/safe-communities-act/petitions/email-your-legislators").statusCode())
                .as("not a petition").isEqualTo(404);
        assertThat(http().get("/api/campaigns/safe-communities-act/actions/email-your-legislators").body())
                .contains("\"type\":\"email-legislators\"");
    }

    @Test
    void badInputClosedPetitionsAndWonCampaignsAreExplained() {
        Map<String, String> tooLong = form("sign", "Kim", "kim+" + UUID.randomUUID() + "@example.org", "Lynn", "x".repeat(2_001));
        HttpResponse<String> r = http().postForm(SIGN, tooLong);
        assertThat(r.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("#field-sign-comment-error").text()).contains("too long").contains("2,000");
        assertThat(page.select("#field-sign-first_name").attr("value")).isEqualTo("Kim");

        Map<String, String> badEmail = form("sign", "Kim", "kim@", "Lynn", "");
        assertThat(Jsoup.parse(http().postForm(SIGN, badEmail).body()).select("#field-sign-email-error").text())
                .isEqualTo("Enter an email address like name@example.com.");

        Map<String, String> closed = form("old", "Kim", "kim+" + UUID.randomUUID() + "@example.org", "Lynn", "");
        HttpResponse<String> old = http().postForm("/campaigns/it-petition/actions/old", closed);
        assertThat(old.statusCode()).isEqualTo(400);
        Document oldPage = Jsoup.parse(old.body());
        assertThat(oldPage.select("#action-old .error-summary").text()).contains("This petition is closed");
        assertThat(oldPage.select("#action-old form")).isEmpty();
        assertThat(oldPage.select("#petition-old-closed").text()).contains("This petition is closed.");

        Document won = Jsoup.parse(http().get("/campaigns/it-petition-won").body());
        assertThat(won.select("#action-sign form")).isEmpty();
        assertThat(won.select("#petition-sign-closed").text()).isNotBlank();
        HttpResponse<String> late = http().postForm("/campaigns/it-petition-won/actions/sign", Map.of("first_name", "Kim",
                "last_name", "T", "email", "kim@example.org", "town", "Lynn"));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("not taking actions");
    }

    @Test
    void staffHideACommentExportPrintAndEmailTheSignatures() throws Exception {
        // A supporter in Salem: the town lookup places them in one Senate district.
        String lookup = http().get("/api/lookup?town=Salem").body();
        String district = between(lookup, "\"chamber\":\"upper\",\"district\":\"", "\"");
        String senator = between(lookup.substring(lookup.indexOf("\"chamber\":\"upper\"")), "\"name\":\"", "\"");
        String salemEmail = "salem+" + UUID.randomUUID() + "@example.org";
        thanks(http().postForm(SIGN, form("sign", "Sal", salemEmail, "Salem", "Rude words here")));
        thanks(http().postForm(SIGN, form("sign", "Lia", "lia+" + UUID.randomUUID() + "@example.org", "Pittsfield", "")));
        assertThat(eventually(() -> http().get(PAGE).body(), b -> b.contains("Rude words here"))).contains("Rude words here");

        StaffClient staff = new StaffClient(base);
        assertThat(staff.login("owner@example.org", "it-owner-password-123").statusCode()).isEqualTo(303);
        Document index = Jsoup.parse(staff.get("/admin/extensions/petitions").body());
        assertThat(index.select("a[href=/admin/extensions/petitions/p/it-petition/sign]")).hasSize(1);
        String petition = "/admin/extensions/petitions/p/it-petition/sign";
        Document admin = Jsoup.parse(staff.get(petition).body());
        assertThat(admin.select("#petitions-count").text()).contains("signatures");
        assertThat(admin.select("#petitions-by-source").text()).contains("it-http");
        Element row = admin.select("#petitions-signatures tr:contains(Rude words here)").first();
        assertThat(row).isNotNull();
        String hide = row.select("form").attr("action");
        assertThat(hide).endsWith("/hide");

        assertThat(staff.post(hide, Map.of()).statusCode()).as("no CSRF token").isEqualTo(403);
        HttpResponse<String> hidden = staff.post(hide, Map.of("_csrf", staff.csrf(petition)));
        assertThat(hidden.statusCode()).isEqualTo(303);
        assertThat(Jsoup.parse(staff.get(petition + "?done=hidden").body()).select("#petitions-done").text()).contains("hidden");
        assertThat(eventually(() -> http().get(PAGE).body(), b -> !b.contains("Rude words here"))).doesNotContain("Rude words here");
        assertThat(staff.get("/admin/audit").body()).contains("petitions.comment.hide");

        HttpResponse<byte[]> csv = staff.bytes(petition + "/signatures.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        String csvText = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(csvText).contains("\"signed_at\",\"first_name\"").contains(salemEmail).contains("\"Rude words here\",\"yes\"");

        // The senator for Salem gets a petition with the Salem signer among their constituents.
        Element senatorRow = admin.select("#petitions-targets tr:contains(" + senator + ")").first();
        assertThat(senatorRow).as("a target row for " + senator).isNotNull();
        HttpResponse<byte[]> pdf = staff.bytes(senatorRow.select("a[href$=.pdf]").attr("href"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        Files.createDirectories(Browsers.SCREENSHOTS);
        Files.write(Browsers.SCREENSHOTS.resolve("petition-for-" + senator.replace(' ', '-') + ".pdf"), pdf.body());
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc);
        }
        int constituents = text.indexOf("Constituents in " + district);
        int others = text.indexOf("Other signers");
        assertThat(constituents).as(text).isPositive().isLessThan(others);
        assertThat(text.substring(constituents, others)).contains("Sal Tester, Salem").doesNotContain("Rude words");
        assertThat(text.substring(others)).contains("Lia Tester, Pittsfield");

        // The governor's summary goes out through the outbox (the local sink here), with counts and no names.
        Element governor = admin.select("#petitions-targets tr:contains(Governor Testa)").first();
        HttpResponse<String> sent = staff.post(governor.select("form").attr("action"), Map.of("_csrf", staff.csrf(petition)));
        assertThat(sent.statusCode()).isEqualTo(303);
        Path sink = ItEnvironment.DIR.resolve("data/mail-sink");
        String eml = eventually(() -> {
            try (var files = Files.list(sink)) {
                for (Path f : files.toList()) {
                    String m = Files.readString(f);
                    if (m.contains("governor@example.org") && m.contains("Petition: ")) {
                        return m;
                    }
                }
            } catch (java.io.IOException e) {
                // not written yet
            }
            return "";
        }, m -> !m.isEmpty());
        assertThat(eml).contains("To: Governor Testa <governor@example.org>").contains("have signed the petition")
                .doesNotContain(salemEmail);
        assertThat(staff.get("/admin/audit").body()).contains("petitions.delivery.email");
    }

    static long number(String json, String key) {
        String v = between(json, "\"" + key + "\":", ",");
        return Long.parseLong(v.replace("}", "").trim());
    }

    static String between(String s, String start, String end) {
        int i = s.indexOf(start);
        assertThat(i).as(start + " in " + s).isNotNegative();
        int from = i + start.length();
        return s.substring(from, s.indexOf(end, from));
    }

    static <T> T eventually(Supplier<T> get, java.util.function.Predicate<T> ok) {
        long deadline = System.currentTimeMillis() + 30_000;
        T value = get.get();
        while (!ok.test(value) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            value = get.get();
        }
        return value;
    }
}
