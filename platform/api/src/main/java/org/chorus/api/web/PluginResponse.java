package org.chorus.api.web;

import java.util.Map;
import org.chorus.api.action.Fragment;

/**
 * What a plugin route answers: a themed page (the host wraps the fragment in the theme's layout), JSON
 * (the host serialises a JSON-like tree), or plain bytes.
 */
public sealed interface PluginResponse permits PluginResponse.Page, PluginResponse.Json, PluginResponse.Raw {

    int status();

    record Page(int status, String title, Fragment fragment, String theme) implements PluginResponse {
    }

    record Json(int status, Object body) implements PluginResponse {
    }

    record Raw(int status, String contentType, byte[] body, Map<String, String> headers) implements PluginResponse {
    }

    static PluginResponse page(String title, Fragment fragment) {
        return new Page(200, title, fragment, null);
    }

    static PluginResponse json(Object body) {
        return new Json(200, body);
    }
}
