package org.chorus.host.infrastructure.themes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The themes of the themes folder and the inheritance between them. */
public final class ThemeRegistry {

    private static final Logger LOG = Logger.getLogger(ThemeRegistry.class.getName());
    public static final String BASE = "base";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final Path root;
    private final Map<String, Theme> themes;

    private ThemeRegistry(Path root, Map<String, Theme> themes) {
        this.root = root;
        this.themes = themes;
    }

    public static ThemeRegistry load(Path root) {
        Map<String, Theme> themes = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("themes folder " + root + " does not exist (set platform.themes.dir)");
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.sorted().toList()) {
                Path props = dir.resolve("theme.properties");
                String name = dir.getFileName().toString();
                if (!Files.isRegularFile(props) || !NAME.matcher(name).matches()) {
                    continue;
                }
                Map<String, String> p = readProperties(props);
                String parent = p.getOrDefault("parent", BASE.equals(name) ? null : BASE);
                themes.put(name, new Theme(name, parent, p.getOrDefault("type", "public"), dir, p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read themes folder " + root, e);
        }
        if (!themes.containsKey(BASE)) {
            throw new IllegalStateException("themes folder " + root + " has no 'base' theme");
        }
        ThemeRegistry registry = new ThemeRegistry(root, Collections.unmodifiableMap(themes));
        for (String name : themes.keySet()) {
            registry.chain(name); // fail at start on a missing parent or a cycle
        }
        LOG.info(() -> "Themes loaded from " + root + ": " + themes.keySet());
        return registry;
    }

    static Map<String, String> readProperties(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> out.put(k, p.getProperty(k).trim()));
        return out;
    }

    public boolean exists(String name) {
        return name != null && themes.containsKey(name);
    }

    public Optional<Theme> theme(String name) {
        return Optional.ofNullable(themes.get(name));
    }

    public List<Theme> themes() {
        return List.copyOf(themes.values());
    }

    /** The theme, its parents, ..., {@code base}: the lookup order for templates, resources and messages. */
    public List<Theme> chain(String name) {
        List<Theme> chain = new ArrayList<>();
        String current = exists(name) ? name : BASE;
        while (current != null) {
            Theme t = themes.get(current);
            if (t == null) {
                throw new IllegalStateException("theme '" + chain.get(chain.size() - 1).name()
                        + "' names a parent '" + current + "' that does not exist");
            }
            if (chain.contains(t)) {
                throw new IllegalStateException("themes inherit in a cycle: " + chain.stream().map(Theme::name).toList());
            }
            chain.add(t);
            current = t.parent();
        }
        return chain;
    }

    /** Theme properties merged from {@code base} down to the theme itself. */
    public Map<String, String> properties(String name) {
        List<Theme> chain = new ArrayList<>(chain(name));
        Collections.reverse(chain);
        Map<String, String> merged = new LinkedHashMap<>();
        chain.forEach(t -> merged.putAll(t.properties()));
        return merged;
    }

    /**
     * A static file of the theme chain ({@code resources/<path>}), or empty. Paths that are absolute, climb out
     * with {@code ..}, or name hidden files are refused, and the resolved file must stay inside the folder.
     */
    public Optional<Path> resource(String themeName, String path) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("\0")) {
            return Optional.empty();
        }
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                return Optional.empty();
            }
        }
        for (Theme t : chain(themeName)) {
            Path base = t.dir().resolve("resources").toAbsolutePath().normalize();
            Path file = base.resolve(path).normalize();
            try {
                if (file.startsWith(base) && Files.isRegularFile(file)
                        && file.toRealPath().startsWith(base.toRealPath())) { // no symlink out of the folder
                    return Optional.of(file);
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    public Path root() {
        return root;
    }
}
