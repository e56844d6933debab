package org.chorus.host.application;

import java.util.Optional;
import org.chorus.api.action.ActionType;
import org.chorus.host.infrastructure.plugins.PluginRuntime;

/** Finds the installed action type for a type id, with the plugin that provides it. */
public class ActionTypes {

    private final PluginRuntime plugins;

    public ActionTypes(PluginRuntime plugins) {
        this.plugins = plugins;
    }

    public Optional<PluginRuntime.Contributed<ActionType>> find(String typeId) {
        for (var c : plugins.extensions(ActionType.class)) {
            String id;
            try {
                id = plugins.invoker().call(c.pluginId(), "ActionType.typeId", c.extension()::typeId);
            } catch (RuntimeException e) {
                continue;
            }
            if (typeId.equals(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
