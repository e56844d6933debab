package org.chorus.plugins.scorecards;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chorus.api.PluginContext;
import org.chorus.api.TargetInfo;
import org.chorus.api.action.Fragment;
import org.chorus.api.admin.AdminLink;
import org.chorus.api.admin.AdminRequest;
import org.chorus.api.admin.AdminRoutes;
import org.chorus.api.admin.StaffRole;
import org.chorus.api.admin.Upload;
import org.chorus.api.web.PluginResponse;
import org.chorus.plugins.scorecards.Legislation.Bill;
import org.chorus.plugins.scorecards.Legislation.RollCall;
import org.chorus.plugins.scorecards.Legislation.Session;
import org.chorus.plugins.scorecards.Records.Position;
import org.chorus.plugins.scorecards.Records.Recorded;
import org.chorus.plugins.scorecards.Records.Sponsorship;
import org.chorus.plugins.scorecards.Records.Vote;
import org.chorus.plugins.scorecards.Rules.Absences;
import org.chorus.plugins.scorecards.Rules.Band;
import org.chorus.plugins.scorecards.Rules.Item;
import org.chorus.plugins.scorecards.Rules.Scorecard;
import org.chorus.plugins.scorecards.Rules.Unknowns;
import org.chorus.plugins.scorecards.ScorecardStore.Kind;
import org.chorus.plugins.scorecards.ScorecardStore.Write;
import org.pf4j.Extension;

/**
 * Staff screens under {@code /admin/extensions/scorecards/}: the scorecards and the last import ({@code ""}), a CSV
 * upload with its validation report ({@code import}), the export ({@code export.csv}), the rules editor
 * ({@code rules}), a legislator's records ({@code records}, {@code records/<target id>}), importing the Progressive
 * Massachusetts file again ({@code import-pm}) and a new scorecard ({@code new}). The host has checked the session,
 * the role (viewer to read, organizer to change) and the CSRF token; every change is written to the audit log.
 */
@Extension
public class ScorecardAdmin implements AdminRoutes {

    static final String BASE = "/admin/extensions/scorecards";

    private final PluginContext context;
    private final Scorecards scorecards;

    public ScorecardAdmin(PluginContext context) {
        this.context = context;
        this.scorecards = Scorecards.of(context);
    }

    @Override
    public List<AdminLink> links() {
        return List.of(new AdminLink("Scorecards", "", StaffRole.VIEWER));
    }

    @Override
    public PluginResponse handle(AdminRequest request) {
        String path = request.path();
        boolean post = "POST".equals(request.method());
        if (path.isEmpty()) {
            return post ? null : overview(request, null);
        }
        if (path.equals("export.csv") && !post) {
            return export(request);
        }
        if (path.equals("import")) {
            return post ? importCsv(request) : importForm(request, Map.of(), null, 200);
        }
        if (path.equals("import-pm") && post) {
            return importPm(request);
        }
        if (path.equals("new") && post) {
            return create(request);
        }
        if (path.equals("rules")) {
            return post ? saveRules(request) : rulesForm(request, null, Map.of(), List.of(), 200);
        }
        if (path.equals("records") && !post) {
            return chooseLegislator(request);
        }
        if (path.startsWith("records/") && path.substring(8).matches("\\d{1,18}")) {
            long id = Long.parseLong(path.substring(8));
            return post ? saveRecords(request, id) : recordsForm(request, id, Map.of(), 200);
        }
        return null;
    }

    private static PluginResponse page(int status, String title, String template, Map<String, Object> model) {
        return new PluginResponse.Page(status, title, new Fragment(template, model), null);
    }

    private Optional<Scorecard> card(AdminRequest request) {
        return scorecards.card(request.param("card"));
    }

    private PluginResponse noCard(AdminRequest request) {
        return overview(request, request.param("card") == null ? "There is no scorecard yet: import one first."
                : "There is no scorecard \"" + request.param("card") + "\".");
    }

    // ---------------------------------------------------------------- overview

