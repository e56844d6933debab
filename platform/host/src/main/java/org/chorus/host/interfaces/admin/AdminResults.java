package org.chorus.host.interfaces.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.host.application.CampaignSnapshot;
import org.chorus.host.application.Platform;
import org.chorus.host.application.admin.CampaignResults;
import org.chorus.host.domain.staff.Role;
import org.chorus.host.interfaces.web.Pages;

/**
 * A campaign's results: actions per day (an SVG chart drawn on the server, so it needs no script), by source code
 * and by action, the constituent-pressure table (also as PDF), letter delivery states and the median time from
 * landing to action; and the export of its actions as CSV. Reports are for every role; the export, which holds
 * supporters' personal data, for organizers.
 */
@Path("admin")
@Produces(MediaType.TEXT_HTML)
public class AdminResults {

    /** The chart shows at most this many days (the latest). */
    static final int CHART_DAYS = 366;
    static final String SLUG = "{slug: [a-z0-9]+(-[a-z0-9]+)*}";

    @Inject
    Platform platform;
    @Inject
    Pages pages;
    @Context
    ContainerRequestContext request;

    @GET
    @Path("campaigns/" + SLUG + "/results")
    @RequiresRole(Role.VIEWER)
    public Response results(@PathParam("slug") String slug) {
        CampaignSnapshot c = campaign(slug);
        CampaignResults r = platform.campaignResults();
        long id = c.id();
        Map<String, Object> m = new HashMap<>();
        m.put("campaign", Map.of("slug", c.slug(), "title", c.content(Locale.ENGLISH).title(), "status", c.status()));
        CampaignResults.Totals totals = r.totals(id);
        m.put("totals", Map.of("actions", totals.actions(), "supporters", totals.supporters()));
        List<CampaignResults.Day> active = r.perDay(id);
        List<CampaignResults.Day> days = CampaignResults.fillDays(active, CHART_DAYS);
        m.put("truncated", !active.isEmpty() && active.get(0).day().isBefore(days.get(0).day()));
        m.put("chart", DayChart.of(days));
        m.put("days", days.stream().map(d -> Map.of("day", d.day().toString(), "actions", d.actions())).toList());
        m.put("sources", r.bySource(id).stream().map(s -> Map.of("source", s.sourceCode() == null ? "" : s.sourceCode(),
                "actions", s.actions())).toList());
        m.put("perAction", r.byAction(id).stream().map(a -> Map.of("key", a.actionKey(), "type", a.actionType(),
                "title", a.title() == null ? a.actionKey() : a.title(), "actions", a.actions())).toList());
        m.put("pressure", r.pressure(id).stream().map(AdminResults::pressureRow).toList());
        Map<String, Object> states = new LinkedHashMap<>();
        r.deliveryStates(id).forEach((k, v) -> states.put(k.name().toLowerCase(Locale.ROOT), v));
        m.put("states", states);
        CampaignResults.Median median = r.medianLandingToAction(id);
        m.put("median", median.seconds() == null ? "" : duration(median.seconds()));
        m.put("medianMeasured", median.measured());
        m.put("canExport", AdminPage.session(request).user().role().includes(Role.ORGANIZER));
        return AdminPage.render(pages, request, 200, "admin-results.ftlh", "Results: " + c.content(Locale.ENGLISH).title(),
                "/admin/campaigns", m);
    }

    /** The constituent-pressure table to print and take to a meeting. */
    @GET
    @Path("campaigns/" + SLUG + "/results/pressure.pdf")
    @Produces("application/pdf")
    @RequiresRole(Role.VIEWER)
    public Response pressurePdf(@PathParam("slug") String slug) {
        CampaignSnapshot c = campaign(slug);
        List<CampaignResults.Pressure> rows = platform.campaignResults().pressure(c.id());
        CampaignResults.Totals totals = platform.campaignResults().totals(c.id());
        String organization = c.organizationName() == null ? platform.config().organizationName() : c.organizationName();
        ZonedDateTime now = ZonedDateTime.now(platform.clock());
        StreamingOutput body = out -> PressurePdf.write(c.content(Locale.ENGLISH).title(), organization, rows, totals, now, out);
        return Response.ok(body, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + c.slug() + "-pressure-"
                        + now.format(DateTimeFormatter.ISO_LOCAL_DATE) + ".pdf\"")
                .header("Cache-Control", "no-store").build();
    }

    /** The export page: how many rows, then the download (which streams). */
    @GET
    @Path("campaigns/" + SLUG + "/results/actions")
    @RequiresRole(Role.ORGANIZER)
    public Response exportPage(@PathParam("slug") String slug) {
        CampaignSnapshot c = campaign(slug);
        Map<String, Object> m = new HashMap<>();
        m.put("heading", "Export the actions of " + c.content(Locale.ENGLISH).title());
        m.put("rows", platform.supporterAdmin().countCampaignActions(c.id()));
        m.put("what", "actions");
        m.put("columns", org.chorus.host.application.admin.SupporterAdmin.ACTION_COLUMNS);
        m.put("download", "/admin/campaigns/" + c.slug() + "/results/actions.csv");
        m.put("back", Map.of("url", "/admin/campaigns/" + c.slug() + "/results", "label", "Back to the results"));
        return AdminPage.render(pages, request, 200, "admin-export.ftlh", "Export actions", "/admin/campaigns", m);
    }

