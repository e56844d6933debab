package org.chorus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin console's security on the real server: login, deny by default, CSRF, roles; and the mail outbox and
 * local sink pages staff read after a supporter's letters were queued and delivered to the sink.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminConsoleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItEnvironment.platformWar();
    }

    @ArquillianResource
    URL base;

    StaffClient owner() throws Exception {
        StaffClient s = new StaffClient(base);
        assertThat(s.login("owner@example.org", "it-owner-password-123").statusCode()).isEqualTo(303);
        return s;
    }

    /** A supporter's letters to their two legislators, as the public form sends them. */
    void takeAction(String email, String source) {
        new Http(base).postForm("/campaigns/safe-communities-act/actions/email-your-legislators", Map.of(
                "_idem", UUID.randomUUID().toString(), "_src", source, "_landed", String.valueOf(System.currentTimeMillis() - 90_000),
                "lat", "42.3588", "lon", "-71.0637", "street", "24 Beacon St", "zip", "02133", "first_name", "Rosa",
                "last_name", "Results", "email", email));
    }

    static void newAccount(StaffClient owner, String email, String role, String password) throws Exception {
        assertThat(owner.submit("/admin/users", "/admin/users", Map.of("email", email, "displayName", "Sam " + role,
                "role", role, "password", password)).statusCode()).isEqualTo(303);
    }

    @Test
    void anonymousVisitorsAreSentToLoginAndWrongPasswordsGetOneMessage() throws Exception {
        StaffClient anonymous = new StaffClient(base);
        HttpResponse<String> r = anonymous.get("/admin/outbox");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElseThrow()).contains("/admin/login?next=%2Fadmin%2Foutbox");
        HttpResponse<String> wrong = anonymous.login("owner@example.org", "not the password");
        assertThat(wrong.statusCode()).isBetween(400, 401);
        assertThat(wrong.body()).contains("The e-mail or password is wrong.");
        assertThat(anonymous.post("/admin/outbox/1/retry", Map.of()).statusCode()).isIn(303, 403);
    }

    @Test
    void staffSeeTheOutboxAndTheLocalSinkAndOnlyOrganizersMayRetry() throws Exception {
        // A supporter's letters: queued, then delivered to the sink by the worker.
        new Http(base).postForm("/campaigns/safe-communities-act/actions/email-your-legislators", Map.of(
                "_idem", UUID.randomUUID().toString(), "lat", "42.3588", "lon", "-71.0637", "street", "24 Beacon St",
                "zip", "02133", "first_name", "Rosa", "last_name", "Admin", "email", "rosa+" + UUID.randomUUID() + "@example.org"));

        StaffClient owner = new StaffClient(base);
        assertThat(owner.login("owner@example.org", "it-owner-password-123").statusCode()).isEqualTo(303);
        Document outbox = Jsoup.parse(owner.get("/admin/outbox").body());
        assertThat(outbox.text()).contains("Lydia Edwards");
        long deadline = System.currentTimeMillis() + 30_000;
        Document sink = Jsoup.parse(owner.get("/admin/sink").body());
        while (!sink.text().contains("lydia.edwards@masenate.gov") && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            sink = Jsoup.parse(owner.get("/admin/sink").body());
        }
        assertThat(sink.text()).contains("lydia.edwards@masenate.gov");

        // A state change without the CSRF token is refused, even for the owner.
        String viewerEmail = "viewer+" + UUID.randomUUID() + "@example.org";
        Map<String, String> user = new LinkedHashMap<>(Map.of("email", viewerEmail, "displayName", "Val Viewer",
                "role", "viewer", "password", "viewer-password-123"));
        assertThat(owner.post("/admin/users", user).statusCode()).isEqualTo(403);
        user.put("_csrf", owner.csrf("/admin/users"));
        assertThat(owner.post("/admin/users", user).statusCode()).isIn(200, 303);

        StaffClient viewer = new StaffClient(base);
        assertThat(viewer.login(viewerEmail, "viewer-password-123").statusCode()).isEqualTo(303);
        assertThat(viewer.get("/admin/outbox").statusCode()).isEqualTo(200);
        assertThat(viewer.get("/admin/users").statusCode()).as("owners only").isEqualTo(403);
        String token = viewer.csrf("/admin/outbox");
        assertThat(viewer.post("/admin/outbox/1/retry", Map.of("_csrf", token)).statusCode()).as("organizers only").isEqualTo(403);
    }

    @Test
    void aStaleSessionGoesToLoginAndThenBackToWhereThePersonWas() throws Exception {
        // An expired session and a forgotten one look the same to the server: the cookie opens no session.
        HttpClient noCookies = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> r = noCookies.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("/admin/outbox?state=dead"))
                .header("Cookie", "chorus_admin=" + "x".repeat(43)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(303);
        String login = r.headers().firstValue("Location").orElseThrow();
        assertThat(login).endsWith("/admin/login?next=%2Fadmin%2Foutbox%3Fstate%3Ddead");
        StaffClient staff = new StaffClient(base);
        String next = Jsoup.parse(staff.get(login).body()).select("input[name=next]").attr("value");
        assertThat(next).isEqualTo("/admin/outbox?state=dead");
        HttpResponse<String> in = staff.post("/admin/login", Map.of("email", "owner@example.org", "password", "it-owner-password-123",
                "next", next));
        assertThat(in.statusCode()).isEqualTo(303);
        assertThat(in.headers().firstValue("Location").orElseThrow()).endsWith("/admin/outbox?state=dead");
    }

    @Test
    void aLowerRoleGetsTheThemedForbiddenPage() throws Exception {
        StaffClient owner = owner();
        String email = "viewer403+" + UUID.randomUUID() + "@example.org";
        newAccount(owner, email, "viewer", "viewer-password-403");
        StaffClient viewer = new StaffClient(base);
        assertThat(viewer.login(email, "viewer-password-403").statusCode()).isEqualTo(303);
        for (String path : List.of("/admin/plugins", "/admin/supporters", "/admin/campaigns/safe-communities-act/results/actions.csv")) {
            HttpResponse<String> r = viewer.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(403);
            Document page = Jsoup.parse(r.body());
            assertThat(page.select("h1").text()).isEqualTo("You may not do that");
            assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).anyMatch(h -> h.startsWith("/theme/admin/"));
        }
        assertThat(viewer.get("/admin/campaigns/safe-communities-act/results").statusCode()).isEqualTo(200);
    }

    @Test
    void resultsShowThePressureTableAsPageAndPdfAndTheActionsExportAsCsv() throws Exception {
        String email = "results+" + UUID.randomUUID() + "@example.org";
        takeAction(email, "it-newsletter");
        StaffClient owner = owner();
        Document results = Jsoup.parse(owner.get("/admin/campaigns/safe-communities-act/results").body());
        assertThat(results.select("svg.chart rect.chart-bar")).isNotEmpty();
        assertThat(results.select("#pressure ~ table").first().text()).contains("Lydia Edwards").contains("Third Suffolk");
        assertThat(results.text()).contains("it-newsletter").contains("Median:");

        HttpResponse<byte[]> pdf = owner.bytes("/admin/campaigns/safe-communities-act/results/pressure.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Files.createDirectories(Browsers.SCREENSHOTS);
        Files.write(Browsers.SCREENSHOTS.resolve("pressure.pdf"), pdf.body());

        Document export = Jsoup.parse(owner.get("/admin/campaigns/safe-communities-act/results/actions").body());
        assertThat(export.select(".export-size strong").text()).matches("\\d+");
        HttpResponse<String> csv = owner.get(export.select("a[download]").attr("href"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment; filename=");
        assertThat(csv.body()).startsWith("action_record_id,created_at,landed_at,").contains(email);
        assertThat(csv.body().split("\r\n")).hasSize(Integer.parseInt(export.select(".export-size strong").text()) + 1);
    }

    @Test
    void aSupporterIsFoundExportedAndDeletedOnRequestAfterConfirmation() throws Exception {
        String email = "privacy+" + UUID.randomUUID() + "@example.org";
        takeAction(email, "it-privacy");
        StaffClient owner = owner();
        Document found = Jsoup.parse(owner.get("/admin/supporters?q=" + StaffClient.enc(email)).body());
        String person = found.select("a[href^=/admin/supporters/]").stream().map(a -> a.attr("href"))
                .filter(h -> h.matches("/admin/supporters/\\d+")).findFirst().orElseThrow();
        Document page = Jsoup.parse(owner.get(person).body());
        assertThat(page.text()).contains(email).contains("Lydia Edwards");

        HttpResponse<String> csv = owner.get("/admin/supporters.csv?q=" + StaffClient.enc(email));
        assertThat(csv.body().split("\r\n")).hasSize(2);
        // The seed campaign runs in privacy safe mode: the street found the districts and was not kept.
        assertThat(csv.body()).contains(email + ",Rosa,Results,").doesNotContain("24 Beacon St");

        HttpResponse<String> wrong = owner.submit(person + "/delete", person + "/delete", Map.of("confirmEmail", "someone@else.org"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(wrong.body()).select("#confirmEmail").attr("value")).isEqualTo("someone@else.org");
        HttpResponse<String> done = owner.submit(person + "/delete", person + "/delete", Map.of("confirmEmail", email.toUpperCase()));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(owner.get(person).statusCode()).isEqualTo(404);
        assertThat(owner.get("/admin/supporters.csv?q=" + StaffClient.enc(email)).body().split("\r\n")).hasSize(1);
        assertThat(owner.get("/admin/campaigns/safe-communities-act/results/actions.csv").body()).doesNotContain(email);
        assertThat(owner.get("/admin/audit").body()).contains("supporter.delete").doesNotContain(email);
    }

    @Test
    void aForgottenPasswordIsResetThroughAMailedLinkThatWorksOnce() throws Exception {
        StaffClient owner = owner();
        String email = "forgetful+" + UUID.randomUUID() + "@example.org";
        newAccount(owner, email, "organizer", "organizer-password-1");
        StaffClient anonymous = new StaffClient(base);
        HttpResponse<String> known = anonymous.post("/admin/password/forgot", Map.of("email", email));
        HttpResponse<String> unknown = anonymous.post("/admin/password/forgot", Map.of("email", "nobody+" + email));
        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(known.body()).select(".notice").text().replace(email, "X"))
                .as("the same answer whether or not there is an account")
                .isEqualTo(Jsoup.parse(unknown.body()).select(".notice").text().replace("nobody+" + email, "X"));

        // The link is delivered by the outbox worker to the local sink (no SMTP server in these tests).
        Path sink = ItEnvironment.DIR.resolve("data/mail-sink");
        String token = null;
        long deadline = System.currentTimeMillis() + 30_000;
        while (token == null && System.currentTimeMillis() < deadline) {
            if (Files.isDirectory(sink)) {
                try (Stream<Path> files = Files.list(sink)) {
                    for (Path f : files.toList()) {
                        String eml = Files.readString(f, StandardCharsets.UTF_8);
                        Matcher m = Pattern.compile("/admin/password/reset\\?token(?:=3D|=)([A-Za-z0-9_-]{43})").matcher(eml.replace("=\r\n", ""));
                        if (eml.contains(email) && m.find()) {
                            token = m.group(1);
                        }
                    }
                }
            }
            if (token == null) {
                Thread.sleep(500);
            }
        }
        assertThat(token).as("reset mail in " + sink).isNotNull();
        // StaffClient reading the outbox never see the link.
        Document outbox = Jsoup.parse(owner.get("/admin/outbox").body());
        String id = outbox.select("tr:contains(" + email + ") a").first().text();
        assertThat(owner.get("/admin/outbox/" + id).body()).doesNotContain(token).contains("only its recipient may read it");

        assertThat(anonymous.get("/admin/password/reset?token=" + token).statusCode()).isEqualTo(200);
        HttpResponse<String> mismatch = anonymous.post("/admin/password/reset", Map.of("token", token, "password", "a new password!",
                "confirm", "another password"));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(mismatch.body()).select("#confirm-error").text()).isEqualTo("The two passwords are not the same.");
        HttpResponse<String> ok = anonymous.post("/admin/password/reset", Map.of("token", token, "password", "a new password!",
                "confirm", "a new password!"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("Your password is changed.");
        assertThat(anonymous.post("/admin/password/reset", Map.of("token", token, "password", "third password!!",
                "confirm", "third password!!")).statusCode()).as("used once").isEqualTo(404);
        assertThat(new StaffClient(base).login(email, "organizer-password-1").statusCode()).isEqualTo(401);
        assertThat(new StaffClient(base).login(email, "a new password!").statusCode()).isEqualTo(303);
    }

    @Test
    void twoFactorLoginAsksForTheCodeOfTheAuthenticatorApp() throws Exception {
        StaffClient owner = owner();
        String email = "twofactor+" + UUID.randomUUID() + "@example.org";
        newAccount(owner, email, "viewer", "viewer-password-2fa");
        StaffClient viewer = new StaffClient(base);
        assertThat(viewer.login(email, "viewer-password-2fa").statusCode()).isEqualTo(303);
        Document setup = Jsoup.parse(viewer.submit("/admin/account", "/admin/account/two-factor/start", Map.of()).body());
        String secret = setup.select("code.secret").first().text().replace(" ", "");
        assertThat(setup.select("code.secret").get(1).text()).startsWith("otpauth://totp/");
        long step = System.currentTimeMillis() / 30_000;
        HttpResponse<String> bad = viewer.submit("/admin/account", "/admin/account/two-factor/confirm", Map.of("code", "12345"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(bad.body()).select("#code").attr("aria-describedby")).contains("code-error");
        assertThat(viewer.submit("/admin/account", "/admin/account/two-factor/confirm", Map.of("code", totp(secret, step)))
                .statusCode()).isEqualTo(303);

        StaffClient again = new StaffClient(base);
        HttpResponse<String> password = again.post("/admin/login", Map.of("email", email, "password", "viewer-password-2fa",
                "next", "/admin/outbox"));
        assertThat(password.statusCode()).as("the password alone opens no session").isEqualTo(200);
        Document codePage = Jsoup.parse(password.body());
        assertThat(again.get("/admin/outbox").statusCode()).isEqualTo(303);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("challenge", codePage.select("input[name=challenge]").attr("value"));
        form.put("next", codePage.select("input[name=next]").attr("value"));
        form.put("code", totp(secret, step)); // spent on the enrolment
        assertThat(again.post("/admin/login/code", form).statusCode()).isEqualTo(401);
        form.put("code", totp(secret, step + 1)); // the next step's code is still in the window
        HttpResponse<String> in = again.post("/admin/login/code", form);
        assertThat(in.statusCode()).isEqualTo(303);
        assertThat(in.headers().firstValue("Location").orElseThrow()).endsWith("/admin/outbox");
        assertThat(again.get("/admin/outbox").statusCode()).isEqualTo(200);
    }

    @Test
    void aCampaignIsPreviewedInAnotherThemeWithoutChangingItAndPluginsAreListed() throws Exception {
        StaffClient owner = owner();
        HttpResponse<String> preview = owner.get("/admin/themes/preview?campaign=safe-communities-act&theme=default");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("form-action 'none'");
        assertThat(preview.body()).contains("/theme/default/css/chorus.css").doesNotContain("safe-communities.css");
        assertThat(new Http(base).get("/campaigns/safe-communities-act").body()).contains("safe-communities.css");
        assertThat(owner.get("/admin/themes/preview?campaign=safe-communities-act&theme=admin").statusCode()).isEqualTo(400);

        Document plugins = Jsoup.parse(owner.get("/admin/plugins").body());
        assertThat(plugins.text()).contains("email-legislators").contains("ActionType:email-legislators").contains("TargetLookup:town");
        try {
            assertThat(owner.submit("/admin/plugins", "/admin/plugins/flaky/disable", Map.of()).statusCode()).isEqualTo(303);
            Document after = Jsoup.parse(owner.get("/admin/plugins").body());
            assertThat(after.select("tr:contains(flaky) .state").text()).isEqualTo("disabled");
            assertThat(owner.submit("/admin/plugins", "/admin/plugins/flaky/enable", Map.of()).statusCode()).isEqualTo(303);
            assertThat(Jsoup.parse(owner.get("/admin/plugins").body()).select("tr:contains(flaky)").text()).contains("Restart needed");
        } finally {
            owner.submit("/admin/plugins", "/admin/plugins/flaky/enable", Map.of()); // the next deployment starts it again
        }
    }

    /** RFC 6238 with HMAC-SHA1, written here again so the test does not trust the server's implementation. */
    static String totp(String base32, long step) throws Exception {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream key = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char ch : base32.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(ch);
            bits += 5;
            if (bits >= 8) {
                key.write(buffer >> (bits - 8));
                bits -= 8;
            }
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key.toByteArray(), "HmacSHA1"));
        byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
        int o = h[19] & 0xf;
        int v = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
        return String.format("%06d", v % 1_000_000);
    }

    @Test
    void pluginsAddAdminPagesBehindTheSameLoginRolesAndCsrf() throws Exception {
        Http supporter = new Http(base);
        supporter.postForm("/campaigns/it-plugins/actions/greet", Map.of("_idem", UUID.randomUUID().toString(),
                "first_name", "Greta", "email", "greta+" + UUID.randomUUID() + "@example.org", "message", "hi"));
        supporter.postForm("/campaigns/safe-communities-act/actions/email-your-legislators", Map.of(
                "_idem", UUID.randomUUID().toString(), "lat", "42.3588", "lon", "-71.0637", "street", "24 Beacon St",
                "zip", "02133", "first_name", "Rosa", "last_name", "Ledger", "email", "rosa+" + UUID.randomUUID() + "@example.org"));

        assertThat(new StaffClient(base).get("/admin/extensions/greeting").statusCode()).as("anonymous").isEqualTo(303);

        StaffClient owner = new StaffClient(base);
        assertThat(owner.login("owner@example.org", "it-owner-password-123").statusCode()).isEqualTo(303);
        Document dashboard = Jsoup.parse(owner.get("/admin").body());
        assertThat(dashboard.select("nav.admin-nav a[href=/admin/extensions/greeting]").text()).isEqualTo("Greetings");

        Document page = Jsoup.parse(owner.get("/admin/extensions/greeting").body());
        assertThat(Long.parseLong(page.select("#greeting-count").text())).isPositive();
        assertThat(page.select("#greeting-names li").eachText()).contains("Greta");
        assertThat(page.select("#others-count").text()).as("the ledger only shows a plugin its own actions").isEqualTo("0");
        assertThat(page.select("nav.admin-nav a[aria-current=page]").text()).isEqualTo("Greetings");

        assertThat(owner.post("/admin/extensions/greeting/note", Map.of("note", "no token")).statusCode()).isEqualTo(403);
        String token = page.select("input[name=_csrf]").first().attr("value");
        HttpResponse<String> noted = owner.post("/admin/extensions/greeting/note", Map.of("_csrf", token, "note", "Call the office"));
        assertThat(noted.statusCode()).isEqualTo(303);
        assertThat(noted.headers().firstValue("Location").orElseThrow()).endsWith("/admin/extensions/greeting?done=noted");
        assertThat(Jsoup.parse(owner.get("/admin/audit").body()).text()).contains("greeting:greeting.note", "Call the office");
        HttpResponse<String> blank = owner.post("/admin/extensions/greeting/note", Map.of("_csrf", token, "note", " "));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(blank.body()).select("#greeting-error").text()).isEqualTo("Write a note.");

        // A multipart upload: the token travels as a form part; without it the upload is refused.
        assertThat(owner.upload("/admin/extensions/greeting/upload", Map.of("label", "x"), "data.csv", "a,b\r\n1,2\r\n")
                .statusCode()).isEqualTo(403);
        HttpResponse<String> uploaded = owner.upload("/admin/extensions/greeting/upload",
                Map.of("_csrf", token, "label", "Scores"), "data.csv", "a,b\r\n1,2\r\n");
        assertThat(uploaded.statusCode()).isEqualTo(303);
        assertThat(java.net.URLDecoder.decode(uploaded.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8))
                .endsWith("done=data.csv 10 bytes, label Scores");

        HttpResponse<String> csv = owner.get("/admin/extensions/greeting/greetings.csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("greetings.csv");
        assertThat(csv.body()).startsWith("first_name,taken_at").contains("Greta,");
        assertThat(owner.get("/admin/extensions/greeting/no-such-page").statusCode()).isEqualTo(404);
        assertThat(owner.get("/admin/extensions/no-such-plugin").statusCode()).isEqualTo(404);

        // A viewer reads but may not change; an owner-only page says no to an organizer.
        String organizerEmail = "organizer+" + UUID.randomUUID() + "@example.org";
        String viewerEmail = "viewer+" + UUID.randomUUID() + "@example.org";
        for (var u : Map.of(organizerEmail, "organizer", viewerEmail, "viewer").entrySet()) {
            assertThat(owner.post("/admin/users", Map.of("_csrf", owner.csrf("/admin/users"), "email", u.getKey(),
                    "displayName", "Staff " + u.getValue(), "role", u.getValue(), "password", "staff-password-123"))
                    .statusCode()).isIn(200, 303);
        }
        StaffClient viewer = new StaffClient(base);
        viewer.login(viewerEmail, "staff-password-123");
        assertThat(viewer.get("/admin/extensions/greeting").statusCode()).isEqualTo(200);
        assertThat(viewer.post("/admin/extensions/greeting/note", Map.of("_csrf", viewer.csrf("/admin/extensions/greeting"),
                "note", "viewer note")).statusCode()).isEqualTo(403);
        StaffClient organizer = new StaffClient(base);
        organizer.login(organizerEmail, "staff-password-123");
        assertThat(organizer.get("/admin/extensions/greeting/owners").statusCode()).isEqualTo(403);
        assertThat(owner.get("/admin/extensions/greeting/owners").statusCode()).isEqualTo(200);
    }

    @Test
    void staffSeeTargetsAndDistrictsAndOrganizersRunImportsFromAllowedPlacesOnly() throws Exception {
        StaffClient owner = owner();
        Document list = Jsoup.parse(owner.get("/admin/targets?q=Edwards").body());
        assertThat(list.select("#targets td").eachText()).contains("Lydia Edwards", "Third Suffolk", "sitting");
        assertThat(list.text()).contains("State Senate districts: 40").contains("State House districts: 160");

        String legislators = java.nio.file.Path.of(System.getProperty("chorus.shared.data", "../../../shared/data"))
                .toAbsolutePath().normalize().resolve("ma-legislators/openstates-people-ma-legislature").toString();
        HttpResponse<String> again = owner.submit("/admin/targets", "/admin/targets/import",
                Map.of("kind", "legislators", "source", legislators));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(again.body()).select("#import-summary").text())
                .as("the same data again changes nothing").contains("0 created", "0 updated", "0 retired");
        assertThat(Jsoup.parse(owner.get("/admin/audit").body()).text()).contains("targets.import");

        HttpResponse<String> outside = owner.submit("/admin/targets", "/admin/targets/import",
                Map.of("kind", "legislators", "source", "/etc"));
        assertThat(outside.statusCode()).isEqualTo(400);
        Document refused = Jsoup.parse(outside.body());
        assertThat(refused.select("#f-source-error").text()).contains("can only be imported from the reference data folder");
        assertThat(refused.select("#f-source").attr("value")).isEqualTo("/etc");

        String email = "viewer-targets+" + UUID.randomUUID() + "@example.org";
        newAccount(owner, email, "viewer", "viewer-password-123");
        StaffClient viewer = new StaffClient(base);
        viewer.login(email, "viewer-password-123");
        assertThat(viewer.get("/admin/targets").statusCode()).isEqualTo(200);
        assertThat(viewer.submit("/admin/targets", "/admin/targets/import", Map.of("kind", "legislators", "source", legislators))
                .statusCode()).isEqualTo(403);
    }
}
