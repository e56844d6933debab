package org.chorus.host;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The databases a whole platform under test runs on: the embedded H2 default and PostgreSQL (a fresh schema per
 * case, see {@link org.chorus.host.testsupport.TestDatabases#postgresSchema}).
 */
public final class TestDatabases {

    private static final Map<String, Runnable> DROPS = new ConcurrentHashMap<>();

    private TestDatabases() {
    }

    /** For {@code @MethodSource}: the names of the databases to run on. */
    public static Stream<String> names() {
        return Stream.of("h2", "postgresql");
    }

    /** Adds the database settings for one case to a platform configuration (H2: the default, nothing to add). */
    public static void configure(String name, Map<String, String> config) {
        if ("h2".equals(name)) {
            return;
        }
        var pg = org.chorus.host.testsupport.TestDatabases.postgresSchema("platform");
        config.put("platform.db.url", pg.url());
        config.put("platform.db.user", pg.user());
        config.put("platform.db.password", pg.password());
        DROPS.put(pg.url(), pg.drop());
    }

    /** Drops the schema a PostgreSQL case made. */
    public static void cleanUp(Map<String, String> config) {
        String url = config.get("platform.db.url");
        Runnable drop = url == null ? null : DROPS.remove(url);
        if (drop != null) {
            drop.run();
        }
    }
}
