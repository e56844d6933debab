package org.chorus.host.infrastructure.yaml;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads and writes campaign files. Parsing is safe (plain maps and lists only, no object construction), and
 * every problem is reported with the file's line where YAML gives one.
 */
public final class CampaignFiles {

    private CampaignFiles() {
    }

    /** A campaign file that cannot be used, with what to fix. */
    public static final class InvalidCampaignFile extends RuntimeException {
        public InvalidCampaignFile(String message) {
            super(message);
        }
    }

    public static CampaignDefinition parse(String yamlText, String sourceName) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(2 * 1024 * 1024);
        Object root;
        try {
            root = new Yaml(new SafeConstructor(options)).load(yamlText);
        } catch (MarkedYAMLException e) {
            throw new InvalidCampaignFile(sourceName + " line " + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw new InvalidCampaignFile(sourceName + ": " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new InvalidCampaignFile(sourceName + ": a campaign file must be a YAML mapping (slug:, title:, …)");
        }
        Fields f = new Fields(sourceName, map);
        String language = f.text("language", "en");
        List<String> languages = f.stringList("languages");
        if (languages.isEmpty()) {
            languages = List.of(language);
        }
        Map<String, Object> shareMap = f.map("share");
        Fields share = new Fields(sourceName + " share", shareMap);
        Map<String, CampaignDefinition.Translation> translations = new LinkedHashMap<>();
        f.map("translations").forEach((locale, t) -> {
            if (!(t instanceof Map<?, ?> tm)) {
                throw new InvalidCampaignFile(sourceName + ": translations." + locale + " must be a mapping");
            }
            Fields tf = new Fields(sourceName + " translations." + locale, tm);
            translations.put(locale, new CampaignDefinition.Translation(tf.text("title", null), tf.text("summary", null),
                    tf.text("body", null), tf.text("share_title", null), tf.text("share_description", null),
                    tf.bool("machine_translated")));
        });
        List<CampaignDefinition.ActionDefinition> actions = new ArrayList<>();
        for (Object a : f.list("actions")) {
            if (!(a instanceof Map<?, ?> am)) {
                throw new InvalidCampaignFile(sourceName + ": each entry of actions must be a mapping with id and type");
            }
            Fields af = new Fields(sourceName + " action", am);
            Map<String, CampaignDefinition.ActionTranslation> actionTranslations = new LinkedHashMap<>();
            af.map("translations").forEach((locale, t) -> {
                if (!(t instanceof Map<?, ?> tm)) {
                    throw new InvalidCampaignFile(sourceName + ": translations." + locale + " of action "
                            + af.text("id", "?") + " must be a mapping (title:, settings:)");
                }
                Fields tf = new Fields(sourceName + " action " + af.text("id", "?") + " translations." + locale, tm);
                actionTranslations.put(locale, new CampaignDefinition.ActionTranslation(tf.text("title", null),
                        tf.map("settings")));
            });
            actions.add(new CampaignDefinition.ActionDefinition(af.required("id"), af.required("type"),
                    af.text("title", null), af.map("settings"), actionTranslations));
        }
        Fields privacy = new Fields(sourceName + " privacy", f.map("privacy"));
        int purgeDays = privacy.integer("purge_after_days", 0);
        if (purgeDays < 0) {
            throw new InvalidCampaignFile(sourceName + ": privacy.purge_after_days must be 0 (keep) or a number of days");
        }
        return new CampaignDefinition(f.required("slug"), f.required("title"), f.text("summary", null),
                f.text("body", ""), f.text("theme", "default"), f.text("status", "draft"), f.text("organization", null),
                language, languages, f.instant("starts"), f.instant("ends"),
                new CampaignDefinition.Share(share.text("title", null), share.text("description", null),
                        share.text("image", null)),
                translations, actions, new CampaignDefinition.Privacy(privacy.bool("discard_street"),
                        privacy.map.containsKey("keep_referrer") ? privacy.bool("keep_referrer") : true, purgeDays),
                f.bool("needs_translation"));
    }

    /** Writes a definition in the same format {@link #parse} reads (for export from the console). */
    public static String write(CampaignDefinition d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slug", d.slug());
        m.put("title", d.title());
        putIf(m, "summary", d.summary());
        putIf(m, "organization", d.organization());
        m.put("theme", d.theme());
        m.put("status", d.status());
        m.put("language", d.language());
        m.put("languages", d.languages());
        if (d.needsTranslation()) {
            m.put("needs_translation", true);
        }
        putIf(m, "starts", d.starts() == null ? null : d.starts().toString());
        putIf(m, "ends", d.ends() == null ? null : d.ends().toString());
        if (d.share() != null) {
            Map<String, Object> s = new LinkedHashMap<>();
            putIf(s, "title", d.share().title());
            putIf(s, "description", d.share().description());
            putIf(s, "image", d.share().image());
            if (!s.isEmpty()) {
                m.put("share", s);
            }
        }
        if (!d.privacy().equals(CampaignDefinition.Privacy.STANDARD)) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("discard_street", d.privacy().discardStreet());
            p.put("keep_referrer", d.privacy().keepReferrer());
            p.put("purge_after_days", d.privacy().purgeAfterDays());
            m.put("privacy", p);
        }
        m.put("body", d.body());
        if (!d.translations().isEmpty()) {
            Map<String, Object> ts = new LinkedHashMap<>();
            d.translations().forEach((locale, t) -> {
                Map<String, Object> tm = new LinkedHashMap<>();
                putIf(tm, "title", t.title());
                putIf(tm, "summary", t.summary());
                putIf(tm, "body", t.body());
                putIf(tm, "share_title", t.shareTitle());
                putIf(tm, "share_description", t.shareDescription());
                if (t.machineTranslated()) {
                    tm.put("machine_translated", true);
                }
                ts.put(locale, tm);
            });
            m.put("translations", ts);
        }
        List<Object> actions = new ArrayList<>();
        for (CampaignDefinition.ActionDefinition a : d.actions()) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("id", a.id());
            am.put("type", a.type());
            putIf(am, "title", a.title());
            am.put("settings", a.settings());
            if (!a.translations().isEmpty()) {
                Map<String, Object> ts = new LinkedHashMap<>();
                a.translations().forEach((locale, t) -> {
                    Map<String, Object> tm = new LinkedHashMap<>();
                    putIf(tm, "title", t.title());
                    if (t.settings() != null && !t.settings().isEmpty()) {
                        tm.put("settings", t.settings());
                    }
                    ts.put(locale, tm);
                });
                am.put("translations", ts);
            }
            actions.add(am);
        }
        m.put("actions", actions);
        DumperOptions opts = new DumperOptions();
        opts.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        opts.setDefaultScalarStyle(DumperOptions.ScalarStyle.PLAIN);
        opts.setWidth(120);
        opts.setSplitLines(false);
        return new Yaml(new Representer(opts), opts).dump(m);
    }

    private static void putIf(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    /** Typed access to a YAML mapping with messages that name the file and the key. */
    private record Fields(String source, Map<?, ?> map) {

        String required(String key) {
            String v = text(key, null);
            if (v == null || v.isBlank()) {
                throw new InvalidCampaignFile(source + ": '" + key + "' is required");
            }
            return v;
        }

        String text(String key, String defaultValue) {
            Object v = map.get(key);
            if (v == null) {
                return defaultValue;
            }
            if (v instanceof Map || v instanceof List) {
                throw new InvalidCampaignFile(source + ": '" + key + "' must be text");
            }
            return v instanceof Date date ? date.toInstant().toString() : v.toString();
        }

        int integer(String key, int defaultValue) {
            Object v = map.get(key);
            if (v == null) {
                return defaultValue;
            }
            try {
                return v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString().trim());
            } catch (NumberFormatException e) {
                throw new InvalidCampaignFile(source + ": '" + key + "' must be a whole number");
            }
        }

        boolean bool(String key) {
            Object v = map.get(key);
            return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString());
        }

        Instant instant(String key) {
            Object v = map.get(key);
            if (v == null) {
                return null;
            }
            if (v instanceof Date date) {
                return date.toInstant();
            }
            String s = v.toString().trim();
            try {
                return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw new InvalidCampaignFile(source + ": '" + key + "' must be a date (2025-09-01) or an instant (2025-09-01T12:00:00Z)");
            }
        }

        List<String> stringList(String key) {
            return list(key).stream().map(String::valueOf).toList();
        }

        List<?> list(String key) {
            Object v = map.get(key);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof List<?> l)) {
                throw new InvalidCampaignFile(source + ": '" + key + "' must be a list");
            }
            return l;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(String key) {
            Object v = map.get(key);
            if (v == null) {
                return new LinkedHashMap<>();
            }
            if (!(v instanceof Map<?, ?> m)) {
                throw new InvalidCampaignFile(source + ": '" + key + "' must be a mapping");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), val instanceof Date d ? d.toInstant().toString() : val));
            return (Map<String, Object>) (Map<?, ?>) out;
        }
    }
}
