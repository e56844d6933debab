package org.chorus.api;

import java.util.Optional;

/** Read-only view of a plugin's configuration. */
public interface PluginSettings {

    Optional<String> get(String name);

    default String get(String name, String defaultValue) {
        return get(name).orElse(defaultValue);
    }

    default int getInt(String name, int defaultValue) {
        return get(name).map(String::trim).map(Integer::parseInt).orElse(defaultValue);
    }

    default boolean getBoolean(String name, boolean defaultValue) {
        return get(name).map(String::trim).map(Boolean::parseBoolean).orElse(defaultValue);
    }
}
