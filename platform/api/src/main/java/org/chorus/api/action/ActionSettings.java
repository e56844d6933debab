package org.chorus.api.action;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A campaign action's settings as staff wrote them (YAML or the admin console): a JSON-like tree. */
public record ActionSettings(Map<String, Object> values) {

    public ActionSettings {
        values = values == null ? Map.of() : values;
    }

    public Optional<Object> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String string(String name, String defaultValue) {
        Object v = values.get(name);
        return v == null ? defaultValue : v.toString();
    }

    public boolean bool(String name, boolean defaultValue) {
        Object v = values.get(name);
        return v == null ? defaultValue : (v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString()));
    }

    public long number(String name, long defaultValue) {
        Object v = values.get(name);
        if (v instanceof Number n) {
            return n.longValue();
        }
        return v == null ? defaultValue : Long.parseLong(v.toString().trim());
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String name) {
        Object v = values.get(name);
        return v instanceof List<?> l ? (List<Object>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String name) {
        Object v = values.get(name);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
