package org.chorus.host.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.chorus.host.application.Platform;
import org.chorus.host.infrastructure.plugins.PluginStatus;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health}: the database must answer for the instance to be ready. Plugins are reported one by one; a
 * failed plugin does not take the instance out of service (the rest of the platform still serves), but it is
 * visible here and in {@code /api/plugins}.
 */
public final class PlatformHealth {

    private PlatformHealth() {
    }

    @Readiness
    @ApplicationScoped
    public static class Database implements HealthCheck {
        @Inject
        Platform platform;

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("database").status(platform.database().isReachable())
                    .withData("dialect", platform.database().dialect().name()).build();
        }
    }

    @Readiness
    @ApplicationScoped
    public static class Plugins implements HealthCheck {
        @Inject
        Platform platform;

        @Override
        public HealthCheckResponse call() {
            HealthCheckResponseBuilder b = HealthCheckResponse.named("plugins").up();
            long failed = 0;
            for (PluginStatus s : platform.plugins().statuses()) {
                b.withData(s.id(), s.state());
                if (!"started".equals(s.state())) {
                    failed++;
                }
            }
            return b.withData("outOfService", failed).build();
        }
    }

    @Liveness
    @ApplicationScoped
    public static class Alive implements HealthCheck {
        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.up("platform");
        }
    }
}
