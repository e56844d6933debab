package org.chorus.host.interfaces.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chorus.api.action.SettingsSchema;
import org.chorus.api.action.SettingsSchema.Field;
import org.chorus.api.action.SettingsSchema.Type;

/**
 * An action's settings form, generated from the settings schema its type declares (the host knows nothing of any
 * particular action type), and read back into the settings tree.
 *
 * <p>A setting's form name is {@code s.} + its path as the schema's validation reports it ({@code s.subject},
 * {@code s.variants[0].body}), so a problem the type reports lands next to its field. A repeatable group carries
 * its entry count ({@code s.variants#}); entries are added or removed by submit buttons ({@code _op=add:variants},
 * {@code _op=remove:variants[1]}) that re-show the form without saving, so it all works without JavaScript.
 * Labels come from the type's messages: the field's {@code labelKey}, an optional {@code labelKey.hint}, and
 * {@code labelKey.<choice>} for a choice's name.
 */
final class SettingsForm {

    static final String PREFIX = "s.";
    static final int MAX_ENTRIES = 50;
    private static final Pattern INDEXED = Pattern.compile("(.+)\\[(\\d+)]");

    /** Message lookup that may have no answer (then the form falls back to the field name). */
    interface Labels {
        Optional<String> find(String key);
    }

    private SettingsForm() {
    }

    // ---- rendering ----------------------------------------------------------------------------------------------

    /**
     * The model of every field, for the {@code settingsField} macro.
     *
     * @param errors problems by setting path; those shown next to a field are removed, so what is left belongs in
     *               the form's error summary
     */
    static List<Map<String, Object>> fields(SettingsSchema schema, Map<String, Object> values, Map<String, String> errors,
                                            Labels labels) {
        return fields(schema.fields(), values, "", errors, labels);
    }

