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
        var file = platform.themes().registry().resource(theme, path)
                .orElseThrow(() -> new CampaignService.NotFound("no file " + path + " in theme " + theme));
        String name = file.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase() : "";
        String type = TYPES.get(ext);
        if (type == null) {
            throw new CampaignService.NotFound("not a static file type: " + name);
        }
        EntityTag etag = new EntityTag(Long.toHexString(Files.size(file)) + "-" + Long.toHexString(Files.getLastModifiedTime(file).toMillis()));
        CacheControl cc = new CacheControl();
        cc.setMaxAge(3600);
        cc.setPrivate(false);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.cacheControl(cc).build();
        }
        return Response.ok(Files.readAllBytes(file), type).tag(etag).cacheControl(cc).build();
    }
}
