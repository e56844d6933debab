package org.chorus.host.interfaces.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chorus.api.TargetInfo;
import org.chorus.api.action.TargetPreview;
import org.chorus.host.application.Platform;
import org.chorus.host.application.admin.CampaignAdmin;
import org.chorus.host.application.admin.CampaignAdmin.Invalid;
import org.chorus.host.application.admin.StaffSecurity;
import org.chorus.host.domain.staff.Role;
import org.chorus.host.infrastructure.plugins.PluginFailure;
import org.chorus.host.interfaces.web.Pages;

/**
 * A campaign's actions in the console: add one of an installed type, move it up or down, remove it (confirmed),
 * and edit its settings through the form generated from its type's settings schema ({@link SettingsForm}), with
 * the type's own check shown next to the fields and, for types that preview per target (letters), what each
 * chosen target would receive. All of it works without JavaScript.
 */
@Path("admin/campaigns/" + AdminCampaigns.SLUG + "/actions")
@Produces(MediaType.TEXT_HTML)
public class AdminCampaignActions {

    static final String KEY = "{key: [a-z0-9-]{1,80}}";

    @Inject
    Platform platform;
    @Inject
    Pages pages;
    @Context
    ContainerRequestContext request;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresRole(Role.ORGANIZER)
    public Response add(@PathParam("slug") String slug, @FormParam("type") String type, @FormParam("title") String title) {
        try {
            String key = admin().addAction(session().user(), slug, type, title);
            return AdminCampaigns.seeOther("/admin/campaigns/" + slug + "/actions/" + key + "?done=action-added");
        } catch (Invalid e) {
            CampaignAdmin.Editable c = admin().get(slug);
            Map<String, Object> m = new HashMap<>(AdminCampaigns.campaignModel(c, admin(), platform.config().baseUrl()));
            m.put("types", admin().actionTypes().stream().map(t -> Map.of("id", t.typeId(), "name", t.name())).toList());
            m.put("canEdit", true);
            m.put("notice", "");
            m.put("addErrors", e.errors());
            m.put("addValues", Map.of("type", AdminCampaigns.nz(type), "title", AdminCampaigns.nz(title)));
            return page(400, "admin-campaign.ftlh", c.title(), m);
        }
    }

