package org.chorus.host.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.chorus.api.action.SettingsSchema;
import org.chorus.host.infrastructure.yaml.CampaignDefinition;

/**
 * Finds what is not translated: a message key of a theme or plugin missing in one of its languages, a campaign
 * text (title, summary, body, share text, an action's title and the translatable texts of its settings: letters,
 * variants, labels) missing in one of the campaign's languages. No page may be half translated: the platform logs
 * every gap at start, and the build fails on any in what ships.
 */
public final class TranslationAudit {

    /** One missing (or stray) text. */
    public record Gap(String where, String language, String what) {
        @Override
        public String toString() {
            return where + " [" + language + "]: " + what;
        }
    }

    private TranslationAudit() {
    }

    /**
     * Whether a plugin message labels a setting in the admin console's generated forms ({@code <prefix>.settings.…},
     * the convention for {@code SettingsSchema.Field.labelKey}): the console is in English, supporters never see it.
     */
    static boolean isConsoleOnly(String key) {
        return key.matches("[^.]+\\.settings\\..+");
    }

    /**
     * @param keysByLanguage message keys per language tag ({@code pt-BR}); English ({@code en}) is the reference
     * @param languages      the languages this source must cover
     */
    public static List<Gap> messages(String source, Map<String, Set<String>> keysByLanguage, List<String> languages) {
        List<Gap> gaps = new ArrayList<>();
        Set<String> reference = keysByLanguage.getOrDefault("en", Set.of());
        for (String language : languages) {
            if (language.equals("en")) {
                continue;
            }
            Set<String> own = keysByLanguage.getOrDefault(language, Set.of());
            for (String key : new TreeSet<>(reference)) {
                if (!own.contains(key) && !isConsoleOnly(key)) {
                    gaps.add(new Gap(source, language, "message " + key + " is not translated"));
                }
            }
            for (String key : new TreeSet<>(own)) {
                if (!reference.contains(key)) {
                    gaps.add(new Gap(source, language, "message " + key + " is not in English (misspelt or stale?)"));
                }
            }
        }
        return gaps;
    }

    /**
     * @param schemas an installed action type's settings schema by type id (empty: not installed, so its texts
     *                cannot be checked, which is a gap too)
     */
    public static List<Gap> campaign(CampaignDefinition def, Function<String, Optional<SettingsSchema>> schemas) {
        List<Gap> gaps = new ArrayList<>();
        String where = "campaign " + def.slug();
        for (String language : def.languages()) {
            if (language.equals(def.language())) {
                continue;
            }
            CampaignDefinition.Translation t = def.translations().get(language);
            need(gaps, where, language, "title", def.title(), t == null ? null : t.title());
            need(gaps, where, language, "summary", def.summary(), t == null ? null : t.summary());
            need(gaps, where, language, "body", def.body(), t == null ? null : t.body());
            need(gaps, where, language, "share title", def.share() == null ? null : def.share().title(),
                    t == null ? null : t.shareTitle());
            need(gaps, where, language, "share description", def.share() == null ? null : def.share().description(),
                    t == null ? null : t.shareDescription());
            for (CampaignDefinition.ActionDefinition a : def.actions()) {
                String action = where + " action " + a.id();
                CampaignDefinition.ActionTranslation at = a.translations().get(language);
                need(gaps, action, language, "title", a.title(), at == null ? null : at.title());
                Map<String, Object> own = a.settings() == null ? Map.of() : a.settings();
                Optional<SettingsSchema> schema = schemas.apply(a.type());
                if (schema.isEmpty()) {
                    gaps.add(new Gap(action, language, "action type " + a.type() + " is not installed, so its texts cannot be checked"));
                    continue;
                }
                Map<String, Object> translated = at == null || at.settings() == null ? Map.of() : at.settings();
                for (String path : schema.get().translatablePaths(own)) {
                    Object v = LocalizedSettings.at(translated, path);
                    if (v == null || v.toString().isBlank()) {
                        gaps.add(new Gap(action, language, "setting " + path + " is not translated"));
                    }
                }
            }
        }
        return gaps;
    }

    private static void need(List<Gap> gaps, String where, String language, String what, String original, String translated) {
        if (original != null && !original.isBlank() && (translated == null || translated.isBlank())) {
            gaps.add(new Gap(where, language, what + " is not translated"));
        }
    }

    /** The keys of a properties file (UTF-8, like every message file). */
    public static Set<String> keys(InputStream in) {
        Properties p = new Properties();
        try (var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    /** {@code pt-BR} → {@code pt_BR}, the suffix of its message file. */
    public static String fileSuffix(String languageTag) {
        return languageTag.replace('-', '_');
    }
}