    private PluginResponse overview(AdminRequest request, String error) {
        Map<String, Object> model = new LinkedHashMap<>();
        List<Map<String, Object>> cards = new ArrayList<>();
        Map<Long, Session> sessions = new HashMap<>();
        scorecards.store().sessions().forEach(s -> sessions.put(s.id(), s));
        for (Scorecard c : scorecards.cards()) {
            List<Scoring.Problem> problems = problems(c);
            cards.add(Map.of("slug", c.slug(), "title", c.title(), "session", sessions.get(c.sessionId()).name(),
                    "items", c.items().stream().filter(i -> i.weight().signum() > 0).count(),
                    "origin", "import".equals(c.origin()) ? "kept in step with the imported data" : "rules set by staff",
                    "updated", c.updatedAt() == null ? "" : c.updatedAt().toString() + (c.updatedBy() == null ? "" : " by " + c.updatedBy()),
                    "problems", problems.stream().map(Scoring.Problem::message).toList()));
        }
        model.put("cards", cards);
        model.put("sessions", scorecards.store().sessions().stream().map(s -> Map.of("key", s.key(), "name", s.name())).toList());
        model.put("pmFile", scorecards.pmFile().map(Path::toString).orElse("(none: no reference data folder and no pm.file setting)"));
        Optional<String[]> last = scorecards.store().lastImport(PmImport.SOURCE);
        model.put("lastImport", last.map(l -> l[1] + ": " + l[2]).orElse("never"));
        model.put("error", error == null ? "" : error);
        model.put("done", request.param("done") == null ? "" : request.param("done"));
        model.put("canEdit", request.staff().has(StaffRole.ORGANIZER));
        return page(error == null ? 200 : 404, "Scorecards", "admin-index.ftlh", model);
    }

    private List<Scoring.Problem> problems(Scorecard c) {
        Scorecards.Computed data = scorecards.computed(c);
        return Scoring.check(c, data.bills(), data.rollCalls());
    }

    // ---------------------------------------------------------------- import and export

    private PluginResponse importForm(AdminRequest request, Map<String, Object> report, String error, int status) {
        Optional<Scorecard> card = card(request);
        if (card.isEmpty()) {
            return noCard(request);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("card", Map.of("slug", card.get().slug(), "title", card.get().title()));
        model.put("report", report);
        model.put("error", error == null ? "" : error);
        model.put("checkOnly", "yes".equals(request.param("check")));
        model.put("canEdit", request.staff().has(StaffRole.ORGANIZER));
        return page(status, "Import records: " + card.get().title(), "admin-import.ftlh", model);
    }

    private PluginResponse importCsv(AdminRequest request) {
        Optional<Scorecard> card = card(request);
        if (card.isEmpty()) {
            return noCard(request);
        }
        Upload file = request.uploads().get("file");
        if (file == null || file.content() == null || file.content().length == 0) {
            return importForm(request, Map.of(), "Choose a CSV file to import (columns target, item, value).", 400);
        }
        boolean apply = !"yes".equals(request.param("check"));
        Session session = scorecards.computed(card.get()).session();
        ImportReport report = new CsvImport(scorecards).importCsv(file.fileName(), file.content(), session, apply,
                request.staff().email(), scorecards.clock().instant());
        if (apply && !report.refused() && report.counts.getOrDefault("rows accepted", 0) > 0) {
            context.auditLog().record(request.staff(), "scorecards.import.csv", card.get().slug(), null,
                    JsonText.of(Map.of("file", report.source, "counts", report.counts, "rejected", report.rejected.size())));
        }
        Map<String, Object> model = report.model();
        model.put("applied", apply);
        return importForm(request, model, report.refused() ? report.refused : null, report.refused() ? 400 : 200);
    }

    private PluginResponse importPm(AdminRequest request) {
        Optional<Path> file = scorecards.pmFile();
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return overview(request, "The Progressive Massachusetts file " + file.map(Path::toString).orElse("") + " does not exist; "
                    + "set chorus.plugin.scorecards.pm.file or the reference data folder.");
        }
        ImportReport report;
        try {
            byte[] content = Files.readAllBytes(file.get());
            report = new PmImport(scorecards.store()).importContent(file.get().getFileName().toString(), content,
                    PmImport.fingerprint(content), scorecards.featuredBills(), scorecards.clock().instant(), request.staff().email());
        } catch (IOException e) {
            return overview(request, "The file could not be read: " + e.getMessage());
        }
        context.auditLog().record(request.staff(), "scorecards.import.pm", file.get().toString(), null, JsonText.of(Map.of(
                "summary", report.summary())));
        Map<String, Object> model = report.model();
        model.put("applied", true);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("card", Map.of("slug", "", "title", "Progressive Massachusetts file"));
        page.put("report", model);
        page.put("error", report.refused() ? report.refused : "");
        page.put("checkOnly", false);
        page.put("pm", true);
        page.put("canEdit", true);
        return page(report.refused() ? 400 : 200, "Import of " + file.get().getFileName(), "admin-import.ftlh", page);
    }

