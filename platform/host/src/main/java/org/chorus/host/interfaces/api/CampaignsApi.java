package org.chorus.host.interfaces.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.host.application.CampaignSnapshot;
import org.chorus.host.application.Platform;
import org.chorus.host.infrastructure.json.Json;

/** {@code GET /api/campaigns}: the public campaigns, for partners and embeds. */
@Path("api/campaigns")
public class CampaignsApi {

    @Inject
    Platform platform;

    @GET
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public String list() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CampaignSnapshot c : platform.campaigns().publicCampaigns()) {
            var content = c.content(Locale.forLanguageTag(c.defaultLanguage()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slug", c.slug());
            m.put("title", content.title());
            m.put("summary", content.summary());
            m.put("status", c.status());
            m.put("theme", c.theme());
            m.put("languages", c.languages());
            m.put("takingActions", c.takingActions());
            m.put("url", platform.config().baseUrl() + "/campaigns/" + c.slug());
            List<Map<String, Object>> actions = new ArrayList<>();
            for (var a : c.actions()) {
                Map<String, Object> am = new LinkedHashMap<>();
                am.put("id", a.key());
                am.put("type", a.type());
                am.put("title", a.title());
                am.put("available", platform.actionTypes().find(a.type()).isPresent());
                actions.add(am);
            }
            m.put("actions", actions);
            out.add(m);
        }
        return Json.write(Map.of("campaigns", out));
    }
}
