package org.chorus.api.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The settings a campaign action takes; the host validates settings against it and builds admin forms from it. */
public record SettingsSchema(List<Field> fields) {

    public SettingsSchema {
        fields = List.copyOf(fields);
    }

    public enum Type { TEXT, TEXTAREA, MARKDOWN, NUMBER, BOOLEAN, CHOICE, EMAIL, URL, LIST, GROUP }

    /**
     * One setting.
     *
     * @param labelKey     message key of the label (the plugin's messages); the admin console's generated form also
     *                     shows {@code labelKey + ".hint"} under the field and names a choice
     *                     {@code labelKey + "." + choice}, when the plugin defines them
     *                     (the console is in English: keys named {@code <prefix>.settings.…} need no translation)
     * @param children     for {@link Type#GROUP}: the fields of each entry (a repeatable group, e.g. letter variants)
     * @param translatable text supporters read (a letter, a label), so every language the campaign offers needs
     *                     its own version of it (since API 1.1; {@link Type#TEXTAREA} and {@link Type#MARKDOWN}
     *                     fields are translatable unless made with the 8-argument constructor saying otherwise)
     */
    public record Field(String name, Type type, String labelKey, boolean required, Object defaultValue,
                        List<String> choices, List<Field> children, boolean translatable) {
        public Field {
            choices = choices == null ? List.of() : List.copyOf(choices);
            children = children == null ? List.of() : List.copyOf(children);
        }

        /** API 1.0's shape: long texts are translatable, short ones are not. */
        public Field(String name, Type type, String labelKey, boolean required, Object defaultValue,
                     List<String> choices, List<Field> children) {
            this(name, type, labelKey, required, defaultValue, choices, children,
                    type == Type.TEXTAREA || type == Type.MARKDOWN);
        }

        public static Field of(String name, Type type, String labelKey, boolean required) {
            return new Field(name, type, labelKey, required, null, List.of(), List.of());
        }

        /** A short text supporters read (a subject line, a checkbox label): translated like a long one. */
        public static Field text(String name, String labelKey, boolean required) {
            return new Field(name, Type.TEXT, labelKey, required, null, List.of(), List.of(), true);
        }
    }

    /**
     * Paths of the translatable texts in a settings tree, e.g. {@code body}, {@code variants[0].subject}: what each
     * of a campaign's languages must have its own version of.
     */
    public List<String> translatablePaths(Map<String, Object> values) {
        List<String> out = new ArrayList<>();
        translatablePaths(fields, values == null ? Map.of() : values, "", out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void translatablePaths(List<Field> fields, Map<String, Object> values, String prefix, List<String> out) {
        for (Field f : fields) {
            Object v = values.get(f.name());
            if (v == null) {
                continue;
            }
            if (f.type() == Type.GROUP && v instanceof List<?> entries) {
                for (int i = 0; i < entries.size(); i++) {
                    if (entries.get(i) instanceof Map<?, ?> m) {
                        translatablePaths(f.children(), (Map<String, Object>) m, prefix + f.name() + "[" + i + "].", out);
                    }
                }
            } else if (f.translatable() && !(v instanceof String s && s.isBlank())) {
                out.add(prefix + f.name());
            }
        }
    }

    /** Problems with a settings tree, as "field: what is wrong" lines; empty when valid. */
    public List<String> validate(Map<String, Object> values) {
        List<String> problems = new ArrayList<>();
        validate(fields, values == null ? Map.of() : values, "", problems);
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static void validate(List<Field> fields, Map<String, Object> values, String prefix, List<String> problems) {
        for (Field f : fields) {
            Object v = values.get(f.name());
            String path = prefix + f.name();
            if (v == null || (v instanceof String s && s.isBlank())) {
                if (f.required()) {
                    problems.add(path + ": is required");
                }
                continue;
            }
            switch (f.type()) {
                case NUMBER -> {
                    if (!(v instanceof Number)) {
                        try {
                            Double.parseDouble(v.toString());
                        } catch (NumberFormatException e) {
                            problems.add(path + ": must be a number");
                        }
                    }
                }
                case BOOLEAN -> {
                    if (!(v instanceof Boolean) && !"true".equals(v.toString()) && !"false".equals(v.toString())) {
                        problems.add(path + ": must be true or false");
                    }
                }
                case CHOICE -> {
                    if (!f.choices().contains(v.toString())) {
                        problems.add(path + ": must be one of " + f.choices());
                    }
                }
                case EMAIL -> {
                    if (!v.toString().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                        problems.add(path + ": must be an e-mail address");
                    }
                }
                case LIST -> {
                    if (!(v instanceof List<?>)) {
                        problems.add(path + ": must be a list");
                    }
                }
                case GROUP -> {
                    if (!(v instanceof List<?> entries)) {
                        problems.add(path + ": must be a list of entries");
                    } else {
                        for (int i = 0; i < entries.size(); i++) {
                            if (entries.get(i) instanceof Map<?, ?> m) {
                                validate(f.children(), (Map<String, Object>) m, path + "[" + i + "].", problems);
                            } else {
                                problems.add(path + "[" + i + "]: must be an entry with fields");
                            }
                        }
                    }
                }
                default -> {
                    if (!(v instanceof String) && !(v instanceof Number)) {
                        problems.add(path + ": must be text");
                    }
                }
            }
        }
    }
}
