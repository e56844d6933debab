package org.chorus.testplugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads a folder of test resources (on the file system, as in Maven's target/test-classes). */
final class TestResources {

    private TestResources() {
    }

    static Map<String, byte[]> under(String root) {
        URL url = TestResources.class.getClassLoader().getResource(root);
        if (url == null) {
            throw new IllegalStateException("no test resources under " + root);
        }
        Map<String, byte[]> out = new TreeMap<>();
        try {
            Path dir = Path.of(url.toURI());
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    out.put(dir.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
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
