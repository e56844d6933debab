package org.chorus.host.interfaces.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chorus.host.application.CampaignSnapshot;
import org.chorus.host.application.Platform;
import org.chorus.host.application.admin.OutboxAdmin;
import org.chorus.host.application.admin.StaffSecurity;
import org.chorus.host.domain.outbox.OutboxState;
import org.chorus.host.domain.staff.Role;
import org.chorus.host.infrastructure.mail.SinkMailbox;
import org.chorus.host.infrastructure.plugins.PluginStatus;
import org.chorus.host.interfaces.web.Pages;

/**
 * The console's pages. Every method declares the least role it needs; {@link AdminFilter} has checked it (and the
 * CSRF token of POSTs) before the method runs, and put the session in the request.
 */
@Path("admin")
@Produces(MediaType.TEXT_HTML)
public class AdminConsole {

    private static final int LIST_LIMIT = 200;
    /** Shown instead of a password reset's body: its link would let the reader set someone's password. */
    static final String CONFIDENTIAL = "[A password reset link: only its recipient may read it.]";

    @Inject
    Platform platform;
    @Inject
    Pages pages;
    @Context
    ContainerRequestContext request;

    @GET
    @RequiresRole(Role.VIEWER)
    public Response dashboard() {
        List<Map<String, Object>> campaigns = new ArrayList<>();
        for (CampaignSnapshot c : platform.campaigns().allCampaigns()) {
            campaigns.add(Map.of("slug", c.slug(), "title", c.content(Locale.ENGLISH).title(), "status", String.valueOf(c.status())));
        }
        List<Map<String, Object>> plugins = new ArrayList<>();
        for (PluginStatus p : platform.plugins().statuses()) {
            plugins.add(Map.of("id", p.id(), "version", String.valueOf(p.version()), "state", String.valueOf(p.state()),
                    "failures", String.valueOf(p.failures())));
        }
        Map<String, Object> m = new HashMap<>();
        m.put("campaigns", campaigns);
        m.put("plugins", plugins);
        m.put("counts", counts());
        return page("admin-dashboard.ftlh", "Dashboard", "/admin", m);
    }

