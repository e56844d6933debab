package org.chorus.host.infrastructure.plugins;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.chorus.api.ApiVersion;
import org.chorus.api.PluginContext;
import org.chorus.api.action.ActionType;
import org.chorus.api.event.CampaignEventListener;
import org.chorus.api.lookup.Geocoder;
import org.chorus.api.lookup.TargetLookup;
import org.chorus.api.stance.StanceProvider;
import org.chorus.api.web.PluginRoutes;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Loads the plugins folder once at start and keeps, per plugin, its extensions and its health. A plugin that
 * is incompatible, fails to start, cannot build its extensions, hits a {@link LinkageError}, or fails
 * {@value #FAILURES_BEFORE_DISABLE} calls in a row is taken out of service; everything else keeps serving.
 */
public final class PluginRuntime implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PluginRuntime.class.getName());
    static final int FAILURES_BEFORE_DISABLE = 5;

    /** The extension points the host knows, for listing what a plugin provides. */
    public static final List<Class<?>> EXTENSION_POINTS = List.of(ActionType.class, TargetLookup.class,
            Geocoder.class, StanceProvider.class, PluginRoutes.class, CampaignEventListener.class,
            org.chorus.api.admin.AdminRoutes.class);

    /** An extension together with the plugin that contributed it. */
    public record Contributed<T>(String pluginId, T extension) {
    }

    private final HostPluginManager manager;
    private final Clock clock;
    private final PluginInvoker invoker = new PluginInvoker(this);
    private final Map<String, List<Object>> extensions = new ConcurrentHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    private final Map<String, String> outOfService = new ConcurrentHashMap<>();
    private final Map<Class<?>, List<?>> byType = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> consecutiveFailures = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastFailure = new ConcurrentHashMap<>();

    private PluginRuntime(Path pluginsDir, ClassLoader hostLoader, Function<String, PluginContext> contexts,
                          Set<String> disabled, Clock clock) {
        this.clock = clock;
        BiConsumer<String, String> incompatible = (id, requires) -> {
            String why = "requires plugin API " + requires + " but this host provides " + ApiVersion.CURRENT;
            problems.put(id, why);
            outOfService.put(id, "incompatible");
            LOG.severe("Plugin '" + id + "' refused: it " + why);
        };
        this.manager = new HostPluginManager(pluginsDir, hostLoader, contexts, new HashSet<>(disabled), incompatible);
        this.manager.setSystemVersion(ApiVersion.CURRENT);
    }

    /**
     * Loads and starts every plugin of the folder.
     *
     * @param beforeExtensions runs once per started plugin before its extensions are built (e.g. its migrations)
     */
    public static PluginRuntime start(Path pluginsDir, ClassLoader hostLoader, Function<String, PluginContext> contexts,
                                      Set<String> disabled, Clock clock, BiConsumer<String, ClassLoader> beforeExtensions) {
        PluginRuntime runtime = new PluginRuntime(pluginsDir, hostLoader, contexts, disabled, clock);
        if (!Files.isDirectory(pluginsDir)) {
            LOG.warning("Plugins folder " + pluginsDir + " does not exist: no plugins loaded");
            return runtime;
        }
        try {
            runtime.manager.loadPlugins();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Loading plugins from " + pluginsDir + " failed part-way; continuing with those loaded", e);
        }
        for (PluginWrapper p : runtime.manager.getPlugins()) {
            String id = p.getPluginId();
            if (p.getPluginState() == PluginState.DISABLED && !runtime.outOfService.containsKey(id)) {
                runtime.outOfService.put(id, "disabled");
            }
            if (runtime.outOfService.containsKey(id)) {
                continue;
            }
            PluginState state;
            try {
                state = runtime.manager.startPlugin(id);
            } catch (RuntimeException | LinkageError e) {
                runtime.takeOutOfService(id, "failed", "start failed: " + e, e);
                continue;
            }
            if (state != PluginState.STARTED) {
                Throwable cause = p.getFailedException();
                runtime.takeOutOfService(id, "failed", "did not start (" + state + ")"
                        + (cause == null ? "" : ": " + cause), cause);
                continue;
            }
            try {
                runtime.invoker.run(id, "start", () -> {
                    beforeExtensions.accept(id, p.getPluginClassLoader());
                    List<?> built = runtime.manager.getExtensions(id);
                    int declared = runtime.manager.getExtensionClassNames(id).size();
                    if (built.size() < declared) {
                        // PF4J logs and skips an extension whose constructor throws; the host treats it as a failure.
                        throw new IllegalStateException("only " + built.size() + " of its " + declared
                                + " extensions could be created (see the log above)");
                    }
                    runtime.extensions.put(id, List.copyOf(built));
                    runtime.byType.clear();
                });
                LOG.info(() -> "Plugin '" + id + "' " + p.getDescriptor().getVersion() + " started: "
                        + runtime.provides(id));
            } catch (PluginFailure e) {
                runtime.takeOutOfService(id, "failed", "cannot build its extensions: " + e.getCause(), null);
            }
        }
        return runtime;
    }

    private void takeOutOfService(String id, String state, String problem, Throwable cause) {
        outOfService.put(id, state);
        problems.put(id, problem);
        extensions.remove(id);
        byType.clear();
        LOG.log(Level.SEVERE, "Plugin '" + id + "' is out of service: " + problem, cause);
        try {
            PluginWrapper p = manager.getPlugin(id);
            if (p != null && p.getPluginState() == PluginState.STARTED) {
                manager.stopPlugin(id);
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "Plugin '" + id + "' did not stop cleanly", e);
        }
    }

    /** Every in-service extension of a type, in plugin id order. */
    @SuppressWarnings("unchecked")
    public <T> List<Contributed<T>> extensions(Class<T> type) {
        // Asked several times per request (action types, lookups, stances): kept per type until a plugin changes state.
        return (List<Contributed<T>>) (List<?>) byType.computeIfAbsent(type, t -> List.copyOf(collect(t)));
    }

    private <T> List<Contributed<T>> collect(Class<T> type) {
        List<Contributed<T>> out = new ArrayList<>();
        extensions.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!outOfService.containsKey(e.getKey())) {
                for (Object ext : e.getValue()) {
                    if (type.isInstance(ext)) {
                        out.add(new Contributed<>(e.getKey(), type.cast(ext)));
                    }
                }
            }
        });
        return out;
    }

    /**
     * Takes a started plugin out of service now because staff disabled it (its extensions stop being offered; the
     * next start does not start it). Nothing happens to a plugin that is already out of service.
     */
    public void disable(String pluginId) {
        if (isInService(pluginId)) {
            takeOutOfService(pluginId, "disabled", "disabled by staff", null);
        }
    }

    public PluginInvoker invoker() {
        return invoker;
    }

    public boolean isInService(String pluginId) {
        return extensions.containsKey(pluginId) && !outOfService.containsKey(pluginId);
    }

    ClassLoader classLoader(String pluginId) {
        PluginWrapper p = manager.getPlugin(pluginId);
        return p == null ? null : p.getPluginClassLoader();
    }

    /** The plugin's class loader, for its templates and messages (null when unknown). */
    public ClassLoader resourceLoader(String pluginId) {
        return isInService(pluginId) ? classLoader(pluginId) : null;
    }

    public List<String> inServiceIds() {
        return extensions.keySet().stream().filter(id -> !outOfService.containsKey(id)).sorted().toList();
    }

    void recordSuccess(String pluginId) {
        AtomicLong c = consecutiveFailures.get(pluginId);
        if (c != null) {
            c.set(0);
        }
    }

    void recordFailure(String pluginId, String operation, Throwable t) {
        failures.computeIfAbsent(pluginId, k -> new AtomicLong()).incrementAndGet();
        lastFailure.put(pluginId, clock.instant());
        problems.put(pluginId, operation + ": " + t);
        long inARow = consecutiveFailures.computeIfAbsent(pluginId, k -> new AtomicLong()).incrementAndGet();
        if (t instanceof LinkageError) {
            takeOutOfService(pluginId, "failed", "linkage error in " + operation + ": " + t, null);
        } else if (inARow >= FAILURES_BEFORE_DISABLE && extensions.containsKey(pluginId)) {
            takeOutOfService(pluginId, "failed", inARow + " failures in a row, last in " + operation + ": " + t, null);
        }
    }

    private List<String> provides(String pluginId) {
        List<String> out = new ArrayList<>();
        for (Object ext : extensions.getOrDefault(pluginId, List.of())) {
            for (Class<?> point : EXTENSION_POINTS) {
                if (point.isInstance(ext)) {
                    String detail = ext instanceof ActionType a ? safe(() -> ":" + a.typeId())
                            : ext instanceof TargetLookup l ? safe(() -> ":" + l.id())
                            : ext instanceof Geocoder g ? safe(() -> ":" + g.id()) : "";
                    out.add(point.getSimpleName() + detail);
                }
            }
        }
        return out;
    }

    private static String safe(java.util.function.Supplier<String> s) {
        try {
            return s.get();
        } catch (RuntimeException | LinkageError e) {
            return ":?";
        }
    }

    public List<PluginStatus> statuses() {
        Map<String, PluginStatus> out = new LinkedHashMap<>();
        for (PluginWrapper p : manager.getPlugins()) {
            String id = p.getPluginId();
            String state = outOfService.getOrDefault(id, isInService(id) ? "started" : "failed");
            AtomicLong f = failures.get(id);
            out.put(id, new PluginStatus(id, p.getDescriptor().getVersion(), p.getDescriptor().getPluginDescription(),
                    p.getDescriptor().getRequires(), state, problems.get(id), provides(id),
                    f == null ? 0 : f.get(), lastFailure.get(id)));
        }
        List<PluginStatus> list = new ArrayList<>(out.values());
        list.sort((a, b) -> a.id().compareTo(b.id()));
        return Collections.unmodifiableList(list);
    }

    @Override
    public void close() {
        try {
            manager.stopPlugins();
            manager.unloadPlugins();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "Stopping plugins failed", e);
        }
    }
}