    private PluginResponse export(AdminRequest request) {
        Optional<Scorecard> card = card(request);
        if (card.isEmpty()) {
            return noCard(request);
        }
        return new PluginResponse.Raw(200, "text/csv; charset=UTF-8", CsvExport.export(scorecards, card.get()),
                Map.of("Content-Disposition", "attachment; filename=\"scorecard-" + card.get().slug() + ".csv\""));
    }

    // ---------------------------------------------------------------- new scorecard

    private PluginResponse create(AdminRequest request) {
        String slug = value(request, "slug").toLowerCase(Locale.ROOT);
        String title = value(request, "title");
        Optional<Session> session = scorecards.store().session(value(request, "session"));
        String problem = !slug.matches("[a-z0-9][a-z0-9-]{1,59}") ? "The short name must be 2 to 60 lower-case letters, digits or hyphens."
                : scorecards.card(slug).isPresent() ? "There is already a scorecard \"" + slug + "\"."
                : title.isEmpty() || title.length() > 300 ? "Give a title of up to 300 characters."
                : session.isEmpty() ? "Choose a session." : null;
        if (problem != null) {
            return overview(request, problem);
        }
        // A new scorecard starts scoring every bill of its session at weight 1, so that it can be evaluated at once.
        List<Item> items = scorecards.store().bills(session.get().id()).stream().map(b -> Item.bill(b.id(), BigDecimal.ONE, false)).toList();
        scorecards.store().inTransaction(c -> {
            long id = scorecards.store().createScorecard(c, slug, title, session.get().id(), Absences.AGAINST, Unknowns.EXCLUDE, "staff",
                    scorecards.clock().instant(), request.staff().email());
            scorecards.store().saveRules(c, new Scorecard(id, slug, title, session.get().id(), Absences.AGAINST, Unknowns.EXCLUDE, "staff",
                    scorecards.clock().instant(), request.staff().email(), items, Rules.defaultBands()));
            return null;
        });
        context.auditLog().record(request.staff(), "scorecards.create", slug, null, JsonText.of(Map.of("title", title,
                "session", session.get().key())));
        return PluginResponse.redirect(BASE + "/rules?card=" + PublicPages.enc(slug) + "&saved=created");
    }

    // ---------------------------------------------------------------- rules

