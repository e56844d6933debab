package org.chorus.plugins.petitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chorus.api.DivisionInfo;
import org.chorus.api.TargetInfo;
import org.chorus.api.action.SubmissionOutcome;
import org.chorus.api.admin.AdminRequest;
import org.chorus.api.admin.StaffMember;
import org.chorus.api.admin.StaffRole;
import org.chorus.api.lookup.DistrictMatch;
import org.chorus.api.lookup.FoundTargets;
import org.chorus.api.web.PluginResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The staff pages over a petition with signers in and out of a senator's district. */
class PetitionAdminTest {

    static final long PETITION = 41;
    static final String SUFFOLK = "ocd-division/country:us/state:ma/sldu:first_suffolk";
    static final String MIDDLESEX = "ocd-division/country:us/state:ma/sldu:second_middlesex";
    static final StaffMember ORGANIZER = new StaffMember("org@example.org", "Olga", StaffRole.ORGANIZER);
    static final StaffMember VIEWER = new StaffMember("view@example.org", "Vic", StaffRole.VIEWER);

    final TestContext context = new TestContext();
    final PetitionAction action = new PetitionAction(context);
    final PetitionAdmin admin = new PetitionAdmin(context.sibling());
    final Map<String, Object> settings = new LinkedHashMap<>();

    @BeforeEach
    void petitionWithSigners() {
        settings.put("text", "We call on the Legislature to **pass** the Safe Communities Act.\n\nMassachusetts has waited long enough.");
        settings.put("targets", List.of(Map.of("name", "Governor Maura Healey", "email", "governor@example.org")));
        settings.put("directory_targets", List.of("ocd-person/senator-suffolk"));
        context.fake.divisions.add(new DivisionInfo(SUFFOLK, "sldu", "upper", "First Suffolk", null));
        context.fake.targets.add(new TargetInfo(501, "ocd-person/senator-suffolk", "Nick Collins", "Nick", "Collins", "Senator",
                "upper", "Democratic", "nick.collins@example.org", null, null, SUFFOLK, "First Suffolk"));
        context.finder = q -> {
            String town = q.town() == null ? "" : q.town();
            return switch (town) {
                case "Dorchester" -> found(List.of(SUFFOLK), List.of());
                case "Boston" -> found(List.of(), List.of(SUFFOLK, "ocd-division/country:us/state:ma/sldu:second_suffolk"));
                case "Cambridge" -> found(List.of(MIDDLESEX), List.of());
                default -> found(List.of(), List.of());
            };
        };
        sign("Ada", "Lovelace", "ada@example.org", "Cambridge", "Math matters.", false);
        sign("Bảo", "Nguyễn", "bao@example.org", "Dorchester", "Gia đình tôi sống ở đây.", false);
        sign("Wei", "张", "wei@example.org", "Boston", "", true);
        sign("Carl", "Dorchester", "carl@example.org", "Dorchester", "=HYPERLINK(\"http://evil.example\")", false);
        sign("Dee", "Nobody", "dee@example.org", "Dorchester", "Hide me, I was rude.", false);
        context.view(PETITION, "sign", settings, Locale.ENGLISH);
        action.form(context.view(PETITION, "sign", settings, Locale.ENGLISH)); // shown once: the petition is known
    }

    static FoundTargets found(List<String> settled, List<String> candidates) {
        return new FoundTargets(settled.stream().map(o -> new FoundTargets.District(new DistrictMatch(o, "upper", o), List.of())).toList(),
                candidates.stream().map(o -> new FoundTargets.District(new DistrictMatch(o, "upper", o), List.of())).toList(),
                null, "town", false, null);
    }

    void sign(String first, String last, String email, String town, String comment, boolean anonymous) {
        Map<String, String> f = new HashMap<>(Map.of("first_name", first, "last_name", last, "email", email, "town", town,
                "comment", comment));
        if (anonymous) {
            f.put("anonymous", "yes");
        }
        var outcome = action.submit(context.submission(PETITION, settings, f, Locale.ENGLISH));
        context.store(PETITION, (SubmissionOutcome.Accepted) outcome, first.equals("Ada") ? "newsletter" : null);
    }

    static AdminRequest get(String path, StaffMember who) {
        return new AdminRequest("GET", path, Map.of(), Map.of(), Map.of(), who, "csrf-token");
    }

    static AdminRequest post(String path) {
        return new AdminRequest("POST", path, Map.of(), Map.of(), Map.of(), ORGANIZER, "csrf-token");
    }

    long idOf(String first) {
        return context.records.get(PETITION).stream().filter(r -> r.supporter().firstName().equals(first)).findFirst()
                .orElseThrow().id();
    }

