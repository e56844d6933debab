package org.chorus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Coalition staff launch a campaign in a real browser on the shipped layout: the owner adds an organizer, who signs
 * in, creates a campaign from the "Email your state legislators" template, writes its text with the live preview,
 * writes the letter with a co-sponsor variant (refused until it names its bill, with the form kept), previews the
 * letter two real legislators would get, and publishes it; then a supporter takes the action on the public page.
 * Screenshots of each step go to target/screenshots/admin-campaign-*.png.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminCampaignsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItEnvironment.platformWar();
    }

    @ArquillianResource
    URL base;

    String url(String path) {
        return URI.create(base.toString()).resolve(path).toString();
    }

    static void type(WebDriver d, String id, String text) {
        WebElement e = d.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    static void click(WebDriver d, By by) {
        d.findElement(by).click();
    }

    static WebDriverWait waiting(WebDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(20));
    }

    /** Submits with the button and waits for the next page (the old one goes stale). */
    static void submit(WebDriver d, By button) {
        Browsers.clickAndWaitForNextPage(d, button);
    }

    static void signIn(WebDriver d, String base, String email, String password) {
        d.get(base + "admin/login");
        type(d, "email", email);
        type(d, "password", password);
        submit(d, By.cssSelector("main button[type=submit]"));
    }

    static String main(WebDriver d) {
        return d.findElement(By.tagName("main")).getText();
    }

    @Test
    void anOrganizerLaunchesALetterCampaignFromTheTemplateAndASupporterTakesTheAction() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String organizerEmail = "olga+" + id + "@example.org";
        String slug = "fund-public-defenders-" + id;
        String root = url("/");

        WebDriver owner = Browsers.chromium(true);
        try {
            signIn(owner, root, "owner@example.org", "it-owner-password-123");
            owner.get(url("/admin/users"));
            type(owner, "email", organizerEmail);
            type(owner, "displayName", "Olga Organizer");
            new Select(owner.findElement(By.id("role"))).selectByValue("organizer");
            type(owner, "password", "organizer-password-123");
            submit(owner, By.xpath("//button[normalize-space()='Add account']"));
            assertThat(main(owner)).contains(organizerEmail).contains("organizer");
        } finally {
            owner.quit();
        }

        WebDriver d = Browsers.chromium(true);
        try {
            signIn(d, root, organizerEmail, "organizer-password-123");
            d.get(url("/admin/campaigns"));
            assertThat(d.findElement(By.cssSelector(".admin-nav a[aria-current=page]")).getText()).isEqualTo("Campaigns");
            click(d, By.linkText("New campaign"));

            // A bad address is explained next to its field, and what was typed stays.
            WebElement template = d.findElement(By.xpath("//label[contains(., 'Email your state legislators')]"));
            template.click();
            type(d, "f-title", "Fund public defenders now");
            type(d, "f-slug", "Fund Public Defenders!");
            submit(d, By.xpath("//button[normalize-space()='Create the campaign']"));
            assertThat(d.findElement(By.id("f-slug-error")).getText()).contains("lower-case letters");
            assertThat(d.findElement(By.id("f-slug")).getAttribute("aria-describedby")).contains("f-slug-error");
            assertThat(d.findElement(By.id("f-title")).getAttribute("value")).isEqualTo("Fund public defenders now");
            assertThat(d.findElement(By.cssSelector(".error-summary")).getText()).contains("Address");
            Browsers.screenshot(d, "admin-campaign-1-new-with-error");
            Browsers.consoleErrors(d); // the 400 answer itself is logged; what follows must be clean
            type(d, "f-slug", slug);
            submit(d, By.xpath("//button[normalize-space()='Create the campaign']"));
            assertThat(d.getCurrentUrl()).endsWith("/admin/campaigns/" + slug + "?done=created");
            assertThat(main(d)).contains("draft").contains("Email your legislators");

            // The text, with the preview in the campaign's own theme following the typing.
            click(d, By.linkText("Content and settings"));
            new Select(d.findElement(By.id("f-theme"))).selectByValue("safe-communities");
            type(d, "f-summary", "Ask your legislators to fund a lawyer for everyone facing deportation.");
            type(d, "f-body", "## Why it matters\n\nNobody should face immigration court **alone**.");
            waiting(d).until(x -> previewText(x).contains("Nobody should face immigration court alone."));
            String preview = previewText(d);
            assertThat(preview).contains("Fund public defenders now").contains("Why it matters");
            assertThat(previewStyles(d)).as("the campaign theme's stylesheet").anyMatch(h -> h.contains("safe-communities"));
            Browsers.screenshot(d, "admin-campaign-2-content-live-preview");
            submit(d, By.cssSelector("button[name=_op][value=save]"));
            assertThat(d.findElement(By.cssSelector(".notice")).getText()).contains("Saved");
            assertThat(d.findElement(By.id("f-summary")).getAttribute("value")).startsWith("Ask your legislators");

            // The letter: its settings form comes from the plugin's schema.
            d.get(url("/admin/campaigns/" + slug));
            click(d, By.cssSelector("a[href$='/actions/email-legislators']"));
            assertThat(d.findElement(By.id("merge-fields")).getText()).contains("{{supporter.town}}").contains("{{target.last_name}}");
            assertThat(d.findElement(By.id("s-chambers-0")).isSelected()).isTrue();
            type(d, "s-subject", "Please fund the Immigrant Legal Defense Act");
            type(d, "s-body", "As your constituent in {{supporter.town}}, I ask you to co-sponsor the Immigrant Legal Defense Act "
                    + "(H.1954 / S.1127) so that nobody faces deportation without a lawyer.");
            submit(d, By.xpath("//button[normalize-space()='Add to Bills']"));
            type(d, "s-bills-0-key", "H1954 / S1127");
            type(d, "s-bills-0-name", "Immigrant Legal Defense Act");
            submit(d, By.xpath("//button[normalize-space()='Add to Letter variants']"));
            assertThat(d.findElement(By.id("s-subject")).getAttribute("value")).as("unsaved text kept")
                    .isEqualTo("Please fund the Immigrant Legal Defense Act");
            type(d, "s-variants-0-name", "thank-cosponsor");
            new Select(d.findElement(By.id("s-variants-0-stance"))).selectByValue("cosponsor");
            type(d, "s-variants-0-subject", "Thank you for co-sponsoring the Immigrant Legal Defense Act");
            type(d, "s-variants-0-body", "Thank you, {{target.title}} {{target.last_name}}, for co-sponsoring the Immigrant "
                    + "Legal Defense Act. Please help it reach a vote this session.");
            submit(d, By.cssSelector("button[name=_op][value=save]"));
            // A stance without its bill would apply to every legislator: refused, next to the field, all kept.
            assertThat(d.findElement(By.id("s-variants-0-stance_bill-error")).getText()).contains("required when the variant depends on a stance");
            assertThat(d.findElement(By.id("s-variants-0-stance_bill")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(d.findElement(By.id("s-variants-0-name")).getAttribute("value")).isEqualTo("thank-cosponsor");
            assertThat(new Select(d.findElement(By.id("s-variants-0-stance"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("cosponsor");
            assertThat(d.findElement(By.cssSelector(".error-summary a[href='#s-variants-0-stance_bill']")).getText())
                    .contains("required when the variant depends on a stance");
            show(d, By.id("s-variants-0"));
            Browsers.screenshot(d, "admin-campaign-3-variant-error");
            Browsers.consoleErrors(d);
            type(d, "s-variants-0-stance_bill", "H1954 / S1127");
            submit(d, By.cssSelector("button[name=_op][value=save]"));
            assertThat(d.findElement(By.cssSelector(".notice")).getText()).contains("saved");
            assertThat(d.findElement(By.id("s-variants-0-stance_bill")).getAttribute("value")).isEqualTo("H1954 / S1127");

            // The letter two real legislators would get (no stance provider is installed: each gets the default letter).
            Select targets = new Select(d.findElement(By.id("f-targets")));
            for (WebElement o : targets.getOptions()) {
                if (o.getText().startsWith("Lydia Edwards") || o.getText().startsWith("Jay Livingstone")) {
                    targets.selectByValue(o.getAttribute("value"));
                }
            }
            assertThat(targets.getAllSelectedOptions()).hasSize(2);
            submit(d, By.xpath("//button[normalize-space()='Preview for the chosen targets']"));
            List<WebElement> letters = d.findElements(By.cssSelector(".target-preview-item"));
            assertThat(letters).hasSize(2);
            String both = letters.get(0).getText() + "\n" + letters.get(1).getText();
            assertThat(both).contains("To Representative Jay Livingstone (8th Suffolk)").contains("To Senator Lydia Edwards (Third Suffolk)")
                    .contains("Dear Senator Edwards,").contains("Dear Representative Livingstone,")
                    .contains("As your constituent in [your town], I ask you to co-sponsor the Immigrant Legal Defense Act")
                    .contains("Subject: Please fund the Immigrant Legal Defense Act");
            assertThat(d.findElements(By.cssSelector(".preview-variant"))).extracting(WebElement::getText).containsOnly("default");
            Browsers.screenshot(d, "admin-campaign-4-letter-preview");

            // Publish, confirmed.
            d.get(url("/admin/campaigns/" + slug));
            click(d, By.partialLinkText("Publish"));
            assertThat(main(d)).contains("Publish “Fund public defenders now”?").contains("/campaigns/" + slug);
            Browsers.screenshot(d, "admin-campaign-5-publish-confirm");
            submit(d, By.xpath("//button[normalize-space()='Yes, publish it']"));
            assertThat(d.findElement(By.cssSelector(".notice")).getText()).contains("published");
            assertThat(d.findElement(By.cssSelector("h1 .state")).getText()).isEqualTo("published");
            assertThat(Browsers.consoleErrors(d)).as("no script or CSP errors in the console").isEmpty();
            String host = URI.create(base.toString()).getHost();
            assertThat(Browsers.requests(d)).as("no third-party requests").allMatch(u -> host.equals(u.getHost()));

            d.get(url("/admin/audit"));
            assertThat(d.getTitle()).contains("may not"); // organizers do not read the audit log
        } finally {
            d.quit();
        }

        // A supporter on the public page, without JavaScript.
        WebDriver supporter = Browsers.chromium(false);
        try {
            supporter.get(url("/campaigns/" + slug + "?src=admin-it"));
            assertThat(supporter.getTitle()).contains("Fund public defenders now");
            type(supporter, "field-email-legislators-street", "120 Washington St");
            type(supporter, "field-email-legislators-zip", "01970");
            type(supporter, "field-email-legislators-first_name", "Ana");
            type(supporter, "field-email-legislators-last_name", "Pereira");
            type(supporter, "field-email-legislators-email", "ana+" + id + "@example.org");
            supporter.findElement(By.cssSelector("#action-email-legislators button[type=submit]:not([name=preview])")).click();
            SeedCampaignBrowserIT.waitForThanks(supporter);
            List<WebElement> deliveries = supporter.findElements(By.cssSelector(".el-deliveries li"));
            assertThat(deliveries).hasSize(2);
            assertThat(deliveries.get(0).getText() + deliveries.get(1).getText()).contains("Senator").contains("Representative");
            Browsers.screenshot(supporter, "admin-campaign-6-supporter-thanks");
        } finally {
            supporter.quit();
        }

        // Every change is in the audit log, with the organizer as its author.
        WebDriver again = Browsers.chromium(false);
        try {
            signIn(again, root, "owner@example.org", "it-owner-password-123");
            again.get(url("/admin/audit"));
            String audit = main(again);
            assertThat(audit).contains("campaign.create").contains("campaign.update").contains("campaign.action.settings")
                    .contains("campaign.status").contains(organizerEmail).contains("campaign:" + slug);
        } finally {
            again.quit();
        }
    }

    /** Scrolls an element into view (for a screenshot of it). */
    static void show(WebDriver d, By by) {
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView()", d.findElement(by));
    }

    static String previewText(WebDriver d) {
        WebElement frame = d.findElement(By.cssSelector("iframe[data-preview]"));
        try {
            d.switchTo().frame(frame);
            return d.findElement(By.tagName("body")).getText();
        } finally {
            d.switchTo().defaultContent();
        }
    }

    static List<String> previewStyles(WebDriver d) {
        WebElement frame = d.findElement(By.cssSelector("iframe[data-preview]"));
        try {
            d.switchTo().frame(frame);
            return d.findElements(By.cssSelector("link[rel=stylesheet]")).stream().map(e -> e.getAttribute("href")).toList();
        } finally {
            d.switchTo().defaultContent();
        }
    }

    /** Every campaign screen answers with its page (or a 4xx saying what to fix), for the seed campaign too. */
    @Test
    void everyCampaignScreenAnswersAndBadInputIsA4xxWithTheFormKept() throws Exception {
        StaffClient owner = new StaffClient(base);
        assertThat(owner.login("owner@example.org", "it-owner-password-123").statusCode()).isEqualTo(303);
        String csrf = owner.csrf("/admin/campaigns");
        String seed = "/admin/campaigns/safe-communities-act";
        for (String page : List.of("/admin/campaigns", "/admin/campaigns?q=communities&status=published", "/admin/campaigns/new",
                "/admin/campaigns/import", seed, seed + "/edit", seed + "/edit?lang=pt-BR", seed + "/duplicate",
                seed + "/status?to=closed", seed + "/status?to=victory", seed + "/status?to=draft",
                seed + "/actions/email-your-legislators", seed + "/actions/email-your-legislators/remove")) {
            HttpResponse<String> r = owner.get(page);
            assertThat(r.statusCode()).as(page + ": " + Jsoup.parse(r.body()).select("main").text()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).doesNotContain("unsafe-inline");
        }
        Document list = Jsoup.parse(owner.get("/admin/campaigns?q=no-such-campaign-anywhere").body());
        assertThat(list.text()).contains("No campaign matches");
        assertThat(owner.get("/admin/campaigns?status=launched").statusCode()).isEqualTo(400);
        assertThat(owner.get("/admin/campaigns/no-such-campaign").statusCode()).isEqualTo(404);

        Document settings = Jsoup.parse(owner.get(seed + "/actions/email-your-legislators").body());
        assertThat(settings.select("#s-variants-0-name").attr("value")).isEqualTo("thank-cosponsor");
        assertThat(settings.select("#s-bills-1-name").attr("value")).isEqualTo("Immigrant Legal Defense Act");
        Document remove = Jsoup.parse(owner.get(seed + "/actions/email-your-legislators/remove").body());
        assertThat(remove.select(".error-summary").text()).as("supporters took it in other tests, or not yet")
                .satisfiesAnyOf(t -> assertThat(t).contains("stays with their records"), t -> assertThat(t).isEmpty());
        Document status = Jsoup.parse(owner.get(seed + "/status?to=draft").body());
        assertThat(status.select("form[action$=/status] input[name=to]").attr("value")).isEqualTo("draft");

        HttpResponse<String> dup = owner.post(seed + "/duplicate", Map.of("_csrf", csrf, "slug", "Not A Slug", "title", "Kept title",
                "language", "vi"));
        assertThat(dup.statusCode()).isEqualTo(400);
        Document dupPage = Jsoup.parse(dup.body());
        assertThat(dupPage.select("#f-slug-error").text()).contains("lower-case");
        assertThat(dupPage.select("#f-title").attr("value")).isEqualTo("Kept title");
        assertThat(dupPage.select("#f-language option[selected]").attr("value")).isEqualTo("vi");

        HttpResponse<String> add = owner.post(seed + "/actions", Map.of("_csrf", csrf, "type", "no-such-type", "title", "X"));
        assertThat(add.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(add.body()).select("#f-type-error").text()).contains("installed action types");

        HttpResponse<String> badEdit = owner.post(seed + "/edit", Map.of("_csrf", csrf, "_op", "save", "lang", "en", "slug",
                "safe-communities-act", "theme", "admin", "title", "", "languages", "en", "startsAt", "soon"));
        assertThat(badEdit.statusCode()).isEqualTo(400);
        Document edit = Jsoup.parse(badEdit.body());
        assertThat(edit.select("#f-title-error").text()).contains("Enter a title");
        assertThat(edit.select("#f-theme-error").text()).contains("campaign themes");
        assertThat(edit.select("#f-startsAt-error").text()).contains("2026-03-01T09:00");
        assertThat(edit.select("#f-startsAt").attr("value")).isEqualTo("soon");
        assertThat(edit.select(".error-summary a[href=#f-title]")).hasSize(1);
        assertThat(Jsoup.parse(owner.get("/campaigns/safe-communities-act").body()).title())
                .as("nothing saved").contains("Tell your state legislators where you stand");

        // The live preview's endpoint: the typed text in the campaign's theme, CSRF by header.
        HttpResponse<String> preview = owner.post(seed + "/preview", Map.of("_csrf", csrf, "lang", "en", "theme", "default",
                "title", "A title typed just now", "body", "**Bold** text"));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("A title typed just now").contains("<strong>Bold</strong>")
                .contains("/theme/default/").doesNotContain("<script");
    }

    /** Without JavaScript: the Preview button shows the typed text in the campaign's theme, nothing saved. */
    @Test
    void withoutJavaScriptThePreviewButtonShowsTheTypedTextAndViewersOnlyRead() throws Exception {
        StaffClient organizer = new StaffClient(base);
        String email = "omar+" + UUID.randomUUID() + "@example.org";
        StaffClient owner = new StaffClient(base);
        assertThat(owner.login("owner@example.org", "it-owner-password-123").statusCode()).isEqualTo(303);
        String token = owner.csrf("/admin/users");
        assertThat(owner.post("/admin/users", Map.of("_csrf", token, "email", email, "displayName", "Omar", "role", "organizer",
                "password", "organizer-password-456")).statusCode()).isEqualTo(303);
        assertThat(organizer.login(email, "organizer-password-456").statusCode()).isEqualTo(303);

        String slug = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        String csrf = organizer.csrf("/admin/campaigns/new");
        HttpResponse<String> created = organizer.post("/admin/campaigns/safe-communities-act/duplicate",
                Map.of("_csrf", csrf, "slug", slug, "title", "", "language", "es"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        Document overview = Jsoup.parse(organizer.get("/admin/campaigns/" + slug).body());
        assertThat(overview.select("h1").text()).contains("Diga a sus legisladores");
        assertThat(overview.text()).contains("needs translation");

        WebDriver d = Browsers.chromium(false);
        try {
            signIn(d, url("/"), email, "organizer-password-456");
            d.get(url("/admin/campaigns/" + slug + "/edit"));
            type(d, "f-title", "Diga a sus legisladores: ¡ahora!");
            submit(d, By.cssSelector("button[name=_op][value=preview]"));
            assertThat(d.findElement(By.cssSelector(".notice")).getText()).contains("nothing is saved");
            assertThat(previewText(d)).contains("Diga a sus legisladores: ¡ahora!");
            assertThat(d.findElement(By.id("f-title")).getAttribute("value")).isEqualTo("Diga a sus legisladores: ¡ahora!");
            Browsers.screenshot(d, "admin-campaign-7-preview-without-js");
        } finally {
            d.quit();
        }
        assertThat(Jsoup.parse(organizer.get("/admin/campaigns/" + slug).body()).select("h1").text())
                .as("a preview saves nothing").doesNotContain("ahora");

        // Export and import the same file as a new campaign.
        HttpResponse<String> yaml = organizer.get("/admin/campaigns/" + slug + "/export");
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("Content-Disposition").orElseThrow()).contains(slug + ".yaml");
        assertThat(yaml.body()).contains("slug: " + slug).contains("language: es").contains("needs_translation: true")
                .contains("type: email-legislators");
        String copy = slug + "-imported";
        HttpResponse<String> imported = organizer.post("/admin/campaigns/import", Map.of("_csrf", csrf,
                "yaml", yaml.body().replace("slug: " + slug, "slug: " + copy)));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(303);
        assertThat(organizer.get("/admin/campaigns/" + copy + "/export").body())
                .isEqualTo(yaml.body().replace("slug: " + slug, "slug: " + copy));
        // The page's form sends a chosen file as multipart (no script needed); the file wins over the text box.
        String uploadedSlug = slug + "-uploaded";
        HttpResponse<String> uploaded = organizer.upload("/admin/campaigns/import", Map.of("_csrf", csrf, "yaml", ""),
                uploadedSlug + ".yaml", yaml.body().replace("slug: " + slug, "slug: " + uploadedSlug));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(303);
        assertThat(uploaded.headers().firstValue("Location").orElseThrow()).endsWith("/admin/campaigns/" + uploadedSlug + "?done=imported");
        assertThat(organizer.upload("/admin/campaigns/import", Map.of("yaml", ""), "x.yaml", "slug: x").statusCode())
                .as("no CSRF part").isEqualTo(403);
        HttpResponse<String> again = organizer.post("/admin/campaigns/import", Map.of("_csrf", csrf, "yaml", yaml.body()));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(again.body()).select("#f-replace-error").text()).contains("exists already");
        assertThat(Jsoup.parse(again.body()).select("#f-yaml").text()).contains("slug: " + slug);

        // A viewer reads the campaign but cannot change or export it.
        String viewerEmail = "vera+" + UUID.randomUUID() + "@example.org";
        assertThat(owner.post("/admin/users", Map.of("_csrf", token, "email", viewerEmail, "displayName", "Vera", "role", "viewer",
                "password", "viewer-password-789")).statusCode()).isEqualTo(303);
        StaffClient viewer = new StaffClient(base);
        assertThat(viewer.login(viewerEmail, "viewer-password-789").statusCode()).isEqualTo(303);
        Document read = Jsoup.parse(viewer.get("/admin/campaigns?q=" + slug).body());
        assertThat(read.select(".campaigns-table a").eachText()).hasSize(3);
        assertThat(Jsoup.parse(viewer.get("/admin/campaigns/" + slug).body()).select("form[action$=/status]")).isEmpty();
        assertThat(viewer.get("/admin/campaigns/" + slug + "/edit").statusCode()).isEqualTo(403);
        assertThat(viewer.get("/admin/campaigns/" + slug + "/export").statusCode()).isEqualTo(403);
        String viewerToken = viewer.csrf("/admin/campaigns");
        assertThat(viewer.post("/admin/campaigns/" + slug + "/status", Map.of("_csrf", viewerToken, "to", "published")).statusCode())
                .isEqualTo(403);
        assertThat(organizer.post("/admin/campaigns/" + slug + "/status", Map.of("to", "published")).statusCode())
                .as("no CSRF token").isEqualTo(403);
    }
}