    @POST
    @Path(KEY + "/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresRole(Role.ORGANIZER)
    public Response move(@PathParam("slug") String slug, @PathParam("key") String key, @FormParam("direction") String direction) {
        try {
            admin().moveAction(session().user(), slug, key, "up".equals(direction) ? -1 : "down".equals(direction) ? 1 : 0);
        } catch (Invalid e) {
            return AdminCampaigns.seeOther("/admin/campaigns/" + slug + "?done=conflict#actions");
        }
        return AdminCampaigns.seeOther("/admin/campaigns/" + slug + "?done=action-moved#actions");
    }

    @GET
    @Path(KEY + "/remove")
    @RequiresRole(Role.ORGANIZER)
    public Response confirmRemove(@PathParam("slug") String slug, @PathParam("key") String key) {
        return removePage(200, slug, key, "");
    }

    @POST
    @Path(KEY + "/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresRole(Role.ORGANIZER)
    public Response remove(@PathParam("slug") String slug, @PathParam("key") String key) {
        try {
            admin().removeAction(session().user(), slug, key);
        } catch (Invalid e) {
            return removePage(409, slug, key, e.errors().values().iterator().next());
        }
        return AdminCampaigns.seeOther("/admin/campaigns/" + slug + "?done=action-removed#actions");
    }

    private Response removePage(int status, String slug, String key, String error) {
        CampaignAdmin.Editable c = admin().get(slug);
        CampaignAdmin.ActionRow a = row(c, key);
        Map<String, Object> m = new HashMap<>(AdminCampaigns.campaignModel(c, admin(), platform.config().baseUrl()));
        m.put("action", Map.of("key", a.key(), "title", a.title() == null ? a.key() : a.title(), "records", a.records()));
        m.put("error", error);
        return page(status, "admin-campaign-action-remove.ftlh", "Remove an action", m);
    }

    // ---- settings ---------------------------------------------------------------------------------------------

    @GET
    @Path(KEY)
    @RequiresRole(Role.ORGANIZER)
    public Response settings(@PathParam("slug") String slug, @PathParam("key") String key,
                             @jakarta.ws.rs.QueryParam("done") String done) {
        CampaignAdmin.ActionForm form;
        try {
            form = admin().actionForm(slug, key);
        } catch (Invalid e) {
            return AdminCampaigns.seeOther("/admin/campaigns/" + slug + "?done=type-missing");
        }
        Map<String, Object> m = settingsModel(slug, form, form.action().title(), form.action().settings(), new LinkedHashMap<>(),
                List.of(), null);
        m.put("notice", AdminCampaigns.notice(done));
        return page(200, "admin-campaign-action.ftlh", "Settings of " + titleOf(form), m);
    }

    /**
     * {@code _op}: {@code save} (the default button), {@code preview} (what chosen targets would receive, nothing
     * saved), {@code add:<group>} / {@code remove:<entry>} (one more or one less entry in a repeatable group, the form
     * shown again unsaved).
     */
    @POST
    @Path(KEY)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresRole(Role.ORGANIZER)
    public Response saveSettings(@PathParam("slug") String slug, @PathParam("key") String key, MultivaluedMap<String, String> form) {
        CampaignAdmin.ActionForm af;
        try {
            af = admin().actionForm(slug, key);
        } catch (Invalid e) {
            return AdminCampaigns.seeOther("/admin/campaigns/" + slug + "?done=type-missing"); // its plugin went away meanwhile
        }
        Map<String, Object> settings = SettingsForm.read(af.schema(), copy(form), af.action().settings());
        String title = form.getFirst("actionTitle");
        String op = form.getFirst("_op") == null ? "save" : form.getFirst("_op");
        List<Long> targets = targetIds(form.get("targets"));
        if (op.startsWith("add:") || op.startsWith("remove:")) {
            SettingsForm.apply(op, af.schema(), settings);
            Map<String, Object> m = settingsModel(slug, af, title, settings, new LinkedHashMap<>(), targets, null);
            m.put("notice", "Not saved yet: save when you are done.");
            m.put("focus", op);
            return page(200, "admin-campaign-action.ftlh", "Settings of " + titleOf(af), m);
        }
        if ("preview".equals(op)) {
            Map<String, String> problems = admin().settingsProblems(af.action().type(), settings);
            List<TargetPreview> previews = List.of();
            String previewError = "";
            if (!problems.isEmpty()) {
                previewError = "Fix the settings first: the preview needs settings the action type accepts.";
            } else if (targets.isEmpty()) {
                previewError = "Choose one or more legislators to preview the letter for.";
            } else {
                try {
                    previews = admin().previewForTargets(slug, key, settings, targets);
                } catch (PluginFailure e) {
                    previewError = "The action type could not make the preview. The plugin's log says why.";
                }
            }
            Map<String, Object> m = settingsModel(slug, af, title, settings, problems, targets, previews);
            m.put("previewError", previewError);
            m.put("notice", "Preview only: nothing is saved yet.");
            return page(problems.isEmpty() ? 200 : 400, "admin-campaign-action.ftlh", "Settings of " + titleOf(af), m);
        }
        try {
            admin().saveAction(session().user(), slug, key, title, settings);
        } catch (Invalid e) {
            return page(400, "admin-campaign-action.ftlh", "Settings of " + titleOf(af),
                    settingsModel(slug, af, title, settings, new LinkedHashMap<>(e.errors()), targets, null));
        }
        return AdminCampaigns.seeOther("/admin/campaigns/" + slug + "/actions/" + key + "?done=action-saved");
    }

    private Map<String, Object> settingsModel(String slug, CampaignAdmin.ActionForm af, String title, Map<String, Object> settings,
                                              Map<String, String> errors, List<Long> chosen, List<TargetPreview> previews) {
        CampaignAdmin.Editable c = admin().get(slug);
        Map<String, Object> m = new HashMap<>(AdminCampaigns.campaignModel(c, admin(), platform.config().baseUrl()));
        Map<String, String> remaining = new LinkedHashMap<>(errors);
        String titleError = remaining.remove("actionTitle");
        List<Map<String, Object>> fields = SettingsForm.fields(af.schema(), settings, remaining, af.messages()::find);
        List<String> summary = new ArrayList<>();
        remaining.forEach((path, message) -> summary.add(path.isEmpty() ? message : path + ": " + message));
        m.put("action", Map.of("key", af.action().key(), "type", af.action().type(), "typeName", af.action().typeName(),
                "title", AdminCampaigns.nz(title), "records", af.action().records()));
        m.put("titleError", titleError == null ? "" : titleError);
        m.put("fields", fields);
        m.put("fieldErrors", SettingsForm.errorLinks(fields));
        m.put("formErrors", summary);
        m.put("hasErrors", !errors.isEmpty());
        m.put("mergeFields", af.mergeFields().stream().map(f -> "{{" + f + "}}").toList());
        m.put("previewsForTargets", af.previewsForTargets());
        m.put("focus", "");
        m.put("previewError", "");
        if (af.previewsForTargets()) {
            Set<Long> picked = new LinkedHashSet<>(chosen);
            Map<String, List<Map<String, Object>>> byChamber = new LinkedHashMap<>();
            for (TargetInfo t : admin().sittingTargets()) {
                byChamber.computeIfAbsent(chamberName(t.chamber()), k -> new ArrayList<>()).add(Map.of("id", String.valueOf(t.id()),
                        "label", t.name() + " (" + AdminCampaigns.nz(t.divisionName()) + (t.party() == null ? "" : ", " + t.party()) + ")",
                        "selected", picked.contains(t.id())));
            }
            m.put("targetGroups", byChamber.entrySet().stream().map(e -> Map.of("label", e.getKey(), "targets", e.getValue())).toList());
        } else {
            m.put("targetGroups", List.of());
        }
        List<Map<String, Object>> shown = new ArrayList<>();
        for (TargetPreview p : previews == null ? List.<TargetPreview>of() : previews) {
            shown.add(Map.of("to", AdminCampaigns.nz(p.target().title()) + " " + p.target().name(),
                    "district", AdminCampaigns.nz(p.target().divisionName()), "variant", p.variant(), "subject", p.subject(),
                    "body", p.body()));
        }
        m.put("previews", shown);
        m.put("previewed", previews != null);
        return m;
    }

    private static String chamberName(String chamber) {
        return "upper".equals(chamber) ? "Senate" : "lower".equals(chamber) ? "House" : chamber == null ? "Other" : chamber;
    }

    private static List<Long> targetIds(List<String> values) {
        List<Long> out = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            try {
                out.add(Long.parseLong(v.trim()));
            } catch (NumberFormatException e) {
                // not a target id: ignored (the picker only offers ids)
            }
        }
        return out;
    }

    private static Map<String, List<String>> copy(MultivaluedMap<String, String> form) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        form.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    private static CampaignAdmin.ActionRow row(CampaignAdmin.Editable c, String key) {
        return c.actions().stream().filter(a -> a.key().equals(key)).findFirst()
                .orElseThrow(() -> new org.chorus.host.application.CampaignService.NotFound("no action '" + key + "'"));
    }

    private static String titleOf(CampaignAdmin.ActionForm af) {
        return af.action().title() == null ? af.action().key() : af.action().title();
    }

    private CampaignAdmin admin() {
        return platform.campaignAdmin();
    }

    private StaffSecurity.Session session() {
        return (StaffSecurity.Session) request.getProperty(AdminFilter.SESSION);
    }

    private Response page(int status, String template, String title, Map<String, Object> model) {
        return AdminView.page(platform, pages, session(), status, template, title, AdminCampaigns.SECTION, model);
    }
}
