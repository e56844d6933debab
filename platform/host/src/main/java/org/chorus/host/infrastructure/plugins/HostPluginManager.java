package org.chorus.host.infrastructure.plugins;

import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.chorus.api.PluginContext;
import org.pf4j.BasePluginLoader;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginClasspath;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;

/**
 * PF4J configured for the host: plugin class loaders hang below {@link ApiOnlyClassLoader}, extensions are
 * singletons built with the plugin's {@link PluginContext}, and which plugins are disabled is the host's
 * decision (kept in its database), not a file in the plugins folder.
 */
final class HostPluginManager extends DefaultPluginManager {

    private final ClassLoader pluginParent;
    private final Function<String, PluginContext> contexts;
    private final Set<String> disabled;
    private final BiConsumer<String, String> incompatible;

    HostPluginManager(Path pluginsDir, ClassLoader hostLoader, Function<String, PluginContext> contexts,
                      Set<String> disabled, BiConsumer<String, String> incompatible) {
        super(pluginsDir);
        this.pluginParent = new ApiOnlyClassLoader(hostLoader);
        this.contexts = contexts;
        this.disabled = disabled;
        this.incompatible = incompatible;
    }

    @Override
    protected PluginLoader createPluginLoader() {
        // Fields of this class are not set yet while the super constructor runs: resolve them lazily.
        return new CompoundPluginLoader()
                .add(new DirectoryLoader(this))
                .add(new JarLoader(this));
    }

    @Override
    protected ExtensionFactory createExtensionFactory() {
        return new ContextExtensionFactory();
    }

    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        return new PluginStatusProvider() {
            @Override
            public boolean isPluginDisabled(String pluginId) {
                return disabled != null && disabled.contains(pluginId);
            }

            @Override
            public void disablePlugin(String pluginId) {
                disabled.add(pluginId);
            }

            @Override
            public void enablePlugin(String pluginId) {
                disabled.remove(pluginId);
            }
        };
    }

    @Override
    protected boolean isPluginValid(PluginWrapper plugin) {
        boolean valid = super.isPluginValid(plugin);
        if (!valid) {
            incompatible.accept(plugin.getPluginId(), plugin.getDescriptor().getRequires());
        }
        return valid;
    }

    ClassLoader pluginParent() {
        return pluginParent;
    }

    /** A shaded plugin jar. */
    private static final class JarLoader extends JarPluginLoader {
        private final HostPluginManager host;

        JarLoader(HostPluginManager host) {
            super(host);
            this.host = host;
        }

        @Override
        protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
            return new PluginClassLoader(pluginManager, descriptor, host.pluginParent());
        }
    }

    /** An unpacked plugin (a zip is expanded by PF4J): {@code classes/} plus {@code lib/*.jar}. */
    private static final class DirectoryLoader extends BasePluginLoader {
        private final HostPluginManager host;

        DirectoryLoader(HostPluginManager host) {
            super(host, new DefaultPluginClasspath());
            this.host = host;
        }

        @Override
        public boolean isApplicable(Path pluginPath) {
            return Files.isDirectory(pluginPath) && super.isApplicable(pluginPath);
        }

        @Override
        protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
            return new PluginClassLoader(pluginManager, descriptor, host.pluginParent());
        }
    }

    /**
     * Builds each extension once, through a public constructor taking a {@link PluginContext} or a public
     * no-argument one.
     */
    private final class ContextExtensionFactory implements ExtensionFactory {
        private final Map<Class<?>, Object> singletons = new ConcurrentHashMap<>();

        @Override
        @SuppressWarnings("unchecked")
        public <T> T create(Class<T> extensionClass) {
            return (T) singletons.computeIfAbsent(extensionClass, this::instantiate);
        }

        private Object instantiate(Class<?> type) {
            PluginWrapper plugin = whichPlugin(type);
            String pluginId = plugin == null ? null : plugin.getPluginId();
            try {
                for (Constructor<?> c : type.getConstructors()) {
                    if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == PluginContext.class) {
                        return c.newInstance(contexts.apply(pluginId));
                    }
                }
                return type.getConstructor().newInstance();
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
                throw new PluginRuntimeException(cause, "Cannot create extension {} of plugin {}", type.getName(), pluginId);
            }
        }
    }
}
