package org.chorus.testplugins.greeting;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.api.PluginContext;
import org.chorus.api.action.ActionView;
import org.chorus.api.action.Fragment;
import org.chorus.api.action.RecordedAction;
import org.chorus.api.admin.AdminLink;
import org.chorus.api.admin.AdminRequest;
import org.chorus.api.admin.AdminRoutes;
import org.chorus.api.admin.StaffRole;
import org.chorus.api.admin.Upload;
import org.chorus.api.web.PluginResponse;
import org.pf4j.Extension;

/**
 * Staff pages of the greeting plugin, exercising every part of {@link AdminRoutes}: a themed page over the plugin's
 * own action records (and, to prove the ledger's fence, the count it gets for another plugin's action), a form that
 * writes the audit log, a file upload, a CSV download and an owner-only page.
 */
@Extension
public class GreetingAdmin implements AdminRoutes {

    private final PluginContext context;

    public GreetingAdmin(PluginContext context) {
        this.context = context;
    }

    @Override
    public List<AdminLink> links() {
        return List.of(new AdminLink("Greetings", "", StaffRole.VIEWER));
    }

    @Override
    public PluginResponse handle(AdminRequest request) {
        long greet = id("it-plugins", "greet");
        return switch (request.method() + " " + request.path()) {
            case "GET " -> {
                List<String> names = new ArrayList<>();
                for (RecordedAction a : context.actions().latest(greet, 10)) {
                    names.add(a.supporter() == null ? "(deleted)" : a.supporter().firstName());
                }
                yield PluginResponse.page("Greetings", new Fragment("admin.ftlh", Map.of(
                        "count", context.actions().count(greet), "names", names,
                        "othersCount", context.actions().count(id("safe-communities-act", "email-your-legislators")),
                        "done", request.param("done") == null ? "" : request.param("done"))));
            }
            case "POST note" -> {
                String note = request.param("note") == null ? "" : request.param("note");
                if (note.isBlank()) {
                    yield new PluginResponse.Page(400, "Greetings", new Fragment("admin.ftlh", Map.of("count", 0L,
                            "names", List.of(), "othersCount", 0L, "done", "", "error", "Write a note.")), null);
                }
                context.auditLog().record(request.staff(), "greeting.note", "it-plugins/greet", null,
                        "{\"note\":\"" + note.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
                yield PluginResponse.redirect("/admin/extensions/greeting?done=noted");
            }
            case "POST upload" -> {
                Upload file = request.uploads().get("file");
                String text = file == null ? "no file" : file.fileName() + " " + file.content().length + " bytes, label "
                        + request.param("label");
                yield PluginResponse.redirect("/admin/extensions/greeting?done="
                        + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8));
            }
            case "GET greetings.csv" -> {
                StringBuilder csv = new StringBuilder("first_name,taken_at\r\n");
                context.actions().forEach(greet, a -> csv.append(a.supporter() == null ? "" : a.supporter().firstName())
                        .append(',').append(a.takenAt()).append("\r\n"));
                yield new PluginResponse.Raw(200, "text/csv; charset=UTF-8", csv.toString().getBytes(StandardCharsets.UTF_8),
                        Map.of("Content-Disposition", "attachment; filename=\"greetings.csv\""));
            }
            case "GET owners" -> request.staff().has(StaffRole.OWNER)
                    ? PluginResponse.page("Owners", new Fragment("admin.ftlh", Map.of("count", 0L, "names", List.of(),
                            "othersCount", 0L, "done", "owners only")))
                    : new PluginResponse.Page(403, "Owners", new Fragment("admin.ftlh", Map.of("count", 0L,
                            "names", List.of(), "othersCount", 0L, "done", "", "error", "Owners only.")), null);
            default -> null;
        };
    }

    private long id(String slug, String key) {
        return context.campaignActions().find(slug, key, Locale.ENGLISH).map(ActionView::campaignActionId).orElse(-1L);
    }
}
