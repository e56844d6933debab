package org.chorus.plugins.email;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.api.PluginContext;
import org.chorus.api.TargetInfo;
import org.chorus.api.action.ActionView;
import org.chorus.api.lookup.FoundTargets;
import org.chorus.api.web.PluginRequest;
import org.chorus.api.web.PluginResponse;
import org.chorus.api.web.PluginRoutes;
import org.pf4j.Extension;

/**
 * {@code GET /plugins/email-legislators/preview?campaign=…&action=…&street=…&zip=…} (or {@code lat}/{@code lon}):
 * the letters each of the supporter's legislators would get, as JSON, for the page's live preview. Nothing is
 * stored.
 */
@Extension
public class LetterPreviewRoutes implements PluginRoutes {

    private final PluginContext context;

    public LetterPreviewRoutes(PluginContext context) {
        this.context = context;
    }

    @Override
    public PluginResponse handle(PluginRequest request) {
        if (!"preview".equals(request.path())) {
            return null;
        }
        String campaign = request.param("campaign");
        String action = request.param("action");
        if (campaign == null || action == null) {
            return new PluginResponse.Json(400, Map.of("error", "campaign and action are required"));
        }
        Locale locale = request.locale();
        var view = context.campaignActions().find(campaign, action, locale);
        if (view.isEmpty()) {
            return new PluginResponse.Json(404, Map.of("error", "no such campaign action"));
        }
        ActionView v = view.get();
        LetterSettings s = LetterSettings.of(v.settings());
        FoundTargets found = context.targetFinder().find(EmailLegislatorsAction.query(name -> {
            String p = request.param(name);
            return p == null ? null : List.of(p);
        }));
        if (found.isEmpty()) {
            return new PluginResponse.Json(404, Map.of("error", v.messages().get("emailLegislators.error.notFound")));
        }
        List<TargetInfo> targets = new ArrayList<>();
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (String chamber : s.chambers()) {
            found.districts().stream().filter(d -> chamber.equals(d.match().chamber()) && !d.sitting().isEmpty())
                    .findFirst().ifPresent(d -> targets.add(d.sitting().get(0)));
            found.candidates().stream().filter(d -> chamber.equals(d.match().chamber())).forEach(d -> candidates.add(Map.of(
                    "chamber", chamber, "district", d.match().name(), "ocdId", d.match().ocdId())));
        }
        String first = nonNull(request.param("first_name"));
        String last = nonNull(request.param("last_name"));
        Letters.Constituent c = new Letters.Constituent(first.isEmpty() ? v.messages().get("emailLegislators.placeholder.supporter.first_name") : first,
                last, nonNull(request.param("street")),
                request.param("town") == null || request.param("town").isBlank() ? nonNull(found.place()) : request.param("town").trim(),
                nonNull(request.param("zip")));
        List<Letters.Letter> letters = Letters.compose(s, targets, c, s.lockText() ? null : request.param("body"),
                request.param("personal"), context.stances(), v.messages(), context.messages(Locale.ENGLISH),
                v.campaign().title(), v.campaign().organizationName());
        List<Map<String, Object>> out = new ArrayList<>();
        for (Letters.Letter l : letters) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("to", l.target().title() + " " + l.target().name());
            m.put("district", l.target().divisionName());
            m.put("chamber", l.target().chamber());
            m.put("heading", v.messages().get("emailLegislators.preview.to", l.target().title() + " " + l.target().name(),
                    l.target().divisionName()));
            m.put("subject", l.subject());
            m.put("body", l.body());
            out.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("heading", v.messages().get("emailLegislators.preview.heading"));
        body.put("letters", out);
        body.put("candidates", candidates);
        return PluginResponse.json(body);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s.trim();
    }
}