    private PluginResponse rulesForm(AdminRequest request, Scorecard shown, Map<String, String> typed, List<Scoring.Problem> problems,
                                     int status) {
        Optional<Scorecard> found = card(request);
        if (found.isEmpty()) {
            return noCard(request);
        }
        Scorecard card = shown == null ? found.get() : shown;
        Scorecards.Computed data = scorecards.computed(found.get());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("card", Map.of("slug", card.slug(), "title", typed.getOrDefault("title", card.title()), "session", data.session().name(),
                "origin", card.origin()));
        model.put("absences", typed.getOrDefault("absences", card.absences().name().toLowerCase(Locale.ROOT)));
        model.put("unknowns", typed.getOrDefault("unknowns", card.unknowns().name().toLowerCase(Locale.ROOT)));
        Map<Long, Item> billItems = new HashMap<>();
        Map<Long, Item> rcItems = new HashMap<>();
        card.items().forEach(i -> {
            if (i.isBill()) {
                billItems.put(i.billId(), i);
            } else {
                rcItems.put(i.rollCallId(), i);
            }
        });
        List<Map<String, Object>> bills = new ArrayList<>();
        for (Bill b : data.bills().values()) {
            Item i = billItems.get(b.id());
            String field = "weight.bill." + b.id();
            bills.add(Map.of("field", field, "featuredField", "featured.bill." + b.id(), "name", b.name(), "numbers", b.displayNumbers(),
                    "weight", typed.getOrDefault(field, i == null ? "0" : i.weight().toPlainString()),
                    "featured", typed.isEmpty() ? i != null && i.featured() : typed.containsKey("featured.bill." + b.id())));
        }
        model.put("bills", bills);
        List<Map<String, Object>> rollCalls = new ArrayList<>();
        for (RollCall rc : data.rollCalls().values()) {
            Item i = rcItems.get(rc.id());
            String field = "weight.rc." + rc.id();
            rollCalls.add(Map.of("field", field, "title", rc.title(), "number", rc.number(),
                    "chamber", Scoring.chamberName(rc.chamber()), "preferred", Records.write(rc.preferred()),
                    "date", rc.date() == null ? "" : rc.date().toString(),
                    "weight", typed.getOrDefault(field, i == null ? "0" : i.weight().toPlainString())));
        }
        model.put("rollCalls", rollCalls);
        Map<String, String> bandText = new LinkedHashMap<>();
        for (String chamber : Rules.CHAMBERS) {
            StringBuilder lines = new StringBuilder();
            card.bandsOf(chamber).forEach(b -> lines.append(b.letter()).append(' ').append(b.minPercent().stripTrailingZeros().toPlainString()).append('\n'));
            bandText.put(chamber, typed.getOrDefault("bands." + chamber, lines.toString().strip()));
        }
        model.put("bands", bandText);
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
        model.put("errors", errors);
        model.put("problems", problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        model.put("saved", request.param("saved") == null ? "" : request.param("saved"));
        model.put("canEdit", request.staff().has(StaffRole.ORGANIZER));
        return page(status, "Scoring rules: " + card.title(), "admin-rules.ftlh", model);
    }

    private PluginResponse saveRules(AdminRequest request) {
        Optional<Scorecard> found = card(request);
        if (found.isEmpty()) {
            return noCard(request);
        }
        Scorecard before = found.get();
        Scorecards.Computed data = scorecards.computed(before);
        Map<String, String> typed = new LinkedHashMap<>();
        request.form().forEach((k, v) -> typed.put(k, v.isEmpty() ? "" : v.get(0)));
        List<Scoring.Problem> problems = new ArrayList<>();
        String title = typed.getOrDefault("title", "").strip();
        if (title.isEmpty() || title.length() > 300) {
            problems.add(new Scoring.Problem("title", "give a title of up to 300 characters"));
        }
        Absences absences = parseEnum(Absences.class, typed.get("absences"));
        Unknowns unknowns = parseEnum(Unknowns.class, typed.get("unknowns"));
        List<Item> items = new ArrayList<>();
        for (Bill b : data.bills().values()) {
            BigDecimal w = weight(typed, "weight.bill." + b.id(), problems);
            boolean featured = typed.containsKey("featured.bill." + b.id());
            if (w != null && (w.signum() != 0 || featured)) {
                items.add(Item.bill(b.id(), w, featured));
            }
        }
        for (RollCall rc : data.rollCalls().values()) {
            BigDecimal w = weight(typed, "weight.rc." + rc.id(), problems);
            if (w != null && w.signum() != 0) {
                items.add(Item.rollCall(rc.id(), w));
            }
        }
        List<Band> bands = new ArrayList<>();
        for (String chamber : Rules.CHAMBERS) {
            bands.addAll(bands(chamber, typed.getOrDefault("bands." + chamber, ""), problems));
        }
        Scorecard after = new Scorecard(before.id(), before.slug(), title, before.sessionId(), absences, unknowns, "staff",
                scorecards.clock().instant(), request.staff().email(), items, bands);
        if (problems.stream().noneMatch(p -> p.field().startsWith("weight.") || p.field().startsWith("bands."))) {
            problems.addAll(Scoring.check(after, data.bills(), data.rollCalls()));
        }
        if (!problems.isEmpty()) {
            return rulesForm(request, after.with(absences == null ? before.absences() : absences,
                    unknowns == null ? before.unknowns() : unknowns, items, bands, before.origin(), before.updatedAt(), before.updatedBy()),
                    typed, problems, 400);
        }
        scorecards.store().inTransaction(c -> {
            scorecards.store().saveRules(c, after);
            return null;
        });
        context.auditLog().record(request.staff(), "scorecards.rules.edit", before.slug(), rulesJson(before), rulesJson(after));
        return PluginResponse.redirect(BASE + "/rules?card=" + PublicPages.enc(before.slug()) + "&saved=saved");
    }

    private static BigDecimal weight(Map<String, String> typed, String field, List<Scoring.Problem> problems) {
        String v = typed.getOrDefault(field, "").strip();
        if (v.isEmpty()) {
            return BigDecimal.ZERO;
        }
        try {
            BigDecimal w = new BigDecimal(v.replace(',', '.'));
            if (w.scale() > 3 || w.abs().compareTo(new BigDecimal("999999")) > 0) {
                problems.add(new Scoring.Problem(field, "a weight has at most 3 decimals and is below 1,000,000"));
                return null;
            }
            if (w.signum() < 0) {
                problems.add(new Scoring.Problem(field, "a weight cannot be negative"));
                return null;
            }
            return w;
        } catch (NumberFormatException e) {
            problems.add(new Scoring.Problem(field, "\"" + v + "\" is not a number; write a weight such as 1 or 0.5 (0 to leave it out)"));
            return null;
        }
    }

    /** Lines "A 90" (letter, lowest percentage); blank: the chamber is not graded. */
    private static List<Band> bands(String chamber, String text, List<Scoring.Problem> problems) {
        List<Band> out = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                out.add(new Band(chamber, parts[0], new BigDecimal(parts[1].replace("%", "").replace(',', '.'))));
            } catch (NumberFormatException e) {
                problems.add(new Scoring.Problem("bands." + chamber, "line " + (i + 1) + " (\"" + line
                        + "\"): write a letter and the lowest percentage that earns it, e.g. \"A 90\""));
            }
        }
        return out;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String rulesJson(Scorecard c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", c.title());
        m.put("absences", c.absences() == null ? null : c.absences().name());
        m.put("unknowns", c.unknowns() == null ? null : c.unknowns().name());
        m.put("items", c.items().stream().map(i -> Map.of(i.isBill() ? "bill" : "rollCall", i.isBill() ? i.billId() : i.rollCallId(),
                "weight", i.weight().toPlainString(), "featured", i.featured())).toList());
        m.put("bands", c.bands().stream().map(b -> Map.of("chamber", b.chamber(), "letter", b.letter(),
                "min", b.minPercent().toPlainString())).toList());
        return JsonText.of(m);
    }

