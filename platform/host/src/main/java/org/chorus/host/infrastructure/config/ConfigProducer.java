package org.chorus.host.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Binds {@link PlatformConfig} to MicroProfile Config (system properties, environment, microprofile-config.properties). */
@ApplicationScoped
public class ConfigProducer {

    /** Dependent scope: the value is immutable and cheap, and a final class cannot be proxied. */
    @Produces
    PlatformConfig platformConfig() {
        return of(ConfigProvider.getConfig());
    }

    /**
     * The platform's configuration from MicroProfile Config. The sources (environment, system properties, the
     * app's properties) do not change while it runs, and some keys are read on every request (form limits, plugin
     * settings): each is looked up once.
     */
    public static PlatformConfig of(Config config) {
        Map<String, Optional<String>> values = new ConcurrentHashMap<>();
        return new PlatformConfig(key -> values.computeIfAbsent(key, k -> config.getOptionalValue(k, String.class)));
    }
}
