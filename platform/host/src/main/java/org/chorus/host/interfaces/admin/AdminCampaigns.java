package org.chorus.host.interfaces.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.host.application.CampaignImporter;
import org.chorus.host.application.CampaignSnapshot;
import org.chorus.host.application.Platform;
import org.chorus.host.application.admin.CampaignAdmin;
import org.chorus.host.application.admin.CampaignAdmin.Content;
import org.chorus.host.application.admin.CampaignAdmin.ContentForm;
import org.chorus.host.application.admin.CampaignAdmin.Editable;
import org.chorus.host.application.admin.CampaignAdmin.Invalid;
import org.chorus.host.application.admin.StaffSecurity;
import org.chorus.host.domain.campaign.CampaignStatus;
import org.chorus.host.domain.staff.Role;
import org.chorus.host.interfaces.web.CampaignPages;
import org.chorus.host.interfaces.web.Pages;

/**
 * Campaigns in the console: the list with search, new from a template, duplicate, the campaign's page, content
 * and settings with a preview in the campaign's own theme, confirmed status changes, export and import. Actions
 * are {@link AdminCampaignActions}. Reading needs a viewer; every change an organizer (and the CSRF token, which
 * {@link AdminFilter} checks); the service audits each change.
 */
@Path("admin/campaigns")
@Produces(MediaType.TEXT_HTML)
public class AdminCampaigns {

    static final String SLUG = "{slug: [a-z0-9-]{1,120}}";
    static final String SECTION = "/admin/campaigns";

    @Inject
    Platform platform;
    @Inject
    Pages pages;
    @Inject
    CampaignPages campaignPages;
    @Context
    ContainerRequestContext request;

    // ---- list, new, import -----------------------------------------------------------------------------------

    @GET
    @RequiresRole(Role.VIEWER)
    public Response list(@QueryParam("q") String q, @QueryParam("status") String status) {
        Map<String, Object> m = new HashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        String error = "";
        try {
            for (CampaignAdmin.Row r : admin().search(q, status)) {
                Map<String, Object> row = new HashMap<>();
                row.put("slug", r.slug());
                row.put("title", r.title());
                row.put("status", r.status());
                row.put("languages", String.join(", ", r.languages()));
                row.put("needsTranslation", r.needsTranslation());
                row.put("actions", r.actions());
                row.put("updated", r.updatedAt() == null ? "" : admin().local(r.updatedAt()).replace('T', ' '));
                rows.add(row);
            }
        } catch (Invalid e) {
            error = e.errors().values().iterator().next();
        }
        m.put("campaigns", rows);
        m.put("q", q == null ? "" : q);
        m.put("status", status == null ? "" : status);
        m.put("statuses", statuses());
        m.put("error", error);
        return page(error.isEmpty() ? 200 : 400, "admin-campaigns.ftlh", "Campaigns", m);
    }

