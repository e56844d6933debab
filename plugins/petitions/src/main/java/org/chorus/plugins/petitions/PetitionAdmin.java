package org.chorus.plugins.petitions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chorus.api.OutboundEmail;
import org.chorus.api.PluginContext;
import org.chorus.api.action.ActionSettings;
import org.chorus.api.action.ActionView;
import org.chorus.api.action.Fragment;
import org.chorus.api.admin.AdminLink;
import org.chorus.api.admin.AdminRequest;
import org.chorus.api.admin.AdminRoutes;
import org.chorus.api.admin.StaffRole;
import org.chorus.api.web.PluginResponse;
import org.chorus.kit.Json;
import org.pf4j.Extension;

/**
 * The petitions' staff pages, under {@code /admin/extensions/petitions/}:
 *
 * <pre>
 * GET  ""                                        petitions this plugin has served, with their counts
 * GET  open?campaign=…&amp;action=…                  → the petition's page
 * GET  p/{campaign}/{action}                     counts by day and by source code, targets, latest signatures
 * GET  p/{campaign}/{action}/signatures.csv      every signature (organizer)
 * GET  p/{campaign}/{action}/targets/{key}.pdf   the printable petition for one target (organizer)
 * POST p/{campaign}/{action}/targets/{key}/send  a summary e-mail to the target through the outbox (audited)
 * POST p/{campaign}/{action}/comments/{id}/hide  hide a comment from the public page (audited); …/unhide
 * </pre>
 *
 * The host has checked the session, the role (viewer to read, organizer to change) and the CSRF token; downloads
 * of personal data additionally need an organizer.
 */
@Extension
public class PetitionAdmin implements AdminRoutes {

    static final String BASE = "/admin/extensions/petitions";
    private static final Pattern PETITION = Pattern.compile("p/([a-z0-9][a-z0-9-]{0,79})/([A-Za-z0-9][A-Za-z0-9_-]{0,79})(/.*)?");
    private static final Pattern PDF = Pattern.compile("/targets/([td][0-9]{1,18})\\.pdf");
    private static final Pattern SEND = Pattern.compile("/targets/([td][0-9]{1,18})/send");
    private static final Pattern COMMENT = Pattern.compile("/comments/([0-9]{1,18})/(hide|unhide)");
    static final String SENT = "deliveries";
    static final int LISTED = 100;

    private final PluginContext context;
    private final Petitions petitions;

    public PetitionAdmin(PluginContext context) {
        this.context = context;
        this.petitions = Petitions.of(context);
    }

    @Override
    public List<AdminLink> links() {
        return List.of(new AdminLink("Petitions", "", StaffRole.VIEWER));
    }

    /** A petition staff opened: always its id and names; its settings while its campaign is public. */
    record Opened(long id, String campaign, String action, String title, Optional<ActionView> view) {

        PetitionSettings settings() {
            return PetitionSettings.of(view.map(ActionView::settings).orElse(new ActionSettings(Map.of())));
        }

        String path() {
            return BASE + "/p/" + campaign + "/" + action;
        }
    }

    @Override
    public PluginResponse handle(AdminRequest request) {
        String path = request.path();
        if (path.isEmpty()) {
            return "GET".equals(request.method()) ? index() : null;
        }
        if ("open".equals(path) && "GET".equals(request.method())) {
            String campaign = request.param("campaign");
            String action = request.param("action");
            if (campaign == null || action == null || open(campaign.trim(), action.trim()).isEmpty()) {
                return message(404, "No such petition", "There is no petition '" + action + "' on a campaign '" + campaign
                        + "' (only petitions of public campaigns, or ones that were shown before, can be opened).");
            }
            return PluginResponse.redirect(BASE + "/p/" + campaign.trim() + "/" + action.trim());
        }
        Matcher m = PETITION.matcher(path);
        if (!m.matches()) {
            return null;
        }
        Optional<Opened> found = open(m.group(1), m.group(2));
        if (found.isEmpty()) {
            return null;
        }
        Opened p = found.get();
        String rest = m.group(3) == null ? "" : m.group(3);
        boolean get = "GET".equals(request.method());
        if (rest.isEmpty() && get) {
            return petition(p, request);
        }
        if (rest.equals("/signatures.csv") && get) {
            if (!request.staff().has(StaffRole.ORGANIZER)) {
                return forbidden();
            }
            return csv(p);
        }
        Matcher pdf = PDF.matcher(rest);
        if (pdf.matches() && get) {
            if (!request.staff().has(StaffRole.ORGANIZER)) {
                return forbidden();
            }
            return PetitionTarget.find(targets(p), pdf.group(1)).map(t -> pdf(p, t)).orElse(null);
        }
        Matcher send = SEND.matcher(rest);
        if (send.matches() && !get) {
            return PetitionTarget.find(targets(p), send.group(1)).map(t -> send(p, t, request)).orElse(null);
        }
        Matcher comment = COMMENT.matcher(rest);
        if (comment.matches() && !get) {
            long id = Long.parseLong(comment.group(1));
            boolean hide = comment.group(2).equals("hide");
            if (petitions.setHidden(p.id(), id, hide, request.staff().email())) {
                context.auditLog().record(request.staff(), hide ? "petitions.comment.hide" : "petitions.comment.unhide",
                        p.campaign() + "/" + p.action() + "/signature " + id, "{\"hidden\":" + !hide + "}",
                        "{\"hidden\":" + hide + "}");
            }
            return PluginResponse.redirect(p.path() + "?done=" + (hide ? "hidden" : "shown") + "#signature-" + id);
        }
        return null;
    }

