package org.chorus.plugins.scorecards;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.chorus.api.TargetInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Photos fetched once by the server from a (local) photo host, kept, and served from here afterwards. */
class PhotosTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};

    static TargetInfo target(long id, String photoUrl) {
        return new TargetInfo(id, "ocd-person/x" + id, "Jane Doe", "Jane", "Doe", "Senator", "upper", "Democratic", null, null,
                photoUrl, null, null, true);
    }

    @Test
    void aPhotoIsFetchedOnceKeptAndServedFromHereAndOnlyImagesAreKept(@TempDir Path dir) throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/photo.png", x -> {
            requests.incrementAndGet();
            x.getResponseHeaders().add("Content-Type", "image/png");
            x.sendResponseHeaders(200, PNG.length);
            x.getResponseBody().write(PNG);
            x.close();
        });
        server.createContext("/page.html", x -> {
            byte[] html = "<script>alert(1)</script>".getBytes();
            x.getResponseHeaders().add("Content-Type", "text/html");
            x.sendResponseHeaders(200, html.length);
            x.getResponseBody().write(html);
            x.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try {
            Photos photos = new Photos(dir, true, Duration.ofSeconds(2), Logger.getLogger("test"));
            TargetInfo jane = target(1, base + "/photo.png");
            assertThat(photos.available(jane)).isTrue();
            assertThat(photos.photo(jane)).hasValueSatisfying(p -> {
                assertThat(p.contentType()).isEqualTo("image/png");
                assertThat(p.bytes()).isEqualTo(PNG);
            });
            assertThat(photos.photo(jane)).isPresent();
            assertThat(requests.get()).as("kept after the first fetch").isEqualTo(1);

            TargetInfo html = target(2, base + "/page.html");
            assertThat(photos.photo(html)).as("not an image: not kept, not served").isEmpty();
            assertThat(photos.available(html)).as("not tried again for a while").isFalse();
            assertThat(photos.photo(target(3, "file:///etc/passwd"))).isEmpty();
            assertThat(photos.photo(target(4, null))).isEmpty();
        } finally {
            server.stop(0);
        }
        // Without fetching, only what is kept is served: the page then shows initials for the others.
        Photos offline = new Photos(dir, false, Duration.ofSeconds(2), Logger.getLogger("test"));
        assertThat(offline.photo(target(1, base + "/photo.png"))).isPresent();
        assertThat(offline.available(target(5, base + "/photo.png"))).isFalse();
        assertThat(offline.photo(target(5, base + "/photo.png"))).isEmpty();
    }
}
