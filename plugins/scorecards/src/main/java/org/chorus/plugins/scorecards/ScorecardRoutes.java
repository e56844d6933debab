package org.chorus.plugins.scorecards;

import java.time.Duration;
import java.util.Map;
import org.chorus.api.PluginContext;
import org.chorus.api.web.PluginRequest;
import org.chorus.api.web.PluginResponse;
import org.chorus.api.web.PluginRoutes;
import org.pf4j.Extension;

/**
 * The public pages under {@code /plugins/scorecards/}: the index table ({@code ?card=&chamber=&party=&grade=&pos_H2580=
 * &q=&sort=&dir=}), {@code legislators/<target id>}, {@code bills/<session>/<number>} and {@code photos/<target id>}.
 */
@Extension
public class ScorecardRoutes implements PluginRoutes {

    private final PublicPages pages;
    private final Photos photos;
    private final Scorecards scorecards;

    public ScorecardRoutes(PluginContext context) {
        this.scorecards = Scorecards.of(context);
        this.photos = new Photos(context.dataDirectory().resolve("photos"), context.settings().getBoolean("photos.fetch", true),
                Duration.ofMillis(context.settings().getInt("photos.timeout.millis", 5000)), context.logger());
        this.pages = new PublicPages(context, scorecards, photos);
    }

    @Override
    public PluginResponse handle(PluginRequest request) {
        if (!"GET".equals(request.method())) {
            return null;
        }
        String[] parts = request.path().split("/", -1);
        if (request.path().isEmpty() || request.path().equals("index")) {
            return pages.index(request);
        }
        if (parts.length == 2 && parts[0].equals("legislators")) {
            return pages.legislator(request, parts[1]);
        }
        if (parts.length == 3 && parts[0].equals("bills")) {
            return pages.bill(request, parts[1], parts[2]);
        }
        if (parts.length == 2 && parts[0].equals("photos") && parts[1].matches("\\d{1,18}")) {
            return scorecards.targets().target(Long.parseLong(parts[1])).flatMap(photos::photo)
                    .<PluginResponse>map(p -> new PluginResponse.Raw(200, p.contentType(), p.bytes(),
                            Map.of("Cache-Control", "public, max-age=86400")))
                    .orElse(new PluginResponse.Raw(404, "text/plain; charset=UTF-8", "no photo".getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of()));
        }
        return null;
    }
}
