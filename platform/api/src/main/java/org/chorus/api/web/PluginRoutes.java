package org.chorus.api.web;

import org.pf4j.ExtensionPoint;

/** Handles requests under {@code /plugins/<pluginId>/}. */
public interface PluginRoutes extends ExtensionPoint {

    /** @return a response, or null when this plugin has no such route (the host answers 404) */
    PluginResponse handle(PluginRequest request);
}