    @Test
    void theIndexListsThePetitionsShownAndUnknownPathsAreNotFound() {
        var index = (PluginResponse.Page) admin.handle(get("", VIEWER));
        assertThat(index.fragment().template()).isEqualTo("admin-index.ftlh");
        assertThat(index.fragment().model().get("petitions").toString()).contains("stand-with-families").contains("count=5");
        assertThat(admin.handle(get("p/stand-with-families/nope", VIEWER))).isNull();
        assertThat(admin.handle(get("p/stand-with-families/sign/other", VIEWER))).isNull();
        assertThat(admin.handle(get("../etc/passwd", VIEWER))).isNull();
        assertThat(admin.handle(get("open", VIEWER))).isInstanceOf(PluginResponse.Page.class)
                .extracting(PluginResponse::status).isEqualTo(404);
        assertThat(admin.handle(new AdminRequest("GET", "open", Map.of("campaign", List.of("stand-with-families"),
                "action", List.of("sign")), Map.of(), Map.of(), VIEWER, "t")))
                .isEqualTo(new PluginResponse.Redirect("/admin/extensions/petitions/p/stand-with-families/sign"));
    }

    @Test
    void thePetitionPageCountsByDayAndBySource() {
        var page = (PluginResponse.Page) admin.handle(get("p/stand-with-families/sign", VIEWER));
        Map<String, Object> m = page.fragment().model();
        assertThat(m).containsEntry("count", 5L).containsEntry("goal", 10L).containsEntry("comments", 4L)
                .containsEntry("anonymous", 1L).containsEntry("organizer", false);
        assertThat(m.get("days")).isEqualTo(List.of(Map.of("day", "2026-01-01", "count", 5L, "total", 5L)));
        assertThat(m.get("sources")).isEqualTo(List.of(Map.of("source", "(none)", "count", 4L),
                Map.of("source", "newsletter", "count", 1L)));
        assertThat(m.get("targets").toString()).contains("Governor Maura Healey").contains("Senator Nick Collins")
                .contains("First Suffolk");
    }

    @Test
    void hidingACommentTakesItOffThePublicPageAndIsAudited() {
        long dee = idOf("Dee");
        assertThat(comments()).contains("Hide me, I was rude.");
        var r = admin.handle(post("p/stand-with-families/sign/comments/" + dee + "/hide"));
        assertThat(r).isEqualTo(new PluginResponse.Redirect(
                "/admin/extensions/petitions/p/stand-with-families/sign?done=hidden#signature-" + dee));
        assertThat(comments()).doesNotContain("Hide me, I was rude.").contains("Math matters.");
        assertThat(context.audit).containsExactly("org@example.org petitions.comment.hide stand-with-families/sign/signature "
                + dee + " {\"hidden\":false} -> {\"hidden\":true}");
        // Hiding twice changes nothing and writes nothing.
        admin.handle(post("p/stand-with-families/sign/comments/" + dee + "/hide"));
        assertThat(context.audit).hasSize(1);
        admin.handle(post("p/stand-with-families/sign/comments/" + dee + "/unhide"));
        assertThat(comments()).contains("Hide me, I was rude.");
        assertThat(context.audit).hasSize(2).last().asString().contains("petitions.comment.unhide");
    }

    @SuppressWarnings("unchecked")
    private List<Object> comments() {
        context.fake.now = context.fake.now.plusSeconds(10); // past the public page's few seconds of caching
        var model = action.form(context.view(PETITION, "sign", settings, Locale.ENGLISH)).model();
        return ((List<Map<String, Object>>) model.get("comments")).stream().map(c -> c.get("comment")).toList();
    }

    @Test
    void theCsvHasEverySignatureAndNoCellCanRunAsAFormula() {
        admin.handle(post("p/stand-with-families/sign/comments/" + idOf("Dee") + "/hide"));
        var csv = (PluginResponse.Raw) admin.handle(get("p/stand-with-families/sign/signatures.csv", ORGANIZER));
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.headers().get("Content-Disposition")).contains("stand-with-families-sign-signatures.csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("\uFEFF\"signed_at\",\"first_name\",\"last_name\",\"email\",\"town\",\"zip\","
                + "\"anonymous\",\"comment\",\"comment_hidden\",\"source_code\",\"language\"");
        assertThat(lines.get(1)).contains("\"Ada\",\"Lovelace\",\"ada@example.org\",\"Cambridge\"").endsWith("\"newsletter\",\"en\"");
        assertThat(lines.get(3)).contains("\"Wei\",\"张\"").contains("\"yes\",\"\",\"no\"");
        assertThat(lines.get(4)).contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
        assertThat(lines.get(5)).contains("\"Hide me, I was rude.\",\"yes\"");
        assertThat(SignatureCsv.cell("+1 555")).isEqualTo("\"'+1 555\"");
        assertThat(SignatureCsv.cell("-2")).isEqualTo("\"'-2\"");
        assertThat(SignatureCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(SignatureCsv.cell("\tx")).isEqualTo("\"'\tx\"");
        assertThat(SignatureCsv.cell("a, b")).isEqualTo("\"a, b\"");
    }

