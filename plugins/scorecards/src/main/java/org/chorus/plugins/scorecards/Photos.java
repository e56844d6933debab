package org.chorus.plugins.scorecards;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.chorus.api.TargetInfo;

/**
 * Legislators' photos served from this host: the pages may make no third-party request (the CSP allows none), so
 * the photo a target's data points to (e.g. on malegislature.gov) is fetched once by the server, kept in the
 * plugin's data folder and served from there. {@code photos.fetch=false} serves only what is already kept.
 */
final class Photos {

    static final int MAX_BYTES = 2 * 1024 * 1024;

    /** A kept photo. */
    record Photo(String contentType, byte[] bytes) {
    }

    private final Path folder;
    private final boolean fetch;
    private final Duration timeout;
    private final Logger log;
    private final Map<Long, Long> failedAt = new ConcurrentHashMap<>();
    private final HttpClient client;

    Photos(Path folder, boolean fetch, Duration timeout, Logger log) {
        this.folder = folder;
        this.fetch = fetch;
        this.timeout = timeout;
        this.log = log;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private Path file(long targetId) {
        return folder.resolve(targetId + ".img");
    }

    private Path type(long targetId) {
        return folder.resolve(targetId + ".type");
    }

    /** Whether a page may show the photo (kept already, or it may be fetched). */
    boolean available(TargetInfo t) {
        return Files.isRegularFile(file(t.id())) || (fetch && isHttp(t.photoUrl()) && !recentlyFailed(t.id()));
    }

    Optional<Photo> photo(TargetInfo t) {
        try {
            if (Files.isRegularFile(file(t.id()))) {
                return Optional.of(new Photo(Files.readString(type(t.id())), Files.readAllBytes(file(t.id()))));
            }
            if (!fetch || !isHttp(t.photoUrl()) || recentlyFailed(t.id())) {
                return Optional.empty();
            }
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(t.photoUrl())).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String contentType = r.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (r.statusCode() != 200 || !contentType.matches("image/(jpeg|png|gif|webp).*") || r.body().length > MAX_BYTES) {
                failedAt.put(t.id(), System.currentTimeMillis());
                log.info(() -> "Photo of target " + t.id() + " not kept: " + t.photoUrl() + " answered " + r.statusCode() + " " + contentType);
                return Optional.empty();
            }
            String kept = contentType.replaceAll(";.*", "").strip();
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, "photo", ".tmp");
            Files.write(tmp, r.body());
            Files.writeString(type(t.id()), kept);
            Files.move(tmp, file(t.id()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(new Photo(kept, r.body()));
        } catch (IOException | IllegalArgumentException e) {
            failedAt.put(t.id(), System.currentTimeMillis());
            log.info(() -> "Photo of target " + t.id() + " could not be fetched from " + t.photoUrl() + ": " + e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** A failed fetch is not tried again for ten minutes, so a page of 200 portraits cannot hammer a slow server. */
    private boolean recentlyFailed(long id) {
        Long at = failedAt.get(id);
        return at != null && System.currentTimeMillis() - at < 600_000;
    }

    private static boolean isHttp(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }
}
