package org.chorus.host.infrastructure.themes;

import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.cache.URLTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Renders templates and resolves messages through a theme chain, then the plugins' own templates and messages.
 */
public final class ThemeEngine {

    /** Locales with a full set of supporter-facing messages; the first is the fallback. */
    public static final List<String> SUPPORTED_LANGUAGES = List.of("en", "es", "pt-BR", "ht", "zh-CN", "vi");

    private static final String PLUGIN_PREFIX = "plugin/";

    private final ThemeRegistry registry;
    private final Supplier<List<String>> pluginIds;
    private final Function<String, ClassLoader> pluginLoaders;
    private final long updateDelayMillis;
    private final Map<String, Configuration> configurations = new ConcurrentHashMap<>();
    private final Map<String, MessageBundle> bundles = new ConcurrentHashMap<>();
    private final Map<String, ThemeFacts> facts = new ConcurrentHashMap<>();

    /**
     * @param pluginIds      the plugins in service, whose templates and messages are searched last
     * @param pluginLoaders  a plugin's class loader by id (null when not in service)
     * @param updateDelayMillis how long a loaded template is trusted before its file is checked for changes
     */
    public ThemeEngine(ThemeRegistry registry, Supplier<List<String>> pluginIds,
                       Function<String, ClassLoader> pluginLoaders, long updateDelayMillis) {
        this.registry = registry;
        this.pluginIds = pluginIds;
        this.pluginLoaders = pluginLoaders;
        this.updateDelayMillis = updateDelayMillis;
    }

    public ThemeRegistry registry() {
        return registry;
    }

