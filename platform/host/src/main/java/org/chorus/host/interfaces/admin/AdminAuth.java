package org.chorus.host.interfaces.admin;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.host.application.Platform;
import org.chorus.host.application.admin.StaffSecurity;
import org.chorus.host.interfaces.web.Pages;

/** Login, first-start setup and logout: the admin routes reachable without a session. */
@Path("admin")
@Produces(MediaType.TEXT_HTML)
@AdminPublic
public class AdminAuth {

    @Inject
    Platform platform;
    @Inject
    Pages pages;
    @Context
    HttpHeaders headers;
    @Context
    HttpServletRequest servletRequest;
    @Context
    ContainerRequestContext request;

    @GET
    @Path("login")
    public Response loginForm(@QueryParam("next") String next) {
        return loginPage(200, next, null, "");
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("email") String email, @FormParam("password") String password,
                          @FormParam("next") String next) {
        String ip = servletRequest == null ? "" : servletRequest.getRemoteAddr();
        StaffSecurity.LoginResult r = platform.staff().login(email, password, ip);
        if (r instanceof StaffSecurity.LoginResult.Success s) {
            return Response.seeOther(URI.create(AdminGuard.safeNext(next)))
                    .cookie(sessionCookie(s.session().id(), isHttps()))
                    .header("Cache-Control", "no-store").build();
        }
        String message = r instanceof StaffSecurity.LoginResult.Locked
                ? "Too many failed attempts. Wait a few minutes and try again." : StaffSecurity.WRONG;
        return loginPage(r instanceof StaffSecurity.LoginResult.Locked ? 429 : 401, next, message, email == null ? "" : email);
    }

    @GET
    @Path("setup")
    public Response setupForm(@QueryParam("token") String token) {
        if (!platform.staff().setupTokenValid(token)) {
            return pages.error(404, "error.setup.title", null, Locale.ENGLISH, "admin");
        }
        return setupPage(200, token, null, "", "");
    }

    @POST
    @Path("setup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setup(@FormParam("token") String token, @FormParam("email") String email,
                          @FormParam("displayName") String displayName, @FormParam("password") String password) {
        try {
            if (platform.staff().completeSetup(token, email, displayName, password).isEmpty()) {
                return pages.error(404, "error.setup.title", null, Locale.ENGLISH, "admin");
            }
        } catch (StaffSecurity.InvalidInput e) {
            return setupPage(400, token, e.getMessage(), email, displayName);
        }
        return Response.seeOther(URI.create("/admin/login")).build();
    }

    /** Logout changes state, so it is a POST with the CSRF token (checked here: the route is public so a stale session can still leave). */
    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@FormParam("_csrf") String csrf) {
        Object s = request.getProperty(AdminFilter.SESSION);
        if (s instanceof StaffSecurity.Session session) {
            if (!StaffSecurity.csrfMatches(session, csrf)) {
                return pages.error(403, "error.csrf.title", null, Locale.ENGLISH, "admin");
            }
            platform.staff().logout(session);
        }
        return Response.seeOther(URI.create("/admin/login")).cookie(sessionCookie("", isHttps(), 0)).build();
    }

    private Response loginPage(int status, String next, String error, String email) {
        Map<String, Object> m = new HashMap<>();
        m.put("next", AdminGuard.safeNext(next));
        m.put("error", error == null ? "" : error);
        m.put("email", email);
        m.put("pageTitle", "Sign in");
        return noStore(pages.render(status, "admin", "admin-login.ftlh", m, Locale.ENGLISH, List.of("en"), "/admin/login"));
    }

    private Response setupPage(int status, String token, String error, String email, String name) {
        Map<String, Object> m = new HashMap<>();
        m.put("token", token);
        m.put("error", error == null ? "" : error);
        m.put("email", email == null ? "" : email);
        m.put("displayName", name == null ? "" : name);
        m.put("minPassword", StaffSecurity.MIN_PASSWORD);
        m.put("pageTitle", "Create the first owner");
        return noStore(pages.render(status, "admin", "admin-setup.ftlh", m, Locale.ENGLISH, List.of("en"), "/admin/setup"));
    }

    static Response noStore(Response r) {
        return Response.fromResponse(r).header("Cache-Control", "no-store").build();
    }

    private boolean isHttps() {
        return request.getSecurityContext().isSecure() || "https".equalsIgnoreCase(request.getHeaderString("X-Forwarded-Proto"));
    }

    static NewCookie sessionCookie(String value, boolean secure) {
        return sessionCookie(value, secure, NewCookie.DEFAULT_MAX_AGE);
    }

    /** HttpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it), Secure over HTTPS, only under /admin. */
    static NewCookie sessionCookie(String value, boolean secure, int maxAge) {
        return new NewCookie.Builder(AdminFilter.COOKIE).value(value).path("/admin").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge(maxAge).build();
    }
}
