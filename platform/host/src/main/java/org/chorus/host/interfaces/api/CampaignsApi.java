package org.chorus.host.interfaces.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.api.action.ActionView;
import org.chorus.host.application.CampaignService;
import org.chorus.host.application.CampaignSnapshot;
import org.chorus.host.application.Platform;
import org.chorus.host.infrastructure.json.Json;
import org.chorus.host.infrastructure.plugins.PluginFailure;
import org.chorus.host.interfaces.web.Languages;

/**
 * {@code GET /api/campaigns}: the public campaigns, for partners and embeds. {@code GET /api/campaigns/{slug}/actions/{id}}:
 * one action with its type's public summary ({@code ActionType.publicSummary}, e.g. a petition's text, count and
 * goal), also reachable under the type's plural, e.g. {@code /api/campaigns/{slug}/petitions/{id}} for a petition.
 */
@Path("api/campaigns")
public class CampaignsApi {

    static final String JSON = MediaType.APPLICATION_JSON + ";charset=UTF-8";

    @Inject
    Platform platform;
    @Context
    HttpHeaders headers;

    @GET
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public String list() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CampaignSnapshot c : platform.campaigns().publicCampaigns()) {
            var content = c.content(Locale.forLanguageTag(c.defaultLanguage()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slug", c.slug());
            m.put("title", content.title());
            m.put("summary", content.summary());
            m.put("status", c.status());
            m.put("theme", c.theme());
            m.put("languages", c.languages());
            m.put("takingActions", c.takingActions());
            m.put("url", platform.config().baseUrl() + "/campaigns/" + c.slug());
            List<Map<String, Object>> actions = new ArrayList<>();
            for (var a : c.actions()) {
                Map<String, Object> am = new LinkedHashMap<>();
                am.put("id", a.key());
                am.put("type", a.type());
                am.put("title", a.title());
                am.put("available", platform.actionTypes().find(a.type()).isPresent());
                actions.add(am);
            }
            m.put("actions", actions);
            out.add(m);
        }
        return Json.write(Map.of("campaigns", out));
    }

    @GET
    @Path("{slug}/actions/{actionId}")
    @Produces(JSON)
    public Response action(@PathParam("slug") String slug, @PathParam("actionId") String actionId,
                           @QueryParam("lang") String lang) {
        return summary(slug, null, actionId, lang);
    }

    /** The same, under the plural of the action's type ({@code petitions} for type {@code petition}); another type → 404. */
    @GET
    @Path("{slug}/{collection: [a-z0-9][a-z0-9-]*s}/{actionId}")
    @Produces(JSON)
    public Response actionOfType(@PathParam("slug") String slug, @PathParam("collection") String collection,
                                 @PathParam("actionId") String actionId, @QueryParam("lang") String lang) {
        return summary(slug, collection.substring(0, collection.length() - 1), actionId, lang);
    }

    private Response summary(String slug, String type, String actionId, String lang) {
        CampaignSnapshot c = platform.campaigns().publicCampaign(slug)
                .orElseThrow(() -> new CampaignService.NotFound("no campaign '" + slug + "'"));
        CampaignSnapshot.ActionSnapshot a = c.action(actionId).filter(x -> type == null || x.type().equals(type))
                .orElseThrow(() -> new CampaignService.NotFound("campaign '" + slug + "' has no "
                        + (type == null ? "action" : type) + " '" + actionId + "'"));
        Locale locale = Languages.choose(lang, headers, c.languages(), c.defaultLanguage());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("campaign", c.slug());
        m.put("id", a.key());
        m.put("type", a.type());
        m.put("title", a.title());
        m.put("language", locale.toLanguageTag());
        m.put("takingActions", c.takingActions());
        m.put("url", platform.config().baseUrl() + "/campaigns/" + c.slug() + "#action-" + a.key());
        var actionType = platform.actionTypes().find(a.type());
        m.put("available", actionType.isPresent());
        if (actionType.isPresent()) {
            ActionView view = new ActionView(c.info(platform.config().baseUrl(), locale), a.key(), a.id(), a.settings(),
                    platform.themes().messages(c.theme(), locale), Map.of(), List.of());
            Map<String, Object> summary;
            try {
                summary = platform.plugins().invoker().call(actionType.get().pluginId(), "ActionType.publicSummary",
                        () -> actionType.get().extension().publicSummary(view));
            } catch (PluginFailure e) {
                return Response.status(503).type(JSON).entity(Json.write(Map.of("error",
                        "this action is not available right now"))).build();
            }
            // The host's facts first; a type adds its own beside them and cannot change them.
            (summary == null ? Map.<String, Object>of() : summary).forEach(m::putIfAbsent);
        }
        // Public facts for partners' pages: any site may read them (no cookies are involved), briefly cached.
        return Response.ok(Json.write(m), JSON).header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", "public, max-age=5").build();
    }
}
