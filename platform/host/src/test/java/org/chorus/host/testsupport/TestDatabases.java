package org.chorus.host.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.chorus.host.infrastructure.persistence.Database;
import org.junit.jupiter.api.Assumptions;

/**
 * Databases for persistence tests, each migrated by {@link Database#start}: a private in-memory H2, or a fresh
 * schema in the PostgreSQL at {@code chorus.test.pg.url} (default {@code jdbc:postgresql://127.0.0.1:5432/test},
 * user {@code chorus.test.pg.user}, default postgres), dropped on close. An unreachable PostgreSQL fails the test
 * on CI (CI=true) and skips it elsewhere.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** A database and how to dispose of it. */
    public record TestDatabase(Database database, String description, Runnable dropper) implements AutoCloseable {
        @Override
        public void close() {
            try {
                database.close();
            } finally {
                dropper.run();
            }
        }
    }

    public static TestDatabase h2(String name) {
        String url = "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Database db = Database.start(url, "sa", "", 4);
        return new TestDatabase(db, "H2 " + url, () -> {
            try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // already gone
            }
        });
    }

    /** A fresh, empty schema on the test PostgreSQL: its JDBC URL and credentials, and how to drop it. */
    public record PostgresSchema(String url, String user, String password, Runnable drop) {
    }

    /** Fails on CI and skips elsewhere when PostgreSQL is unreachable. */
    public static PostgresSchema postgresSchema(String name) {
        String base = System.getProperty("chorus.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("chorus.test.pg.user", "postgres");
        String password = System.getProperty("chorus.test.pg.password", "");
        String schema = ("t_" + name + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "3");
        try (Connection c = DriverManager.getConnection(base, props); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String message = "PostgreSQL at " + base + " (user " + user + ") is not reachable: " + e.getMessage();
            if (SharedData.onCi()) {
                fail(message + " (failing because CI=true)");
            }
            Assumptions.abort(message + ". Skipped (set CI=true to fail instead).");
        }
        Runnable drop = () -> {
            try (Connection c = DriverManager.getConnection(base, props); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
            }
        };
        return new PostgresSchema(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password, drop);
    }

    public static TestDatabase postgres(String name) {
        PostgresSchema pg = postgresSchema(name);
        try {
            return new TestDatabase(Database.start(pg.url(), pg.user(), pg.password(), 4), "PostgreSQL " + pg.url(), pg.drop());
        } catch (RuntimeException e) {
            pg.drop().run();
            throw e;
        }
    }
}
