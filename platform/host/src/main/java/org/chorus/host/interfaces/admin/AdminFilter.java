package org.chorus.host.interfaces.admin;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.chorus.host.application.Platform;
import org.chorus.host.application.admin.StaffSecurity;
import org.chorus.host.interfaces.web.Pages;

/**
 * Enforces {@link AdminGuard} on every request under {@code /admin}. Runs after matching (it needs the resource
 * method's annotations) and after {@code RequestLimits}, so the form body it reads for {@code _csrf} is bounded;
 * the body is put back for the resource.
 */
@jakarta.ws.rs.ext.Provider
@Priority(Priorities.AUTHORIZATION)
public class AdminFilter implements ContainerRequestFilter {

    public static final String COOKIE = "chorus_admin";
    /** Request property holding the {@link StaffSecurity.Session} of an admitted request. */
    public static final String SESSION = "chorus.admin.session";

    @Context
    ResourceInfo resource;
    @Inject
    Platform platform;
    @Inject
    Pages pages;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        path = path.startsWith("/") ? path.substring(1) : path;
        if (!path.equals("admin") && !path.startsWith("admin/")) {
            return;
        }
        Cookie cookie = request.getCookies().get(COOKIE);
        Optional<StaffSecurity.Session> session = cookie == null ? Optional.empty() : platform.staff().session(cookie.getValue());
        session.ifPresent(s -> request.setProperty(SESSION, s));
        AdminGuard.Decision d = AdminGuard.decide(resource.getResourceClass(), resource.getResourceMethod(),
                request.getMethod(), session, () -> csrfToken(request));
        switch (d) {
            case ALLOW -> {
                if (session.isPresent() && !AdminGuard.isPublic(resource.getResourceClass(), resource.getResourceMethod())
                        && (resource.getResourceMethod() == null || !resource.getResourceMethod().isAnnotationPresent(TwoFactorSetup.class))
                        && platform.twoFactor().mustEnrol(session.get().user())) {
                    // Owners require two-factor login and this person has none yet: set it up before anything else.
                    request.abortWith(Response.seeOther(UriBuilder.fromPath("/admin/account").queryParam("required", "1").build())
                            .header("Cache-Control", "no-store").build());
                }
            }
            case LOGIN -> {
                String next = "/" + path + (request.getUriInfo().getRequestUri().getRawQuery() == null ? ""
                        : "?" + request.getUriInfo().getRequestUri().getRawQuery());
                if (!"GET".equals(request.getMethod())) {
                    next = "/admin";
                }
                request.abortWith(Response.seeOther(UriBuilder.fromPath("/admin/login").queryParam("next", AdminGuard.safeNext(next)).build())
                        .header("Cache-Control", "no-store").build());
            }
            case FORBIDDEN -> request.abortWith(pages.error(403, "error.forbidden.title", null, Locale.ENGLISH, "admin"));
            case CSRF -> request.abortWith(pages.error(403, "error.csrf.title", null, Locale.ENGLISH, "admin"));
        }
    }

    /** The {@code X-CSRF-Token} header, else the {@code _csrf} field of a urlencoded form (the body is restored). */
    static String csrfToken(ContainerRequestContext request) {
        String header = request.getHeaderString("X-CSRF-Token");
        if (header != null) {
            return header;
        }
        MediaType type = request.getMediaType();
        if (type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE) && request.hasEntity()) {
            return multipartToken(request);
        }
        if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || !request.hasEntity()) {
            return null;
        }
        try {
            byte[] body = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
            for (String pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && "_csrf".equals(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8))) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            return null; // malformed escapes: no token
        }
    }

    /** The {@code _csrf} part of a multipart form (an upload without script), else {@code ?_csrf=} on its URL. */
    private static String multipartToken(ContainerRequestContext request) {
        String query = request.getUriInfo().getQueryParameters().getFirst("_csrf");
        try {
            byte[] body = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
            Optional<String> boundary = MultipartForm.boundary(request.getHeaderString("Content-Type"));
            if (boundary.isPresent()) {
                var token = MultipartForm.parse(body, boundary.get()).fields().get("_csrf");
                if (token != null && !token.isEmpty()) {
                    return token.get(0);
                }
            }
            return query;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            return query; // malformed form: the resource reports it; only the URL's token can vouch for it
        }
    }
}
