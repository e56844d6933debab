package org.chorus.host.infrastructure.plugins;

/** A plugin threw (or could not be linked); carries the plugin's id so pages and logs can name it. */
public class PluginFailure extends RuntimeException {

    private final String pluginId;

    public PluginFailure(String pluginId, String operation, Throwable cause) {
        super("plugin '" + pluginId + "' failed in " + operation + ": " + cause, cause);
        this.pluginId = pluginId;
    }

    public String pluginId() {
        return pluginId;
    }
}
