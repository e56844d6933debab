package org.chorus.api.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request routed to a plugin.
 *
 * @param path    the part after {@code /plugins/<pluginId>/}, without a leading slash
 * @param query   query parameters
 * @param form    form parameters of a POST (empty otherwise)
 */
public record PluginRequest(String method, String path, Map<String, List<String>> query,
                            Map<String, List<String>> form, Locale locale) {

    public String param(String name) {
        List<String> v = query.get(name);
        if (v == null || v.isEmpty()) {
            v = form.get(name);
        }
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
