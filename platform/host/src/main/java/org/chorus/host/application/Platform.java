package org.chorus.host.application;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.chorus.host.domain.target.TargetRepository;
import org.chorus.host.infrastructure.config.PlatformConfig;
import org.chorus.host.infrastructure.mail.MailSettings;
import org.chorus.host.infrastructure.persistence.Database;
import org.chorus.host.infrastructure.persistence.GroupCommitActionWriter;
import org.chorus.host.infrastructure.persistence.JdbcOutboxQueue;
import org.chorus.host.infrastructure.persistence.JpaRepositories;
import org.chorus.host.infrastructure.persistence.PluginMigrations;
import org.chorus.host.infrastructure.persistence.SequenceIds;
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
    private final java.util.concurrent.CompletableFuture<List<TranslationAudit.Gap>> translationGaps;
    private final TargetFinderService targetFinder;
    private final MailDelivery mail;
    private final java.util.Optional<String> setupToken;
    private final org.chorus.host.application.admin.StaffSecurity staff;
    private final org.chorus.host.application.admin.OutboxAdmin outboxAdmin;
    private final org.chorus.host.application.privacy.PrivacyPurge privacyPurge;
    private final org.chorus.host.application.admin.CampaignAdmin campaignAdmin;
    private final org.chorus.host.application.admin.CampaignResults campaignResults;
    private final org.chorus.host.application.admin.TargetsAdmin targetsAdmin;
    private final org.chorus.host.application.admin.SupporterAdmin supporterAdmin;
    private final org.chorus.host.application.admin.TwoFactor twoFactor;
    private final org.chorus.host.application.admin.PasswordResets passwordResets;
    private final org.chorus.host.application.admin.PluginStates pluginStates;
    private final GroupCommitActionWriter actionWriter;

    private Platform(PlatformConfig config, Clock clock, Executor async, ScheduledExecutorService scheduler) {
        long t0 = System.nanoTime();
        this.config = config;
        this.clock = clock;
        this.database = Database.start(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dbPoolSize());
        try {
            // Three connections stay free: the action writer's, id blocks' and plain-JDBC reads' (see Transactions).
            this.tx = new Transactions(database.entityManagerFactory(), config.dbPoolSize() - 3);
            CampaignRepository campaignRepo = new JpaRepositories.Campaigns(tx);
            SequenceIds ids = new SequenceIds(database.dataSource(), database.dialect());
            ActionRecordRepository recordRepo = new JpaRepositories.ActionRecords(tx);
            OutboxRepository outboxRepo = new JpaRepositories.Outbox(tx, ids);
            TargetRepository targetRepo = new JpaRepositories.Targets(tx);
            ThemeRegistry registry = ThemeRegistry.load(config.themesDir());

            // Plugins need messages (themes) and themes need plugins' templates: tie the knot through a reference.
            AtomicReference<ThemeEngine> engine = new AtomicReference<>();
            BiFunction<String, Locale, Messages> messages = (theme, locale) -> engine.get().messages(theme, locale);
            Set<String> disabled = new HashSet<>(config.get("platform.plugins.disabled").map(s -> Set.of(s.split("\\s*,\\s*"))).orElse(Set.of()));
            disabled.addAll(org.chorus.host.application.admin.PluginStates.disabledIds(database.dataSource())); // staff's choice
            AtomicReference<PluginRuntime> runtime = new AtomicReference<>();
            AtomicReference<ActionTypes> typesRef = new AtomicReference<>();
            AtomicReference<org.chorus.host.application.admin.StaffSecurity> staffRef = new AtomicReference<>();
            this.targetFinder = new TargetFinderService(runtime::get, tx, targetRepo, clock);
            this.plugins = PluginRuntime.start(config.pluginsDir(), Platform.class.getClassLoader(),
                    id -> new HostPluginContext(id, config, clock, tx, targetRepo, outboxRepo, database.dataSource(), messages,
                            targetFinder, (slug, key, locale) -> campaignActionView(slug, key, locale),
                            (pluginId, type) -> typesRef.get().find(type).map(t -> t.pluginId().equals(pluginId)).orElse(false),
                            staffRef::get),
                    disabled, clock, (id, loader) -> PluginMigrations.migrate(database.dataSource(), id, loader));
            runtime.set(plugins);
            this.themes = new ThemeEngine(registry, plugins::inServiceIds, plugins::resourceLoader,
                    Long.parseLong(config.get("platform.themes.reload.millis", "5000")));
            engine.set(themes);

            this.events = new EventBus(plugins, async);
            this.actionTypes = new ActionTypes(plugins);
            typesRef.set(actionTypes);
            this.campaigns = new CampaignService(tx, campaignRepo, clock, events);
            this.importer = new CampaignImporter(tx, campaignRepo, recordRepo, clock, registry::exists, this::checkActionSettings);
            this.actionWriter = new GroupCommitActionWriter(database.dataSource(), ids,
                    Integer.parseInt(config.get("platform.actions.batch.max", "256")));
            this.actions = new ActionService(tx, campaigns, actionTypes, actionWriter, recordRepo, outboxRepo, plugins,
                    events, clock, messages, config.baseUrl());
            this.actions.setLetterRepeatWindow(java.time.Duration.ofHours(Long.parseLong(config.get("platform.letters.repeat.hours", "24"))));
            if (Boolean.parseBoolean(config.get("platform.seed.reference.data", "true"))) {
                var fetcher = org.chorus.host.infrastructure.sources.SourceFetcher.defaults();
                new org.chorus.host.application.targets.ReferenceDataSeeder(database.dataSource(), clock).seedIfChanged(
                        org.chorus.host.application.targets.MassachusettsData.from(config),
                        new org.chorus.host.application.targets.DivisionImport(tx, targetRepo, fetcher, clock),
                        new org.chorus.host.application.targets.TargetImport(tx, targetRepo, fetcher, clock))
                        .ifPresent(s -> targetFinder.forgetTargets());
            }
            String mailDomain = java.net.URI.create(config.baseUrl()).getHost() == null ? "localhost"
                    : java.net.URI.create(config.baseUrl()).getHost();
            this.mail = new MailDelivery(MailSettings.from(config, mailDomain),
                    new JdbcOutboxQueue(database.dataSource(), database.dialect()), tx, clock, config.organizationName());
            this.startupImport = importer.importFolder(config.campaignsDir());
            // A report for staff and the log, not needed to serve: made after the start, off its path.
            this.translationGaps = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                List<TranslationAudit.Gap> gaps = auditTranslations(registry);
                gaps.forEach(g -> LOG.warning("Not translated: " + g));
                return gaps;
            }, async);
            // Admin console: no default password. An owner from PLATFORM_ADMIN_EMAIL/PASSWORD, else a setup token in the log.
            this.staff = new org.chorus.host.application.admin.StaffSecurity(database.dataSource(), database.dialect(), clock,
                    new org.chorus.host.application.admin.PasswordHasher(), new org.chorus.host.application.admin.LoginThrottle(clock),
                    java.time.Duration.ofMinutes(Long.parseLong(config.get("platform.admin.session.idle.minutes", "30"))),
                    java.time.Duration.ofHours(Long.parseLong(config.get("platform.admin.session.absolute.hours", "12"))),
                    java.time.Duration.ofHours(Long.parseLong(config.get("platform.admin.setup.token.hours", "24"))));
            staffRef.set(staff);
            this.outboxAdmin = new org.chorus.host.application.admin.OutboxAdmin(database.dataSource(), staff, clock);
            this.campaignAdmin = new org.chorus.host.application.admin.CampaignAdmin(tx, campaignRepo, recordRepo, targetRepo,
                    campaigns, importer, actionTypes, plugins, themes, staff, events, clock,
                    java.time.ZoneId.of(config.get("platform.admin.time.zone", "UTC")), config.baseUrl());
            this.campaignResults = new org.chorus.host.application.admin.CampaignResults(database.dataSource());
            this.targetsAdmin = new org.chorus.host.application.admin.TargetsAdmin(tx, targetRepo, targetFinder, staff, clock,
                    config.referenceDataDir(), config.dataDir());
            this.supporterAdmin = new org.chorus.host.application.admin.SupporterAdmin(database.dataSource(), staff, clock,
                    id -> mail.sink().forget(id));
            this.twoFactor = new org.chorus.host.application.admin.TwoFactor(staff, config.organizationName());
            this.passwordResets = new org.chorus.host.application.admin.PasswordResets(staff,
                    java.time.Duration.ofMinutes(Long.parseLong(config.get("platform.admin.password.reset.minutes", "60"))),
                    config.baseUrl(), config.organizationName());
            this.pluginStates = new org.chorus.host.application.admin.PluginStates(database.dataSource(), staff, clock,
                    plugins::disable);
            this.setupToken = staff.bootstrap(config.get("platform.admin.email"), config.get("platform.admin.password"),
                    config.baseUrl());
            this.privacyPurge = new org.chorus.host.application.privacy.PrivacyPurge(database.dataSource(), clock,
                    this::forgetPayload, 500);
            if (scheduler != null) {
                startWorkers(scheduler); // after the import: a running worker only ever sees a started platform
            }
        } catch (RuntimeException | Error e) {
            database.close();
            throw e;
        }
        LOG.info(() -> String.format("Chorus platform ready in %d ms (data in %s)", (System.nanoTime() - t0) / 1_000_000,
                config.dataDir()));
    }

    /** Public themes' and plugins' messages in every supported language, and every campaign file's texts. */
    private List<TranslationAudit.Gap> auditTranslations(ThemeRegistry registry) {
        List<TranslationAudit.Gap> gaps = new java.util.ArrayList<>();
        List<String> languages = ThemeEngine.SUPPORTED_LANGUAGES;
        for (var theme : registry.themes()) {
            if (!"public".equals(theme.type())) {
                continue; // the admin console is English only
            }
            Map<String, Set<String>> keys = new java.util.HashMap<>();
            for (String l : languages) {
                java.nio.file.Path f = theme.dir().resolve("messages/messages_" + TranslationAudit.fileSuffix(l) + ".properties");
                if (java.nio.file.Files.isRegularFile(f)) {
                    try (var in = java.nio.file.Files.newInputStream(f)) {
                        keys.put(l, TranslationAudit.keys(in));
                    } catch (java.io.IOException e) {
                        LOG.warning(() -> "Cannot read " + f + ": " + e);
                    }
                }
            }
            gaps.addAll(TranslationAudit.messages("theme " + theme.name(), keys, languages));
        }
        for (String id : plugins.inServiceIds()) {
            ClassLoader loader = plugins.resourceLoader(id);
            Map<String, Set<String>> keys = new java.util.HashMap<>();
            for (String l : languages) {
                java.net.URL url = loader == null ? null
                        : loader.getResource("messages/messages_" + TranslationAudit.fileSuffix(l) + ".properties");
                if (url != null) {
                    try (var in = url.openStream()) {
                        keys.put(l, TranslationAudit.keys(in));
                    } catch (java.io.IOException e) {
                        LOG.warning(() -> "Cannot read " + url + ": " + e);
                    }
                }
            }
            if (!keys.isEmpty()) {
                gaps.addAll(TranslationAudit.messages("plugin " + id, keys, languages));
            }
        }
        java.nio.file.Path dir = config.campaignsDir();
        if (java.nio.file.Files.isDirectory(dir)) {
            try (var files = java.nio.file.Files.list(dir)) {
                for (var f : files.filter(x -> x.toString().endsWith(".yaml") || x.toString().endsWith(".yml")).sorted().toList()) {
                    try {
                        var def = org.chorus.host.infrastructure.yaml.CampaignFiles.parse(
                                java.nio.file.Files.readString(f), f.getFileName().toString());
                        gaps.addAll(TranslationAudit.campaign(def, this::settingsSchema));
                    } catch (RuntimeException | java.io.IOException e) {
                        // the import already reported an unreadable file
                    }
                }
            } catch (java.io.IOException e) {
                LOG.warning(() -> "Cannot list " + dir + ": " + e);
            }
        }
        return List.copyOf(gaps);
    }

    private java.util.Optional<org.chorus.api.action.SettingsSchema> settingsSchema(String type) {
        return actionTypes.find(type).flatMap(t -> {
            try {
                return java.util.Optional.of(plugins.invoker().call(t.pluginId(), "ActionType.settingsSchema",
                        () -> t.extension().settingsSchema()));
            } catch (org.chorus.host.infrastructure.plugins.PluginFailure e) {
                return java.util.Optional.empty();
            }
        });
    }

    /** What an action type keeps of a payload once its supporter's data is erased; nothing when it is not installed. */
    private Map<String, Object> forgetPayload(String type, Map<String, Object> payload) {
        var t = actionTypes.find(type);
        if (t.isEmpty()) {
            return Map.of();
        }
        try {
            return plugins.invoker().call(t.get().pluginId(), "ActionType.forget", () -> t.get().extension().forget(payload));
        } catch (org.chorus.host.infrastructure.plugins.PluginFailure e) {
            return Map.of();
        }
    }

    private List<String> checkActionSettings(String type, Map<String, Object> settings) {
        var t = actionTypes.find(type);
        if (t.isEmpty()) {
            LOG.warning(() -> "Action type '" + type + "' is not installed; its settings are not checked");
            return List.of();
        }
        try {
            return plugins.invoker().call(t.get().pluginId(), "ActionType.checkSettings",
                    () -> t.get().extension().checkSettings(new org.chorus.api.action.ActionSettings(settings)));
        } catch (org.chorus.host.infrastructure.plugins.PluginFailure e) {
            return List.of("the action type failed to check them: " + e.getCause());
        }
    }

    /** A public campaign action as its plugin sees it (for plugin routes such as previews). */
    private java.util.Optional<org.chorus.api.action.ActionView> campaignActionView(String slug, String key, Locale locale) {
        return campaigns.publicCampaign(slug).flatMap(c -> c.action(key).map(a -> new org.chorus.api.action.ActionView(
                c.info(config.baseUrl(), locale), a.key(), a.id(), a.settings(c.languageFor(locale)), themes.messages(c.theme(), locale),
                java.util.Map.of(), java.util.List.of())));
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

    /**
     * Starts the background work (mail outbox delivery, privacy purge) on {@code scheduler}; for a platform started
     * without one, once the container's scheduled executor is at hand.
     */
    public void startWorkers(ScheduledExecutorService scheduler) {
        mail.start(scheduler);
        if (Boolean.parseBoolean(config.get("platform.privacy.purge.enabled", "true"))) {
            privacyPurge.start(scheduler, java.time.Duration.ofMinutes(
                    Long.parseLong(config.get("platform.privacy.purge.interval.minutes", "60"))));
        }
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
    /** What the start found untranslated (also logged). */
    public List<TranslationAudit.Gap> translationGaps() { return translationGaps.join(); }
    public TargetFinderService targetFinder() { return targetFinder; }
    public MailDelivery mail() { return mail; }
    public org.chorus.host.application.admin.StaffSecurity staff() { return staff; }
    public org.chorus.host.application.admin.OutboxAdmin outboxAdmin() { return outboxAdmin; }
    /** The privacy purge (scheduled with the mail worker; tests run it with their own clock). */
    public org.chorus.host.application.privacy.PrivacyPurge privacyPurge() { return privacyPurge; }
    public org.chorus.host.application.admin.CampaignAdmin campaignAdmin() { return campaignAdmin; }
    public org.chorus.host.application.admin.CampaignResults campaignResults() { return campaignResults; }
    public org.chorus.host.application.admin.TargetsAdmin targetsAdmin() { return targetsAdmin; }
    public org.chorus.host.application.admin.SupporterAdmin supporterAdmin() { return supporterAdmin; }
    public org.chorus.host.application.admin.TwoFactor twoFactor() { return twoFactor; }
    public org.chorus.host.application.admin.PasswordResets passwordResets() { return passwordResets; }
    public org.chorus.host.application.admin.PluginStates pluginStates() { return pluginStates; }
    /** Plugins disabled by the operator's configuration (PLATFORM_PLUGINS_DISABLED), which the console cannot enable. */
    public Set<String> configDisabledPlugins() {
        return config.get("platform.plugins.disabled").map(s -> Set.of(s.split("\\s*,\\s*"))).orElse(Set.of());
    }
    /** The setup token issued at this start (no owner yet), for tests and tools; the log shows it too. */
    public java.util.Optional<String> setupToken() { return setupToken; }

    @Override
    public void close() {
        try {
            privacyPurge.close();
            actionWriter.close(); // actions already accepted are stored before the database goes
            mail.close(); // a batch in progress still needs the database
        } finally {
            try {
                plugins.close();
            } finally {
                database.close();
            }
        }
    }
}
