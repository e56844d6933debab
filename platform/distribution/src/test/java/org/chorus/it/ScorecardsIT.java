package org.chorus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chorus.kit.Json;
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

/**
 * The scorecards plugin in the shipped layout on a real Payara Micro, with the real email action and the real
 * Massachusetts data: the pages through the theme chain, the staff screens, and the loop that matters — the letter
 * variant each sitting legislator gets follows their co-sponsorship of both campaign bills, and a staff edit
 * changes the next letter.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScorecardsIT {

    static final String PREVIEW = "/plugins/email-legislators/preview?campaign=safe-communities-act&action=email-your-legislators";
    static final String THANKS = "Thank you for co-sponsoring the Safe Communities Act";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItEnvironment.platformWar();
    }

    @ArquillianResource
    URL base;

    Http http() {
        return new Http(base);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Path shared() {
        return Path.of(System.getProperty("chorus.shared.data", "../../../shared/data"));
    }

    /** Progressive Massachusetts 2025: person id → co-sponsors the pair, read straight from the file. */
    @SuppressWarnings("unchecked")
    static Map<String, Boolean> cosponsors(String pair) throws Exception {
        Map<String, Boolean> out = new HashMap<>();
        try (InputStream in = Files.newInputStream(shared().resolve("pm-scorecard/legislation.json"))) {
            Map<String, Object> s2025 = (Map<String, Object>) ((Map<String, Object>) Json.read(in)).get("2025");
            for (Object o : (List<Object>) s2025.get("sponsorship")) {
                Map<String, Object> r = (Map<String, Object>) o;
                out.put((String) r.get("id"), Boolean.TRUE.equals(((Map<String, Object>) r.get("data")).get(pair)));
            }
        }
        return out;
    }

    /** The sitting legislators as the host imports them: "Senator Lydia Edwards" → Open States id. */
    static Map<String, String> legislators() throws Exception {
        Map<String, String> out = new HashMap<>();
        List<String> lines = Files.readAllLines(shared().resolve("ma-legislators/legislators_flat.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",", -1);
            out.put(("upper".equals(v[5]) ? "Senator " : "Representative ") + v[1], v[0]);
        }
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everySittingLegislatorsLetterVariantAndShownStanceFollowTheirCoSponsorshipOfBothBills() throws Exception {
        Map<String, Boolean> safe = cosponsors("H2580 / S1681");
        Map<String, Boolean> defense = cosponsors("H1954 / S1127");
        Map<String, String> legislators = legislators();
        assertThat(legislators).hasSize(198);

        // Precinct by precinct (the town lookup settles one) until each district has answered with its legislator.
        Map<String, Map<String, Object>> letters = new HashMap<>();
        Set<String> coveredHouse = new HashSet<>();
        Set<String> coveredSenate = new HashSet<>();
        List<String> rows = Files.readAllLines(shared().resolve("ma-precinct-district-crosswalk/ma_districts_precincts_2022.csv"));
        for (String row : rows.subList(1, rows.size())) {
            String[] v = row.split(",", -1);
            if (coveredHouse.contains(v[3]) && coveredSenate.contains(v[4])) {
                continue;
            }
            String query = "&town=" + enc(v[0]) + ("-".equals(v[1]) ? "" : "&ward=" + enc(v[1])) + "&precinct=" + enc(v[2]) + "&first_name=Ana";
            HttpResponse<String> r = http().get(PREVIEW + query);
            if (r.statusCode() != 200) {
                continue;
            }
            Map<String, Object> body = (Map<String, Object>) Json.read(new java.io.ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
            for (Object l : (List<Object>) body.get("letters")) {
                Map<String, Object> letter = (Map<String, Object>) l;
                letters.put((String) letter.get("to"), letter);
                ("upper".equals(letter.get("chamber")) ? coveredSenate : coveredHouse).add("upper".equals(letter.get("chamber")) ? v[4] : v[3]);
            }
        }
        assertThat(letters.keySet()).as("every sitting legislator was reached through a precinct").containsExactlyInAnyOrderElementsOf(legislators.keySet());

        int thanked = 0;
        for (Map.Entry<String, Map<String, Object>> e : letters.entrySet()) {
            String person = legislators.get(e.getKey());
            boolean cosponsorsSafe = safe.getOrDefault(person, false);
            boolean cosponsorsDefense = defense.getOrDefault(person, false);
            assertThat(e.getValue().get("subject")).as(e.getKey()).isEqualTo(cosponsorsSafe ? THANKS
                    : "Please co-sponsor the Safe Communities Act and the Immigrant Legal Defense Act");
            List<Object> stances = (List<Object>) e.getValue().get("stances");
            assertThat(stances).as(e.getKey()).hasSize(2);
            assertThat(((Map<String, Object>) stances.get(0)).get("stance")).as(e.getKey() + " on H2580 / S1681")
                    .isEqualTo(cosponsorsSafe ? "cosponsor" : "unknown");
            assertThat(((Map<String, Object>) stances.get(1)).get("stance")).as(e.getKey() + " on H1954 / S1127")
                    .isEqualTo(cosponsorsDefense ? "cosponsor" : "unknown");
            thanked += cosponsorsSafe ? 1 : 0;
        }
        assertThat(thanked).isEqualTo(84);
    }

    @Test
    void theScorecardTableIsThemedSortableAndFilterableWithoutJavaScript() {
        HttpResponse<String> r = http().get("/plugins/scorecards/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).doesNotContain("unsafe-inline");
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("a.skip-link")).as("the theme's layout").hasSize(1);
        assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).contains("/theme/default/plugin/scorecards/scorecards.css");
        assertThat(page.select("script").eachAttr("src")).contains("/theme/default/plugin/scorecards/scorecards.js");
        assertThat(page.select("script:not([src])")).as("no inline script").isEmpty();
        assertThat(http().get("/theme/default/plugin/scorecards/scorecards.js").statusCode()).isEqualTo(200);
        assertThat(page.select("h1").text()).contains("Progressive Massachusetts").contains("194th General Court");
        assertThat(page.select("table.sc-table tbody tr")).hasSize(198);
        assertThat(page.select("th[aria-sort]")).hasSize(1);
        assertThat(page.select("th[aria-sort]").attr("data-sc-col")).isEqualTo("name");
        assertThat(page.select("th[aria-sort]").attr("aria-sort")).isEqualTo("ascending");
        assertThat(page.select("thead th").eachText()).contains("Safe Communities Act", "Immigrant Legal Defense Act");
        assertThat(page.select("td.sc-stance-cosponsor")).hasSize(84 + 68);
        assertThat(page.select("label[for=sc-chamber]")).hasSize(1);

        Document senate = Jsoup.parse(http().get("/plugins/scorecards/?chamber=upper").body());
        assertThat(senate.select("tbody tr")).hasSize(40);
        Document cosponsors = Jsoup.parse(http().get("/plugins/scorecards/?pos_H2580=cosponsor").body());
        assertThat(cosponsors.select("tbody tr")).hasSize(84);
        assertThat(cosponsors.select("#sc-count").text()).contains("84").contains("198");
        assertThat(cosponsors.select("select[name=pos_H2580] option[selected]").attr("value")).isEqualTo("cosponsor");
        Document byName = Jsoup.parse(http().get("/plugins/scorecards/?q=edwards").body());
        assertThat(byName.select("tbody th").eachText()).contains("Lydia Edwards");
        // A town whose name is in no district's: its legislators come from the host's town lookup.
        Document byTown = Jsoup.parse(http().get("/plugins/scorecards/?q=Cambridge").body());
        assertThat(byTown.select("tbody tr").size()).isBetween(2, 12);
        assertThat(byTown.select("tbody td:nth-of-type(2)").eachText()).allSatisfy(d -> assertThat(d).containsAnyOf("Middlesex", "Suffolk"));

        Document sorted = Jsoup.parse(http().get("/plugins/scorecards/?sort=score&dir=desc").body());
        assertThat(sorted.select("th[aria-sort]").attr("data-sc-col")).isEqualTo("score");
        assertThat(sorted.select("th[aria-sort]").attr("aria-sort")).isEqualTo("descending");
        List<Double> scores = sorted.select("tbody td.sc-num").eachAttr("data-sort").stream().map(Double::parseDouble).toList();
        assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(sorted.select("th[data-sc-col=score] a").attr("href")).contains("dir=asc");

        HttpResponse<String> bad = http().get("/plugins/scorecards/?chamber=moon&q=x");
        assertThat(bad.statusCode()).isEqualTo(400);
        Document badPage = Jsoup.parse(bad.body());
        assertThat(badPage.select(".error-summary").text()).contains("chamber must be one of: upper, lower");
        assertThat(badPage.select("#sc-q").attr("value")).as("the form kept").isEqualTo("x");
        assertThat(badPage.select("#sc-chamber[aria-invalid=true]").attr("aria-describedby")).as("the error tied to its list")
                .isEqualTo("sc-chamber-error");
        assertThat(badPage.select("#sc-chamber-error").text()).contains("chamber must be one of: upper, lower");
        assertThat(badPage.select(".error-summary a").eachAttr("href")).containsExactly("#sc-chamber");
        Document badSort = Jsoup.parse(http().get("/plugins/scorecards/?sort=moon").body());
        assertThat(badSort.select(".error-summary li").text()).as("no control to link to: the headings sort").contains("sort must be one of");
        assertThat(badSort.select(".error-summary a")).isEmpty();
        assertThat(http().get("/plugins/scorecards/?card=nope").statusCode()).isEqualTo(404);
        assertThat(http().get("/plugins/scorecards/nothing/here").statusCode()).isEqualTo(404);
    }

    @Test
    void aLegislatorsPageShowsRecordScoreHistoryAndLettersAndABillPageItsCoSponsorsByChamber() {
        Document index = Jsoup.parse(http().get("/plugins/scorecards/?q=Lydia%20Edwards").body());
        String url = index.select("tbody th a").attr("href");
        assertThat(url).matches("/plugins/scorecards/legislators/\\d+");
        Document page = Jsoup.parse(http().get(url).body());
        assertThat(page.select("h1").text()).isEqualTo("Senator Lydia Edwards");
        assertThat(page.select(".sc-facts").text()).contains("Third Suffolk").contains("Democratic").contains("lydia.edwards@masenate.gov");
        assertThat(page.select("img.sc-photo")).as("no photo fetched in tests: initials instead").isEmpty();
        assertThat(page.select(".sc-initials").text()).isEqualTo("LE");
        assertThat(page.select(".sc-grade-badge").text()).matches("[ABCDF]");
        assertThat(page.select("#sc-bills-heading ~ table tbody tr")).hasSize(22);
        assertThat(page.select("#sc-bills-heading ~ table a").eachAttr("href")).contains("/plugins/scorecards/bills/2025/H2580");
        assertThat(page.select("#sc-votes-heading ~ table tbody tr")).isNotEmpty()
                .allSatisfy(tr -> assertThat(tr.text()).contains("Roll call"));
        assertThat(page.select(".sc-history li")).isNotEmpty();
        assertThat(page.select(".sc-letters").text()).matches(".*\\d+ letters.*");
        assertThat(http().get("/plugins/scorecards/legislators/999999999").statusCode()).isEqualTo(404);
        assertThat(http().get("/plugins/scorecards/legislators/abc").statusCode()).isEqualTo(404);

        Document bill = Jsoup.parse(http().get("/plugins/scorecards/bills/2025/H.2580").body());
        assertThat(bill.select("h1").text()).contains("Safe Communities Act").contains("H.2580 / S.1681");
        int cosponsors = 0;
        for (Element section : bill.select("section.sc-chamber")) {
            for (Element h3 : section.select("h3")) {
                if (h3.text().startsWith("Co-sponsors")) {
                    cosponsors += h3.nextElementSibling().select("li").size();
                }
            }
        }
        assertThat(cosponsors).isEqualTo(84);
        assertThat(bill.select("section.sc-chamber h2").eachText()).containsExactly("Senate (S.1681)", "House (H.2580)");
        assertThat(http().get("/plugins/scorecards/bills/2025/H9999").statusCode()).isEqualTo(404);
    }

    @Test
    void staffAddAScorecardToACampaignPage() {
        HttpResponse<String> r = http().get("/campaigns/it-scorecard");
        assertThat(r.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(r.body());
        Element box = page.selectFirst("#action-scorecard");
        assertThat(box).isNotNull();
        assertThat(box.select(".sc-action-bills li").eachText()).anySatisfy(t -> assertThat(t)
                .startsWith("Safe Communities Act (H.2580 / S.1681)").contains("in the Senate co-sponsor it"));
        assertThat(box.select("form.sc-action-search").attr("action")).isEqualTo("/plugins/scorecards/");
        assertThat(box.select("a[href='/plugins/scorecards/']")).isNotEmpty();
    }

    /** The owner, signed in to the admin console. */
    StaffClient owner() throws Exception {
        StaffClient owner = new StaffClient(base);
        assertThat(owner.login("owner@example.org", "it-owner-password-123").statusCode()).isEqualTo(303);
        return owner;
    }

    /** The subject of the letter the preview composes for one legislator. */
    @SuppressWarnings("unchecked")
    String subjectTo(String query, String who) throws Exception {
        Map<String, Object> body = (Map<String, Object>) Json.read(new java.io.ByteArrayInputStream(
                http().get(PREVIEW + query).body().getBytes(StandardCharsets.UTF_8)));
        for (Object l : (List<Object>) body.get("letters")) {
            if (who.equals(((Map<String, Object>) l).get("to"))) {
                return (String) ((Map<String, Object>) l).get("subject");
            }
        }
        throw new AssertionError("no letter to " + who);
    }

    @Test
    void staffCorrectARecordAndTheNextLetterFollowsAtOnceAudited() throws Exception {
        // A sitting representative who does not co-sponsor the Safe Communities Act, and a precinct of theirs.
        Map<String, Boolean> safe = cosponsors("H2580 / S1681");
        List<String> rows = Files.readAllLines(shared().resolve("ma-precinct-district-crosswalk/ma_districts_precincts_2022.csv"));
        String query = null;
        String who = null;
        for (String row : rows.subList(1, rows.size())) {
            String[] v = row.split(",", -1);
            String q = "&town=" + enc(v[0]) + ("-".equals(v[1]) ? "" : "&ward=" + enc(v[1])) + "&precinct=" + enc(v[2]);
            String json = http().get(PREVIEW + q).body();
            if (json.contains("\"Please co-sponsor the Safe Communities Act")) {
                int i = json.indexOf("\"to\":\"Representative ");
                if (i >= 0 && json.indexOf("Please co-sponsor", i) > 0) {
                    query = q;
                    who = json.substring(i + 6, json.indexOf('"', i + 6));
                    break;
                }
            }
        }
        assertThat(who).isNotNull();
        String name = who.substring("Representative ".length());
        String person = legislators().get(who);
        assertThat(safe.get(person)).isNotEqualTo(Boolean.TRUE);

        StaffClient owner = owner();
        String records = owner.get("/admin/extensions/scorecards/records?card=pm-2025&q=" + enc(name)).body();
        String edit = Jsoup.parse(records).select("#sc-people a").first().attr("href");
        Document form = Jsoup.parse(owner.get(edit).body());
        String billId = form.select("th:contains(Safe Communities Act)").first().parent().select("select[name^=s.]").attr("name");
        String token = form.select("input[name=_csrf]").attr("value");

        assertThat(owner.post(edit, Map.of(billId, "cosponsor")).statusCode()).as("no CSRF token").isEqualTo(403);
        HttpResponse<String> bad = owner.post(edit, Map.of("_csrf", token, "card", "pm-2025", billId, "perhaps"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(bad.body()).select(".error-summary").text()).contains("choose co-sponsor");
        HttpResponse<String> saved = owner.post(edit, Map.of("_csrf", token, "card", "pm-2025", billId, "cosponsor"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).contains("saved=saved");
        try {
            assertThat(subjectTo(query, who)).isEqualTo(THANKS);
            assertThat(owner.get("/admin/audit").body()).contains("scorecards.record.edit").contains(name);
        } finally {
            assertThat(owner.post(edit, Map.of("_csrf", token, "card", "pm-2025", billId, "not-cosponsor")).statusCode()).isEqualTo(303);
        }
        assertThat(subjectTo(query, who)).startsWith("Please co-sponsor");
    }

    @Test
    void staffImportACsvSeeEveryRejectedRowEditRulesAndExport() throws Exception {
        StaffClient owner = owner();
        Document overview = Jsoup.parse(owner.get("/admin/extensions/scorecards").body());
        assertThat(overview.select("#sc-cards tbody tr")).hasSize(5);
        assertThat(owner.get("/admin").body()).contains("/admin/extensions/scorecards");

        String token = owner.csrf("/admin/extensions/scorecards/import?card=pm-2025");
        Map<String, String> legislators = legislators();
        String tarr = legislators.get("Representative Dru Tarr");
        String csv = "target,item,value,note\r\n"
                + tarr + ",H1954,supports,answered our survey\r\n"
                + "ocd-person/00000000-0000-0000-0000-000000000000,H2580,cosponsor,\r\n"
                + tarr + ",H9999,cosponsor,\r\n";
        HttpResponse<String> checked = owner.upload("/admin/extensions/scorecards/import?card=pm-2025", Map.of("_csrf", token), "records.csv", csv);
        assertThat(checked.statusCode()).isEqualTo(200);
        Document report = Jsoup.parse(checked.body());
        assertThat(report.select("#sc-rejected tbody tr")).hasSize(2);
        assertThat(report.select("#sc-rejected").text()).contains("line 3").contains("unknown target").contains("line 4").contains("unknown bill number H9999");
        assertThat(report.select("#sc-counts").text()).contains("rows accepted: 1").contains("positions created: 1");
        // Put the record back as the data has it, whatever order the tests run in.
        HttpResponse<String> undo = owner.upload("/admin/extensions/scorecards/import?card=pm-2025", Map.of("_csrf", token), "undo.csv",
                "target,item,value\r\n" + tarr + ",H1954,no-position\r\n");
        assertThat(Jsoup.parse(undo.body()).select("#sc-counts").text()).contains("positions updated: 1");
        HttpResponse<String> malformed = owner.upload("/admin/extensions/scorecards/import?card=pm-2025", Map.of("_csrf", token), "broken.csv",
                "target,item,value\r\n\"unclosed,H2580,yes\r\n");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(malformed.body()).select(".error-summary").text()).contains("line 2").contains("never closed");
        assertThat(owner.upload("/admin/extensions/scorecards/import?card=pm-2025", Map.of(), "records.csv", csv).statusCode()).isEqualTo(403);

        HttpResponse<String> export = owner.get("/admin/extensions/scorecards/export.csv?card=pm-2025");
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).contains("scorecard-pm-2025.csv");
        assertThat(export.body()).startsWith("session,target,name,chamber,district,party,sitting,item,item_name,value,note,source,score,grade")
                .contains(tarr + ",Dru Tarr");

        // Rules that cannot be evaluated are refused with the reason, the form kept as typed.
        Document rules = Jsoup.parse(owner.get("/admin/extensions/scorecards/rules?card=pm-2025").body());
        Map<String, String> form = new LinkedHashMap<>();
        for (Element input : rules.select("form input, form textarea")) {
            if (input.attr("type").equals("radio") || input.attr("type").equals("checkbox")) {
                if (input.hasAttr("checked")) {
                    form.put(input.attr("name"), input.attr("value"));
                }
            } else if (!input.attr("name").isEmpty()) {
                form.put(input.attr("name"), input.tagName().equals("textarea") ? input.wholeText() : input.attr("value"));
            }
        }
        Map<String, String> zero = new LinkedHashMap<>(form);
        zero.replaceAll((k, v) -> k.startsWith("weight.") ? "0" : v);
        HttpResponse<String> refused = owner.post("/admin/extensions/scorecards/rules?card=pm-2025", zero);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).select("#sc-problems").text()).contains("no score can be computed");
        Map<String, String> negative = new LinkedHashMap<>(form);
        String firstWeight = negative.keySet().stream().filter(k -> k.startsWith("weight.bill.")).findFirst().orElseThrow();
        negative.put(firstWeight, "-2");
        negative.put("bands.lower", "A 90\nB 80");
        Document negativePage = Jsoup.parse(owner.post("/admin/extensions/scorecards/rules?card=pm-2025", negative).body());
        assertThat(negativePage.select("#sc-problems").text()).contains("a weight cannot be negative");
        assertThat(negativePage.select("[name='" + firstWeight + "']").attr("value")).isEqualTo("-2");
        assertThat(negativePage.select("[name='" + firstWeight + "']").attr("aria-invalid")).isEqualTo("true");
        // A valid change is saved, audited and changes the public scores; the original rules are put back after.
        Map<String, String> absent = new LinkedHashMap<>(form);
        absent.put("absences", "exclude");
        try {
            HttpResponse<String> ok = owner.post("/admin/extensions/scorecards/rules?card=pm-2025", absent);
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(303);
            assertThat(owner.get("/admin/audit").body()).contains("scorecards.rules.edit");
            assertThat(Jsoup.parse(owner.get("/admin/extensions/scorecards/rules?card=pm-2025").body())
                    .select("#sc-absences-exclude").hasAttr("checked")).isTrue();
        } finally {
            assertThat(owner.post("/admin/extensions/scorecards/rules?card=pm-2025", form).statusCode()).isEqualTo(303);
        }
    }

    String url(String path) {
        return URI.create(base.toString()).resolve(path).toString();
    }

    /** Presses Tab until the focused element matches, as a keyboard user would; fails after {@code max} presses. */
    static org.openqa.selenium.WebElement tabTo(org.openqa.selenium.WebDriver driver, java.util.function.Predicate<org.openqa.selenium.WebElement> wanted,
                                                 int max) {
        org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(driver);
        for (int i = 0; i < max; i++) {
            keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
            org.openqa.selenium.WebElement active = driver.switchTo().activeElement();
            if (wanted.test(active)) {
                return active;
            }
        }
        throw new AssertionError("not reached by " + max + " presses of Tab");
    }

    static List<Double> scores(org.openqa.selenium.WebDriver driver) {
        return driver.findElements(org.openqa.selenium.By.cssSelector("tbody td.sc-num")).stream()
                .map(e -> Double.parseDouble(e.getAttribute("data-sort"))).toList();
    }

    static String ariaSort(org.openqa.selenium.WebDriver driver, String column) {
        return driver.findElement(org.openqa.selenium.By.cssSelector("th[data-sc-col=" + column + "]")).getAttribute("aria-sort");
    }

    @Test
    void inABrowserTheTableSortsAndFiltersFromTheKeyboardWithAndWithoutJavaScript() {
        for (boolean javascript : List.of(true, false)) {
            org.openqa.selenium.WebDriver driver = Browsers.chromium(javascript);
            try {
                var wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10));
                driver.get(url("/plugins/scorecards/"));
                assertThat(driver.findElements(org.openqa.selenium.By.cssSelector("tbody tr"))).hasSize(198);
                String host = URI.create(base.toString()).getHost();
                assertThat(Browsers.requests(driver)).as("no third-party requests").allMatch(u -> host.equals(u.getHost()));
                if (javascript) {
                    // Accessibility (axe-core; the keyboard: every control by Tab, visible focus, no trap) of the three
                    // public pages and a filter error, as a browser renders them.
                    Axe.assertNoViolations(driver, "scorecard-index");
                    assertThat(Keyboard.assertOperable(driver, "scorecard index")).as("a link per legislator").hasSizeGreaterThan(198);
                    String legislator = driver.findElement(org.openqa.selenium.By.cssSelector("tbody th a")).getAttribute("href");
                    driver.get(legislator);
                    Axe.assertNoViolations(driver, "scorecard-legislator");
                    Keyboard.assertOperable(driver, "scorecard legislator");
                    driver.get(url("/plugins/scorecards/bills/2025/H2580"));
                    Axe.assertNoViolations(driver, "scorecard-bill");
                    Keyboard.assertOperable(driver, "scorecard bill");
                    driver.get(url("/plugins/scorecards/?chamber=moon"));
                    Axe.assertNoViolations(driver, "scorecard-bad-filter");
                    Keyboard.assertErrorSummaryLeadsToFields(driver, "scorecard bad filter");
                    Keyboard.assertOperable(driver, "scorecard bad filter");
                    assertThat(Browsers.consoleErrors(driver)).as("only the 400 page's own load").allMatch(e -> e.contains("status of 400"));
                    driver.get(url("/campaigns/it-scorecard"));
                    Axe.assertNoViolations(driver, "campaign-with-scorecard");
                    driver.get(url("/plugins/scorecards/"));
                    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.scMarker = 1;");
                }

                // Sort by score from the keyboard: Tab to the column heading, Enter; Enter again reverses.
                tabTo(driver, e -> "score".equals(e.getAttribute("data-sc-sort")), 80);
                new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
                wait.until(d -> "ascending".equals(ariaSort(d, "score")));
                assertThat(ariaSort(driver, "name")).isNull();
                assertThat(scores(driver)).isSorted();
                assertThat(driver.getCurrentUrl()).contains("sort=score");
                if (javascript) {
                    assertThat(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return window.scMarker;"))
                            .as("sorted in place, no page load").isEqualTo(1L);
                    assertThat(driver.switchTo().activeElement().getAttribute("data-sc-sort")).as("focus stays on the heading").isEqualTo("score");
                    assertThat(driver.findElement(org.openqa.selenium.By.id("sc-count")).getText()).contains("Score");
                } else {
                    tabTo(driver, e -> "score".equals(e.getAttribute("data-sc-sort")), 80);
                }
                new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
                wait.until(d -> "descending".equals(ariaSort(d, "score")));
                assertThat(scores(driver)).isSortedAccordingTo(java.util.Comparator.reverseOrder());
                Browsers.screenshot(driver, "scorecard-sorted-" + (javascript ? "js" : "nojs"));

                // Filter from the keyboard: the chamber list, then the button.
                driver.get(url("/plugins/scorecards/"));
                tabTo(driver, e -> "sc-chamber".equals(e.getAttribute("id")), 40);
                new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.ARROW_DOWN).perform();
                assertThat(new org.openqa.selenium.support.ui.Select(driver.switchTo().activeElement()).getFirstSelectedOption()
                        .getAttribute("value")).isEqualTo("upper");
                tabTo(driver, e -> "submit".equals(e.getAttribute("type")), 10);
                new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
                wait.until(d -> d.getCurrentUrl().contains("chamber=upper"));
                assertThat(driver.findElements(org.openqa.selenium.By.cssSelector("tbody tr"))).hasSize(40);
                assertThat(driver.findElement(org.openqa.selenium.By.id("sc-count")).getText()).contains("40").contains("198");
                if (javascript) {
                    assertThat(Browsers.consoleErrors(driver)).isEmpty();
                }
                Browsers.screenshot(driver, "scorecard-senate-" + (javascript ? "js" : "nojs"));
            } finally {
                driver.quit();
            }
        }
    }
}
