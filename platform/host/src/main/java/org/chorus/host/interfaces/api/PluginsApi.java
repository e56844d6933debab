package org.chorus.host.interfaces.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chorus.api.ApiVersion;
import org.chorus.host.application.Platform;
import org.chorus.host.infrastructure.json.Json;
import org.chorus.host.infrastructure.plugins.PluginStatus;

/** {@code GET /api/plugins}: each plugin's id, version, state and the extension points it provides. */
@Path("api/plugins")
public class PluginsApi {

    @Inject
    Platform platform;

    @GET
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public String list() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PluginStatus s : platform.plugins().statuses()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("version", s.version());
            m.put("description", s.description());
            m.put("requires", s.requires());
            m.put("state", s.state());
            m.put("provides", s.provides());
            m.put("failures", s.failures());
            if (s.problem() != null) {
                m.put("problem", s.problem());
            }
            out.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiVersion", ApiVersion.CURRENT);
        body.put("plugins", out);
        return Json.write(body);
    }
}
