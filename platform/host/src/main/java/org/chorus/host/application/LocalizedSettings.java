package org.chorus.host.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An action's settings in one language: its own settings with a translation's texts laid over them. Mappings
 * merge key by key, lists entry by entry (a translation lists variants, consents, bills in the same order), and
 * a text replaces a text; what a translation leaves out stays as the action's own.
 */
public final class LocalizedSettings {

    private LocalizedSettings() {
    }

    public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overrides) {
        if (overrides == null || overrides.isEmpty()) {
            return base;
        }
        Map<String, Object> out = new LinkedHashMap<>(base);
        overrides.forEach((k, v) -> out.put(k, mergeValue(base.get(k), v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object mergeValue(Object base, Object override) {
        if (override == null) {
            return base;
        }
        if (base instanceof Map<?, ?> bm && override instanceof Map<?, ?> om) {
            return merge((Map<String, Object>) bm, (Map<String, Object>) om);
        }
        if (base instanceof List<?> bl && override instanceof List<?> ol) {
            List<Object> out = new ArrayList<>(bl);
            for (int i = 0; i < ol.size(); i++) {
                if (i < out.size()) {
                    out.set(i, mergeValue(out.get(i), ol.get(i)));
                } else {
                    out.add(ol.get(i));
                }
            }
            return out;
        }
        if (base instanceof Map || base instanceof List) {
            return base; // a text cannot replace a structure: the translation keeps the action's own
        }
        return override;
    }

    /** The value at a path such as {@code variants[0].body}, or null. */
    @SuppressWarnings("unchecked")
    public static Object at(Map<String, Object> tree, String path) {
        Object node = tree;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            if (!(node instanceof Map<?, ?> m)) {
                return null;
            }
            node = ((Map<String, Object>) m).get(name);
            if (bracket >= 0) {
                int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
                if (!(node instanceof List<?> l) || index >= l.size()) {
                    return null;
                }
                node = l.get(index);
            }
        }
        return node;
    }
}
