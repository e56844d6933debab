package org.chorus.host.infrastructure.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.chorus.host.testsupport.LocalHttpServer;
import org.chorus.host.testsupport.Zips;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFetcherTest {

    @TempDir
    Path tmp;

    LocalHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static SourceFetcher fetcher(Duration timeout, long maxBytes) {
        return new SourceFetcher(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), timeout, maxBytes);
    }

    @Test
    void aLocalPathIsUsedInPlace() throws IOException {
        Path f = Files.writeString(tmp.resolve("a.csv"), "x");
        try (SourceFetcher.Fetched fetched = SourceFetcher.defaults().fetch(f.toString())) {
            assertThat(fetched.path()).isEqualTo(f);
            assertThat(fetched.unzipped()).isFalse();
        }
        assertThat(f).exists(); // never deletes the caller's files
        assertThatThrownBy(() -> SourceFetcher.defaults().fetch(tmp.resolve("missing").toString()))
                .isInstanceOf(IOException.class).hasMessageContaining("does not exist");
    }

    @Test
    void aUrlIsDownloadedAndCleanedUpAfterwards() throws IOException {
        Path f = Files.writeString(tmp.resolve("people.csv"), "id,name\n");
        server.file("/data/people.csv", f, "text/csv");
        Path downloaded;
        try (SourceFetcher.Fetched fetched = SourceFetcher.defaults().fetch(server.url("/data/people.csv"))) {
            downloaded = fetched.path();
            assertThat(downloaded.getFileName().toString()).isEqualTo("people.csv");
            assertThat(Files.readString(downloaded)).isEqualTo("id,name\n");
            assertThat(fetched.label()).isEqualTo(server.url("/data/people.csv"));
        }
        assertThat(downloaded).doesNotExist();
    }

    @Test
    void aZipIsUnpackedWhetherLocalOrDownloaded() throws IOException {
        Path a = Files.writeString(tmp.resolve("a.yml"), "id: a");
        Path zip = Zips.zip(tmp.resolve("people.zip"), "people-main/legislature/", List.of(a));
        try (SourceFetcher.Fetched fetched = SourceFetcher.defaults().fetch(zip.toString())) {
            assertThat(fetched.unzipped()).isTrue();
            assertThat(fetched.path().resolve("people-main/legislature/a.yml")).hasContent("id: a");
        }
        server.file("/download", zip, "application/octet-stream"); // no extension, no zip type: the bytes tell
        Path dir;
        try (SourceFetcher.Fetched fetched = SourceFetcher.defaults().fetch(server.url("/download"))) {
            dir = fetched.path();
            assertThat(fetched.unzipped()).isTrue();
            assertThat(dir.resolve("people-main/legislature/a.yml")).hasContent("id: a");
        }
        assertThat(dir).doesNotExist();
    }

    @Test
    void httpErrorsTimeoutsAndOversizeDownloadsFailWithTheUrl() throws IOException {
        server.status("/missing", 404).slow("/slow", 3000);
        Path big = Files.write(tmp.resolve("big.csv"), new byte[10_000]);
        server.file("/big.csv", big, "text/csv");
        assertThatThrownBy(() -> SourceFetcher.defaults().fetch(server.url("/missing")))
                .isInstanceOf(IOException.class).hasMessageContaining("HTTP 404").hasMessageContaining("/missing");
        assertThatThrownBy(() -> fetcher(Duration.ofMillis(300), 1 << 20).fetch(server.url("/slow")))
                .isInstanceOf(IOException.class).hasMessageContaining("timed out");
        assertThatThrownBy(() -> fetcher(Duration.ofSeconds(5), 1000).fetch(server.url("/big.csv")))
                .isInstanceOf(IOException.class).hasMessageContaining("1000");
        assertThatThrownBy(() -> SourceFetcher.defaults().fetch("http://127.0.0.1:1/nothing-listens-here"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void zipEntriesEscapingTheFolderAreRefused() throws IOException {
        Path evil = Zips.single(tmp.resolve("evil.zip"), "../../escaped.txt", "x".getBytes());
        assertThatThrownBy(() -> SourceFetcher.defaults().fetch(evil.toString()))
                .isInstanceOf(IOException.class).hasMessageContaining("outside");
        assertThat(tmp.getParent().resolve("escaped.txt")).doesNotExist();
    }
}
