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
        Preview preview = preview(context, v, name -> {
            String p = request.param(name);
            return p == null ? null : List.of(p);
        });
        if (preview == null) {
            return new PluginResponse.Json(404, Map.of("error", v.messages().get("emailLegislators.error.notFound")));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("heading", v.messages().get("emailLegislators.preview.heading"));
        body.put("letters", preview.letters());
        body.put("candidates", preview.candidates());
        return PluginResponse.json(body);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s.trim();
    }

    /** The letters a supporter's legislators would get, and the districts still to choose between. */
    record Preview(List<Map<String, Object>> letters, List<Map<String, Object>> candidates) {
    }

    /** Shared by the JSON route (live preview) and the form's server-side preview step; null when nothing found. */
    static Preview preview(PluginContext context, ActionView v, EmailLegislatorsAction.Values values) {
        LetterSettings s = LetterSettings.of(v.settings());
        FoundTargets found = context.targetFinder().find(EmailLegislatorsAction.query(values));
        if (found.isEmpty()) {
            return null;
        }
        List<TargetInfo> targets = new ArrayList<>();
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (String chamber : s.chambers()) {
            String chosen = value(values, "district_" + chamber);
            found.districts().stream().filter(d -> chamber.equals(d.match().chamber()) && !d.sitting().isEmpty())
                    .findFirst().or(() -> found.candidates().stream().filter(d -> chamber.equals(d.match().chamber())
                            && d.match().ocdId().equals(chosen) && !d.sitting().isEmpty()).findFirst())
                    .ifPresent(d -> targets.add(d.sitting().get(0)));
            found.candidates().stream().filter(d -> chamber.equals(d.match().chamber())).forEach(d -> candidates.add(Map.of(
                    "chamber", chamber, "district", d.match().name(), "ocdId", d.match().ocdId())));
        }
        String first = value(values, "first_name");
        String town = value(values, "town");
        Letters.Constituent c = new Letters.Constituent(
                first.isEmpty() ? v.messages().get("emailLegislators.placeholder.supporter.first_name") : first,
                value(values, "last_name"), value(values, "street"),
                town.isEmpty() && found.place() != null ? found.place() : town, value(values, "zip"));
        List<String> body = values.get("body");
        List<Letters.Letter> letters = Letters.compose(s, targets, c,
                s.lockText() || body == null || body.isEmpty() ? null : body.get(0), value(values, "personal"),
                context.stances(), v.messages(), EmailLegislatorsAction.delivery(context, v.campaign(), v.actionId(), s,
                        v.messages()), v.campaign().title(), v.campaign().organizationName());
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
            m.put("stancesHeading", v.messages().get("emailLegislators.stances.heading", l.target().title() + " " + l.target().name()));
            m.put("stances", stances(context, s, l.target(), v.messages()));
            out.add(m);
        }
        return new Preview(out, candidates);
    }

    /**
     * Where the legislator stands on each of the campaign's bills, through the installed stance providers (e.g. the
     * scorecards plugin), so the supporter sees it next to the letter. Unknown is said as such, never as "no".
     */
    static List<Map<String, Object>> stances(PluginContext context, LetterSettings s, TargetInfo target,
                                             org.chorus.api.Messages messages) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LetterSettings.Bill b : s.bills()) {
            String code = context.stances().stance(target.externalId(), b.key()).name().toLowerCase(Locale.ROOT);
            out.add(Map.of("bill", b.name() == null ? b.key() : b.name(), "key", b.key(), "stance", code,
                    "label", messages.get("emailLegislators.stance." + code)));
        }
        return out;
    }

    private static String value(EmailLegislatorsAction.Values values, String name) {
        List<String> l = values.get(name);
        return l == null || l.isEmpty() || l.get(0) == null ? "" : l.get(0).trim();
    }
}