    @GET
    @Path("new")
    @RequiresRole(Role.ORGANIZER)
    public Response newForm(@QueryParam("template") String template) {
        Map<String, Object> values = new HashMap<>();
        values.put("template", template == null ? "" : template);
        values.put("language", "en");
        values.put("theme", "default");
        return newPage(200, values, Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresRole(Role.ORGANIZER)
    public Response create(@FormParam("template") String template, @FormParam("slug") String slug,
                           @FormParam("title") String title, @FormParam("language") String language,
                           @FormParam("theme") String theme) {
        try {
            String created = admin().create(session().user(), new CampaignAdmin.NewCampaign(template, slug, title, language, theme));
            return seeOther("/admin/campaigns/" + created + "?done=created");
        } catch (Invalid e) {
            Map<String, Object> values = new HashMap<>();
            values.put("template", nz(template));
            values.put("slug", nz(slug));
            values.put("title", nz(title));
            values.put("language", nz(language));
            values.put("theme", nz(theme));
            return newPage(400, values, e.errors());
        }
    }

    private Response newPage(int status, Map<String, Object> values, Map<String, String> errors) {
        Map<String, Object> m = new HashMap<>();
        m.put("templates", admin().templates().stream().map(t -> Map.<String, Object>of("key", t.key(), "name", t.name(),
                "title", nz(t.title()), "summary", nz(t.summary()), "type", t.typeId())).toList());
        m.put("values", values);
        m.put("errors", errors);
        m.put("allLanguages", admin().languages());
        m.put("themes", admin().publicThemes());
        m.put("campaigns", admin().search(null, null).stream().map(r -> Map.of("slug", r.slug(), "title", r.title(),
                "status", r.status())).toList());
        return page(status, "admin-campaign-new.ftlh", "New campaign", m);
    }

    @GET
    @Path("import")
    @RequiresRole(Role.ORGANIZER)
    public Response importForm() {
        return importPage(200, "", false, Map.of());
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresRole(Role.ORGANIZER)
    public Response importFile(@FormParam("yaml") String yaml, @FormParam("replace") String replace) {
        try {
            CampaignImporter.FileOutcome o = admin().importYaml(session().user(), yaml, replace != null);
            return seeOther("/admin/campaigns/" + o.slug() + "?done=" + (o.result() == CampaignImporter.Result.CREATED ? "imported" : "replaced"));
        } catch (Invalid e) {
            return importPage(400, nz(yaml), replace != null, e.errors());
        }
    }

    /** The same from the page's form with a file chosen (no script needed): the file wins over the text box. */
    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RequiresRole(Role.ORGANIZER)
    public Response importUpload(byte[] body) {
        MultipartForm form;
        try {
            form = MultipartForm.parse(body, MultipartForm.boundary(request.getHeaderString("Content-Type"))
                    .orElseThrow(() -> new IllegalArgumentException("the upload has no multipart boundary")));
        } catch (IllegalArgumentException e) {
            return importPage(400, "", false, Map.of("file", "The upload could not be read (" + e.getMessage() + "); try again."));
        }
        var file = form.files().get("file");
        String yaml = file != null && file.content().length > 0 ? new String(file.content(), java.nio.charset.StandardCharsets.UTF_8)
                : first(form.fields().get("yaml"));
        return importFile(yaml, first(form.fields().get("replace")));
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private Response importPage(int status, String yaml, boolean replace, Map<String, String> errors) {
        Map<String, Object> m = new HashMap<>();
        m.put("yaml", yaml);
        m.put("replace", replace);
        m.put("errors", errors);
        return page(status, "admin-campaign-import.ftlh", "Import a campaign", m);
    }

    // ---- one campaign ------------------------------------------------------------------------------------------

    @GET
    @Path(SLUG)
    @RequiresRole(Role.VIEWER)
    public Response campaign(@PathParam("slug") String slug, @QueryParam("done") String done) {
        Editable c = admin().get(slug);
        Map<String, Object> m = new HashMap<>(campaignModel(c));
        m.put("notice", notice(done));
        m.put("types", admin().actionTypes().stream().map(t -> Map.of("id", t.typeId(), "name", t.name())).toList());
        m.put("canEdit", session().user().role().includes(Role.ORGANIZER));
        return page(200, "admin-campaign.ftlh", c.title(), m);
    }

    @GET
    @Path(SLUG + "/duplicate")
    @RequiresRole(Role.ORGANIZER)
    public Response duplicateForm(@PathParam("slug") String slug) {
        Editable c = admin().get(slug);
        return duplicatePage(200, c, Map.of("slug", c.slug() + "-copy", "title", "", "language", ""), Map.of());
    }

    @POST
    @Path(SLUG + "/duplicate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresRole(Role.ORGANIZER)
    public Response duplicate(@PathParam("slug") String slug, @FormParam("slug") String newSlug,
                              @FormParam("title") String title, @FormParam("language") String language) {
        Editable c = admin().get(slug);
        try {
            String created = admin().duplicate(session().user(), slug, new CampaignAdmin.Duplicate(newSlug, title, language));
            return seeOther("/admin/campaigns/" + created + "?done=duplicated");
        } catch (Invalid e) {
            return duplicatePage(400, c, Map.of("slug", nz(newSlug), "title", nz(title), "language", nz(language)), e.errors());
        }
    }

    private Response duplicatePage(int status, Editable c, Map<String, Object> values, Map<String, String> errors) {
        Map<String, Object> m = new HashMap<>(campaignModel(c));
        m.put("values", values);
        m.put("errors", errors);
        m.put("allLanguages", admin().languages());
        return page(status, "admin-campaign-duplicate.ftlh", "Duplicate " + c.title(), m);
    }

    // ---- content and settings ---------------------------------------------------------------------------------

    @GET
    @Path(SLUG + "/edit")
    @RequiresRole(Role.ORGANIZER)
    public Response editForm(@PathParam("slug") String slug, @QueryParam("lang") String lang, @QueryParam("done") String done) {
        Editable c = admin().get(slug);
        String l = lang != null && c.languages().contains(lang) ? lang : c.defaultLanguage();
        Content t = c.content().get(l);
        ContentForm form = new ContentForm(c.slug(), c.theme(), c.organization(), c.languages(), admin().local(c.startsAt()),
                admin().local(c.endsAt()), c.shareImage(), l, t);
        Map<String, Object> m = editModel(c, form, Map.of());
        m.put("notice", notice(done));
        return page(200, "admin-campaign-edit.ftlh", "Edit " + c.title(), m);
    }

    /** Save (303 back to the form, or 400 with the errors next to the fields) or, without JavaScript, Preview. */
    @POST
    @Path(SLUG + "/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresRole(Role.ORGANIZER)
    public Response edit(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        Editable c = admin().get(slug);
        ContentForm f = contentForm(form);
        if ("preview".equals(form.getFirst("_op"))) {
            Map<String, Object> m = editModel(c, f, Map.of());
            m.put("notice", "Preview only: nothing is saved yet.");
            return page(200, "admin-campaign-edit.ftlh", "Edit " + c.title(), m);
        }
        try {
            String after = admin().updateContent(session().user(), slug, f);
            return seeOther(UriBuilder.fromPath("/admin/campaigns/{slug}/edit").queryParam("lang", f.lang())
                    .queryParam("done", "saved").build(after).toString());
        } catch (Invalid e) {
            return page(400, "admin-campaign-edit.ftlh", "Edit " + c.title(), editModel(c, f, e.errors()));
        }
    }

    /** The preview document alone, for the edit page's script to refresh the preview as staff type. */
    @POST
    @Path(SLUG + "/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresRole(Role.ORGANIZER)
    public Response preview(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        ContentForm f = contentForm(form);
        return AdminAuth.noStore(Response.ok(previewHtml(slug, f), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build());
    }

    /**
     * The campaign page for the preview frame, without its scripts: the frame is sandboxed without scripts anyway
     * (the page is for looking at), and leaving them out spares the browser console a "blocked script" error each.
     */
    private String previewHtml(String slug, ContentForm f) {
        CampaignSnapshot s = admin().preview(slug, f);
        String html = campaignPages.previewHtml(s, Locale.forLanguageTag(s.languages().contains(f.lang()) ? f.lang() : s.defaultLanguage()));
        return SCRIPT.matcher(html).replaceAll("");
    }

    private static final java.util.regex.Pattern SCRIPT = java.util.regex.Pattern.compile("(?is)<script\\b[^>]*>.*?</script\\s*>");

    private Map<String, Object> editModel(Editable c, ContentForm f, Map<String, String> errors) {
        Map<String, Object> m = new HashMap<>(campaignModel(c));
        Map<String, Object> v = new HashMap<>();
        v.put("slug", nz(f.slug()));
        v.put("theme", nz(f.theme()));
        v.put("organization", nz(f.organization()));
        v.put("languages", f.languages() == null ? List.of() : f.languages());
        v.put("startsAt", nz(f.startsAt()));
        v.put("endsAt", nz(f.endsAt()));
        v.put("shareImage", nz(f.shareImage()));
        v.put("title", nz(f.content().title()));
        v.put("summary", nz(f.content().summary()));
        v.put("body", nz(f.content().body()));
        v.put("shareTitle", nz(f.content().shareTitle()));
        v.put("shareDescription", nz(f.content().shareDescription()));
        v.put("needsReview", f.content().needsReview());
        m.put("values", v);
        m.put("textLang", f.lang());
        m.put("isDefaultLanguage", f.lang().equals(c.defaultLanguage()));
        m.put("errors", errors);
        m.put("allLanguages", admin().languages());
        m.put("themes", admin().publicThemes());
        m.put("zone", admin().zone().getId());
        m.put("canRename", "draft".equals(c.status()));
        try {
            m.put("previewHtml", previewHtml(c.slug(), f));
        } catch (org.chorus.host.infrastructure.themes.ThemeRenderException e) {
            m.put("previewHtml", "");
        }
        m.put("notice", "");
        return m;
    }

    private static ContentForm contentForm(MultivaluedMap<String, String> form) {
        List<String> languages = form.get("languages");
        return new ContentForm(form.getFirst("slug"), form.getFirst("theme"), form.getFirst("organization"),
                languages == null ? List.of() : List.copyOf(languages), form.getFirst("startsAt"), form.getFirst("endsAt"),
                form.getFirst("shareImage"), nz(form.getFirst("lang")),
                new Content(form.getFirst("title"), form.getFirst("summary"), form.getFirst("body"), form.getFirst("shareTitle"),
                        form.getFirst("shareDescription"), form.getFirst("needsReview") != null));
    }

    // ---- status -----------------------------------------------------------------------------------------------

    /** The confirmation step of a status change: what it means, what blocks it, what to be aware of. */
    @GET
    @Path(SLUG + "/status")
    @RequiresRole(Role.ORGANIZER)
    public Response confirmStatus(@PathParam("slug") String slug, @QueryParam("to") String to) {
        Editable c = admin().get(slug);
        return status(to).map(target -> statusPage(200, c, target, List.of())).orElseGet(() -> seeOther("/admin/campaigns/" + slug));
    }

    @POST
    @Path(SLUG + "/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresRole(Role.ORGANIZER)
    public Response changeStatus(@PathParam("slug") String slug, @FormParam("to") String to) {
        Editable c = admin().get(slug);
        CampaignStatus target = status(to).orElse(null);
        if (target == null) {
            return statusPage(400, c, CampaignStatus.parse(c.status()), List.of("Choose one of " + c.nextStatuses() + "."));
        }
        try {
            admin().changeStatus(session().user(), slug, target);
        } catch (Invalid e) {
            return statusPage(409, admin().get(slug), target, List.copyOf(e.errors().values()));
        }
        return seeOther("/admin/campaigns/" + slug + "?done=" + target.name().toLowerCase(Locale.ROOT));
    }

    private static java.util.Optional<CampaignStatus> status(String to) {
        try {
            return java.util.Optional.of(CampaignStatus.parse(nz(to)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private Response statusPage(int status, Editable c, CampaignStatus target, List<String> errors) {
        Map<String, Object> m = new HashMap<>(campaignModel(c));
        String t = target.name().toLowerCase(Locale.ROOT);
        m.put("to", t);
        m.put("verb", VERBS.getOrDefault(t, t));
        m.put("meaning", MEANINGS.getOrDefault(t, ""));
        m.put("blockers", admin().blockers(c.slug(), target));
        m.put("warnings", admin().warnings(c.slug(), target));
        m.put("errors", errors);
        return page(status, "admin-campaign-status.ftlh", VERBS.getOrDefault(t, t) + " " + c.title() + "?", m);
    }

    static final Map<String, String> VERBS = Map.of("published", "Publish", "closed", "Close", "victory", "Declare victory for",
            "archived", "Archive", "draft", "Move back to draft");
    static final Map<String, String> MEANINGS = Map.of(
            "published", "The campaign page becomes public and supporters can take its actions (between its start and end, if set).",
            "closed", "The page stays public with a \u201cthis campaign is closed\u201d note; supporters can no longer take its actions.",
            "victory", "The page stays public and celebrates the win; supporters can no longer take its actions.",
            "archived", "The page is no longer public. Its records stay for reports.",
            "draft", "The page is no longer public; staff can change its address again.");

    // ---- campaign files ---------------------------------------------------------------------------------------

    @GET
    @Path(SLUG + "/export")
    @Produces("application/yaml")
    @RequiresRole(Role.ORGANIZER)
    public Response export(@PathParam("slug") String slug) {
        String yaml = admin().exportYaml(slug);
        return AdminAuth.noStore(Response.ok(yaml, MediaType.valueOf("application/yaml; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + slug + ".yaml\"").build());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** What every page about one campaign shows in its header. */
    Map<String, Object> campaignModel(Editable c) {
        return campaignModel(c, admin(), platform.config().baseUrl());
    }

    static Map<String, Object> campaignModel(Editable c, CampaignAdmin admin, String baseUrl) {
        Map<String, Object> campaign = new HashMap<>();
        campaign.put("slug", c.slug());
        campaign.put("title", c.title());
        campaign.put("status", c.status());
        campaign.put("next", c.nextStatuses().stream().map(s -> Map.of("to", s, "label", VERBS.getOrDefault(s, s))).toList());
        campaign.put("theme", c.theme());
        campaign.put("organization", nz(c.organization()));
        campaign.put("defaultLanguage", c.defaultLanguage());
        campaign.put("languages", c.languages());
        campaign.put("startsAt", admin.local(c.startsAt()).replace('T', ' '));
        campaign.put("endsAt", admin.local(c.endsAt()).replace('T', ' '));
        campaign.put("zone", admin.zone().getId());
        campaign.put("shareImage", nz(c.shareImage()));
        campaign.put("needsTranslation", c.needsTranslation());
        campaign.put("isPublic", List.of("published", "closed", "victory").contains(c.status()));
        campaign.put("publicUrl", baseUrl + "/campaigns/" + c.slug());
        campaign.put("sourceFile", nz(c.sourceFile()));
        List<Map<String, Object>> texts = new ArrayList<>();
        c.content().forEach((lang, t) -> texts.add(Map.of("lang", lang, "title", nz(t.title()), "needsReview", t.needsReview(),
                "hasText", t.title() != null || t.body() != null)));
        campaign.put("texts", texts);
        List<Map<String, Object>> actions = new ArrayList<>();
        for (int i = 0; i < c.actions().size(); i++) {
            CampaignAdmin.ActionRow a = c.actions().get(i);
            Map<String, Object> row = new HashMap<>();
            row.put("key", a.key());
            row.put("type", a.type());
            row.put("typeName", a.typeName());
            row.put("title", a.title() == null ? a.key() : a.title());
            row.put("installed", a.installed());
            row.put("records", a.records());
            row.put("first", i == 0);
            row.put("last", i == c.actions().size() - 1);
            actions.add(row);
        }
        campaign.put("actions", actions);
        return Map.of("campaign", campaign);
    }

    private static List<String> statuses() {
        return java.util.Arrays.stream(CampaignStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList();
    }

    static String notice(String done) {
        if (done == null) {
            return "";
        }
        return switch (done) {
            case "created" -> "The campaign is created as a draft. Write its text, set up its action, then publish it.";
            case "duplicated" -> "The copy is created as a draft.";
            case "imported" -> "The campaign file is imported as a new draft.";
            case "replaced" -> "The campaign is replaced by the file's text, settings and actions; its status is unchanged.";
            case "saved" -> "Saved. The public page shows the change now.";
            case "published" -> "The campaign is published.";
            case "closed" -> "The campaign is closed.";
            case "victory" -> "Victory! The campaign page now celebrates the win.";
            case "archived" -> "The campaign is archived.";
            case "draft" -> "The campaign is a draft again.";
            case "action-added" -> "The action is added. Check its settings before you publish.";
            case "action-saved" -> "The action's settings are saved.";
            case "action-removed" -> "The action is removed.";
            case "action-moved" -> "The order is changed.";
            case "conflict" -> "Someone else changed this campaign at the same moment, so nothing was saved. Try again.";
            case "type-missing" -> "That action's type is not installed, so its settings cannot be edited here. "
                    + "Install its plugin, or remove the action.";
            default -> "";
        };
    }

    private CampaignAdmin admin() {
        return platform.campaignAdmin();
    }

    private StaffSecurity.Session session() {
        return (StaffSecurity.Session) request.getProperty(AdminFilter.SESSION);
    }

    private Response page(int status, String template, String title, Map<String, Object> model) {
        return AdminView.page(platform, pages, session(), status, template, title, SECTION, model);
    }

    static Response seeOther(String location) {
        return Response.seeOther(UriBuilder.fromUri(location).build()).header("Cache-Control", "no-store").build();
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
