package org.chorus.host.interfaces.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chorus.host.application.Platform;
import org.chorus.host.application.admin.StaffSecurity;
import org.chorus.host.domain.staff.Role;
import org.chorus.host.domain.staff.StaffUser;
import org.chorus.host.interfaces.web.Pages;

/**
 * Staff accounts and roles (owners only): add, change role, disable and re-enable, remove someone's two-factor
 * login (a lost phone), and require two-factor login of everyone. Every change is audited by the application layer.
 */
@Path("admin")
@Produces(MediaType.TEXT_HTML)
@RequiresRole(Role.OWNER)
public class AdminUsers {

    @Inject
    Platform platform;
    @Inject
    Pages pages;
    @Context
    ContainerRequestContext request;

    @GET
    @Path("users")
    public Response users(@QueryParam("done") String done) {
        return usersPage(200, "", null, Map.of(), "role".equals(done) ? "The role is changed." : "enabled".equals(done)
                ? "The account can sign in again." : "two-factor-removed".equals(done)
                ? "Two-factor login is removed from that account; they set it up again at their next sign-in if it is required."
                : "required".equals(done) ? "Saved." : "");
    }

    @POST
    @Path("users")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addUser(@FormParam("email") String email, @FormParam("displayName") String displayName,
                            @FormParam("role") String role, @FormParam("password") String password) {
        Map<String, Object> typed = Map.of("email", AdminPage.nz(email), "displayName", AdminPage.nz(displayName),
                "role", AdminPage.nz(role));
        Optional<Role> r = role(role);
        if (r.isEmpty()) {
            return usersPage(400, "role", "Choose a role.", typed, "");
        }
        try {
            platform.staff().createUser(me(), email, displayName, r.get(), password);
        } catch (StaffSecurity.InvalidInput e) {
            return usersPage(400, e.field(), e.getMessage(), typed, "");
        }
        return Response.seeOther(URI.create("/admin/users")).build();
    }

    @POST
    @Path("users/{id: \\d{1,18}}/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disableUser(@PathParam("id") long id) {
        return change(() -> platform.staff().disable(me(), id), "/admin/users");
    }

    @POST
    @Path("users/{id: \\d{1,18}}/enable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enableUser(@PathParam("id") long id) {
        return change(() -> platform.staff().enable(me(), id), "/admin/users?done=enabled");
    }

    @POST
    @Path("users/{id: \\d{1,18}}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeRole(@PathParam("id") long id, @FormParam("role") String role) {
        Optional<Role> r = role(role);
        if (r.isEmpty()) {
            return usersPage(400, "", "Choose a role.", Map.of(), "");
        }
        return change(() -> platform.staff().changeRole(me(), id, r.get()), "/admin/users?done=role");
    }

    @POST
    @Path("users/{id: \\d{1,18}}/two-factor/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeTwoFactor(@PathParam("id") long id) {
        return change(() -> platform.twoFactor().remove(me(), id), "/admin/users?done=two-factor-removed");
    }

    @POST
    @Path("settings/two-factor")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requireTwoFactor(@FormParam("required") String required) {
        platform.twoFactor().setRequired(me(), "true".equals(required));
        return Response.seeOther(URI.create("/admin/users?done=required")).build();
    }

    private Response change(Runnable action, String then) {
        try {
            action.run();
        } catch (StaffSecurity.InvalidInput e) {
            return usersPage(400, "", e.getMessage(), Map.of(), "");
        }
        return Response.seeOther(URI.create(then)).build();
    }

    /** @param field the add-account field the error is about (shown next to it), or "" for the page */
    private Response usersPage(int status, String field, String error, Map<String, Object> values, String notice) {
        List<Map<String, Object>> users = new ArrayList<>();
        for (StaffUser u : platform.staff().users()) {
            Map<String, Object> m = new HashMap<>();
            m.put("id", u.id());
            m.put("email", u.email());
            m.put("displayName", u.displayName());
            m.put("role", u.role().name().toLowerCase(Locale.ROOT));
            m.put("disabled", u.disabled());
            m.put("self", u.id() == me().id());
            m.put("twoFactor", platform.twoFactor().enabled(u.id()));
            users.add(m);
        }
        Map<String, Object> m = new HashMap<>();
        m.put("users", users);
        m.put("error", error == null ? "" : error);
        m.put("errorField", field);
        m.put("notice", notice);
        m.put("values", values);
        m.put("roles", List.of("owner", "organizer", "viewer"));
        m.put("twoFactorRequired", platform.twoFactor().required());
        m.put("minPassword", StaffSecurity.MIN_PASSWORD);
        return AdminPage.render(pages, request, status, "admin-users.ftlh", "Staff accounts", "/admin/users", m);
    }

    private StaffUser me() {
        return AdminPage.session(request).user();
    }

    private static Optional<Role> role(String s) {
        try {
            return Optional.of(Role.valueOf(String.valueOf(s).toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
