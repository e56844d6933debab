package org.chorus.testplugins;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * Builds real plugin jars during a test from classes and resources on the test class path: a PF4J manifest,
 * the extension index, the classes and the plugin's templates and messages. Shared with the distribution's
 * integration tests (this module's test-jar).
 */
public final class TestPluginJars {

    private TestPluginJars() {
    }

    /** The working test plugin: an action type, a page route and an event listener. */
    public static Path greeting(Path dir) {
        return write(dir.resolve("greeting-plugin.jar"), "greeting", ">=1.1.0 & <2.0.0",
                List.of(org.chorus.testplugins.greeting.GreetingActionType.class,
                        org.chorus.testplugins.greeting.GreetingRoutes.class,
                        org.chorus.testplugins.greeting.GreetingEvents.class,
                        org.chorus.testplugins.greeting.GreetingAdmin.class),
                List.of(), "testplugins/greeting");
    }

    /** An action type that writes two letters (senator, representative), optionally for the daily digest. */
    public static Path letters(Path dir) {
        return write(dir.resolve("letters-plugin.jar"), "letters", ">=1.0.0 & <2.0.0",
                List.of(org.chorus.testplugins.letters.LettersActionType.class), List.of(), null);
    }

    /** An action type with every kind of setting, a template, merge fields and per-target previews (API 1.1). */
    public static Path calls(Path dir) {
        return write(dir.resolve("calls-plugin.jar"), "calls", ">=1.1.0 & <2.0.0",
                List.of(org.chorus.testplugins.calls.CallScriptActionType.class), List.of(), "testplugins/calls");
    }

    /** An action type whose form and submit always throw. */
    public static Path flaky(Path dir) {
        return write(dir.resolve("flaky-plugin.jar"), "flaky", ">=1.0.0",
                List.of(org.chorus.testplugins.flaky.FlakyActionType.class), List.of(), null);
    }

    /** A plugin whose extension cannot even be constructed. */
    public static Path broken(Path dir) {
        return write(dir.resolve("broken-plugin.jar"), "broken", ">=1.0.0",
                List.of(org.chorus.testplugins.broken.BrokenActionType.class), List.of(), null);
    }

    /** A plugin built for a future major version of the API. */
    public static Path incompatible(Path dir) {
        return write(dir.resolve("incompatible-plugin.jar"), "incompatible", ">=2.0.0",
                List.of(org.chorus.testplugins.flaky.FlakyActionType.class), List.of(), null);
    }

    /** A geocoder and two lookups with scripted answers, for the target finder. */
    public static Path fakeLookups(Path dir) {
        return write(dir.resolve("fake-lookups.jar"), "fake-lookups", ">=1.0.0",
                List.of(org.chorus.testplugins.lookups.FakeGeocoder.class,
                        org.chorus.testplugins.lookups.FakeLookups.ByPoint.class,
                        org.chorus.testplugins.lookups.FakeLookups.ByTown.class), List.of(), null);
    }

    /** A plugin that reaches for a host class it is not allowed to see. */
    public static Path sneaky(Path dir) {
        return write(dir.resolve("sneaky-plugin.jar"), "sneaky", ">=1.0.0",
                List.of(org.chorus.testplugins.broken.SneakyActionType.class), List.of(), null);
    }

    /**
     * The greeting plugin as a zip, the other packaging PF4J knows: {@code plugin.properties} at the root,
     * {@code classes/} and {@code lib/} beside it.
     */
    public static Path greetingZip(Path dir) {
        Path zip = dir.resolve("greeting-zipped.zip");
        try {
            Files.createDirectories(dir);
            try (OutputStream os = Files.newOutputStream(zip); java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(os)) {
                out.putNextEntry(new java.util.zip.ZipEntry("plugin.properties"));
                out.write(("plugin.id=greeting-zipped\nplugin.version=1.0.0\nplugin.requires=>=1.0.0\n"
                        + "plugin.description=Greeting packed as a zip\nplugin.provider=Chorus tests\n").getBytes());
                out.closeEntry();
                out.putNextEntry(new java.util.zip.ZipEntry("classes/META-INF/extensions.idx"));
                out.write((org.chorus.testplugins.greeting.GreetingActionType.class.getName() + "\n").getBytes());
                out.closeEntry();
                String base = org.chorus.testplugins.greeting.GreetingActionType.class.getName().replace('.', '/');
                for (Map.Entry<String, byte[]> e : TestResources.matching(n -> n.equals(base + ".class")).entrySet()) {
                    out.putNextEntry(new java.util.zip.ZipEntry("classes/" + e.getKey()));
                    out.write(e.getValue());
                    out.closeEntry();
                }
                for (Map.Entry<String, byte[]> r : TestResources.under("testplugins/greeting").entrySet()) {
                    out.putNextEntry(new java.util.zip.ZipEntry("classes/" + r.getKey()));
                    out.write(r.getValue());
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip;
    }

    public static Path write(Path jar, String id, String requires, List<Class<?>> extensions, List<Class<?>> helpers,
                             String resourceRoot) {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", id);
        a.putValue("Plugin-Version", "1.0.0");
        a.putValue("Plugin-Requires", requires);
        a.putValue("Plugin-Description", "Test plugin " + id);
        a.putValue("Plugin-Provider", "Chorus tests");
        try {
            Files.createDirectories(jar.getParent());
            try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, mf)) {
                out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
                out.write(extensions.stream().map(Class::getName).collect(Collectors.joining("\n", "", "\n")).getBytes());
                out.closeEntry();
                for (Class<?> c : concat(extensions, helpers)) {
                    addClass(out, c);
                }
                if (resourceRoot != null) {
                    for (Map.Entry<String, byte[]> r : TestResources.under(resourceRoot).entrySet()) {
                        out.putNextEntry(new JarEntry(r.getKey()));
                        out.write(r.getValue());
                        out.closeEntry();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    private static List<Class<?>> concat(List<Class<?>> a, List<Class<?>> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** The class and its nested classes. */
    private static void addClass(JarOutputStream out, Class<?> c) throws IOException {
        String base = c.getName().replace('.', '/');
        for (Map.Entry<String, byte[]> e : TestResources.matching(
                n -> n.equals(base + ".class") || (n.startsWith(base + "$") && n.endsWith(".class"))).entrySet()) {
            out.putNextEntry(new JarEntry(e.getKey()));
            out.write(e.getValue());
            out.closeEntry();
        }
    }
}
