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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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

    /** A browser-like client: its own cookies, no redirects followed. */
    final class Staff {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> login(String email, String password) throws Exception {
            return post("/admin/login", Map.of("email", email, "password", password, "next", "/admin"));
        }

        HttpResponse<String> upload(String path, Map<String, String> fields, String fileName, String content) throws Exception {
            String boundary = "----chorus" + UUID.randomUUID();
            StringBuilder body = new StringBuilder();
            fields.forEach((k, v) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                    .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                    .append(fileName).append("\"\r\nContent-Type: text/csv\r\n\r\n").append(content).append("\r\n--")
                    .append(boundary).append("--\r\n");
            return client.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        }

        String csrf(String page) throws Exception {
            return Jsoup.parse(get(page).body()).select("input[name=_csrf]").attr("value");
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void anonymousVisitorsAreSentToLoginAndWrongPasswordsGetOneMessage() throws Exception {
        Staff anonymous = new Staff();
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

        Staff owner = new Staff();
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

        Staff viewer = new Staff();
        assertThat(viewer.login(viewerEmail, "viewer-password-123").statusCode()).isEqualTo(303);
        assertThat(viewer.get("/admin/outbox").statusCode()).isEqualTo(200);
        assertThat(viewer.get("/admin/users").statusCode()).as("owners only").isEqualTo(403);
        String token = viewer.csrf("/admin/outbox");
        assertThat(viewer.post("/admin/outbox/1/retry", Map.of("_csrf", token)).statusCode()).as("organizers only").isEqualTo(403);
    }

    @Test
    void pluginsAddAdminPagesBehindTheSameLoginRolesAndCsrf() throws Exception {
        Http supporter = new Http(base);
        supporter.postForm("/campaigns/it-plugins/actions/greet", Map.of("_idem", UUID.randomUUID().toString(),
                "first_name", "Greta", "email", "greta+" + UUID.randomUUID() + "@example.org", "message", "hi"));
        supporter.postForm("/campaigns/safe-communities-act/actions/email-your-legislators", Map.of(
                "_idem", UUID.randomUUID().toString(), "lat", "42.3588", "lon", "-71.0637", "street", "24 Beacon St",
                "zip", "02133", "first_name", "Rosa", "last_name", "Ledger", "email", "rosa+" + UUID.randomUUID() + "@example.org"));

        assertThat(new Staff().get("/admin/extensions/greeting").statusCode()).as("anonymous").isEqualTo(303);

        Staff owner = new Staff();
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
        Staff viewer = new Staff();
        viewer.login(viewerEmail, "staff-password-123");
        assertThat(viewer.get("/admin/extensions/greeting").statusCode()).isEqualTo(200);
        assertThat(viewer.post("/admin/extensions/greeting/note", Map.of("_csrf", viewer.csrf("/admin/extensions/greeting"),
                "note", "viewer note")).statusCode()).isEqualTo(403);
        Staff organizer = new Staff();
        organizer.login(organizerEmail, "staff-password-123");
        assertThat(organizer.get("/admin/extensions/greeting/owners").statusCode()).isEqualTo(403);
        assertThat(owner.get("/admin/extensions/greeting/owners").statusCode()).isEqualTo(200);
    }
}
