package org.chorus.host.interfaces.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.chorus.host.application.admin.StaffSecurity;
import org.chorus.host.application.admin.TwoFactor;
import org.chorus.host.domain.staff.Role;
import org.chorus.host.interfaces.web.Pages;

/**
 * Your own account: two-factor login (set up with an authenticator app, or removed unless owners require it) and
 * your password. Every role may use it; while owners require two-factor login, it is the only page someone
 * without it can open ({@link TwoFactorSetup}).
 */
@Path("admin")
@Produces(MediaType.TEXT_HTML)
@RequiresRole(Role.VIEWER)
public class AdminAccount {

    @Inject
    org.chorus.host.application.Platform platform;
    @Inject
    Pages pages;
    @Context
    ContainerRequestContext request;

    @GET
    @Path("account")
    @TwoFactorSetup
    public Response account(@QueryParam("done") String done, @QueryParam("required") String required) {
        String notice = "on".equals(done) ? "Two-factor login is on. From now on you sign in with your password and a code."
                : "off".equals(done) ? "Two-factor login is off." : "password".equals(done) ? "Your password is changed." : "";
        return page(200, null, Map.of(), notice);
    }

    /** Shows a secret to put into an authenticator app (the same one until it is confirmed). */
    @POST
    @Path("account/two-factor/start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @TwoFactorSetup
    public Response startTwoFactor() {
        return page(200, platform.twoFactor().start(me()), Map.of(), "");
    }

    @POST
    @Path("account/two-factor/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @TwoFactorSetup
    public Response confirmTwoFactor(@FormParam("code") String code) {
        if (platform.twoFactor().confirm(me(), code)) {
            return Response.seeOther(URI.create("/admin/account?done=on")).build();
        }
        return page(400, platform.twoFactor().start(me()), Map.of("code", "That code is not right. Enter the 6 digits your app shows"
                + " now for this account (check that the phone's clock is set automatically)."), "");
    }

    @POST
    @Path("account/two-factor/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeTwoFactor() {
        try {
            platform.twoFactor().remove(me(), me().id());
        } catch (StaffSecurity.InvalidInput e) {
            return page(400, null, Map.of("", e.getMessage()), "");
        }
        return Response.seeOther(URI.create("/admin/account?done=off")).build();
    }

    @POST
    @Path("account/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @TwoFactorSetup
    public Response changePassword(@FormParam("current") String current, @FormParam("password") String password,
                                   @FormParam("confirm") String confirm) {
        if (password != null && !password.equals(confirm)) {
            return page(400, null, Map.of("confirm", "The two new passwords are not the same."), "");
        }
        try {
            platform.staff().changePassword(AdminPage.session(request), current, password);
        } catch (StaffSecurity.InvalidInput e) {
            return page(400, null, Map.of(e.field(), e.getMessage()), "");
        }
        return Response.seeOther(URI.create("/admin/account?done=password")).build();
    }

    private Response page(int status, TwoFactor.Enrolment enrolment, Map<String, String> errors, String notice) {
        Map<String, Object> m = new HashMap<>();
        m.put("twoFactor", platform.twoFactor().enabled(me().id()));
        m.put("required", platform.twoFactor().required());
        m.put("enrolment", enrolment == null ? Map.of() : Map.of("secret", enrolment.secret(), "uri", enrolment.uri()));
        m.put("errors", errors);
        Map<String, String> codeErrors = new java.util.LinkedHashMap<>();
        Map<String, String> passwordErrors = new java.util.LinkedHashMap<>();
        errors.forEach((field, message) -> {
            if ("code".equals(field)) {
                codeErrors.put(field, message);
            } else if (!field.isEmpty()) {
                passwordErrors.put(field, message);
            }
        });
        m.put("codeErrors", codeErrors);
        m.put("passwordErrors", passwordErrors);
        m.put("notice", notice);
        m.put("minPassword", StaffSecurity.MIN_PASSWORD);
        return AdminPage.render(pages, request, status, "admin-account.ftlh", "Your account", "/admin/account", m);
    }

    private org.chorus.host.domain.staff.StaffUser me() {
        return AdminPage.session(request).user();
    }
}