    // ---------------------------------------------------------------- records

    private PluginResponse chooseLegislator(AdminRequest request) {
        Optional<Scorecard> card = card(request);
        if (card.isEmpty()) {
            return noCard(request);
        }
        String q = PublicPages.fold(request.param("q"));
        List<Map<String, Object>> people = new ArrayList<>();
        for (TargetInfo t : scorecards.targets().allTargets()) {
            if (t.externalId() == null || (!q.isEmpty() && !PublicPages.fold(t.name()).contains(q) && !PublicPages.fold(t.divisionName()).contains(q))) {
                continue;
            }
            people.add(Map.of("id", String.valueOf(t.id()), "name", t.name(), "district", t.divisionName() == null ? "" : t.divisionName(),
                    "sitting", t.sitting(), "sortName", Scorecards.sortName(t)));
        }
        people.sort(java.util.Comparator.comparing((Map<String, Object> p) -> !(Boolean) p.get("sitting")).thenComparing(p -> (String) p.get("sortName")));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("card", Map.of("slug", card.get().slug(), "title", card.get().title()));
        model.put("q", request.param("q") == null ? "" : request.param("q"));
        model.put("people", people);
        return page(200, "Records: " + card.get().title(), "admin-records-list.ftlh", model);
    }

    private PluginResponse recordsForm(AdminRequest request, long targetId, Map<String, String> errors, int status) {
        Optional<Scorecard> card = card(request);
        Optional<TargetInfo> target = scorecards.targets().target(targetId);
        if (card.isEmpty() || target.isEmpty() || target.get().externalId() == null) {
            return card.isEmpty() ? noCard(request) : page(404, "No such legislator", "admin-message.ftlh",
                    Map.of("message", "There is no legislator with id " + targetId + ".", "back", BASE + "/records?card=" + card.get().slug()));
        }
        TargetInfo t = target.get();
        Scorecards.Computed data = scorecards.computed(card.get());
        RecordBook book = scorecards.store().book(data.session().id(), t.externalId());
        String chamber = book.chamberOf(t.externalId(), t.chamber());
        boolean typed = !errors.isEmpty();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("card", Map.of("slug", card.get().slug(), "title", card.get().title(), "session", data.session().name()));
        model.put("legislator", Map.of("id", String.valueOf(t.id()), "name", t.name(), "personId", t.externalId(),
                "district", t.divisionName() == null ? "" : t.divisionName(), "sitting", t.sitting()));
        List<Map<String, Object>> bills = new ArrayList<>();
        for (Bill b : data.bills().values()) {
            Recorded<Sponsorship> s = book.sponsorshipRecord(b.id(), t.externalId());
            Recorded<Position> p = book.positionRecord(b.id(), t.externalId());
            Map<String, Object> bm = new LinkedHashMap<>();
            bm.put("id", String.valueOf(b.id()));
            bm.put("name", b.name());
            bm.put("numbers", b.displayNumbers());
            bm.put("sponsorship", typed ? value(request, "s." + b.id()) : Records.write(s == null ? Sponsorship.UNKNOWN : s.value()));
            bm.put("sponsorshipSource", s == null ? "" : s.source() + (s.updatedBy() == null ? "" : " (" + s.updatedBy() + ")"));
            bm.put("position", typed ? value(request, "p." + b.id()) : Records.write(p == null ? Position.UNKNOWN : p.value()));
            bm.put("note", typed ? value(request, "n." + b.id()) : p == null || p.note() == null ? "" : p.note());
            bills.add(bm);
        }
        model.put("bills", bills);
        List<Map<String, Object>> votes = new ArrayList<>();
        for (RollCall rc : data.rollCalls().values()) {
            if (!rc.chamber().equals(chamber)) {
                continue;
            }
            Recorded<Vote> v = book.voteRecord(rc.id(), t.externalId());
            votes.add(Map.of("id", String.valueOf(rc.id()), "title", rc.title(), "number", rc.number(),
                    "preferred", Records.write(rc.preferred()),
                    "vote", typed ? value(request, "v." + rc.id()) : Records.write(v == null ? Vote.UNKNOWN : v.value()),
                    "source", v == null ? "" : v.source()));
        }
        model.put("votes", votes);
        model.put("sponsorshipValues", List.of("cosponsor", "sponsor", "not-cosponsor", "unknown"));
        model.put("positionValues", List.of("unknown", "supports", "opposes"));
        model.put("voteValues", List.of("yes", "no", "not-voting", "not-in-office", "unknown"));
        model.put("errors", errors);
        model.put("saved", request.param("saved") == null ? "" : request.param("saved"));
        model.put("canEdit", request.staff().has(StaffRole.ORGANIZER));
        return page(status, "Records of " + t.name(), "admin-records.ftlh", model);
    }

