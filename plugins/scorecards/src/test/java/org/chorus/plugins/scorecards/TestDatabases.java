package org.chorus.plugins.scorecards;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The plugin's tables on a private in-memory H2 or a fresh schema of the test PostgreSQL
 * ({@code chorus.test.pg.url}, default {@code jdbc:postgresql://127.0.0.1:5432/test}), created by the plugin's own
 * migrations run the way the host runs them (Flyway, history table {@code flyway_plugin_scorecards}). PostgreSQL
 * unreachable: the test fails with CI=true and is skipped elsewhere.
 */
final class TestDatabases {

    private TestDatabases() {
    }

    record TestDatabase(String name, DataSource dataSource, Runnable drop) implements AutoCloseable {
        @Override
        public void close() {
            drop.run();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static TestDatabase h2() {
        String url = "jdbc:h2:mem:scorecards-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        migrate(ds);
        return new TestDatabase("H2", ds, () -> {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // gone already
            }
        });
    }

    static TestDatabase postgres() {
        String base = System.getProperty("chorus.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("chorus.test.pg.user", "postgres");
        String schema = ("t_scorecards_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT).replace('-', '_');
        try (Connection c = DriverManager.getConnection(base + (base.contains("?") ? "&" : "?") + "connectTimeout=3", user, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String message = "PostgreSQL at " + base + " is not reachable: " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (failing because CI=true)");
            }
            Assumptions.abort(message + ". Skipped (set CI=true to fail instead).");
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        ds.setUser(user);
        migrate(ds);
        return new TestDatabase("PostgreSQL", ds, () -> {
            try (Connection c = DriverManager.getConnection(base, user, ""); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                System.err.println("could not drop " + schema + ": " + e.getMessage());
            }
        });
    }

    static TestDatabase of(String kind) {
        return "postgres".equals(kind) ? postgres() : h2();
    }

    private static void migrate(DataSource ds) {
        Flyway.configure(TestDatabases.class.getClassLoader()).dataSource(ds).locations("classpath:db/plugin-migration")
                .table("flyway_plugin_scorecards").baselineOnMigrate(true).baselineVersion("0").load().migrate();
    }
}