    /** Renders a template of the theme chain with the model; {@code msg}, {@code lang} and theme facts are added. */
    public String render(String theme, String template, Map<String, Object> model, Locale locale) {
        try {
            Template t = configuration(theme).getTemplate(template);
            PageWriter out = new PageWriter(16384);
            t.process(dataModel(theme, model, locale), out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("theme '" + theme + "': cannot load template " + template, e);
        } catch (TemplateException e) {
            throw new ThemeRenderException("theme '" + theme + "': template " + template + " failed: " + e.getMessage(), e);
        }
    }

    /** Whether the theme chain (or a plugin) has the template. */
    public boolean hasTemplate(String theme, String template) {
        try {
            return configuration(theme).getTemplateLoader().findTemplateSource(template) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private Map<String, Object> dataModel(String theme, Map<String, Object> model, Locale locale) {
        MessageBundle messages = messages(theme, locale);
        Map<String, Object> root = new HashMap<>(model);
        root.put("msg", (TemplateMethodModelEx) args -> {
            if (args.isEmpty()) {
                throw new TemplateModelException("msg needs a key");
            }
            Object[] rest = new Object[args.size() - 1];
            for (int i = 1; i < args.size(); i++) {
                rest[i - 1] = DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(i));
            }
            return messages.get(String.valueOf(DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(0))), rest);
        });
        root.putIfAbsent("lang", locale.toLanguageTag());
        root.putIfAbsent("themeName", theme);
        ThemeFacts themeFacts = facts(theme);
        root.putIfAbsent("themeUrl", themeFacts.url());
        root.putIfAbsent("themeProperties", themeFacts.properties());
        root.putIfAbsent("styles", themeFacts.styles());
        return root;
    }

    /** What every page of a theme is given about it, derived from the (immutable) registry once per theme. */
    private record ThemeFacts(String url, Map<String, String> properties, List<String> styles) {
    }

    private ThemeFacts facts(String theme) {
        String themeName = registry.exists(theme) ? theme : ThemeRegistry.BASE;
        return facts.computeIfAbsent(themeName, t -> new ThemeFacts("/theme/" + t,
                Collections.unmodifiableMap(registry.properties(t)), List.copyOf(styles(t))));
    }

    /** Stylesheets the theme chain asks for, in order (each theme's {@code styles=} adds to its parent's). */
    public List<String> styles(String theme) {
        List<Theme> chain = new ArrayList<>(registry.chain(theme));
        Collections.reverse(chain);
        List<String> styles = new ArrayList<>();
        for (Theme t : chain) {
            String s = t.properties().get("styles");
            if (s != null) {
                for (String part : s.split("[\\s,]+")) {
                    if (!part.isBlank() && !styles.contains(part)) {
                        styles.add(part);
                    }
                }
            }
        }
        return styles;
    }

    public MessageBundle messages(String theme, Locale locale) {
        String themeName = registry.exists(theme) ? theme : ThemeRegistry.BASE;
        return bundles.computeIfAbsent(themeName + "|" + locale.toLanguageTag(), k -> buildBundle(themeName, locale));
    }

    private MessageBundle buildBundle(String theme, Locale locale) {
        List<String> suffixes = new ArrayList<>();
        if (!locale.getCountry().isEmpty()) {
            suffixes.add(locale.getLanguage() + "_" + locale.getCountry());
        }
        suffixes.add(locale.getLanguage());
        if (!suffixes.contains("en")) {
            suffixes.add("en");
        }
        List<Map<String, String>> layers = new ArrayList<>();
        for (String suffix : suffixes) {
            layers.add(layer(theme, suffix));
        }
        return new MessageBundle(locale, layers);
    }

    /** One locale's messages: plugins' first, then base down to the theme, each overriding the one before. */
    private Map<String, String> layer(String theme, String suffix) {
        String file = "messages_" + suffix + ".properties";
        Map<String, String> merged = new LinkedHashMap<>();
        for (String id : pluginIds.get()) {
            ClassLoader cl = pluginLoaders.apply(id);
            URL url = cl == null ? null : cl.getResource("messages/" + file);
            if (url != null) {
                try (InputStream in = url.openStream()) {
                    merged.putAll(read(in));
                } catch (IOException e) {
                    throw new UncheckedIOException("plugin '" + id + "': cannot read messages/" + file, e);
                }
            }
        }
        List<Theme> chain = new ArrayList<>(registry.chain(theme));
        Collections.reverse(chain);
        for (Theme t : chain) {
            Path p = t.dir().resolve("messages").resolve(file);
            if (Files.isRegularFile(p)) {
                merged.putAll(ThemeRegistry.readProperties(p));
            }
        }
        return merged;
    }

    private static Map<String, String> read(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    /** Drops cached templates and messages (after themes or plugins changed). */
    public void clearCaches() {
        configurations.clear();
        bundles.clear();
        facts.clear();
    }

    private Configuration configuration(String theme) {
        String themeName = registry.exists(theme) ? theme : ThemeRegistry.BASE;
        return configurations.computeIfAbsent(themeName, this::buildConfiguration);
    }

    private Configuration buildConfiguration(String theme) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        for (Theme t : registry.chain(theme)) {
            try {
                loaders.add(new TemplatesOnly(new FileTemplateLoader(t.dir().toFile())));
            } catch (IOException e) {
                throw new UncheckedIOException("theme folder " + t.dir() + " cannot be read", e);
            }
        }
        loaders.add(new PluginTemplateLoader(pluginLoaders));
        cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        cfg.setDefaultEncoding("UTF-8");
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setLocalizedLookup(false);
        cfg.setNumberFormat("computer");
        cfg.setTemplateUpdateDelayMilliseconds(updateDelayMillis);
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        return cfg;
    }

    /** Only {@code .ftlh}/{@code .ftl} files are templates; theme.properties and resources are not reachable. */
    private static final class TemplatesOnly implements TemplateLoader {
        private final TemplateLoader delegate;

        TemplatesOnly(TemplateLoader delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object findTemplateSource(String name) throws IOException {
            if (!(name.endsWith(".ftlh") || name.endsWith(".ftl")) || name.startsWith("resources/")) {
                return null;
            }
            return delegate.findTemplateSource(name);
        }

        @Override
        public long getLastModified(Object templateSource) {
            return delegate.getLastModified(templateSource);
        }

        @Override
        public java.io.Reader getReader(Object templateSource, String encoding) throws IOException {
            return delegate.getReader(templateSource, encoding);
        }

        @Override
        public void closeTemplateSource(Object templateSource) throws IOException {
            delegate.closeTemplateSource(templateSource);
        }
    }

    /** {@code plugin/<id>/<name>} → {@code templates/<name>} inside that plugin's jar. */
    private static final class PluginTemplateLoader extends URLTemplateLoader {
        private final Function<String, ClassLoader> pluginLoaders;

        PluginTemplateLoader(Function<String, ClassLoader> pluginLoaders) {
            this.pluginLoaders = pluginLoaders;
            setURLConnectionUsesCaches(false);
        }

        @Override
        protected URL getURL(String name) {
            if (!name.startsWith(PLUGIN_PREFIX)) {
                return null;
            }
            String rest = name.substring(PLUGIN_PREFIX.length());
            int slash = rest.indexOf('/');
            if (slash <= 0) {
                return null;
            }
            ClassLoader cl = pluginLoaders.apply(rest.substring(0, slash));
            return cl == null ? null : cl.getResource("templates/" + rest.substring(slash + 1));
        }
    }
}
