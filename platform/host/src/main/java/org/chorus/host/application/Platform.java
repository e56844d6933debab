package org.chorus.host.application;

import java.time.Clock;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.logging.Logger;
import org.chorus.api.Messages;
import org.chorus.host.application.mail.MailDelivery;
import org.chorus.host.domain.action.ActionRecordRepository;
import org.chorus.host.domain.campaign.CampaignRepository;
import org.chorus.host.domain.outbox.OutboxRepository;
import org.chorus.host.domain.supporter.SupporterRepository;
import org.chorus.host.domain.target.TargetRepository;
import org.chorus.host.infrastructure.config.PlatformConfig;
import org.chorus.host.infrastructure.mail.MailSettings;
import org.chorus.host.infrastructure.persistence.Database;
import org.chorus.host.infrastructure.persistence.JdbcOutboxQueue;
import org.chorus.host.infrastructure.persistence.JpaRepositories;
import org.chorus.host.infrastructure.persistence.PluginMigrations;
import org.chorus.host.infrastructure.persistence.Transactions;
import org.chorus.host.infrastructure.plugins.PluginRuntime;
import org.chorus.host.infrastructure.themes.ThemeEngine;
import org.chorus.host.infrastructure.themes.ThemeRegistry;

/**
 * The composition root: builds the database, themes, plugin runtime and application services from
 * configuration, in dependency order. The CDI layer wraps one instance of it; tests build their own.
 */
public final class Platform implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Platform.class.getName());

    private final PlatformConfig config;
    private final Clock clock;
    private final Database database;
    private final Transactions tx;
    private final PluginRuntime plugins;
    private final ThemeEngine themes;
    private final CampaignService campaigns;
    private final CampaignImporter importer;
    private final ActionService actions;
    private final ActionTypes actionTypes;
    private final EventBus events;
    private final CampaignImporter.Report startupImport;
    private final MailDelivery mail;

    private Platform(PlatformConfig config, Clock clock, Executor async, ScheduledExecutorService scheduler) {
        long t0 = System.nanoTime();
        this.config = config;
        this.clock = clock;
        this.database = Database.start(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dbPoolSize());
        try {
            this.tx = new Transactions(database.entityManagerFactory());
            CampaignRepository campaignRepo = new JpaRepositories.Campaigns(tx);
            SupporterRepository supporterRepo = new JpaRepositories.Supporters(tx);
            ActionRecordRepository recordRepo = new JpaRepositories.ActionRecords(tx);
            OutboxRepository outboxRepo = new JpaRepositories.Outbox(tx);
            TargetRepository targetRepo = new JpaRepositories.Targets(tx);
            ThemeRegistry registry = ThemeRegistry.load(config.themesDir());

            // Plugins need messages (themes) and themes need plugins' templates: tie the knot through a reference.
            AtomicReference<ThemeEngine> engine = new AtomicReference<>();
            BiFunction<String, Locale, Messages> messages = (theme, locale) -> engine.get().messages(theme, locale);
            Set<String> disabled = new HashSet<>(config.get("platform.plugins.disabled").map(s -> Set.of(s.split("\\s*,\\s*"))).orElse(Set.of()));
            this.plugins = PluginRuntime.start(config.pluginsDir(), Platform.class.getClassLoader(),
                    id -> new HostPluginContext(id, config, clock, tx, targetRepo, outboxRepo, database.dataSource(), messages),
                    disabled, clock, (id, loader) -> PluginMigrations.migrate(database.dataSource(), id, loader));
            this.themes = new ThemeEngine(registry, plugins::inServiceIds, plugins::resourceLoader,
                    Long.parseLong(config.get("platform.themes.reload.millis", "5000")));
            engine.set(themes);

            this.events = new EventBus(plugins, async);
            this.actionTypes = new ActionTypes(plugins);
            this.campaigns = new CampaignService(tx, campaignRepo, clock, events);
            this.importer = new CampaignImporter(tx, campaignRepo, recordRepo, clock, registry::exists);
            this.actions = new ActionService(tx, campaigns, actionTypes, supporterRepo, recordRepo, outboxRepo, plugins,
                    events, clock, messages, config.baseUrl());
            String mailDomain = java.net.URI.create(config.baseUrl()).getHost() == null ? "localhost"
                    : java.net.URI.create(config.baseUrl()).getHost();
            this.mail = new MailDelivery(MailSettings.from(config, mailDomain),
                    new JdbcOutboxQueue(database.dataSource(), database.dialect()), tx, clock, config.organizationName());
            this.startupImport = importer.importFolder(config.campaignsDir());
            if (scheduler != null) {
                mail.start(scheduler); // after the import: a running worker only ever sees a started platform
            }
        } catch (RuntimeException | Error e) {
            database.close();
            throw e;
        }
        LOG.info(() -> String.format("Chorus platform ready in %d ms (data in %s)", (System.nanoTime() - t0) / 1_000_000,
                config.dataDir()));
    }

    /** A platform whose mail outbox is delivered only when someone calls its worker (tests, tools). */
    public static Platform start(PlatformConfig config, Clock clock, Executor async) {
        return new Platform(config, clock, async, null);
    }

    /**
     * A platform that delivers its mail outbox on {@code scheduler} (unless {@code platform.mail.worker.enabled}
     * is false). The container passes its managed scheduled executor.
     */
    public static Platform start(PlatformConfig config, Clock clock, Executor async, ScheduledExecutorService scheduler) {
        return new Platform(config, clock, async, scheduler);
    }

    public PlatformConfig config() { return config; }
    public Clock clock() { return clock; }
    public Database database() { return database; }
    public Transactions transactions() { return tx; }
    public PluginRuntime plugins() { return plugins; }
    public ThemeEngine themes() { return themes; }
    public CampaignService campaigns() { return campaigns; }
    public CampaignImporter importer() { return importer; }
    public ActionService actions() { return actions; }
    public ActionTypes actionTypes() { return actionTypes; }
    public EventBus events() { return events; }
    public CampaignImporter.Report startupImport() { return startupImport; }
    public MailDelivery mail() { return mail; }

    @Override
    public void close() {
        try {
            mail.close(); // first: a batch in progress still needs the database
        } finally {
            try {
                plugins.close();
            } finally {
                database.close();
            }
        }
    }
}
