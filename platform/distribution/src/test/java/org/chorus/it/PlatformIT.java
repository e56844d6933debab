package org.chorus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
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

/**
 * The shipped host on a real Payara Micro, black box: the seed campaign through its theme chain, plugins loaded
 * from jars built during the test (a failing one contained), a theme override, routes, errors and headers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItEnvironment.platformWar();
    }

    @ArquillianResource
    URL base;

    Http http() {
        return new Http(base);
    }

    @Test
    void theSeedCampaignRendersThroughItsThemeChain() {
        HttpResponse<String> r = http().get("/campaigns/safe-communities-act");
        assertThat(r.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("h1").first().text()).isEqualTo("Tell your state legislators where you stand");
        assertThat(page.select(".hero-safe-communities .promise").text()).isEqualTo("Takes less than 60 seconds");
        assertThat(page.select("link[rel=stylesheet]").eachAttr("href"))
                .containsExactly("/theme/safe-communities/css/chorus.css", "/theme/safe-communities/css/safe-communities.css");
        assertThat(page.select(".brand").text()).isEqualTo("Safe Communities Massachusetts");
        assertThat(page.select(".campaign-body").text()).contains("336 percent").contains("H.2580 / S.1681").contains("H.1954 / S.1127");
        assertThat(page.select("link[rel=alternate][hreflang]")).hasSize(7); // six languages and x-default
        assertThat(page.select("#action-email-your-legislators")).hasSize(1);
        assertThat(http().get("/theme/safe-communities/css/chorus.css").statusCode()).as("parent's file through the child").isEqualTo(200);

        Document es = Jsoup.parse(http().get("/campaigns/safe-communities-act?lang=es").body());
        assertThat(es.select("html").attr("lang")).isEqualTo("es");
        assertThat(es.select("h1").first().text()).startsWith("Diga a sus legisladores");
        Document vi = Jsoup.parse(http().get("/campaigns/safe-communities-act", "Accept-Language", "vi-VN,vi;q=0.9").body());
        assertThat(vi.select("html").attr("lang")).isEqualTo("vi");
    }

    @Test
    void theHomePageAndApisListWhatIsPublic() {
        Document home = Jsoup.parse(http().get("/").body());
        assertThat(home.select(".campaign-card a").eachAttr("href"))
                .contains("/campaigns/safe-communities-act", "/campaigns/it-plugins").doesNotContain("/campaigns/it-draft");
        assertThat(http().get("/campaigns/it-draft").statusCode()).as("a draft is not public").isEqualTo(404);
        String campaigns = http().get("/api/campaigns").body();
        assertThat(campaigns).contains("\"slug\":\"safe-communities-act\"").doesNotContain("it-draft");
        HttpResponse<String> health = http().get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"name\":\"database\"").contains("\"name\":\"plugins\"").contains("\"status\":\"UP\"");
    }

    @Test
    void pluginsBuiltDuringTheTestAreLoadedAndFailuresContained() {
        String plugins = http().get("/api/plugins").body();
        assertThat(plugins).contains("\"id\":\"greeting\"").contains("ActionType:greeting");
        assertThat(plugins).containsPattern("\"id\":\"broken\"[^}]*\"state\":\"failed\"");
        assertThat(plugins).containsPattern("\"id\":\"incompatible\"[^}]*\"state\":\"incompatible\"");

        HttpResponse<String> r = http().get("/campaigns/it-plugins");
        assertThat(r.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("#action-greet form input[name=first_name]")).as("the test plugin's action type").hasSize(1);
        assertThat(page.select("#action-greet .greeting-intro").text()).isEqualTo("Send a greeting to office@example.org.");
        assertThat(page.select("#action-flaky .notice").text()).contains("not available");
        assertThat(page.select("#action-ghost .notice").text()).contains("not available");
        assertThat(page.select(".it-override-hero").text()).as("a theme's one-file override wins").contains("Overridden by one file");

        assertThat(http().get("/plugins/greeting/hello?who=Ana").body()).contains("Hello, Ana!");
        assertThat(http().get("/plugins/greeting/info.json").body()).contains("\"plugin\":\"greeting\"");
        assertThat(http().get("/plugins/greeting/nothing-here").statusCode()).isEqualTo(404);
        HttpResponse<String> failing = http().postForm("/campaigns/it-plugins/actions/flaky", Map.of("x", "y"));
        assertThat(failing.statusCode()).isEqualTo(500);
        assertThat(failing.body()).contains("not working right now").doesNotContain("Exception").doesNotContain("at org.");
        assertThat(http().get("/campaigns/safe-communities-act").statusCode()).as("the host keeps serving").isEqualTo(200);
    }

    @Test
    void aSupporterTakesTheTestActionAndADoubleSubmitIsOne() {
        Document page = Jsoup.parse(http().get("/campaigns/it-plugins?src=newsletter").body());
        Map<String, String> form = new LinkedHashMap<>();
        page.select("#action-greet form input[type=hidden]").forEach(i -> form.put(i.attr("name"), i.attr("value")));
        assertThat(form).containsKeys("_idem", "_src", "_landed", "_lang").containsEntry("_src", "newsletter");
        form.put("first_name", "Jane");
        form.put("email", "jane+" + UUID.randomUUID() + "@example.org");
        form.put("message", "<b>Hello</b>");
        HttpResponse<String> first = http().postForm("/campaigns/it-plugins/actions/greet", form);
        HttpResponse<String> again = http().postForm("/campaigns/it-plugins/actions/greet", form);
        assertThat(first.statusCode()).isEqualTo(303);
        String thanksUrl = first.headers().firstValue("Location").orElseThrow();
        assertThat(again.headers().firstValue("Location")).contains(thanksUrl);
        HttpResponse<String> thanks = http().get(java.net.URI.create(thanksUrl).getPath());
        assertThat(thanks.statusCode()).isEqualTo(200);
        Document t = Jsoup.parse(thanks.body());
        assertThat(t.select(".greeting-result").text()).isEqualTo("Your greeting is on its way.");
        assertThat(t.select(".greeting-message").html()).as("escaped, not HTML").isEqualTo("&lt;b&gt;Hello&lt;/b&gt;");
        assertThat(t.select(".deliveries li").text()).contains("The Office").contains("Queued");
        assertThat(t.select(".share-links a").eachAttr("href")).allMatch(h -> h.contains("share-"));
        assertThat(thanks.headers().firstValue("Cache-Control")).contains("private, no-store");
    }

    @Test
    void everyPageViewGetsItsOwnFormKeysAndSourceThoughThePageIsRenderedOnce() {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (String src : List.of("a1", "b2", "")) {
            Document page = Jsoup.parse(http().get("/campaigns/it-plugins" + (src.isEmpty() ? "" : "?src=" + src)).body());
            assertThat(page.select("#action-greet input[name=_src]").attr("value")).isEqualTo(src);
            assertThat(Long.parseLong(page.select("#action-greet input[name=_landed]").attr("value")))
                    .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
            keys.addAll(page.select("input[name=_idem]").eachAttr("value"));
            assertThat(page.html()).doesNotContain("chorusslot");
        }
        assertThat(keys).hasSize(3 * Jsoup.parse(http().get("/campaigns/it-plugins").body()).select("input[name=_idem]").size());
        assertThat(http().get("/campaigns/it-plugins?src=%3Cscript%3E").body()).doesNotContain("<script>");
    }

    @Test
    void badInputGetsAClearMessageAndTheFormKeptAsTyped() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("first_name", "");
        form.put("email", "not an email");
        form.put("message", "Keep this text");
        HttpResponse<String> r = http().postForm("/campaigns/it-plugins/actions/greet", form);
        assertThat(r.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("#action-greet .error-summary").text()).contains("Tell us your first name.");
        assertThat(page.select("#field-greet-first_name").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#field-greet-first_name").attr("aria-describedby")).isEqualTo("field-greet-first_name-error");
        assertThat(page.select("#field-greet-message").text()).isEqualTo("Keep this text");
        assertThat(page.select("#field-greet-email").attr("value")).isEqualTo("not an email");

        form.put("first_name", "Jane");
        HttpResponse<String> email = http().postForm("/campaigns/it-plugins/actions/greet", form);
        assertThat(email.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(email.body()).select("#field-greet-email-error").text()).contains("name@example.com");

        assertThat(http().postForm("/campaigns/it-plugins/actions/no-such-action", form).statusCode()).isEqualTo(404);
        assertThat(http().postForm("/campaigns/no-such-campaign/actions/greet", form).statusCode()).isEqualTo(404);
        HttpResponse<String> huge = http().postRaw("/campaigns/it-plugins/actions/greet", "application/x-www-form-urlencoded",
                "message=" + "x".repeat(200_000));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("too much").doesNotContain("Exception");
        HttpResponse<String> json = http().postRaw("/campaigns/it-plugins/actions/greet", "application/json", "{}");
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(json.body()).doesNotContain("Exception");
        HttpResponse<String> malformed = http().postRaw("/campaigns/it-plugins/actions/greet",
                "application/x-www-form-urlencoded", "first_name=%zz&email=%");
        assertThat(malformed.statusCode()).isBetween(400, 499);
        assertThat(malformed.body()).doesNotContain("Exception");
    }

    @Test
    void unknownPagesAreThemed404sAndEveryPageCarriesSecurityHeaders() {
        HttpResponse<String> r = http().get("/no/such/page");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(r.body()).select("h1").text()).isEqualTo("Page not found");
        for (String path : new String[] {"/", "/campaigns/safe-communities-act", "/no/such/page", "/api/plugins"}) {
            HttpResponse<String> p = http().get(path);
            String csp = p.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("default-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(p.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(p.headers().firstValue("Referrer-Policy")).as(path).isPresent();
            assertThat(p.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
        }
        assertThat(http().get("/theme/default/../../../etc/passwd").statusCode()).isBetween(400, 404);
        assertThat(http().get("/theme/default/%2e%2e/%2e%2e/theme.properties").statusCode()).isBetween(400, 404);
        assertThat(http().get("/theme/nope/css/chorus.css").statusCode()).isEqualTo(404);
    }
}
