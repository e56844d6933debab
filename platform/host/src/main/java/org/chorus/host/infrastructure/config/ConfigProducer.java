package org.chorus.host.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Binds {@link PlatformConfig} to MicroProfile Config (system properties, environment, microprofile-config.properties). */
@ApplicationScoped
public class ConfigProducer {

    /** Dependent scope: the value is immutable and cheap, and a final class cannot be proxied. */
    @Produces
    PlatformConfig platformConfig() {
        Config config = ConfigProvider.getConfig();
        // The sources (environment, system properties, the app's properties) do not change while it runs, and some
        // keys are read on every request (form limits, plugin settings): look each up once.
        return new PlatformConfig(key -> values.computeIfAbsent(key, k -> config.getOptionalValue(k, String.class)));
    }

    private final java.util.Map<String, java.util.Optional<String>> values = new java.util.concurrent.ConcurrentHashMap<>();
}
