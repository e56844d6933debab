package org.chorus.host.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.chorus.api.action.ActionView;
import org.chorus.api.action.Fragment;
import org.chorus.host.application.ActionService;
import org.chorus.host.application.CampaignSnapshot;
import org.chorus.host.application.Platform;
import org.chorus.host.infrastructure.plugins.PluginFailure;

/**
 * Renders an action type's fragments on their own, so a failing plugin (or a broken plugin template) costs
 * its own box on the page and nothing else.
 */
@ApplicationScoped
public class ActionFragments {

    @Inject
    Platform platform;

    /** The form's HTML, or null when the action type is missing or failed. */
    public String form(CampaignSnapshot c, CampaignSnapshot.ActionSnapshot a, ActionView view, Map<String, Object> host,
                       Locale locale) {
        var type = platform.actionTypes().find(a.type());
        if (type.isEmpty()) {
            return null;
        }
        String pluginId = type.get().pluginId();
        try {
            Fragment f = platform.plugins().invoker().call(pluginId, "ActionType.form", () -> type.get().extension().form(view));
            Map<String, Object> model = new HashMap<>(f.model());
            Map<String, Object> action = new HashMap<>(host);
            action.put("key", a.key());
            action.put("title", a.title() == null ? "" : a.title());
            action.put("values", view.values());
            Map<String, String> errors = new HashMap<>();
            view.errors().forEach(e -> errors.merge(e.field(), e.message(), (x, y) -> x + " " + y));
            action.put("errors", errors);
            model.put("action", action);
            return render(c.theme(), pluginId, f, model, locale);
        } catch (PluginFailure e) {
            return null;
        }
    }

    public String result(ActionService.ThankYou t, Locale locale) {
        try {
            Fragment f = platform.plugins().invoker().call(t.pluginId(), "ActionType.result", () -> t.type().result(t.view()));
            Map<String, Object> model = new HashMap<>(f.model());
            model.put("deliveries", t.view().deliveries().stream().map(d -> Map.of(
                    "toName", d.toName() == null ? d.toAddress() : d.toName(), "state", d.state(),
                    "subject", d.subject())).toList());
            return render(t.campaign().theme(), t.pluginId(), f, model, locale);
        } catch (PluginFailure e) {
            return "";
        }
    }

    /** Template errors count against the plugin too: its template is part of the plugin. */
    private String render(String theme, String pluginId, Fragment f, Map<String, Object> model, Locale locale) {
        return platform.plugins().invoker().call(pluginId, "template " + f.template(),
                () -> platform.themes().render(theme, "plugin/" + pluginId + "/" + f.template(), model, locale));
    }
}
