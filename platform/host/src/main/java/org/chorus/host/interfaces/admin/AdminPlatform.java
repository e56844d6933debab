package org.chorus.host.interfaces.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chorus.host.application.CampaignSnapshot;
import org.chorus.host.application.Platform;
import org.chorus.host.domain.staff.Role;
import org.chorus.host.infrastructure.plugins.PluginStatus;
import org.chorus.host.infrastructure.themes.Theme;
import org.chorus.host.interfaces.web.CampaignPages;
import org.chorus.host.interfaces.web.Pages;

/**
 * The platform's parts: plugins (what each is and provides, switched off at once or on at the next start; code is
 * never uploaded here: plugins are jars an operator puts in the plugins folder) and themes (their inheritance, and
 * a preview of any campaign in any public theme, which changes nothing).
 */
@Path("admin")
@Produces(MediaType.TEXT_HTML)
public class AdminPlatform {

    @Inject
    Platform platform;
    @Inject
    Pages pages;
    @Inject
    CampaignPages campaignPages;
    @Context
    ContainerRequestContext request;

    @GET
    @Path("plugins")
    @RequiresRole(Role.OWNER)
    public Response plugins(@QueryParam("done") String done) {
        Map<String, Boolean> choices = platform.pluginStates().choices();
        Set<String> byConfig = platform.configDisabledPlugins();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PluginStatus p : platform.plugins().statuses()) {
            Map<String, Object> r = new HashMap<>();
            r.put("id", p.id());
            r.put("version", AdminPage.nz(p.version()));
            r.put("description", AdminPage.nz(p.description()));
            r.put("requires", AdminPage.nz(p.requires()));
            r.put("state", p.state());
            r.put("problem", AdminPage.nz(p.problem()));
            r.put("provides", p.provides());
            r.put("failures", p.failures());
            r.put("lastFailureAt", AdminPage.time(p.lastFailureAt()));
            boolean staffDisabled = Boolean.FALSE.equals(choices.get(p.id()));
            boolean configDisabled = byConfig.contains(p.id());
            r.put("configDisabled", configDisabled);
            r.put("staffDisabled", staffDisabled);
            // Switched on again by staff but still off in this run: it starts at the next start.
            r.put("restartNeeded", !staffDisabled && !configDisabled && "disabled".equals(p.state()) && choices.containsKey(p.id()));
            r.put("canDisable", !staffDisabled && !configDisabled);
            r.put("canEnable", staffDisabled && !configDisabled);
            rows.add(r);
        }
        Map<String, Object> m = new HashMap<>();
        m.put("plugins", rows);
        m.put("notice", "disabled".equals(done) ? "The plugin is out of service now, and will not start at the next start."
                : "enabled".equals(done) ? "The plugin will start at the next start of the platform (restart it to use the plugin now)." : "");
        m.put("folder", platform.config().pluginsDir().toString());
        return AdminPage.render(pages, request, 200, "admin-plugins.ftlh", "Plugins", "/admin/plugins", m);
    }

    @POST
    @Path("plugins/{id: [A-Za-z0-9._-]{1,80}}/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresRole(Role.OWNER)
    public Response disable(@PathParam("id") String id) {
        return setPlugin(id, false);
    }

    @POST
    @Path("plugins/{id: [A-Za-z0-9._-]{1,80}}/enable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresRole(Role.OWNER)
    public Response enable(@PathParam("id") String id) {
        return setPlugin(id, true);
    }

    private Response setPlugin(String id, boolean enabled) {
        if (platform.plugins().statuses().stream().noneMatch(p -> p.id().equals(id))) {
            throw new NotFoundException("no plugin " + id);
        }
        platform.pluginStates().set(AdminPage.session(request).user(), id, enabled);
        return Response.seeOther(URI.create("/admin/plugins?done=" + (enabled ? "enabled" : "disabled"))).build();
    }

    @GET
    @Path("themes")
    @RequiresRole(Role.ORGANIZER)
    public Response themes() {
        return themesPage(200, "", "", Map.of());
    }

    /** The campaign page exactly as it is now, drawn with another public theme; nothing about the campaign changes. */
    @GET
    @Path("themes/preview")
    @RequiresRole(Role.ORGANIZER)
    public Response preview(@QueryParam("campaign") String slug, @QueryParam("theme") String theme) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<CampaignSnapshot> c = slug == null || slug.isBlank() ? Optional.empty() : platform.campaigns().snapshot(slug);
        if (c.isEmpty()) {
            errors.put("campaign", "Choose a campaign.");
        }
        Optional<Theme> t = theme == null ? Optional.empty() : platform.themes().registry().theme(theme);
        if (t.isEmpty() || !"public".equals(t.get().type())) {
            errors.put("theme", "Choose a public theme (admin themes do not draw campaign pages).");
        }
        if (!errors.isEmpty()) {
            return themesPage(400, AdminPage.nz(slug), AdminPage.nz(theme), errors);
        }
        return campaignPages.preview(c.get().withTheme(theme), Locale.forLanguageTag(c.get().defaultLanguage()));
    }

    private Response themesPage(int status, String campaign, String theme, Map<String, String> errors) {
        List<CampaignSnapshot> campaigns = platform.campaigns().allCampaigns();
        List<Map<String, Object>> themes = new ArrayList<>();
        for (Theme t : platform.themes().registry().themes()) {
            Map<String, Object> m = new HashMap<>();
            m.put("name", t.name());
            m.put("parent", AdminPage.nz(t.parent()));
            m.put("type", t.type());
            m.put("chain", platform.themes().registry().chain(t.name()).stream().map(Theme::name).toList());
            m.put("styles", platform.themes().styles(t.name()));
            m.put("campaigns", campaigns.stream().filter(c -> c.theme().equals(t.name())).map(CampaignSnapshot::slug).toList());
            themes.add(m);
        }
        Map<String, Object> m = new HashMap<>();
        m.put("themes", themes);
        m.put("publicThemes", platform.themes().registry().themes().stream().filter(t -> "public".equals(t.type())).map(Theme::name).toList());
        m.put("campaigns", campaigns.stream().map(c -> Map.of("slug", c.slug(), "title", c.content(Locale.ENGLISH).title(),
                "theme", c.theme())).toList());
        m.put("campaign", campaign);
        m.put("theme", theme);
        m.put("errors", errors);
        return AdminPage.render(pages, request, status, "admin-themes.ftlh", "Themes", "/admin/themes", m);
    }
}
