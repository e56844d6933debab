package org.chorus.host.infrastructure.persistence;

import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Runs a plugin's own migrations ({@code db/plugin-migration/V*.sql} in its jar) with a history table of its
 * own, so plugin tables evolve with the plugin and never collide with the host's schema history.
 */
public final class PluginMigrations {

    private static final Logger LOG = Logger.getLogger(PluginMigrations.class.getName());
    private static final Pattern SAFE = Pattern.compile("[^a-z0-9]");

    private PluginMigrations() {
    }

    public static void migrate(DataSource dataSource, String pluginId, ClassLoader pluginLoader) {
        if (pluginLoader.getResource("db/plugin-migration") == null) {
            return;
        }
        String table = "flyway_plugin_" + SAFE.matcher(pluginId.toLowerCase()).replaceAll("_");
        var result = Flyway.configure(pluginLoader)
                .dataSource(dataSource)
                .locations("classpath:db/plugin-migration")
                .table(table)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        LOG.info(() -> "Plugin '" + pluginId + "' schema at version " + result.targetSchemaVersion);
    }
}
