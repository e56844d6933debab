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
        if (r instanceof StaffSecurity.LoginResult.SecondFactor f) {
            return codePage(200, f.challenge(), next, null);
        }
        return afterLogin(r, next, email);
    }

    /** The second step of a two-factor login: the code from the authenticator app. */
    @POST
    @Path("login/code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response loginCode(@FormParam("challenge") String challenge, @FormParam("code") String code,
                              @FormParam("next") String next) {
        String ip = servletRequest == null ? "" : servletRequest.getRemoteAddr();
        StaffSecurity.LoginResult r = platform.staff().completeLogin(challenge, code, ip);
        if (r instanceof StaffSecurity.LoginResult.SecondFactor f) {
            return codePage(401, f.challenge(), next, "That code is not right. Enter the 6-digit code your app shows now.");
        }
        return afterLogin(r, next, "");
    }

    private Response afterLogin(StaffSecurity.LoginResult r, String next, String email) {
        if (r instanceof StaffSecurity.LoginResult.Success s) {
            return Response.seeOther(URI.create(AdminGuard.safeNext(next)))
                    .cookie(sessionCookie(s.session().id(), isHttps()))
                    .header("Cache-Control", "no-store").build();
        }
        String message = r instanceof StaffSecurity.LoginResult.Locked ? "Too many failed attempts. Wait a few minutes and try again."
                : r instanceof StaffSecurity.LoginResult.Failed f ? f.message() : StaffSecurity.WRONG;
        return loginPage(r instanceof StaffSecurity.LoginResult.Locked ? 429 : 401, next, message, email == null ? "" : email);
    }

    private Response codePage(int status, String challenge, String next, String error) {
        Map<String, Object> m = new HashMap<>();
        m.put("challenge", challenge);
        m.put("next", AdminGuard.safeNext(next));
        m.put("error", error == null ? "" : error);
        m.put("pageTitle", "Enter your code");
        return noStore(pages.render(status, "admin", "admin-login-code.ftlh", m, Locale.ENGLISH, List.of("en"), "/admin/login"));
    }

    // ---- password reset ---------------------------------------------------------------------------------------

    @GET
    @Path("password/forgot")
    public Response forgotForm() {
        return forgotPage(200, "", null, false);
    }

    /** Always the same answer, whether or not the address has an account. */
    @POST
    @Path("password/forgot")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response forgot(@FormParam("email") String email) {
        if (email == null || email.isBlank() || email.length() > 254 || !email.contains("@")) {
            return forgotPage(400, email, "Enter the e-mail address you sign in with.", false);
        }
        platform.passwordResets().request(email);
        return forgotPage(200, email, null, true);
    }

    @GET
    @Path("password/reset")
    public Response resetForm(@QueryParam("token") String token) {
        if (!platform.passwordResets().valid(token)) {
            return resetGone();
        }
        return resetPage(200, token, null);
    }

    @POST
    @Path("password/reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(@FormParam("token") String token, @FormParam("password") String password,
                          @FormParam("confirm") String confirm) {
        if (password != null && !password.equals(confirm)) {
            return resetPage(400, token, Map.of("confirm", "The two passwords are not the same."));
        }
        try {
            if (!platform.passwordResets().reset(token, password)) {
                return resetGone();
            }
        } catch (StaffSecurity.InvalidInput e) {
            return resetPage(400, token, Map.of("password", e.getMessage()));
        }
        return loginPage(200, "/admin", null, "", "Your password is changed. Sign in with it now.");
    }

    private Response forgotPage(int status, String email, String error, boolean sent) {
        Map<String, Object> m = new HashMap<>();
        m.put("email", email == null ? "" : email);
        m.put("error", error == null ? "" : error);
        m.put("sent", sent);
        m.put("minutes", platform.passwordResets().ttl().toMinutes());
        m.put("pageTitle", "Forgot your password?");
        return noStore(pages.render(status, "admin", "admin-password-forgot.ftlh", m, Locale.ENGLISH, List.of("en"), "/admin/password/forgot"));
    }

    private Response resetPage(int status, String token, Map<String, String> errors) {
        Map<String, Object> m = new HashMap<>();
        m.put("token", token == null ? "" : token);
        m.put("errors", errors == null ? Map.of() : errors);
        m.put("minPassword", StaffSecurity.MIN_PASSWORD);
        m.put("pageTitle", "Choose a new password");
        return noStore(pages.render(status, "admin", "admin-password-reset.ftlh", m, Locale.ENGLISH, List.of("en"), "/admin/password/reset"));
    }

    private Response resetGone() {
        return noStore(pages.error(404, "error.reset.title", "This link has expired or was used already. Ask for a new one"
                + " from the sign-in page (“Forgot your password?”).", Locale.ENGLISH, "admin"));
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
        return loginPage(status, next, error, email, "");
    }

    private Response loginPage(int status, String next, String error, String email, String notice) {
        Map<String, Object> m = new HashMap<>();
        m.put("notice", notice);
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
