package org.chorus.host.interfaces.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.api.admin.AdminRequest;
import org.chorus.api.admin.AdminRoutes;
import org.chorus.api.admin.Upload;
import org.chorus.api.web.PluginResponse;
import org.chorus.host.application.CampaignService;
import org.chorus.host.application.Platform;
import org.chorus.host.application.admin.StaffSecurity;
import org.chorus.host.domain.staff.Role;
import org.chorus.host.infrastructure.plugins.PluginFailure;
import org.chorus.host.interfaces.web.Pages;
import org.chorus.host.interfaces.web.PluginPages;

/**
 * The one host resource behind plugins' admin pages, {@code /admin/extensions/<pluginId>/…}: the admin filter has
 * already demanded a session, the role (viewer to read, organizer to change) and the CSRF token, so a plugin page
 * cannot be reached around them; plugins never register JAX-RS resources.
 */
@Path("admin/extensions/{pluginId: [a-z0-9][a-z0-9-]{0,79}}")
@Produces(MediaType.TEXT_HTML)
public class AdminExtensions {

    static final String PREFIX = "/admin/extensions/";

    @Inject
    Platform platform;
    @Inject
    Pages pages;
    @Context
    ContainerRequestContext request;
    @Context
    UriInfo uri;

    @GET
    @RequiresRole(Role.VIEWER)
    public Response index(@PathParam("pluginId") String pluginId) {
        return dispatch("GET", pluginId, "", new MultivaluedHashMap<>(), Map.of());
    }

    @GET
    @Path("{path: .+}")
    @RequiresRole(Role.VIEWER)
    public Response get(@PathParam("pluginId") String pluginId, @PathParam("path") String path) {
        return dispatch("GET", pluginId, path, new MultivaluedHashMap<>(), Map.of());
    }

    @POST
    @Path("{path: .*}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresRole(Role.ORGANIZER)
    public Response post(@PathParam("pluginId") String pluginId, @PathParam("path") String path,
                         MultivaluedMap<String, String> form) {
        return dispatch("POST", pluginId, path, form, Map.of());
    }

    @POST
    @Path("{path: .*}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RequiresRole(Role.ORGANIZER)
    public Response upload(@PathParam("pluginId") String pluginId, @PathParam("path") String path, byte[] body) {
        MultipartForm form;
        try {
            form = MultipartForm.parse(body, MultipartForm.boundary(request.getHeaderString("Content-Type"))
                    .orElseThrow(() -> new IllegalArgumentException("the upload has no multipart boundary")));
        } catch (IllegalArgumentException e) {
            return pages.error(400, "error.badRequest.title", "The upload could not be read: " + e.getMessage(),
                    Locale.ENGLISH, "admin");
        }
        MultivaluedMap<String, String> fields = new MultivaluedHashMap<>();
        form.fields().forEach(fields::addAll);
        fields.remove("_csrf");
        return dispatch("POST", pluginId, path, fields, form.files());
    }

    private Response dispatch(String method, String pluginId, String path, MultivaluedMap<String, String> form,
                              Map<String, Upload> uploads) {
        StaffSecurity.Session session = (StaffSecurity.Session) request.getProperty(AdminFilter.SESSION);
        form.remove("_csrf");
        AdminRequest adminRequest = new AdminRequest(method, path, PluginPages.copy(uri.getQueryParameters()),
                PluginPages.copy(form), uploads, AdminView.member(session), session.csrfToken());
        for (var routes : platform.plugins().extensions(AdminRoutes.class)) {
            if (!routes.pluginId().equals(pluginId)) {
                continue;
            }
            PluginResponse response;
            try {
                response = platform.plugins().invoker().call(pluginId, "AdminRoutes.handle",
                        () -> routes.extension().handle(adminRequest));
            } catch (PluginFailure e) {
                return pages.error(500, "error.plugin.title", null, Locale.ENGLISH, "admin");
            }
            if (response == null) {
                continue;
            }
            if (!(response instanceof PluginResponse.Page page)) {
                return AdminAuth.noStore(PluginPages.plainResponse(response));
            }
            Map<String, Object> fragmentModel = new HashMap<>(page.fragment().model());
            fragmentModel.put("csrfToken", session.csrfToken());
            fragmentModel.put("adminBase", PREFIX + pluginId);
            String body;
            try {
                body = platform.plugins().invoker().call(pluginId, "template " + page.fragment().template(),
                        () -> platform.themes().render("admin", "plugin/" + pluginId + "/" + page.fragment().template(),
                                fragmentModel, Locale.ENGLISH));
            } catch (PluginFailure e) {
                return pages.error(500, "error.plugin.title", null, Locale.ENGLISH, "admin");
            }
            Response r = AdminView.page(platform, pages, session, "admin-extension.ftlh",
                    page.title() == null ? pluginId : page.title(), PREFIX + pluginId, Map.of("bodyHtml", body));
            return page.status() == 200 ? r : Response.fromResponse(r).status(page.status()).build();
        }
        throw new CampaignService.NotFound("no admin page " + path + " in plugin " + pluginId);
    }

}
