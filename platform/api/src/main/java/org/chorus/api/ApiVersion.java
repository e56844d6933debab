package org.chorus.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The semantic version of this API, filtered in at build time from the parent POM. */
public final class ApiVersion {

    /** e.g. {@code 1.0.0}; the host uses it as PF4J's system version. */
    public static final String CURRENT = load();

    private ApiVersion() {
    }

    private static String load() {
        try (InputStream in = ApiVersion.class.getResourceAsStream("api-version.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("api-version.properties missing from the API jar", e));
        }
    }
}
