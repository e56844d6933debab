package org.chorus.host.infrastructure.plugins;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of every plugin class loader: it lets through the JDK, the plugin API, PF4J and SLF4J, and
 * nothing else of the host. A plugin that reaches for a host class fails at load time, where it is
 * contained, instead of coupling to internals that change without notice.
 */
final class ApiOnlyClassLoader extends ClassLoader {

    private static final List<String> VISIBLE = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.w3c.", "org.xml.", "org.ietf.",
            "org.chorus.api.", "org.pf4j.", "org.slf4j.");
    private static final List<String> VISIBLE_RESOURCES = List.of("org/chorus/api/", "org/pf4j/", "org/slf4j/");

    private final ClassLoader host;

    ApiOnlyClassLoader(ClassLoader host) {
        super("chorus-plugin-parent", null);
        this.host = host;
    }

    static boolean isVisible(String className) {
        for (String p : VISIBLE) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!isVisible(name)) {
            throw new ClassNotFoundException(name + " is not part of the plugin API; bundle it in the plugin");
        }
        return host.loadClass(name);
    }

    @Override
    public URL getResource(String name) {
        return resourceVisible(name) ? host.getResource(name) : null;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return resourceVisible(name) ? host.getResources(name) : Collections.emptyEnumeration();
    }

    private static boolean resourceVisible(String name) {
        for (String p : VISIBLE_RESOURCES) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
