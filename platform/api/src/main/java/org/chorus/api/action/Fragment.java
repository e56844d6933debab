package org.chorus.api.action;

import java.util.Map;
import java.util.Objects;

/**
 * A Freemarker template shipped in the plugin jar under {@code templates/}, plus its model. The host looks
 * the name up as {@code plugin/<pluginId>/<template>} through the campaign's theme chain first, so a theme
 * restyles it by adding one file. Models are plain maps, lists, strings, numbers and booleans.
 */
public record Fragment(String template, Map<String, Object> model) {

    public Fragment {
        Objects.requireNonNull(template, "template");
        model = model == null ? Map.of() : Map.copyOf(model);
    }
}