    @Test
    void viewersMayNotDownloadPersonalData() {
        assertThat(admin.handle(get("p/stand-with-families/sign/signatures.csv", VIEWER)).status()).isEqualTo(403);
        assertThat(admin.handle(get("p/stand-with-families/sign/targets/t0.pdf", VIEWER)).status()).isEqualTo(403);
    }

    @Test
    void thePdfForASenatorListsTheirConstituentsFirst() throws IOException {
        admin.handle(post("p/stand-with-families/sign/comments/" + idOf("Dee") + "/hide"));
        var pdf = (PluginResponse.Raw) admin.handle(get("p/stand-with-families/sign/targets/d501.pdf", ORGANIZER));
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        java.nio.file.Files.write(java.nio.file.Path.of("target/petition-for-a-senator.pdf"), pdf.body()); // to look at
        String text = text(pdf.body());
        assertThat(text).contains("Stand with immigrant families").contains("A petition to Senator Nick Collins (First Suffolk)")
                .contains("Delivered by Safe Communities Coalition on January 1, 2026")
                .contains("We call on the Legislature to pass the Safe Communities Act.")
                .contains("5 people signed, 3 of them from the district.");
        int constituents = text.indexOf("Constituents in First Suffolk (3)");
        int partly = text.indexOf("Signers from towns partly in First Suffolk (1)");
        int others = text.indexOf("Other signers (1)");
        assertThat(constituents).isPositive().isLessThan(partly);
        assertThat(partly).isLessThan(others);
        String section = text.substring(constituents, partly);
        assertThat(section).contains("1. Bảo Nguyễn, Dorchester — January 1, 2026").contains("“Gia đình tôi sống ở đây.”")
                .contains("2. Carl Dorchester, Dorchester").contains("3. Dee Nobody, Dorchester")
                .doesNotContain("Hide me");
        // Liberation Sans has no Chinese: without an extra font the character is a question mark, the rest stays.
        assertThat(text.substring(partly, others)).contains("1. Wei ?, Boston");
        assertThat(text.substring(others)).contains("1. Ada Lovelace, Cambridge").contains("“Math matters.”");
        assertThat(text).contains("page 1 of 1");
    }

    @Test
    void aLongPetitionRunsOverPagesAndATargetWithoutADistrictGetsOneList() throws IOException {
        for (int i = 0; i < 120; i++) {
            sign("Signer" + i, "Long " + "comment ".repeat(3), "s" + i + "@example.org", "Cambridge",
                    "A comment long enough to wrap over more than one line of the printed page. ".repeat(3), false);
        }
        var pdf = (PluginResponse.Raw) admin.handle(get("p/stand-with-families/sign/targets/t0.pdf", ORGANIZER));
        String text = text(pdf.body());
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(3);
            assertThat(text).contains("page " + doc.getNumberOfPages() + " of " + doc.getNumberOfPages());
        }
        assertThat(text).contains("A petition to Governor Maura Healey\n").contains("Signers (125)").contains("125. Signer119 Long")
                .doesNotContain("Constituents");
    }

    @Test
    void emailingTheTargetQueuesASummaryWithCountsAndNoLinks() {
        var r = admin.handle(post("p/stand-with-families/sign/targets/d501/send"));
        assertThat(r).isEqualTo(new PluginResponse.Redirect("/admin/extensions/petitions/p/stand-with-families/sign?done=sent"));
        assertThat(context.outbox).last().satisfies(m -> {
            assertThat(m.toAddress()).isEqualTo("nick.collins@example.org");
            assertThat(m.toName()).isEqualTo("Senator Nick Collins");
            assertThat(m.fromName()).isEqualTo("Safe Communities Coalition");
            assertThat(m.replyTo()).isEqualTo("org@example.org");
            assertThat(m.targetId()).isEqualTo(501L);
            assertThat(m.subject()).isEqualTo("Petition: Stand with immigrant families (5 signatures)");
            assertThat(m.body()).contains("Dear Senator Nick Collins,")
                    .contains("5 people have signed the petition \"Stand with immigrant families\", 3 of them from your district (First Suffolk)")
                    .contains("Dorchester: 3").doesNotContain("http").doesNotContain("@example.org");
        });
        assertThat(context.audit).singleElement().asString().contains("petitions.delivery.email stand-with-families/sign/d501")
                .contains("\"signatures\":5").contains("\"constituents\":3");
        var page = (PluginResponse.Page) admin.handle(get("p/stand-with-families/sign", ORGANIZER));
        assertThat(page.fragment().model().get("targets").toString()).contains("by org@example.org (5 signatures)");

        context.fake.targets.clear();
        settings.put("targets", List.of(Map.of("name", "The Mayor")));
        context.view(PETITION, "sign", settings, Locale.ENGLISH);
        assertThat(admin.handle(post("p/stand-with-families/sign/targets/t0/send")).status()).isEqualTo(400);
        assertThat(admin.handle(post("p/stand-with-families/sign/targets/t9/send"))).isNull();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
