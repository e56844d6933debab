package org.chorus.api;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.chorus.api.action.ActionLedger;
import org.chorus.api.action.CampaignActions;
import org.chorus.api.admin.AuditLog;
import org.chorus.api.lookup.TargetFinder;
import org.chorus.api.stance.Stances;

/**
 * What the host lends a plugin. An extension class receives it through a public constructor taking a
 * single {@code PluginContext}; extensions are created once per plugin start.
 */
public interface PluginContext {

    /** The plugin id from its manifest, e.g. {@code email-legislators}. */
    String pluginId();

    /** Settings from configuration keys {@code chorus.plugin.<pluginId>.<name>} (or env {@code CHORUS_PLUGIN_<ID>_<NAME>}). */
    PluginSettings settings();

    /** The host clock; use it instead of {@code Instant.now()} so tests can control time. */
    Clock clock();

    /** A logger named after the plugin. */
    Logger logger();

    /** Queue mail for durable delivery by the host (SMTP or the local sink), retried until sent or dead. */
    MailOutbox outbox();

    /** Targets (e.g. legislators) and the divisions (districts) they represent. */
    TargetDirectory targets();

    /** A small per-plugin document store in the host database (for settings, caches, plugin state). */
    PluginDataStore documents();

    /**
     * The host's database, for a plugin that keeps its own tables. Such tables are created by the plugin's
     * own migrations ({@code db/plugin-migration/*.sql} in the jar, run by the host with a history table
     * of their own) and are named {@code p_<plugin>_…} so they never meet the host's.
     */
    DataSource dataSource();

    /** Theme-aware messages: the campaign theme's, then the plugin's own {@code messages/} bundle. */
    Messages messages(Locale locale);

    /** A folder under the host data directory that belongs to this plugin (created on demand). */
    Path dataDirectory();

    /**
     * The folder of public reference data sets the operator configured ({@code platform.reference.data.dir}),
     * e.g. ZIP code points or a precinct crosswalk; empty when none is configured or it does not exist.
     */
    Optional<Path> referenceData();

    /** Finds a supporter's districts and their sitting targets through every installed lookup. */
    TargetFinder targetFinder();

    /** Where targets stand on bills, through every installed stance provider. */
    Stances stances();

    /** Public campaigns' actions and their settings. */
    CampaignActions campaignActions();

    /** Records of this plugin's own campaign actions (e.g. a petition's signatures). Since 1.1.0. */
    ActionLedger actions();

    /** The host's audit log, for changes staff make through this plugin's admin pages. Since 1.1.0. */
    AuditLog auditLog();
}
