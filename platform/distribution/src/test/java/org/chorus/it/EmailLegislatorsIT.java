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
 * The seed campaign's own action on the shipped layout with the real Massachusetts data: a supporter at the State
 * House writes to Senator Edwards (Third Suffolk) and Representative Livingstone (8th Suffolk).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EmailLegislatorsIT {

    static final String ACTION = "/campaigns/safe-communities-act/actions/email-your-legislators";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItEnvironment.platformWar();
    }

    @ArquillianResource
    URL base;

    Http http() {
        return new Http(base);
    }

    Map<String, String> form(String email) {
        Document page = Jsoup.parse(http().get("/campaigns/safe-communities-act?src=it").body());
        Map<String, String> form = new LinkedHashMap<>();
        page.select("#action-email-your-legislators form input[type=hidden]").forEach(i -> form.put(i.attr("name"), i.attr("value")));
        form.put("lat", "42.3588");
        form.put("lon", "-71.0637");
        form.put("street", "24 Beacon St");
        form.put("zip", "02133");
        form.put("first_name", "Maria");
        form.put("last_name", "Santos");
        form.put("email", email);
        form.put("body", page.select("#field-email-your-legislators-body").text());
        form.put("delivery", "platform");
        return form;
    }

    @Test
    void theLookupApiFindsBothLegislatorsAndRefusesPointsOutsideMassachusetts() {
        String json = http().get("/api/lookup?lat=42.3588&lon=-71.0637").body();
        assertThat(json).contains("\"district\":\"Third Suffolk\"").contains("\"district\":\"8th Suffolk\"")
                .contains("\"name\":\"Lydia Edwards\"").contains("\"name\":\"Jay Livingstone\"");
        HttpResponse<String> nyc = http().get("/api/lookup?lat=40.7128&lon=-74.0060");
        assertThat(nyc.statusCode()).isEqualTo(404);
        assertThat(nyc.body()).contains("Massachusetts");
        assertThat(http().get("/api/lookup?lat=abc&lon=1").statusCode()).isEqualTo(400);
        assertThat(http().get("/api/lookup").statusCode()).isEqualTo(400);
    }

    @Test
    void aSupporterSendsOneLetterToEachLegislatorAndARepeatWithin24HoursIsNotSentAgain() {
        String email = "maria+" + UUID.randomUUID() + "@example.org";
        HttpResponse<String> sent = http().postForm(ACTION, form(email));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
        Document thanks = Jsoup.parse(http().get(java.net.URI.create(sent.headers().firstValue("Location").orElseThrow()).getPath()).body());
        assertThat(thanks.select(".el-deliveries li").eachText()).hasSize(2)
                .anySatisfy(t -> assertThat(t).contains("Senator Lydia Edwards"))
                .anySatisfy(t -> assertThat(t).contains("Representative Jay Livingstone"));
        String letters = thanks.select(".el-sent-letters").text();
        assertThat(letters).contains("Dear Senator Edwards,").contains("Dear Representative Livingstone,")
                .contains("As your constituent in").contains("Maria Santos").contains("MA 02133")
                .as("the seed campaign's safe mode: the street only finds the districts").doesNotContain("24 Beacon St");

        // Without an SMTP server the worker delivers to the sink folder: both letters arrive, addressed properly.
        java.nio.file.Path sink = ItEnvironment.DIR.resolve("data/mail-sink");
        java.util.List<String> mine = new java.util.ArrayList<>();
        long deadline = System.currentTimeMillis() + 30_000;
        while (mine.size() < 2 && System.currentTimeMillis() < deadline) {
            mine.clear();
            try (var files = java.nio.file.Files.list(sink)) {
                for (java.nio.file.Path f : files.toList()) {
                    String eml = java.nio.file.Files.readString(f);
                    if (eml.contains(email)) {
                        mine.add(eml);
                    }
                }
            } catch (java.io.IOException e) {
                // not created yet
            }
            sleep(500);
        }
        assertThat(mine).hasSize(2);
        assertThat(mine).anySatisfy(eml -> assertThat(eml).contains("To: Senator Lydia Edwards <lydia.edwards@masenate.gov>"));
        assertThat(mine).allSatisfy(eml -> assertThat(eml).contains("Reply-To: " + email).contains("Maria Santos via")
                .contains("Message-ID: <"));

        HttpResponse<String> again = http().postForm(ACTION, form(email));
        assertThat(again.statusCode()).isEqualTo(303);
        Document second = Jsoup.parse(http().get(java.net.URI.create(again.headers().firstValue("Location").orElseThrow()).getPath()).body());
        assertThat(second.select(".el-deliveries li").eachText()).allSatisfy(t -> assertThat(t).contains("24 hours"));
    }

    @Test
    void sendingFromMyOwnMailboxGivesComposeLinksAndQueuesNothing() {
        Map<String, String> f = form("own+" + UUID.randomUUID() + "@example.org");
        f.put("delivery", "own");
        HttpResponse<String> sent = http().postForm(ACTION, f);
        assertThat(sent.statusCode()).isEqualTo(303);
        Document thanks = Jsoup.parse(http().get(java.net.URI.create(sent.headers().firstValue("Location").orElseThrow()).getPath()).body());
        assertThat(thanks.select(".el-own-letter")).hasSize(2);
        assertThat(thanks.select(".el-compose-links a").eachAttr("href"))
                .anyMatch(h -> h.startsWith("mailto:lydia.edwards@masenate.gov?subject="))
                .anyMatch(h -> h.startsWith("https://mail.google.com/"));
        assertThat(thanks.select(".el-deliveries")).isEmpty();
    }

    @Test
    void badInputIsExplainedNextToTheFieldWithTheFormKept() {
        Map<String, String> noEmail = form("");
        HttpResponse<String> r = http().postForm(ACTION, noEmail);
        assertThat(r.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("#field-email-your-legislators-email-error").text()).isNotBlank();
        assertThat(page.select("#field-email-your-legislators-first_name").attr("value")).isEqualTo("Maria");

        Map<String, String> outside = form("x+" + UUID.randomUUID() + "@example.org");
        outside.put("lat", "40.7128");
        outside.put("lon", "-74.0060");
        outside.remove("street");
        outside.remove("zip");
        HttpResponse<String> nyc = http().postForm(ACTION, outside);
        assertThat(nyc.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(nyc.body()).select(".error-summary").text()).contains("Massachusetts");

        Map<String, String> crlf = form("y+" + UUID.randomUUID() + "@example.org");
        crlf.put("last_name", "Santos\r\nBcc: all@example.org");
        assertThat(http().postForm(ACTION, crlf).statusCode()).isEqualTo(400);

        Map<String, String> empty = form("z+" + UUID.randomUUID() + "@example.org");
        empty.put("body", "   ");
        HttpResponse<String> e = http().postForm(ACTION, empty);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(e.body()).select("#field-email-your-legislators-body-error").text()).contains("empty");

        Map<String, String> longLetter = form("w+" + UUID.randomUUID() + "@example.org");
        longLetter.put("body", "x".repeat(10_001));
        assertThat(http().postForm(ACTION, longLetter).statusCode()).isEqualTo(400);
    }

    @Test
    void withoutJavaScriptThePreviewButtonShowsEachLegislatorsLetterBeforeSending() {
        Map<String, String> f = form("preview+" + UUID.randomUUID() + "@example.org");
        f.put("preview", "1");
        HttpResponse<String> r = http().postForm(ACTION, f);
        assertThat(r.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("#action-email-your-legislators-prompts").text()).contains("Here are your letters");
        assertThat(page.select(".el-preview-letter h4").eachText())
                .containsExactly("To Senator Lydia Edwards (Third Suffolk)", "To Representative Jay Livingstone (8th Suffolk)");
        assertThat(page.select("#field-email-your-legislators-first_name").attr("value")).isEqualTo("Maria");
        assertThat(page.select(".error-summary")).isEmpty();
    }

    @Test
    void theLivePreviewShowsEachLegislatorsLetter() {
        String json = http().get("/plugins/email-legislators/preview?campaign=safe-communities-act&action=email-your-legislators"
                + "&lat=42.3588&lon=-71.0637&first_name=Maria&last_name=Santos&zip=02133&town=Boston").body();
        assertThat(json).contains("Dear Senator Edwards,").contains("Dear Representative Livingstone,")
                .contains("As your constituent in Boston");
        assertThat(http().get("/plugins/email-legislators/preview?campaign=nope&action=x").statusCode()).isEqualTo(404);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
