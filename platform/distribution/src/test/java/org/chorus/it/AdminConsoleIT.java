package org.chorus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
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
}
