package org.chorus.testplugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Reads entries of the code source that holds this class: target/test-classes when run in this module, the
 * test-jar when run from another module.
 */
final class TestResources {

    private TestResources() {
    }

    /** Entries under a folder, keyed by their path relative to it. */
    static Map<String, byte[]> under(String root) {
        Map<String, byte[]> out = new TreeMap<>();
        matching(name -> name.startsWith(root + "/")).forEach((k, v) -> out.put(k.substring(root.length() + 1), v));
        if (out.isEmpty()) {
            throw new IllegalStateException("no test resources under " + root);
        }
        return out;
    }

    /** Entries whose full path matches, keyed by full path. */
    static Map<String, byte[]> matching(Predicate<String> wanted) {
        Map<String, byte[]> out = new TreeMap<>();
        try {
            Path source = Path.of(TestResources.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        String name = source.relativize(f).toString().replace('\\', '/');
                        if (wanted.test(name)) {
                            out.put(name, Files.readAllBytes(f));
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(source.toFile())) {
                    for (JarEntry e : java.util.Collections.list(jar.entries())) {
                        if (!e.isDirectory() && wanted.test(e.getName())) {
                            out.put(e.getName(), jar.getInputStream(e).readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
