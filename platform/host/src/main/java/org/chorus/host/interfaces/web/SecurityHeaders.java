package org.chorus.host.interfaces.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Security headers on every response. The CSP allows nothing inline and nothing from other hosts, so supporter
 * pages can make no third-party request; framing is denied except on routes marked embeddable.
 */
@Provider
public class SecurityHeaders implements ContainerResponseFilter {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; "
            + "frame-ancestors 'none'";
    static final String EMBED_CSP = CSP.replace("frame-ancestors 'none'", "frame-ancestors *");

    /** Set on a response (as a header) by a route that may be framed by partner sites. */
    public static final String EMBEDDABLE = "X-Chorus-Embeddable";
    /** Set by the console's theme preview: the live campaign's forms in it must not submit. */
    public static final String PREVIEW = "X-Chorus-Preview";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> h = response.getHeaders();
        boolean embeddable = h.containsKey(EMBEDDABLE);
        h.remove(EMBEDDABLE);
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

    /** Directly over TLS, or behind a proxy that terminates it. */
    static boolean isHttps(ContainerRequestContext request) {
        return request.getSecurityContext().isSecure()
                || "https".equalsIgnoreCase(request.getHeaderString("X-Forwarded-Proto"));
    }
}