    @GET
    @Path("outbox")
    @RequiresRole(Role.VIEWER)
    public Response outbox(@QueryParam("state") String state, @QueryParam("campaign") String campaign) {
        Optional<OutboxState> filter = parseState(state);
        Optional<Long> campaignId = campaign == null || campaign.isBlank() ? Optional.empty()
                : Optional.of(platform.campaignResults().campaignId(campaign).orElse(-1L));
        Map<String, Object> m = new HashMap<>();
        m.put("counts", counts());
        m.put("state", filter.map(s -> s.name().toLowerCase(Locale.ROOT)).orElse(""));
        m.put("states", java.util.Arrays.stream(OutboxState.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
        m.put("campaign", campaignId.isPresent() ? campaign : "");
        List<Map<String, Object>> perCampaign = new ArrayList<>();
        for (OutboxAdmin.CampaignCounts cc : platform.outboxAdmin().countsByCampaign()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("slug", cc.slug());
            c.put("title", cc.slug().isEmpty() ? "No campaign (account mail)" : cc.title());
            Map<String, Object> n = new LinkedHashMap<>();
            cc.counts().forEach((k, v) -> n.put(k.name().toLowerCase(Locale.ROOT), v));
            c.put("counts", n);
            c.put("total", cc.total());
            perCampaign.add(c);
        }
        m.put("perCampaign", perCampaign);
        m.put("messages", platform.outboxAdmin().list(filter, campaignId, LIST_LIMIT).stream().map(AdminConsole::row).toList());
        m.put("limit", LIST_LIMIT);
        return page("admin-outbox.ftlh", "Mail outbox", "/admin/outbox", m);
    }

    @GET
    @Path("outbox/{id: \\d{1,18}}")
    @RequiresRole(Role.VIEWER)
    public Response outboxMessage(@PathParam("id") long id, @QueryParam("done") String done) {
        OutboxAdmin.Row r = platform.outboxAdmin().get(id).orElseThrow(() -> new NotFoundException("no outbox message " + id));
        Map<String, Object> m = new HashMap<>();
        m.put("message", row(r));
        m.put("canRetry", r.retryable() && session().user().role().includes(Role.ORGANIZER));
        m.put("notice", "retried".equals(done) ? "The message is queued again." : "not-retryable".equals(done)
                ? "Only a failed or dead message can be retried; this one changed meanwhile." : "");
        m.put("inSink", platform.mail().sink().read(id).isPresent());
        return page("admin-outbox-message.ftlh", "Message " + id, "/admin/outbox", m);
    }

    @POST
    @Path("outbox/{id: \\d{1,18}}/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresRole(Role.ORGANIZER)
    public Response retry(@PathParam("id") long id) {
        boolean ok = platform.outboxAdmin().retry(session().user(), id);
        return Response.seeOther(URI.create("/admin/outbox/" + id + "?done=" + (ok ? "retried" : "not-retryable"))).build();
    }

    @GET
    @Path("sink")
    @RequiresRole(Role.VIEWER)
    public Response sink() {
        SinkMailbox box = platform.mail().sink();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (SinkMailbox.Entry e : box.list(LIST_LIMIT)) {
            entries.add(entry(e));
        }
        Map<String, Object> m = new HashMap<>();
        m.put("entries", entries);
        m.put("smtp", platform.mail().settings().smtpHost().isPresent());
        m.put("limit", LIST_LIMIT);
        return page("admin-sink.ftlh", "Local mail sink", "/admin/sink", m);
    }

    @GET
    @Path("sink/{id: \\d{1,18}}")
    @RequiresRole(Role.VIEWER)
    public Response sinkMessage(@PathParam("id") long id) {
        SinkMailbox.Message msg = platform.mail().sink().read(id).orElseThrow(() -> new NotFoundException("not in the sink: " + id));
        boolean confidential = platform.outboxAdmin().get(id).map(OutboxAdmin.Row::confidential).orElse(false);
        Map<String, Object> m = new HashMap<>(entry(msg.entry()));
        m.put("replyTo", nz(msg.replyTo()));
        m.put("sender", nz(msg.sender()));
        m.put("text", confidential ? CONFIDENTIAL : nz(msg.text()));
        m.put("raw", confidential ? CONFIDENTIAL : msg.raw());
        return page("admin-sink-message.ftlh", "Sink message " + id, "/admin/sink", Map.of("m", m));
    }

    @GET
    @Path("audit")
    @RequiresRole(Role.OWNER)
    public Response audit() {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (StaffSecurity.AuditEntry e : platform.staff().auditLog(LIST_LIMIT)) {
            entries.add(Map.of("id", e.id(), "at", e.at().toString(), "actor", nz(e.actorEmail()), "action", e.action(),
                    "subject", nz(e.subject()), "before", nz(e.before()), "after", nz(e.after())));
        }
        return page("admin-audit.ftlh", "Audit log", "/admin/audit", Map.of("entries", entries));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private StaffSecurity.Session session() {
        return AdminPage.session(request);
    }

    private Response page(String template, String title, String path, Map<String, Object> model) {
        return AdminPage.render(pages, request, 200, template, title, path, model);
    }

    private Map<String, Object> counts() {
        Map<String, Object> out = new LinkedHashMap<>();
        platform.outboxAdmin().counts().forEach((k, v) -> out.put(k.name().toLowerCase(Locale.ROOT), v));
        return out;
    }

    static Optional<OutboxState> parseState(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OutboxState.valueOf(s.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> row(OutboxAdmin.Row r) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", r.id());
        m.put("kind", nz(r.kind()).toLowerCase(Locale.ROOT));
        m.put("state", r.state().name().toLowerCase(Locale.ROOT));
        m.put("to", nz(r.toName()).isEmpty() ? nz(r.toAddress()) : r.toName() + " <" + r.toAddress() + ">");
        m.put("fromName", nz(r.fromName()));
        m.put("replyTo", nz(r.replyTo()));
        m.put("subject", nz(r.subject()));
        m.put("body", r.confidential() ? CONFIDENTIAL : nz(r.body()));
        m.put("messageId", nz(r.messageId()));
        m.put("attempts", r.attempts());
        m.put("createdAt", time(r.createdAt()));
        m.put("nextAttemptAt", time(r.nextAttemptAt()));
        m.put("sentAt", time(r.sentAt()));
        m.put("lastError", nz(r.lastError()));
        m.put("pluginId", nz(r.pluginId()));
        m.put("retryable", r.retryable());
        return m;
    }

    private static Map<String, Object> entry(SinkMailbox.Entry e) {
        return Map.of("id", e.outboxId(), "savedAt", time(e.savedAt()), "bytes", e.bytes(), "from", nz(e.from()),
                "to", nz(e.to()), "subject", nz(e.subject()), "messageId", nz(e.messageId()));
    }

    private static String time(Instant i) {
        return AdminPage.time(i);
    }

    private static String nz(String s) {
        return AdminPage.nz(s);
    }
}
