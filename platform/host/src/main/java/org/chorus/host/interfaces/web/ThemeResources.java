package org.chorus.host.interfaces.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.chorus.host.application.CampaignService;
import org.chorus.host.application.Platform;

/** Static files of a theme chain: {@code /theme/<theme>/<path>}, cached by browsers, revalidated by ETag. */
@Path("theme/{theme}/{path: .+}")
public class ThemeResources {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("css", "text/css; charset=UTF-8"), Map.entry("js", "text/javascript; charset=UTF-8"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"), Map.entry("txt", "text/plain; charset=UTF-8"),
            Map.entry("json", "application/json"));

    @Inject
    Platform platform;

    @GET
    public Response get(@PathParam("theme") String theme, @PathParam("path") String path, @Context Request request)
            throws IOException {
        if (!platform.themes().registry().exists(theme)) {
            throw new CampaignService.NotFound("no theme '" + theme + "'");
        }
        var file = platform.themes().registry().resource(theme, path);
        if (file.isEmpty() && path.startsWith("plugin/")) {
            return pluginResource(path, request);
        }
        return serve(file.orElseThrow(() -> new CampaignService.NotFound("no file " + path + " in theme " + theme)), request);
    }

    /**
     * A plugin's own static file ({@code static/<path>} in its jar), reached as {@code plugin/<id>/<path>} after the
     * theme chain, so a theme can replace it with one file at {@code resources/plugin/<id>/<path>}.
     */
    private Response pluginResource(String path, Request request) throws IOException {
        String rest = path.substring("plugin/".length());
        int slash = rest.indexOf('/');
        String file = slash < 0 ? "" : rest.substring(slash + 1);
        if (slash <= 0 || file.isEmpty() || file.contains("..") || file.startsWith("/") || file.contains("\\")) {
            throw new CampaignService.NotFound("no plugin file " + path);
        }
        ClassLoader loader = platform.plugins().resourceLoader(rest.substring(0, slash));
        java.net.URL url = loader == null ? null : loader.getResource("static/" + file);
        if (url == null) {
            throw new CampaignService.NotFound("no plugin file " + path);
        }
        String type = type(file);
        byte[] bytes;
        try (var in = url.openStream()) {
            bytes = in.readAllBytes();
        }
        EntityTag etag = new EntityTag(Integer.toHexString(java.util.Arrays.hashCode(bytes)));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.cacheControl(cache()).build();
        }
        return Response.ok(bytes, type).tag(etag).cacheControl(cache()).build();
    }

    private static CacheControl cache() {
        CacheControl cc = new CacheControl();
        cc.setMaxAge(3600);
        cc.setPrivate(false);
        return cc;
    }

    private static String type(String name) {
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase() : "";
        String type = TYPES.get(ext);
        if (type == null) {
            throw new CampaignService.NotFound("not a static file type: " + name);
        }
        return type;
    }

    private Response serve(java.nio.file.Path file, Request request) throws IOException {
        String name = file.getFileName().toString();
        String type = type(name);
        EntityTag etag = new EntityTag(Long.toHexString(Files.size(file)) + "-" + Long.toHexString(Files.getLastModifiedTime(file).toMillis()));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.cacheControl(cache()).build();
        }
        return Response.ok(Files.readAllBytes(file), type).tag(etag).cacheControl(cache()).build();
    }
}
