package org.chorus.api.web;

import java.util.Map;
import org.chorus.api.action.Fragment;

/**
 * What a plugin route answers: a themed page (the host wraps the fragment in the theme's layout), JSON
 * (the host serialises a JSON-like tree), or plain bytes.
 */
public sealed interface PluginResponse permits PluginResponse.Page, PluginResponse.Json, PluginResponse.Raw,
        PluginResponse.Redirect {

    int status();

    record Page(int status, String title, Fragment fragment, String theme) implements PluginResponse {
    }

    record Json(int status, Object body) implements PluginResponse {
    }

    record Raw(int status, String contentType, byte[] body, Map<String, String> headers) implements PluginResponse {
    }

    /**
     * 303 See Other to a local path (e.g. after a POST); the host refuses anything but {@code /…} (not {@code //…}).
     *
     * @since 1.1.0
     */
    record Redirect(String location) implements PluginResponse {
        public Redirect {
            if (location == null || !location.startsWith("/") || location.startsWith("//") || location.contains("\\")
                    || location.chars().anyMatch(c -> c < 0x20)) {
                throw new IllegalArgumentException("a redirect must go to a local path: " + location);
            }
        }

        @Override
        public int status() {
            return 303;
        }
    }

    static PluginResponse redirect(String location) {
        return new Redirect(location);
    }

    static PluginResponse page(String title, Fragment fragment) {
        return new Page(200, title, fragment, null);
    }

    static PluginResponse json(Object body) {
        return new Json(200, body);
    }
}