    /**
     * A petition by campaign and action: one this plugin has shown (the form and the JSON remember them), or a public
     * campaign's action that reads as a petition. The view (settings) comes from the host while the campaign is
     * public. Opening another plugin's action could show nothing anyway: the ledger answers only for petitions.
     */
    Optional<Opened> open(String campaign, String action) {
        Optional<ActionView> view = context.campaignActions().find(campaign, action, Locale.ENGLISH);
        Optional<Petitions.Known> known = petitions.known(campaign, action);
        if (known.isPresent()) {
            Petitions.Known k = known.get();
            return Optional.of(new Opened(k.campaignActionId(), campaign, action,
                    view.map(v -> v.campaign().title()).orElse(k.title()), view));
        }
        return view.filter(PetitionAdmin::looksLikePetition).map(v -> new Opened(v.campaignActionId(), campaign, action,
                v.campaign().title(), Optional.of(v)));
    }

    /** A petition nobody has viewed yet: settings that are a petition's (its text, and nothing the schema refuses). */
    private static boolean looksLikePetition(ActionView v) {
        return v.settings().values().containsKey("text") && PetitionSettings.schema().validate(v.settings().values()).isEmpty();
    }

    private PluginResponse index() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Petitions.Known k : petitions.known()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("campaign", k.campaign());
            row.put("action", k.action());
            row.put("title", k.title());
            row.put("count", context.actions().count(k.campaignActionId()));
            row.put("href", BASE + "/p/" + k.campaign() + "/" + k.action());
            rows.add(row);
        }
        return PluginResponse.page("Petitions", new Fragment("admin-index.ftlh", Map.of("petitions", rows)));
    }

    private PluginResponse petition(Opened p, AdminRequest request) {
        PetitionSettings s = p.settings();
        Set<Long> hidden = petitions.hiddenComments(p.id());
        Map<LocalDate, long[]> byDay = new TreeMap<>();
        Map<String, Long> bySource = new TreeMap<>();
        long[] totals = new long[3]; // signatures, comments, anonymous
        context.actions().forEach(p.id(), r -> {
            Signature sig = Signature.of(r);
            byDay.computeIfAbsent(LocalDate.ofInstant(sig.signedAt(), ZoneOffset.UTC), d -> new long[1])[0]++;
            bySource.merge(sig.sourceCode() == null || sig.sourceCode().isBlank() ? "(none)" : sig.sourceCode(), 1L, Long::sum);
            totals[0]++;
            totals[1] += sig.comment().isBlank() ? 0 : 1;
            totals[2] += sig.anonymous() ? 1 : 0;
        });
        List<Map<String, Object>> days = new ArrayList<>();
        long running = 0;
        for (Map.Entry<LocalDate, long[]> e : byDay.entrySet()) {
            running += e.getValue()[0];
            days.add(Map.of("day", e.getKey().toString(), "count", e.getValue()[0], "total", running));
        }
        List<Map<String, Object>> sources = new ArrayList<>();
        bySource.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sources.add(Map.of("source", e.getKey(), "count", e.getValue())));
        List<Map<String, Object>> signatures = new ArrayList<>();
        for (var r : context.actions().latest(p.id(), LISTED)) {
            Signature sig = Signature.of(r);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", sig.id());
            row.put("signedAt", sig.signedAt().toString().replace('T', ' ').replaceAll("\\.\\d+", "").replace("Z", " UTC"));
            row.put("name", sig.deleted() ? "(deleted on request)" : sig.fullName());
            row.put("town", sig.town());
            row.put("anonymous", sig.anonymous());
            row.put("source", sig.sourceCode() == null ? "" : sig.sourceCode());
            row.put("comment", sig.deleted() ? "" : sig.comment());
            row.put("hidden", hidden.contains(sig.id()));
            signatures.add(row);
        }
        List<Map<String, Object>> targets = new ArrayList<>();
        for (PetitionTarget t : targets(p)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", t.key());
            row.put("name", t.name());
            row.put("district", t.divisionName() == null ? "" : t.divisionName());
            row.put("email", t.hasEmail() ? t.email() : "");
            row.put("lastSent", lastSent(p, t));
            targets.add(row);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("campaign", p.campaign());
        model.put("action", p.action());
        model.put("title", p.title());
        model.put("path", p.path());
        model.put("public", p.view().isPresent());
        model.put("count", totals[0]);
        model.put("goal", Goal.of(totals[0], s.goal()));
        model.put("goalSetByStaff", s.goal() > totals[0]);
        model.put("comments", totals[1]);
        model.put("anonymous", totals[2]);
        model.put("closed", s.closed());
        model.put("days", days);
        model.put("sources", sources);
        model.put("signatures", signatures);
        model.put("listed", LISTED);
        model.put("targets", targets);
        model.put("organizer", request.staff().has(StaffRole.ORGANIZER));
        String done = request.param("done");
        model.put("done", done == null ? "" : switch (done) {
            case "hidden" -> "The comment is hidden from the public page.";
            case "shown" -> "The comment is shown on the public page again.";
            case "sent" -> "The summary is queued in the mail outbox.";
            default -> "";
        });
        return PluginResponse.page("Petition: " + p.title(), new Fragment("admin-petition.ftlh", model));
    }

    private List<PetitionTarget> targets(Opened p) {
        return PetitionTarget.all(p.settings(), context.targets());
    }

    private PluginResponse csv(Opened p) {
        SignatureCsv csv = new SignatureCsv(petitions.hiddenComments(p.id()));
        context.actions().forEach(p.id(), r -> csv.add(Signature.of(r)));
        return new PluginResponse.Raw(200, "text/csv; charset=UTF-8", csv.bytes(),
                Map.of("Content-Disposition", "attachment; filename=\"" + p.campaign() + "-" + p.action() + "-signatures.csv\""));
    }

    Delivery delivery(Opened p, PetitionTarget t) {
        List<Signature> all = new ArrayList<>();
        context.actions().forEach(p.id(), r -> all.add(Signature.of(r)));
        PetitionSettings s = p.settings();
        String organization = p.view().map(v -> v.campaign().organizationName()).filter(o -> o != null && !o.isBlank())
                .orElse(p.title());
        return Delivery.of(p.title(), Markdown.toText(s.text()), organization, t, context.clock().instant(), all,
                petitions.hiddenComments(p.id()), new Constituency(context.targetFinder()));
    }

    private PluginResponse pdf(Opened p, PetitionTarget t) {
        byte[] bytes = SignaturePdf.render(delivery(p, t), extraFonts());
        return new PluginResponse.Raw(200, "application/pdf", bytes, Map.of("Content-Disposition",
                "attachment; filename=\"" + p.campaign() + "-" + p.action() + "-" + t.key() + ".pdf\""));
    }

    /** {@code chorus.plugin.petitions.pdf.fonts}: TrueType files for characters Liberation Sans lacks. */
    private List<Path> extraFonts() {
        return context.settings().get("pdf.fonts").map(v -> Arrays.stream(v.split(","))
                .map(String::trim).filter(x -> !x.isEmpty()).map(Path::of).toList()).orElse(List.of());
    }

    private PluginResponse send(Opened p, PetitionTarget t, AdminRequest request) {
        if (!t.hasEmail()) {
            return message(400, "No e-mail address", t.name() + " has no e-mail address: print the PDF instead.");
        }
        Delivery d = delivery(p, t);
        long id = context.outbox().enqueue(new OutboundEmail(t.email(), t.name(), d.organization(), request.staff().email(),
                d.subject(), d.summary(), t.targetId(), null));
        String after = "{\"to\":" + Petitions.quote(t.email()) + ",\"signatures\":" + d.total() + ",\"constituents\":"
                + d.constituents() + ",\"outboxId\":" + id + "}";
        context.auditLog().record(request.staff(), "petitions.delivery.email", p.campaign() + "/" + p.action() + "/" + t.key(),
                null, after);
        context.documents().put(SENT, p.id() + "/" + t.key(), "{\"at\":" + Petitions.quote(context.clock().instant().toString())
                + ",\"by\":" + Petitions.quote(request.staff().email()) + ",\"signatures\":" + d.total() + "}");
        return PluginResponse.redirect(p.path() + "?done=sent");
    }

    private String lastSent(Opened p, PetitionTarget t) {
        try {
            Optional<String> json = context.documents().get(SENT, p.id() + "/" + t.key());
            if (json.isPresent() && Json.read(new ByteArrayInputStream(json.get().getBytes(StandardCharsets.UTF_8)))
                    instanceof Map<?, ?> m) {
                Object n = m.get("signatures");
                return m.get("at") + " by " + m.get("by") + " (" + (n instanceof Number x ? x.longValue() : n) + " signatures)";
            }
        } catch (IOException | RuntimeException e) {
            context.logger().warning("unreadable delivery note for " + t.key() + ": " + e);
        }
        return "";
    }

    private static PluginResponse forbidden() {
        return message(403, "Not allowed", "Exports of signers' personal data need the organizer role.");
    }

    private static PluginResponse message(int status, String title, String text) {
        return new PluginResponse.Page(status, title, new Fragment("admin-message.ftlh", Map.of("heading", title,
                "text", text, "back", BASE)), null);
    }
}