    private static List<Map<String, Object>> fields(List<Field> fields, Map<String, Object> values, String prefix,
                                                    Map<String, String> errors, Labels labels) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Field f : fields) {
            String path = prefix + f.name();
            Object v = values.containsKey(f.name()) ? values.get(f.name()) : f.defaultValue();
            String label = labels.find(f.labelKey()).orElse(humanize(f.name()));
            Map<String, Object> m = new HashMap<>();
            m.put("path", path);
            m.put("name", PREFIX + path);
            m.put("id", id(path));
            m.put("type", f.type().name().toLowerCase(Locale.ROOT));
            m.put("label", label);
            m.put("hint", labels.find(f.labelKey() + ".hint").orElse(f.type() == Type.MARKDOWN
                    ? "Markdown: ## heading, **bold**, - list item, [link](https://…)" : f.type() == Type.LIST && f.choices().isEmpty()
                    ? "One per line." : ""));
            m.put("required", f.required());
            String error = errors.remove(path);
            m.put("error", error == null ? "" : sentence(label, error));
            m.put("value", "");
            m.put("checked", false);
            m.put("choices", List.of());
            m.put("entries", List.of());
            switch (f.type()) {
                case BOOLEAN -> m.put("checked", v instanceof Boolean b ? b : "true".equals(String.valueOf(v)));
                case CHOICE -> {
                    m.put("value", text(v));
                    m.put("choices", choices(f, List.of(text(v)), labels, !f.required() && f.defaultValue() == null));
                }
                case LIST -> {
                    List<String> items = v instanceof List<?> l ? l.stream().map(SettingsForm::text).toList()
                            : v == null ? List.of() : List.of(text(v));
                    if (f.choices().isEmpty()) {
                        m.put("value", String.join("\n", items));
                    } else {
                        m.put("choices", choices(f, items, labels, false));
                    }
                }
                case GROUP -> {
                    List<Map<String, Object>> entries = new ArrayList<>();
                    List<?> list = v instanceof List<?> l ? l : List.of();
                    for (int i = 0; i < list.size(); i++) {
                        Map<String, Object> entryValues = asMap(list.get(i));
                        String entryPath = path + "[" + i + "]";
                        Object name = entryValues.get("name");
                        Map<String, Object> e = new HashMap<>();
                        e.put("index", i);
                        e.put("id", id(entryPath));
                        e.put("legend", label + " #" + (i + 1) + (name == null || text(name).isBlank() ? "" : " \u2014 " + text(name)));
                        e.put("removeOp", "remove:" + entryPath);
                        String entryError = errors.remove(entryPath);
                        e.put("error", entryError == null ? "" : entryError);
                        e.put("fields", fields(f.children(), entryValues, entryPath + ".", errors, labels));
                        entries.add(e);
                    }
                    m.put("entries", entries);
                    m.put("count", entries.size());
                    m.put("countName", PREFIX + path + "#");
                    m.put("addOp", "add:" + path);
                }
                default -> m.put("value", text(v));
            }
            out.add(m);
        }
        return out;
    }

    /** Every field (in groups too) that shows an error, as {@code id} and message, for the error summary's links. */
    @SuppressWarnings("unchecked")
    static List<Map<String, String>> errorLinks(List<Map<String, Object>> fields) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, Object> f : fields) {
            if (!String.valueOf(f.get("error")).isEmpty()) {
                out.add(Map.of("id", String.valueOf(f.get("id")), "message", String.valueOf(f.get("error"))));
            }
            for (Map<String, Object> e : (List<Map<String, Object>>) f.get("entries")) {
                out.addAll(errorLinks((List<Map<String, Object>>) e.get("fields")));
            }
        }
        return out;
    }

    private static List<Map<String, Object>> choices(Field f, List<String> selected, Labels labels, boolean withBlank) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (withBlank) {
            out.add(Map.of("value", "", "label", "\u2014", "selected", selected.isEmpty() || selected.contains("")));
        }
        for (String c : f.choices()) {
            out.add(Map.of("value", c, "label", labels.find(f.labelKey() + "." + c).orElse(c), "selected", selected.contains(c)));
        }
        return out;
    }

    /** "is required" under "Subject" reads "Subject is required."; other messages keep their own words. */
    static String sentence(String label, String message) {
        String m = message.strip();
        if (m.startsWith("is ") || m.startsWith("must ")) {
            return label + " " + m + (m.endsWith(".") ? "" : ".");
        }
        return m.isEmpty() ? "" : Character.toUpperCase(m.charAt(0)) + m.substring(1);
    }

    static String id(String path) {
        return "s-" + path.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("-+$", "");
    }

    private static String humanize(String name) {
        String s = name.replace('_', ' ');
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(v);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    /**
     * The settings the form holds. Settings the schema does not describe are kept from {@code base}, so a file's
     * extra keys survive an edit in the console.
     */
    static Map<String, Object> read(SettingsSchema schema, Map<String, List<String>> form, Map<String, Object> base) {
        return read(schema.fields(), form, "", base == null ? Map.of() : base);
    }

    private static Map<String, Object> read(List<Field> fields, Map<String, List<String>> form, String prefix,
                                            Map<String, Object> base) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        for (Field f : fields) {
            String name = PREFIX + prefix + f.name();
            out.remove(f.name());
            switch (f.type()) {
                case BOOLEAN -> out.put(f.name(), first(form, name) != null);
                case LIST -> {
                    List<String> items = new ArrayList<>();
                    if (f.choices().isEmpty()) {
                        String text = first(form, name);
                        if (text != null) {
                            text.lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(items::add);
                        }
                    } else {
                        Set<String> ticked = new HashSet<>(form.getOrDefault(name, List.of()));
                        f.choices().stream().filter(ticked::contains).forEach(items::add);
                    }
                    out.put(f.name(), items);
                }
                case GROUP -> {
                    int count = count(first(form, name + "#"));
                    List<?> baseEntries = base.get(f.name()) instanceof List<?> l ? l : List.of();
                    List<Object> entries = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        entries.add(read(f.children(), form, prefix + f.name() + "[" + i + "].",
                                i < baseEntries.size() ? asMap(baseEntries.get(i)) : Map.of()));
                    }
                    out.put(f.name(), entries);
                }
                case NUMBER -> {
                    String v = first(form, name);
                    if (v != null && !v.isBlank()) {
                        out.put(f.name(), number(v.strip()));
                    }
                }
                default -> {
                    String v = first(form, name);
                    if (v != null && !v.isBlank()) {
                        // Text areas come back with CR LF; settings keep plain line ends.
                        out.put(f.name(), f.type() == Type.TEXTAREA || f.type() == Type.MARKDOWN
                                ? v.replace("\r\n", "\n").strip() : v.strip());
                    }
                }
            }
        }
        return out;
    }

    private static Object number(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(v);
                return Double.isFinite(d) ? d : v;
            } catch (NumberFormatException e2) {
                return v; // kept as typed: the schema's check says "must be a number" next to it
            }
        }
    }

    private static int count(String s) {
        try {
            return Math.max(0, Math.min(MAX_ENTRIES, Integer.parseInt(s == null ? "0" : s.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    // ---- adding and removing group entries -------------------------------------------------------------------

    /**
     * Applies {@code add:<group path>} (a new entry with its fields' defaults) or {@code remove:<entry path>} to the
     * settings read from the form.
     *
     * @return whether the operation named an existing group or entry
     */
    static boolean apply(String op, SettingsSchema schema, Map<String, Object> values) {
        if (op == null) {
            return false;
        }
        if (op.startsWith("add:")) {
            return locate(schema.fields(), values, op.substring(4)).map(g -> {
                if (g.entries().size() >= MAX_ENTRIES) {
                    return false;
                }
                Map<String, Object> fresh = new LinkedHashMap<>();
                for (Field c : g.field().children()) {
                    if (c.defaultValue() != null) {
                        fresh.put(c.name(), c.defaultValue());
                    }
                }
                g.entries().add(fresh);
                return true;
            }).orElse(false);
        }
        if (op.startsWith("remove:")) {
            Matcher m = INDEXED.matcher(op.substring(7));
            if (!m.matches()) {
                return false;
            }
            int index = Integer.parseInt(m.group(2));
            return locate(schema.fields(), values, m.group(1)).map(g -> {
                if (index >= g.entries().size()) {
                    return false;
                }
                g.entries().remove(index);
                return true;
            }).orElse(false);
        }
        return false;
    }

    private record Group(Field field, List<Object> entries) {
    }

    /** The group at a path such as {@code variants} or {@code scripts[2].lines}, with its (mutable) entry list. */
    @SuppressWarnings("unchecked")
    private static Optional<Group> locate(List<Field> fields, Map<String, Object> values, String path) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        Matcher m = INDEXED.matcher(head);
        String name = m.matches() ? m.group(1) : head;
        Optional<Field> f = fields.stream().filter(x -> x.name().equals(name) && x.type() == Type.GROUP).findFirst();
        if (f.isEmpty()) {
            return Optional.empty();
        }
        List<Object> entries = values.get(name) instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
        values.put(name, entries);
        if (dot < 0 && !m.matches()) {
            return Optional.of(new Group(f.get(), entries));
        }
        if (!m.matches() || dot < 0) {
            return Optional.empty();
        }
        int index = Integer.parseInt(m.group(2));
        if (index >= entries.size() || !(entries.get(index) instanceof Map<?, ?>)) {
            return Optional.empty();
        }
        Map<String, Object> entry = new LinkedHashMap<>((Map<String, Object>) entries.get(index));
        entries.set(index, entry);
        return locate(f.get().children(), entry, path.substring(dot + 1));
    }
}
