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
        return new PlatformConfig(key -> config.getOptionalValue(key, String.class));
    }
}
