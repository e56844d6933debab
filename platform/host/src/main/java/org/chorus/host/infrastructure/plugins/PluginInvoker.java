package org.chorus.host.infrastructure.plugins;

import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one way into plugin code. It runs the call with the plugin's class loader as context class loader and
 * contains what goes wrong: the failure is logged with the plugin's id, counted against the plugin and
 * rethrown as a {@link PluginFailure} the caller can render as "this part is unavailable".
 */
public final class PluginInvoker {

    private static final Logger LOG = Logger.getLogger(PluginInvoker.class.getName());

    private final PluginRuntime runtime;

    PluginInvoker(PluginRuntime runtime) {
        this.runtime = runtime;
    }

    public <T> T call(String pluginId, String operation, Callable<T> body) {
        ClassLoader pluginLoader = runtime.classLoader(pluginId);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (pluginLoader != null) {
            thread.setContextClassLoader(pluginLoader);
        }
        try {
            T result = body.call();
            runtime.recordSuccess(pluginId);
            return result;
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError vme && !(t instanceof StackOverflowError)) {
                throw vme; // out of memory is not the plugin's alone to carry
            }
            LOG.log(Level.SEVERE, "Plugin '" + pluginId + "' failed in " + operation, t);
            runtime.recordFailure(pluginId, operation, t);
            throw new PluginFailure(pluginId, operation, t);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public void run(String pluginId, String operation, Runnable body) {
        call(pluginId, operation, () -> {
            body.run();
            return null;
        });
    }
}
