package org.chorus.host;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.chorus.host.application.Platform;
import org.chorus.host.infrastructure.config.PlatformConfig;

/** Builds real platforms for tests: the project's own themes and campaign files, a fresh H2 database. */
public final class TestPlatforms {

    private TestPlatforms() {
    }

    public static Path projectDir() {
        String themes = System.getProperty("chorus.themes.dir");
        if (themes != null) {
            return Path.of(themes).getParent();
        }
        return Path.of("../..").toAbsolutePath().normalize();
    }

    public static Map<String, String> h2Config(Path dataDir) {
        Map<String, String> cfg = new HashMap<>();
        cfg.put("platform.data.dir", dataDir.toString());
        cfg.put("platform.themes.dir", projectDir().resolve("themes").toString());
        cfg.put("platform.campaigns.dir", projectDir().resolve("config/campaigns").toString());
        cfg.put("platform.plugins.dir", dataDir.resolve("no-plugins").toString());
        cfg.put("platform.base.url", "http://localhost:8080");
        return cfg;
    }

    /** A configuration with a campaigns folder of the test's own. */
    public static Map<String, String> withCampaigns(Map<String, String> config, Path campaignsDir) {
        config.put("platform.campaigns.dir", campaignsDir.toString());
        return config;
    }

    public static Map<String, String> withPlugins(Map<String, String> config, Path pluginsDir) {
        config.put("platform.plugins.dir", pluginsDir.toString());
        return config;
    }

    public static Platform start(Map<String, String> config) {
        return Platform.start(PlatformConfig.of(config), Clock.systemUTC(), Runnable::run);
    }

    /** A supporter's form as a submission carries it: each field with its one value. */
    public static Map<String, java.util.List<String>> form(Map<String, String> fields) {
        Map<String, java.util.List<String>> f = new java.util.LinkedHashMap<>();
        fields.forEach((k, v) -> f.put(k, java.util.List.of(v)));
        return f;
    }
}
