package org.chorus.host.infrastructure.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The platform's settings. Keys are MicroProfile Config names; each can also be given as an environment
 * variable ({@code platform.data.dir} ↔ {@code PLATFORM_DATA_DIR}). Paths are relative to the working directory.
 *
 * <table>
 * <tr><td>platform.http.port</td><td>8080</td></tr>
 * <tr><td>platform.data.dir</td><td>./data (H2 database, mail sink, plugin folders)</td></tr>
 * <tr><td>platform.db.url / .user / .password</td><td>H2 file database in the data dir</td></tr>
 * <tr><td>platform.plugins.dir</td><td>./plugins</td></tr>
 * <tr><td>platform.themes.dir</td><td>./themes</td></tr>
 * <tr><td>platform.campaigns.dir</td><td>./config/campaigns</td></tr>
 * <tr><td>platform.base.url</td><td>http://localhost:{port}</td></tr>
 * <tr><td>platform.reference.data.dir</td><td>../shared/data (public data sets read by imports)</td></tr>
 * </table>
 */
public final class PlatformConfig {

    private final Function<String, Optional<String>> source;

    public PlatformConfig(Function<String, Optional<String>> source) {
        this.source = source;
    }

    public static PlatformConfig of(Map<String, String> values) {
        return new PlatformConfig(k -> Optional.ofNullable(values.get(k)));
    }

    public Optional<String> get(String key) {
        return source.apply(key).map(String::trim).filter(s -> !s.isEmpty());
    }

    public String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    public int httpPort() {
        return Integer.parseInt(get("platform.http.port", "8080"));
    }

    public Path dataDir() {
        return Path.of(get("platform.data.dir", "data")).toAbsolutePath().normalize();
    }

    public String dbUrl() {
        return get("platform.db.url").orElseGet(() -> "jdbc:h2:file:" + dataDir().resolve("db").resolve("chorus")
                + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE");
    }

    public String dbUser() {
        return get("platform.db.user", dbUrl().startsWith("jdbc:h2:") ? "sa" : "");
    }

    public String dbPassword() {
        return get("platform.db.password", "");
    }

    public int dbPoolSize() {
        return Integer.parseInt(get("platform.db.pool.size", "16"));
    }

    public Path pluginsDir() {
        return Path.of(get("platform.plugins.dir", "plugins")).toAbsolutePath().normalize();
    }

    public Path themesDir() {
        return Path.of(get("platform.themes.dir", "themes")).toAbsolutePath().normalize();
    }

    public Path campaignsDir() {
        return Path.of(get("platform.campaigns.dir", "config/campaigns")).toAbsolutePath().normalize();
    }

    public Path referenceDataDir() {
        return Path.of(get("platform.reference.data.dir", "../shared/data")).toAbsolutePath().normalize();
    }

    public String baseUrl() {
        String url = get("platform.base.url").orElseGet(() -> "http://localhost:" + httpPort());
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The coalition name used when a campaign does not name one. */
    public String organizationName() {
        return get("platform.organization.name", "Chorus");
    }

    /** Largest accepted form post in bytes (larger → 413). */
    public int maxFormBytes() {
        return Integer.parseInt(get("platform.max.form.bytes", "65536"));
    }

    /**
     * Largest accepted form post under {@code /admin} (larger → 413): staff send whole campaign texts and campaign
     * files, which in non-Latin scripts quickly pass the supporter forms' limit once URL-encoded.
     */
    public int adminMaxFormBytes() {
        return Integer.parseInt(get("platform.admin.max.form.bytes", "2097152"));
    }

    /** Upper bound of a staff upload (a multipart form under /admin), e.g. a scorecard CSV. */
    public int maxUploadBytes() {
        return Integer.parseInt(get("platform.max.upload.bytes", String.valueOf(10 * 1024 * 1024)));
    }
}