    private PluginResponse saveRecords(AdminRequest request, long targetId) {
        Optional<Scorecard> card = card(request);
        Optional<TargetInfo> target = scorecards.targets().target(targetId);
        if (card.isEmpty() || target.isEmpty() || target.get().externalId() == null) {
            return recordsForm(request, targetId, Map.of(), 404);
        }
        String person = target.get().externalId();
        Scorecards.Computed data = scorecards.computed(card.get());
        long sessionId = data.session().id();
        RecordBook book = scorecards.store().book(sessionId, person);
        Map<String, String> errors = new LinkedHashMap<>();
        List<Write<Sponsorship>> sponsorships = new ArrayList<>();
        List<Write<Position>> positions = new ArrayList<>();
        List<Write<Vote>> votes = new ArrayList<>();
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        for (Bill b : data.bills().values()) {
            String sv = request.param("s." + b.id());
            if (sv != null) {
                Optional<Sponsorship> s = Records.sponsorship(sv);
                if (s.isEmpty()) {
                    errors.put("s." + b.id(), "choose co-sponsor, sponsor, not a co-sponsor or unknown");
                } else if (s.get() != book.sponsorship(b.id(), person)) {
                    sponsorships.add(new Write<>(b.id(), person, s.get(), null));
                    before.put(b.key() + " co-sponsorship", Records.write(book.sponsorship(b.id(), person)));
                    after.put(b.key() + " co-sponsorship", Records.write(s.get()));
                }
            }
            String pv = request.param("p." + b.id());
            String note = value(request, "n." + b.id());
            if (note.length() > 500) {
                errors.put("n." + b.id(), "keep the note under 500 characters");
            }
            if (pv != null) {
                Optional<Position> p = Records.position(pv);
                Recorded<Position> now = book.positionRecord(b.id(), person);
                String nowNote = now == null || now.note() == null ? "" : now.note();
                if (p.isEmpty()) {
                    errors.put("p." + b.id(), "choose supports, opposes or unknown");
                } else if (p.get() != book.position(b.id(), person) || !note.equals(nowNote)) {
                    positions.add(new Write<>(b.id(), person, p.get(), note.isEmpty() ? null : note));
                    before.put(b.key() + " position", Records.write(book.position(b.id(), person)) + (nowNote.isEmpty() ? "" : " (" + nowNote + ")"));
                    after.put(b.key() + " position", Records.write(p.get()) + (note.isEmpty() ? "" : " (" + note + ")"));
                }
            }
        }
        for (RollCall rc : data.rollCalls().values()) {
            String vv = request.param("v." + rc.id());
            if (vv == null) {
                continue;
            }
            Optional<Vote> v = Records.vote(vv);
            if (v.isEmpty()) {
                errors.put("v." + rc.id(), "choose yes, no, not voting, not in office or unknown");
            } else if (v.get() != book.vote(rc.id(), person)) {
                votes.add(new Write<>(rc.id(), person, v.get(), null));
                before.put(rc.itemKey(), Records.write(book.vote(rc.id(), person)));
                after.put(rc.itemKey(), Records.write(v.get()));
            }
        }
        if (!errors.isEmpty()) {
            return recordsForm(request, targetId, errors, 400);
        }
        if (!after.isEmpty()) {
            String by = request.staff().email();
            java.time.Instant now = scorecards.clock().instant();
            ScorecardStore store = scorecards.store();
            store.inTransaction(c -> {
                store.write(c, Kind.SPONSORSHIP, sponsorships, store.existing(c, Kind.SPONSORSHIP, sessionId), Records.STAFF, by, now, false);
                store.write(c, Kind.POSITION, positions, store.existing(c, Kind.POSITION, sessionId), Records.STAFF, by, now, false);
                store.write(c, Kind.VOTE, votes, store.existing(c, Kind.VOTE, sessionId), Records.STAFF, by, now, false);
                return null;
            });
            context.auditLog().record(request.staff(), "scorecards.record.edit", person + " (" + target.get().name() + ")",
                    JsonText.of(before), JsonText.of(after));
        }
        return PluginResponse.redirect(BASE + "/records/" + targetId + "?card=" + PublicPages.enc(card.get().slug())
                + "&saved=" + (after.isEmpty() ? "unchanged" : "saved"));
    }

