package org.chorus.host.infrastructure.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON for settings and payload trees (maps, lists, strings, numbers, booleans), through JSON-B. */
public final class Json {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    private Json() {
    }

    public static String write(Object tree) {
        return JSONB.toJson(tree);
    }

    /** Parses a JSON object; numbers come back as Long when integral, else Double. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(String json) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        Object tree = JSONB.fromJson(json, LinkedHashMap.class);
        return (Map<String, Object>) normalize(tree);
    }

    /** Parses any JSON value (object, array, string, number, boolean, null) into a tree like {@link #readObject}. */
    public static Object read(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        return normalize(JSONB.fromJson(json, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static Object normalize(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), normalize(val)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(normalize(x)));
            return out;
        }
        if (v instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                return d.doubleValue();
            }
        }
        return v;
    }
}
