package org.chorus.host.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.chorus.api.PluginContext;
import org.chorus.api.action.ActionType;
import org.chorus.api.action.SettingsSchema;
import org.chorus.host.infrastructure.themes.ThemeEngine;
import org.chorus.host.infrastructure.themes.ThemeRegistry;
import org.chorus.host.infrastructure.yaml.CampaignFiles;
import org.junit.jupiter.api.Test;

/**
 * No page may be half translated: every message key of every public theme and every plugin exists in all six
 * languages, and every text of every shipped campaign (its own, and its actions' titles, letters, variants and
 * labels) exists in each language the campaign offers. Reads what ships: themes/, plugins/&#42;/…/messages/,
 * config/campaigns/.
 */
class TranslationCompletenessTest {

    static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void everyThemeAndPluginMessageExistsInEverySupportedLanguage() throws IOException {
        List<TranslationAudit.Gap> gaps = new ArrayList<>();
        ThemeRegistry registry = ThemeRegistry.load(REPO.resolve("themes"));
        int checked = 0;
        for (var theme : registry.themes()) {
            if ("public".equals(theme.type())) {
                gaps.addAll(TranslationAudit.messages("theme " + theme.name(), keys(theme.dir().resolve("messages")),
                        ThemeEngine.SUPPORTED_LANGUAGES));
                checked++;
            }
        }
        assertThat(checked).as("public themes found under " + REPO.resolve("themes")).isGreaterThanOrEqualTo(3);
        List<Path> pluginMessages;
        try (Stream<Path> dirs = Files.list(REPO.resolve("plugins"))) {
            pluginMessages = dirs.map(d -> d.resolve("src/main/resources/messages")).filter(Files::isDirectory).sorted().toList();
        }
        assertThat(pluginMessages).as("plugins with messages").isNotEmpty();
        for (Path dir : pluginMessages) {
            gaps.addAll(TranslationAudit.messages("plugin " + dir.getParent().getParent().getParent().getParent().getFileName(),
                    keys(dir), ThemeEngine.SUPPORTED_LANGUAGES));
        }
        assertThat(gaps).as("untranslated messages").isEmpty();
    }

    @Test
    void everyShippedCampaignIsCompleteInEachOfItsLanguages() throws IOException {
        Map<String, SettingsSchema> schemas = installedActionTypes();
        assertThat(schemas).containsKey("email-legislators");
        List<TranslationAudit.Gap> gaps = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(REPO.resolve("config/campaigns"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            var def = CampaignFiles.parse(Files.readString(f, StandardCharsets.UTF_8), f.getFileName().toString());
            gaps.addAll(TranslationAudit.campaign(def, type -> Optional.ofNullable(schemas.get(type))));
        }
        assertThat(gaps).as("untranslated campaign texts").isEmpty();
    }

    /** Message keys per language tag of one messages/ folder. */
    static Map<String, Set<String>> keys(Path messagesDir) throws IOException {
        Map<String, Set<String>> out = new HashMap<>();
        if (!Files.isDirectory(messagesDir)) {
            return out;
        }
        for (String language : ThemeEngine.SUPPORTED_LANGUAGES) {
            Path f = messagesDir.resolve("messages_" + TranslationAudit.fileSuffix(language) + ".properties");
            if (Files.isRegularFile(f)) {
                try (InputStream in = Files.newInputStream(f)) {
                    out.put(language, TranslationAudit.keys(in));
                }
            }
        }
        return out;
    }

    /**
     * The action types of the plugins on the test classpath and of the built plugin jars the build copies to
     * {@code chorus.plugin.jars} (their PF4J extension index), by type id.
     */
    static Map<String, SettingsSchema> installedActionTypes() throws IOException {
        Map<String, SettingsSchema> out = new HashMap<>();
        ClassLoader loader = TranslationCompletenessTest.class.getClassLoader();
        Path jars = Path.of(System.getProperty("chorus.plugin.jars", "target/plugin-jars"));
        if (Files.isDirectory(jars)) {
            try (var list = Files.list(jars)) {
                URL[] urls = list.filter(f -> f.toString().endsWith(".jar")).map(f -> {
                    try {
                        return f.toUri().toURL();
                    } catch (java.net.MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                }).toArray(URL[]::new);
                loader = new java.net.URLClassLoader(urls, loader);
            }
        }
        for (URL idx : Collections.list(loader.getResources("META-INF/extensions.idx"))) {
            String text;
            try (InputStream in = idx.openStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (String line : text.split("\n")) {
                String name = line.trim();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                try {
                    Class<?> c = Class.forName(name, true, loader);
                    if (ActionType.class.isAssignableFrom(c)) {
                        Constructor<?> k = c.getConstructor(PluginContext.class);
                        ActionType t = (ActionType) k.newInstance((PluginContext) null);
                        out.put(t.typeId(), t.settingsSchema());
                    }
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError("cannot load extension " + name, e);
                }
            }
        }
        return out;
    }
}
