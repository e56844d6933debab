package org.chorus.host.interfaces.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.chorus.host.application.CampaignService;
import org.chorus.host.infrastructure.json.Json;
import org.chorus.host.infrastructure.plugins.PluginFailure;

/**
 * Every failure becomes a page in the theme (or a JSON message under {@code /api/}) with a status that fits
 * and words that say what to do; stack traces go to the log only.
 */
@Provider
public class ErrorPages implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class.getName());

    @Inject
    Pages pages;
    @Context
    HttpHeaders headers;
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable e) {
        int status;
        String titleKey;
        String message = null;
        if (e instanceof CampaignService.NotFound || e instanceof NotFoundException) {
            status = 404;
            titleKey = "error.notFound.title";
        } else if (e instanceof PluginFailure pf) {
            status = 500;
            titleKey = "error.plugin.title";
            LOG.log(Level.SEVERE, "Request " + path() + " failed in plugin '" + pf.pluginId() + "'", e);
        } else if (e instanceof WebApplicationException wae && wae.getResponse().getStatus() < 500) {
            status = wae.getResponse().getStatus();
            titleKey = switch (status) {
                case 405 -> "error.method.title";
                case 413 -> "error.tooLarge.title";
                case 415 -> "error.mediaType.title";
                default -> "error.badRequest.title";
            };
            message = status == 413 ? null : wae.getMessage();
        } else {
            status = 500;
            titleKey = "error.server.title";
            LOG.log(Level.SEVERE, "Request " + path() + " failed", e);
        }
        if (path().startsWith("api/") || path().startsWith("/api/")) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(Json.write(Map.of("status", status, "error",
                            status == 404 ? "not found" : message == null ? titleKey : message))).build();
        }
        Locale locale = Languages.choose(uri.getQueryParameters().getFirst("lang"), headers, Languages.supported(), "en");
        try {
            return pages.error(status, titleKey, status >= 500 ? null : safeMessage(message), locale);
        } catch (RuntimeException renderFailure) {
            LOG.log(Level.SEVERE, "The error page itself failed to render", renderFailure);
            return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity(status == 404 ? "Not found" : "Something went wrong. Please try again later.").build();
        }
    }

    /** JAX-RS messages such as "HTTP 400 Bad Request" say nothing useful to a supporter. */
    private static String safeMessage(String m) {
        return m == null || m.startsWith("HTTP ") ? null : m;
    }

    private String path() {
        return uri == null ? "" : uri.getPath();
    }
}
