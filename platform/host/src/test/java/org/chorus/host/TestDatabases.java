package org.chorus.host;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases persistence tests run on: the embedded H2 default and PostgreSQL at 127.0.0.1:5432 (database
 * {@code test}, trust auth). Without PostgreSQL its cases are skipped, except in CI ({@code CI=true}), where
 * a missing PostgreSQL fails the build.
 */
public final class TestDatabases {

    public static final String PG_URL = System.getProperty("chorus.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = System.getProperty("chorus.test.pg.user", "postgres");
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private TestDatabases() {
    }

    /** For {@code @MethodSource}: the names of the databases to run on. */
    public static Stream<String> names() {
        return Stream.of("h2", "postgresql");
    }

    /**
     * Adds the database settings for one case to a platform configuration; for PostgreSQL a fresh schema.
     */
    public static void configure(String name, Map<String, String> config) {
        if ("h2".equals(name)) {
            return; // the default: a file database under the data folder
        }
        requirePostgres();
        String schema = "chorus_t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            Assertions.fail("cannot create schema on PostgreSQL: " + e.getMessage());
        }
        config.put("platform.db.url", PG_URL + "?currentSchema=" + schema);
        config.put("platform.db.user", PG_USER);
        config.put("platform.db.password", "");
        config.put("test.pg.schema", schema);
    }

    /** Drops the schema a PostgreSQL case made. */
    public static void cleanUp(Map<String, String> config) {
        String schema = config.get("test.pg.schema");
        if (schema == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            // left for the next run's DROP IF EXISTS
        }
    }

    public static void requirePostgres() {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "")) {
            c.isValid(2);
        } catch (SQLException e) {
            String why = "PostgreSQL is not reachable at " + PG_URL + " (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why + ": in CI the persistence tests must run on PostgreSQL");
            }
            Assumptions.abort(why);
        }
    }
}
