package org.chorus.host.interfaces.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import java.util.HashMap;
import java.util.Map;
import org.chorus.host.application.Platform;
import org.chorus.host.application.admin.SupporterAdmin;
import org.chorus.host.domain.staff.Role;
import org.chorus.host.interfaces.web.Pages;

/**
 * Supporters: search, one person (actions, letters, consent history), export, and deleting a person's data on
 * their request (a confirmation page first: the organizer types the person's e-mail address). Supporters' personal
 * data is for organizers and owners.
 */
@Path("admin")
@Produces(MediaType.TEXT_HTML)
@RequiresRole(Role.ORGANIZER)
public class AdminSupporters {

    static final int PAGE_SIZE = 50;

    @Inject
    Platform platform;
    @Inject
    Pages pages;
    @Context
    ContainerRequestContext request;

    @GET
    @Path("supporters")
    public Response search(@QueryParam("q") String q, @QueryParam("page") String page, @QueryParam("done") String done) {
        String query = clean(q);
        int p = Math.max(1, parse(page));
        SupporterAdmin.Page result = platform.supporterAdmin().search(query, PAGE_SIZE, (p - 1) * PAGE_SIZE);
        Map<String, Object> m = new HashMap<>();
        m.put("q", query);
        m.put("total", result.total());
        m.put("page", p);
        m.put("pages", Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        m.put("rows", result.rows().stream().map(s -> {
            Map<String, Object> r = new HashMap<>();
            r.put("id", s.id());
            r.put("email", s.email());
            r.put("name", name(s));
            r.put("town", AdminPage.nz(s.town()));
            r.put("postalCode", AdminPage.nz(s.postalCode()));
            r.put("since", AdminPage.time(s.createdAt()));
            r.put("actions", s.actions());
            return r;
        }).toList());
        m.put("notice", "deleted".equals(done) ? "The supporter's personal data is deleted. Their actions still count, anonymously." : "");
        m.put("exportUrl", UriBuilder.fromPath("/admin/supporters/export").queryParam("q", query).build().toString());
        m.put("pageUrl", UriBuilder.fromPath("/admin/supporters").queryParam("q", query).build().toString());
        return AdminPage.render(pages, request, 200, "admin-supporters.ftlh", "Supporters", "/admin/supporters", m);
    }

    @GET
    @Path("supporters/{id: \\d{1,18}}")
    public Response person(@PathParam("id") long id) {
        SupporterAdmin.Person p = platform.supporterAdmin().person(id).orElseThrow(() -> new NotFoundException("no supporter " + id));
        return AdminPage.render(pages, request, 200, "admin-supporter.ftlh", name(p.summary()), "/admin/supporters",
                Map.of("s", personModel(p)));
    }

    @GET
    @Path("supporters/{id: \\d{1,18}}/delete")
    public Response confirmDelete(@PathParam("id") long id) {
        return deletePage(200, id, "", "");
    }

    @POST
    @Path("supporters/{id: \\d{1,18}}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id, @FormParam("confirmEmail") String confirmEmail) {
        SupporterAdmin.Person p = platform.supporterAdmin().person(id).orElseThrow(() -> new NotFoundException("no supporter " + id));
        if (confirmEmail == null || !confirmEmail.trim().equalsIgnoreCase(p.summary().email())) {
            return deletePage(400, id, AdminPage.nz(confirmEmail), "Type the supporter's e-mail address exactly as shown above.");
        }
        if (platform.supporterAdmin().delete(AdminPage.session(request).user(), id).isEmpty()) {
            throw new NotFoundException("no supporter " + id);
        }
        return Response.seeOther(java.net.URI.create("/admin/supporters?done=deleted")).build();
    }

    @GET
    @Path("supporters/export")
    public Response exportPage(@QueryParam("q") String q) {
        String query = clean(q);
        Map<String, Object> m = new HashMap<>();
        m.put("heading", query.isEmpty() ? "Export all supporters" : "Export the supporters matching “" + query + "”");
        m.put("rows", platform.supporterAdmin().count(query));
        m.put("what", "supporters");
        m.put("columns", SupporterAdmin.SUPPORTER_COLUMNS);
        m.put("download", UriBuilder.fromPath("/admin/supporters.csv").queryParam("q", query).build().toString());
        m.put("back", Map.of("url", UriBuilder.fromPath("/admin/supporters").queryParam("q", query).build().toString(),
                "label", "Back to the supporters"));
        return AdminPage.render(pages, request, 200, "admin-export.ftlh", "Export supporters", "/admin/supporters", m);
    }

    @GET
    @Path("supporters.csv")
    @Produces("text/csv")
    public Response exportCsv(@QueryParam("q") String q) {
        String query = clean(q);
        StreamingOutput body = out -> platform.supporterAdmin().exportSupporters(query, out);
        return Csv.download(body, "supporters-" + java.time.LocalDate.now(platform.clock()) + ".csv");
    }

    private Response deletePage(int status, long id, String typed, String error) {
        SupporterAdmin.Person p = platform.supporterAdmin().person(id).orElseThrow(() -> new NotFoundException("no supporter " + id));
        Map<String, Object> m = new HashMap<>();
        m.put("s", personModel(p));
        m.put("typed", typed);
        m.put("error", error);
        return AdminPage.render(pages, request, status, "admin-supporter-delete.ftlh", "Delete " + name(p.summary()),
                "/admin/supporters", m);
    }

    private static Map<String, Object> personModel(SupporterAdmin.Person p) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", p.summary().id());
        m.put("email", p.summary().email());
        m.put("name", name(p.summary()));
        m.put("street", AdminPage.nz(p.street()));
        m.put("town", AdminPage.nz(p.summary().town()));
        m.put("postalCode", AdminPage.nz(p.summary().postalCode()));
        m.put("locale", AdminPage.nz(p.locale()));
        m.put("since", AdminPage.time(p.summary().createdAt()));
        m.put("updated", AdminPage.time(p.updatedAt()));
        m.put("actions", p.actions().stream().map(a -> {
            Map<String, Object> r = new HashMap<>();
            r.put("id", a.id());
            r.put("at", AdminPage.time(a.createdAt()));
            r.put("campaignSlug", a.campaignSlug());
            r.put("campaignTitle", a.campaignTitle());
            r.put("action", a.actionKey() + " (" + a.actionType() + ")");
            r.put("source", AdminPage.nz(a.sourceCode()));
            return r;
        }).toList());
        m.put("letters", p.letters().stream().map(l -> Map.of("id", l.id(), "to", AdminPage.nz(l.toName()).isEmpty()
                ? AdminPage.nz(l.toAddress()) : l.toName() + " <" + l.toAddress() + ">", "state", l.state(),
                "at", AdminPage.time(l.createdAt()))).toList());
        m.put("consents", p.consents().stream().map(c -> Map.of("key", c.key(), "granted", c.granted(),
                "at", AdminPage.time(c.recordedAt()), "source", AdminPage.nz(c.source()))).toList());
        return m;
    }

    private static String name(SupporterAdmin.Summary s) {
        String n = (AdminPage.nz(s.firstName()) + " " + AdminPage.nz(s.lastName())).trim();
        return n.isEmpty() ? s.email() : n;
    }

    private static String clean(String q) {
        if (q == null) {
            return "";
        }
        String t = q.strip();
        return t.length() > 200 ? t.substring(0, 200) : t;
    }

    private static int parse(String page) {
        try {
            return page == null ? 1 : Integer.parseInt(page.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
