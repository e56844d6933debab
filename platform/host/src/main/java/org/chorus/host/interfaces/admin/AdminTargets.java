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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.host.application.Platform;
import org.chorus.host.application.admin.TargetsAdmin;
import org.chorus.host.application.targets.ImportSummary;
import org.chorus.host.domain.staff.Role;
import org.chorus.host.interfaces.web.Pages;

/**
 * Targets (legislators) and districts: who the platform writes to, vacant seats, and imports of legislators or
 * district boundaries from a file or URL with their summary (the reference data is also re-seeded at start when
 * its files change). Reading is for every role; an import, which changes who every campaign writes to, for
 * organizers.
 */
@Path("admin/targets")
@Produces(MediaType.TEXT_HTML)
public class AdminTargets {

    static final String SECTION = "/admin/targets";

    @Inject
    Platform platform;
    @Inject
    Pages pages;
    @Context
    ContainerRequestContext request;

    @GET
    @RequiresRole(Role.VIEWER)
    public Response list(@QueryParam("q") String q, @QueryParam("former") String former) {
        return page(200, q, "yes".equals(former), Map.of(), null, null);
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresRole(Role.ORGANIZER)
    public Response runImport(@FormParam("kind") String kind, @FormParam("source") String source) {
        TargetsAdmin.Kind k;
        try {
            k = TargetsAdmin.Kind.valueOf(String.valueOf(kind).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return page(400, "", false, Map.of("kind", "Choose what the file holds."), source, kind);
        }
        try {
            ImportSummary summary = platform.targetsAdmin().runImport(AdminPage.session(request).user(), k, source);
            return page(200, "", false, Map.of(), null, null, summary);
        } catch (TargetsAdmin.InvalidSource e) {
            return page(400, "", false, Map.of("source", e.getMessage()), source, kind);
        }
    }

    private Response page(int status, String q, boolean former, Map<String, String> errors, String source, String kind) {
        return page(status, q, former, errors, source, kind, null);
    }

    private Response page(int status, String q, boolean former, Map<String, String> errors, String source, String kind,
                          ImportSummary summary) {
        Map<String, Object> m = new HashMap<>();
        String query = q == null ? "" : q.trim();
        m.put("q", query);
        m.put("former", former);
        m.put("rows", platform.targetsAdmin().search(query, former).stream().map(r -> Map.<String, Object>of(
                "name", r.name(), "title", r.title(), "chamber", r.chamber(), "party", r.party(),
                "district", r.district(), "sitting", r.sitting())).toList());
        Map<String, Object> counts = new HashMap<>();
        platform.targetsAdmin().divisionCounts().forEach((k, v) -> counts.put(k, Map.of("total", v[0], "vacant", v[1])));
        m.put("divisions", counts);
        m.put("errors", errors);
        m.put("source", source == null ? "" : source);
        m.put("kind", kind == null ? "legislators" : kind.toLowerCase(Locale.ROOT));
        m.put("kinds", List.of(Map.of("value", "legislators", "label", "Legislators (Open States people: folder of YAML, or CSV)"),
                Map.of("value", "senate_districts", "label", "State Senate district boundaries (GeoJSON or shapefile)"),
                Map.of("value", "house_districts", "label", "State House district boundaries (GeoJSON or shapefile)")));
        m.put("referenceData", platform.config().referenceDataDir().toString());
        if (summary != null) {
            m.put("summary", Map.of("source", summary.source(), "created", summary.created().size(),
                    "updated", summary.updated().size(), "unchanged", summary.unchanged().size(),
                    "retired", summary.retired().size(),
                    "rejected", summary.rejected().stream().map(Object::toString).toList()));
        }
        return AdminPage.render(pages, request, status, "admin-targets.ftlh", "Targets and districts", SECTION, m);
    }
}
