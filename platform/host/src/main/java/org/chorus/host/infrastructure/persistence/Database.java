package org.chorus.host.infrastructure.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The platform database: a connection pool, the schema brought up to date by Flyway, and an EclipseLink
 * persistence unit on top. Built from configuration at start rather than declared as a server resource, so
 * the same code runs in Payara Micro, in plain JUnit tests and against either H2 or PostgreSQL.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    public enum Dialect { H2, POSTGRESQL }

    private final HikariDataSource dataSource;
    private final EntityManagerFactory emf;
    private final Dialect dialect;

    private Database(HikariDataSource dataSource, EntityManagerFactory emf, Dialect dialect) {
        this.dataSource = dataSource;
        this.emf = emf;
        this.dialect = dialect;
    }

    public static Database start(String url, String user, String password, int poolSize) {
        Dialect dialect = url.startsWith("jdbc:postgresql:") ? Dialect.POSTGRESQL
                : url.startsWith("jdbc:h2:") ? Dialect.H2 : null;
        if (dialect == null) {
            throw new IllegalArgumentException("platform.db.url must be a jdbc:h2: or jdbc:postgresql: URL, not " + url);
        }
        if (dialect == Dialect.H2 && url.startsWith("jdbc:h2:file:")) {
            createParentFolder(url.substring("jdbc:h2:file:".length()));
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(poolSize);
        hc.setPoolName("chorus");
        hc.setDriverClassName(dialect == Dialect.H2 ? "org.h2.Driver" : "org.postgresql.Driver");
        HikariDataSource ds = new HikariDataSource(hc);
        try {
            MigrateResult result = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            LOG.info(() -> "Database " + redact(url) + " at schema version " + result.targetSchemaVersion
                    + " (" + result.migrationsExecuted + " migrations applied now)");
            Map<String, Object> props = new HashMap<>();
            props.put(PersistenceUnitProperties.ECLIPSELINK_PERSISTENCE_XML, "META-INF/chorus-persistence.xml");
            props.put(PersistenceUnitProperties.NON_JTA_DATASOURCE, ds);
            props.put(PersistenceUnitProperties.TRANSACTION_TYPE, "RESOURCE_LOCAL");
            props.put(PersistenceUnitProperties.CLASSLOADER, Database.class.getClassLoader());
            props.put(PersistenceUnitProperties.TARGET_DATABASE,
                    dialect == Dialect.H2 ? "org.eclipse.persistence.platform.database.H2Platform"
                            : "org.eclipse.persistence.platform.database.PostgreSQLPlatform");
            EntityManagerFactory emf = new PersistenceProvider().createEntityManagerFactory("chorus", props);
            if (emf == null) {
                throw new IllegalStateException("EclipseLink did not find META-INF/chorus-persistence.xml");
            }
            emf.createEntityManager().close(); // connect now: fail at start, not on the first supporter
            return new Database(ds, emf, dialect);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    private static void createParentFolder(String h2Path) {
        int semi = h2Path.indexOf(';');
        Path file = Path.of(semi < 0 ? h2Path : h2Path.substring(0, semi)).toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create database folder " + file.getParent() + ": " + e.getMessage(), e);
        }
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public EntityManagerFactory entityManagerFactory() {
        return emf;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Whether the database answers now (for the health check). */
    public boolean isReachable() {
        try (var c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            emf.close();
        } finally {
            dataSource.close();
        }
    }
}