    private static String value(AdminRequest request, String name) {
        String v = request.param(name);
        return v == null ? "" : v.strip();
    }

    /** A tiny JSON writer for audit entries (maps, lists, strings, numbers, booleans). */
    static final class JsonText {
        private JsonText() {
        }

        static String of(Object o) {
            StringBuilder b = new StringBuilder();
            write(b, o);
            return b.toString();
        }

        private static void write(StringBuilder b, Object o) {
            if (o == null) {
                b.append("null");
            } else if (o instanceof Map<?, ?> m) {
                b.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    b.append(first ? "" : ",");
                    first = false;
                    write(b, String.valueOf(e.getKey()));
                    b.append(':');
                    write(b, e.getValue());
                }
                b.append('}');
            } else if (o instanceof Iterable<?> l) {
                b.append('[');
                boolean first = true;
                for (Object e : l) {
                    b.append(first ? "" : ",");
                    first = false;
                    write(b, e);
                }
                b.append(']');
            } else if (o instanceof Number || o instanceof Boolean) {
                b.append(o);
            } else if (o instanceof ImportReport.Rejection r) {
                write(b, Map.of("where", r.where(), "reason", r.reason()));
            } else {
                b.append('"');
                for (char ch : o.toString().toCharArray()) {
                    switch (ch) {
                        case '"' -> b.append("\\\"");
                        case '\\' -> b.append("\\\\");
                        case '\n' -> b.append("\\n");
                        case '\r' -> b.append("\\r");
                        case '\t' -> b.append("\\t");
                        default -> {
                            if (ch < 0x20) {
                                b.append(String.format("\\u%04x", (int) ch));
                            } else {
                                b.append(ch);
                            }
                        }
                    }
                }
                b.append('"');
            }
        }
    }
}
