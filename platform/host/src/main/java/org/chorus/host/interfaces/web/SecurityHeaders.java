package org.chorus.host.interfaces.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Security headers on every response. The CSP allows nothing inline and nothing from other hosts, so supporter
 * pages can make no third-party request. Framing is denied everywhere except the embeddable widget under
 * {@code /embed/} ({@link EmbedPages}): decided by the path, so no other resource (nor a plugin's raw response,
 * whatever headers it sets) can make itself frameable.
 */
@Provider
public class SecurityHeaders implements ContainerResponseFilter {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; "
            + "frame-ancestors 'none'";
    static final String EMBED_CSP = CSP.replace("frame-ancestors 'none'", "frame-ancestors *");

    /** Never honoured: stripped from every response, so nothing can mark itself frameable. */
    public static final String EMBEDDABLE = "X-Chorus-Embeddable";
    /** Set by the console's theme preview: the live campaign's forms in it must not submit. */
    public static final String PREVIEW = "X-Chorus-Preview";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> h = response.getHeaders();
        h.remove(EMBEDDABLE);
        boolean embeddable = isEmbedRoute(request.getUriInfo().getPath());
        boolean preview = h.containsKey(PREVIEW);
        h.remove(PREVIEW);
        String csp = embeddable ? EMBED_CSP : CSP;
        h.putSingle("Content-Security-Policy", preview ? csp.replace("form-action 'self'", "form-action 'none'") : csp);
        if (!embeddable) {
            h.putSingle("X-Frame-Options", "DENY");
        }
        h.putSingle("X-Content-Type-Options", "nosniff");
        h.putSingle("Referrer-Policy", "strict-origin-when-cross-origin");
        h.putSingle("Permissions-Policy", "geolocation=(self), camera=(), microphone=(), interest-cohort=()");
        if (isHttps(request)) {
            // Browsers ignore (and complain about) these on plain HTTP, so send them only where they work.
            h.putSingle("Cross-Origin-Opener-Policy", "same-origin");
            h.putSingle("Strict-Transport-Security", "max-age=31536000");
        }
        if (!h.containsKey("Cache-Control") && response.getMediaType() != null
                && "html".equals(response.getMediaType().getSubtype())) {
            h.putSingle("Cache-Control", "no-cache");
        }
    }

    /** The widget's routes: {@code /embed/campaigns/…} (form, its post, its thank-you page). */
    static boolean isEmbedRoute(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.startsWith("embed/campaigns/") && !p.contains("..");
    }

    /** Directly over TLS, or behind a proxy that terminates it. */
    static boolean isHttps(ContainerRequestContext request) {
        return request.getSecurityContext().isSecure()
                || "https".equalsIgnoreCase(request.getHeaderString("X-Forwarded-Proto"));
    }
}
