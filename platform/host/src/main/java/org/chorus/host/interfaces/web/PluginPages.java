package org.chorus.host.interfaces.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.api.web.PluginRequest;
import org.chorus.api.web.PluginResponse;
import org.chorus.api.web.PluginRoutes;
import org.chorus.host.application.CampaignService;
import org.chorus.host.application.Platform;
import org.chorus.host.infrastructure.json.Json;
import org.chorus.host.infrastructure.plugins.PluginFailure;

/**
 * The one host resource behind every plugin URL, {@code /plugins/<pluginId>/…}: host filters (security headers,
 * size limits) have run before, and a plugin can only answer under its own prefix.
 */
@Path("plugins/{pluginId}")
public class PluginPages {

    @Inject
    Platform platform;
    @Inject
    Pages pages;
    @Context
    HttpHeaders headers;
    @Context
    UriInfo uri;

    @GET
    @Path("{path: .*}")
    public Response get(@PathParam("pluginId") String pluginId, @PathParam("path") String path) {
        return dispatch("GET", pluginId, path, new MultivaluedHashMap<>());
    }

    @POST
    @Path("{path: .*}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(@PathParam("pluginId") String pluginId, @PathParam("path") String path,
                         MultivaluedMap<String, String> form) {
        return dispatch("POST", pluginId, path, form);
    }

    private Response dispatch(String method, String pluginId, String path, MultivaluedMap<String, String> form) {
        Locale locale = Languages.choose(uri.getQueryParameters().getFirst("lang"), headers, Languages.supported(), "en");
        PluginRequest request = new PluginRequest(method, path, copy(uri.getQueryParameters()), copy(form), locale);
        for (var routes : platform.plugins().extensions(PluginRoutes.class)) {
            if (!routes.pluginId().equals(pluginId)) {
                continue;
            }
            PluginResponse response;
            try {
                response = platform.plugins().invoker().call(pluginId, "PluginRoutes.handle", () -> routes.extension().handle(request));
            } catch (PluginFailure e) {
                return pages.error(500, "error.plugin.title", null, locale);
            }
            if (response == null) {
                continue;
            }
            return toResponse(pluginId, path, response, locale);
        }
        throw new CampaignService.NotFound("no page " + path + " in plugin " + pluginId);
    }

    private Response toResponse(String pluginId, String path, PluginResponse response, Locale locale) {
        if (!(response instanceof PluginResponse.Page page)) {
            return plainResponse(response);
        }
        String theme = page.theme() != null && platform.themes().registry().exists(page.theme()) ? page.theme() : "default";
        String body;
        try {
            body = platform.plugins().invoker().call(pluginId, "template " + page.fragment().template(),
                    () -> platform.themes().render(theme, "plugin/" + pluginId + "/" + page.fragment().template(),
                            page.fragment().model(), locale));
        } catch (PluginFailure e) {
            return pages.error(500, "error.plugin.title", null, locale);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("pageTitle", page.title() == null ? "" : page.title());
        model.put("bodyHtml", body);
        return pages.render(page.status(), theme, "plugin-page.ftlh", model, locale, Languages.supported(),
                "/plugins/" + pluginId + "/" + path);
    }

    /**
     * A plugin's JSON, bytes or redirect as a JAX-RS response (pages are themed by the caller). A plugin cannot set
     * cookies or loosen the content security policy.
     */
    public static Response plainResponse(PluginResponse response) {
        if (response instanceof PluginResponse.Json json) {
            return Response.status(json.status()).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(Json.write(json.body())).build();
        }
        if (response instanceof PluginResponse.Redirect redirect) {
            return Response.seeOther(java.net.URI.create(redirect.location())).build();
        }
        PluginResponse.Raw raw = (PluginResponse.Raw) response;
        Response.ResponseBuilder b = Response.status(raw.status()).type(raw.contentType()).entity(raw.body());
        if (raw.headers() != null) {
            raw.headers().forEach((k, v) -> {
                if (!k.equalsIgnoreCase("Content-Security-Policy") && !k.equalsIgnoreCase("Set-Cookie")) {
                    b.header(k, v);
                }
            });
        }
        return b.build();
    }

    public static Map<String, List<String>> copy(MultivaluedMap<String, String> m) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }
}
