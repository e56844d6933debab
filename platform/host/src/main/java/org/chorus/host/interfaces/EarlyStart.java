package org.chorus.host.interfaces;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.chorus.host.application.Platform;
import org.chorus.host.infrastructure.config.ConfigProducer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts the platform (database, plugins, themes, campaign files) on a thread of its own as soon as the container
 * begins discovering the application's CDI beans, so that work overlaps the container wiring CDI, Jersey and the
 * web module instead of following it: on two cores a restart is ready about a second and a half sooner.
 * {@link PlatformBootstrap} takes the started platform when the application starts, hands it the container's
 * executors, and fails the deployment if the start failed. Registered in
 * {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}.
 */
public class EarlyStart implements Extension {

    /** Runs work on the container's managed executor once PlatformBootstrap has it (events fired before then wait). */
    static final class LateExecutor implements Executor {
        private final CompletableFuture<Executor> executor = new CompletableFuture<>();

        void set(Executor e) {
            executor.complete(e);
        }

        @Override
        public void execute(Runnable command) {
            executor.thenAccept(e -> e.execute(command));
        }
    }

    private static final AtomicReference<Started> STARTED = new AtomicReference<>();

    record Started(CompletableFuture<Platform> platform, LateExecutor executor) {
    }

    void begin(@Observes BeforeBeanDiscovery event) {
        ClassLoader app = Thread.currentThread().getContextClassLoader();
        LateExecutor executor = new LateExecutor();
        CompletableFuture<Platform> platform = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                platform.complete(Platform.start(ConfigProducer.of(ConfigProvider.getConfig(app)), Clock.systemUTC(), executor));
            } catch (RuntimeException | Error e) {
                platform.completeExceptionally(e);
            }
        }, "chorus-start");
        t.setContextClassLoader(app);
        t.setDaemon(true);
        STARTED.set(new Started(platform, executor));
        t.start();
    }

    /** The platform started early in this class loader (one per deployment), taken once. */
    static Started take() {
        return STARTED.getAndSet(null);
    }
}
