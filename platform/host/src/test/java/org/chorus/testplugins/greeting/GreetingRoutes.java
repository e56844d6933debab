package org.chorus.testplugins.greeting;

import java.util.Map;
import org.chorus.api.PluginContext;
import org.chorus.api.action.Fragment;
import org.chorus.api.web.PluginRequest;
import org.chorus.api.web.PluginResponse;
import org.chorus.api.web.PluginRoutes;
import org.pf4j.Extension;

/** {@code /plugins/greeting/hello} (a themed page) and {@code /plugins/greeting/info.json}. */
@Extension
public class GreetingRoutes implements PluginRoutes {

    private final PluginContext context;

    public GreetingRoutes(PluginContext context) {
        this.context = context;
    }

    @Override
    public PluginResponse handle(PluginRequest request) {
        return switch (request.path()) {
            case "hello" -> PluginResponse.page("Hello", new Fragment("hello.ftlh",
                    Map.of("who", request.param("who") == null ? "world" : request.param("who"))));
            case "info.json" -> PluginResponse.json(Map.of("plugin", context.pluginId(),
                    "events", GreetingEvents.COUNT.get()));
            default -> null;
        };
    }
}