    @GET
    @Path("campaigns/" + SLUG + "/results/actions.csv")
    @Produces("text/csv")
    @RequiresRole(Role.ORGANIZER)
    public Response exportCsv(@PathParam("slug") String slug) {
        CampaignSnapshot c = campaign(slug);
        StreamingOutput body = out -> platform.supporterAdmin().exportCampaignActions(c.id(), out);
        return Csv.download(body, c.slug() + "-actions-" + java.time.LocalDate.now(platform.clock()) + ".csv");
    }

    private CampaignSnapshot campaign(String slug) {
        return platform.campaigns().snapshot(slug).orElseThrow(() -> new NotFoundException("no campaign " + slug));
    }

    private static Map<String, Object> pressureRow(CampaignResults.Pressure p) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", (p.title() == null || p.title().isBlank() ? "" : p.title() + " ") + p.name());
        m.put("party", AdminPage.nz(p.party()));
        m.put("chamber", AdminPage.nz(p.chamber()));
        m.put("district", AdminPage.nz(p.district()));
        m.put("constituents", p.constituents());
        m.put("sent", p.sent());
        m.put("pending", p.pending());
        m.put("dead", p.dead());
        return m;
    }

    /** "42 s", "3 min 5 s", "2 h 10 min". */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        }
        return (s / 3600) + " h" + ((s % 3600) / 60 == 0 ? "" : " " + ((s % 3600) / 60) + " min");
    }

    /**
     * The bars of the actions-per-day chart in SVG user units: the view box is 720 × 240, bars fill the plot
     * area left of the axis labels; a few dates and counts label the axes. The template draws them.
     */
    static final class DayChart {
        static final int WIDTH = 720;
        static final int HEIGHT = 240;
        static final int LEFT = 48;
        static final int BOTTOM = 28;
        static final int TOP = 10;

        private DayChart() {
        }

        static Map<String, Object> of(List<CampaignResults.Day> days) {
            if (days.isEmpty()) {
                return Map.of();
            }
            long max = days.stream().mapToLong(CampaignResults.Day::actions).max().orElse(0);
            long top = Math.max(1, niceCeiling(max));
            double plotW = WIDTH - LEFT - 8;
            double plotH = HEIGHT - BOTTOM - TOP;
            double slot = plotW / days.size();
            double barW = Math.max(1, Math.min(slot * 0.8, 40)); // a single day is a bar, not a wall
            List<Map<String, Object>> bars = new ArrayList<>();
            for (int i = 0; i < days.size(); i++) {
                CampaignResults.Day d = days.get(i);
                double h = plotH * d.actions() / top;
                bars.add(Map.of("x", fmt(LEFT + i * slot + (slot - barW) / 2), "y", fmt(TOP + plotH - h), "w", fmt(barW),
                        "h", fmt(h), "label", d.day() + ": " + d.actions() + (d.actions() == 1 ? " action" : " actions")));
            }
            List<Map<String, Object>> xLabels = new ArrayList<>();
            int[] at = days.size() == 1 ? new int[] {0} : days.size() == 2 ? new int[] {0, 1} : new int[] {0, days.size() / 2, days.size() - 1};
            for (int i : at) {
                xLabels.add(Map.of("x", fmt(LEFT + i * slot + slot / 2), "y", HEIGHT - 8, "text", days.get(i).day().toString()));
            }
            List<Map<String, Object>> yLabels = new ArrayList<>();
            for (long v : top < 2 ? new long[] {0, top} : new long[] {0, top / 2, top}) {
                yLabels.add(Map.of("x", LEFT - 6, "y", fmt(TOP + plotH - plotH * v / top + 4), "text", Long.toString(v),
                        "lineY", fmt(TOP + plotH - plotH * v / top)));
            }
            Map<String, Object> m = new HashMap<>();
            m.put("width", WIDTH);
            m.put("height", HEIGHT);
            m.put("left", LEFT);
            m.put("right", WIDTH - 8);
            m.put("bars", bars);
            m.put("xLabels", xLabels);
            m.put("yLabels", yLabels);
            m.put("max", max);
            m.put("first", days.get(0).day().toString());
            m.put("last", days.get(days.size() - 1).day().toString());
            m.put("total", days.stream().mapToLong(CampaignResults.Day::actions).sum());
            return m;
        }

        /** 1, 2, 5, 10, 20, 50, ... at or above {@code v}, so the axis reads in round numbers. */
        static long niceCeiling(long v) {
            long step = 1;
            while (true) {
                for (long k : new long[] {1, 2, 5}) {
                    if (k * step >= v) {
                        return k * step;
                    }
                }
                step *= 10;
            }
        }

        private static String fmt(double d) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
    }
}
