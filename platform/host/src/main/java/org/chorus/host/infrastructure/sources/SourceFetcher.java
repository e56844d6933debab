package org.chorus.host.infrastructure.sources;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Turns an import's data source, a local path or an http(s) URL, into local files. A URL is downloaded to a
 * temporary file (with connect and request timeouts and a size cap, so a wrong link cannot hang or fill the
 * disk); a {@code .zip}, local or downloaded, is unpacked into a temporary folder (refusing entries that would
 * escape it). Whatever was created is deleted when the {@link Fetched} is closed.
 */
public final class SourceFetcher {

    private static final Logger LOG = Logger.getLogger(SourceFetcher.class.getName());

    private final HttpClient client;
    private final Duration requestTimeout;
    private final long maxBytes;

    /**
     * @param requestTimeout the most a whole download may take
     * @param maxBytes       the largest download or unpacked zip accepted
     */
    public SourceFetcher(HttpClient client, Duration requestTimeout, long maxBytes) {
        this.client = client;
        this.requestTimeout = requestTimeout;
        this.maxBytes = maxBytes;
    }

    /** 10 s to connect, 2 min per download, 512 MiB at most, redirects followed (not https → http). */
    public static SourceFetcher defaults() {
        return new SourceFetcher(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build(), Duration.ofMinutes(2), 512L * 1024 * 1024);
    }

    public static boolean isUrl(String location) {
        String l = location.trim().toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }

    /**
     * A source made local.
     *
     * @param path   the file, or the folder a zip was unpacked into
     * @param label  the source as given (URL or absolute path), for messages and {@code source} columns
     * @param unzipped whether {@code path} is a folder unpacked from a zip
     */
    public record Fetched(Path path, String label, boolean unzipped, Path cleanup) implements AutoCloseable {
        @Override
        public void close() {
            if (cleanup != null) {
                deleteRecursively(cleanup);
            }
        }
    }

    /**
     * @throws IOException when the path does not exist, the download fails (with the HTTP status) or the zip is bad
     */
    public Fetched fetch(String location) throws IOException {
        if (location == null || location.isBlank()) {
            throw new IOException("no data source given");
        }
        if (isUrl(location)) {
            return download(location.trim());
        }
        Path path = Path.of(location).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IOException("data source " + path + " does not exist");
        }
        if (Files.isRegularFile(path) && isZip(path)) {
            Path dir = Files.createTempDirectory("chorus-import-");
            try {
                unzip(path, dir);
            } catch (IOException | RuntimeException e) {
                deleteRecursively(dir);
                throw e;
            }
            return new Fetched(dir, path.toString(), true, dir);
        }
        return new Fetched(path, path.toString(), false, null);
    }

    private Fetched download(String url) throws IOException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a valid URL: " + url, e);
        }
        Path tmp = Files.createTempDirectory("chorus-import-");
        try {
            String fileName = fileName(uri);
            Path file = tmp.resolve(fileName);
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                    .header("Accept", "application/zip, text/csv, application/geo+json, application/json, */*").GET().build();
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpTimeoutException e) {
                throw new IOException("timed out downloading " + url + " (" + e.getMessage() + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted downloading " + url, e);
            }
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode() + " downloading " + url);
                }
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (declared > maxBytes) {
                    throw new IOException(url + " is " + declared + " bytes, more than the " + maxBytes + " accepted");
                }
                try (OutputStream out = Files.newOutputStream(file)) {
                    copyLimited(in, out, url);
                }
            }
            String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (isZip(file) || type.contains("zip")) {
                Path dir = tmp.resolve("unzipped");
                Files.createDirectories(dir);
                unzip(file, dir);
                Files.delete(file);
                return new Fetched(dir, url, true, tmp);
            }
            if (!fileName.contains(".")) {
                // No extension in the URL: name the file after what the server says it is, for format detection.
                String ext = type.contains("csv") ? ".csv" : type.contains("json") ? ".geojson"
                        : type.contains("yaml") ? ".yml" : "";
                if (!ext.isEmpty()) {
                    file = Files.move(file, tmp.resolve(fileName + ext), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            LOG.fine(() -> "Downloaded " + url);
            return new Fetched(file, url, false, tmp);
        } catch (IOException | RuntimeException e) {
            deleteRecursively(tmp);
            throw e;
        }
    }

    private static String fileName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        return last.isEmpty() || last.startsWith(".") ? "download" : last;
    }

    private void copyLimited(InputStream in, OutputStream out, String what) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            total += n;
            if (total > maxBytes) {
                throw new IOException(what + " is larger than the " + maxBytes + " bytes accepted");
            }
            out.write(buf, 0, n);
        }
    }

    private static boolean isZip(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) < 4) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    private void unzip(Path zip, Path dir) throws IOException {
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (++entries > 100_000) {
                    throw new IOException(zip.getFileName() + ": more than 100000 entries");
                }
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException(zip.getFileName() + ": entry '" + e.getName() + "' points outside the archive");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    byte[] buf = new byte[64 * 1024];
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        total += n;
                        if (total > maxBytes) {
                            throw new IOException(zip.getFileName() + " unpacks to more than " + maxBytes + " bytes");
                        }
                        out.write(buf, 0, n);
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(zip.getFileName() + ": not a readable zip: " + e.getMessage(), e);
        }
        if (entries == 0) {
            throw new IOException(zip.getFileName() + ": empty or not a zip");
        }
    }

    static void deleteRecursively(Path root) {
        try {
            if (!Files.exists(root)) {
                return;
            }
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not delete temporary import files in " + root, e);
        }
    }
}
