package org.chorus.host.interfaces;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.chorus.host.application.Platform;
import org.chorus.host.infrastructure.config.PlatformConfig;

/**
 * Starts the platform when the application starts (not on the first request, so "ready" means ready) and
 * stops it with the application; the start itself began earlier, in parallel with the container's own work
 * ({@link EarlyStart}). Asynchronous work runs on the server's managed executor, the mail outbox
 * worker on its managed scheduled executor.
 */
@ApplicationScoped
public class PlatformBootstrap {

    private static final Logger LOG = Logger.getLogger(PlatformBootstrap.class.getName());

    @Inject
    PlatformConfig config;

    @Resource
    ManagedExecutorService executor;

    /** Runs the mail outbox worker (see {@code MailDelivery}); managed, so it stops with the application. */
    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile Platform platform;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        platform();
    }

    @Produces
    public Platform platform() {
        Platform p = platform;
        if (p == null) {
            synchronized (this) {
                p = platform;
                if (p == null) {
                    try {
                        EarlyStart.Started early = EarlyStart.take();
                        if (early != null) {
                            p = early.platform().join();
                            early.executor().set(executor);
                            p.startWorkers(scheduler);
                        } else {
                            p = Platform.start(config, Clock.systemUTC(), executor, scheduler);
                        }
                    } catch (java.util.concurrent.CompletionException e) {
                        LOG.log(Level.SEVERE, "The platform could not start: " + e.getCause().getMessage(), e.getCause());
                        throw e.getCause() instanceof RuntimeException r ? r : e;
                    } catch (RuntimeException e) {
                        LOG.log(Level.SEVERE, "The platform could not start: " + e.getMessage(), e);
                        throw e;
                    }
                    platform = p;
                }
            }
        }
        return p;
    }

    @PreDestroy
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }
}
