package org.chorus.host.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.chorus.api.DivisionInfo;
import org.chorus.api.MailOutbox;
import org.chorus.api.Messages;
import org.chorus.api.OutboundEmail;
import org.chorus.api.PluginContext;
import org.chorus.api.PluginDataStore;
import org.chorus.api.PluginSettings;
import org.chorus.api.TargetDirectory;
import org.chorus.api.TargetInfo;
import org.chorus.api.action.ActionLedger;
import org.chorus.api.action.CampaignActions;
import org.chorus.api.admin.AuditLog;
import org.chorus.api.lookup.TargetFinder;
import org.chorus.api.stance.Stances;
import org.chorus.host.domain.outbox.OutboxMessage;
import org.chorus.host.domain.outbox.OutboxRepository;
import org.chorus.host.domain.target.Division;
import org.chorus.host.domain.target.Target;
import org.chorus.host.domain.target.TargetRepository;
import org.chorus.host.domain.target.TargetStatus;
import org.chorus.host.application.admin.StaffSecurity;
import org.chorus.host.infrastructure.config.PlatformConfig;
import org.chorus.host.infrastructure.json.Json;
import org.chorus.host.infrastructure.persistence.JdbcActionLedger;
import org.chorus.host.infrastructure.persistence.JdbcDocumentStore;
import org.chorus.host.infrastructure.persistence.Transactions;

/** The host services one plugin may use; built once per plugin at start. */
public final class HostPluginContext implements PluginContext {

    private final String pluginId;
    private final PlatformConfig config;
    private final Clock clock;
    private final Transactions tx;
    private final TargetRepository targets;
    private final OutboxRepository outbox;
    private final DataSource dataSource;
    private final BiFunction<String, Locale, Messages> messages;
    private final String mailDomain;
    private final TargetFinderService finder;
    private final CampaignActions campaignActions;
    private final BiPredicate<String, String> providesType;
    private final Supplier<StaffSecurity> staff;

    /**
     * @param providesType (plugin id, action type id) → whether that plugin provides the type; asked lazily, because
     *                     contexts are made before the extensions exist
     * @param staff        the staff accounts and audit log, made after the plugins start
     */
    public HostPluginContext(String pluginId, PlatformConfig config, Clock clock, Transactions tx, TargetRepository targets,
                             OutboxRepository outbox, DataSource dataSource, BiFunction<String, Locale, Messages> messages,
                             TargetFinderService finder, CampaignActions campaignActions,
                             BiPredicate<String, String> providesType, Supplier<StaffSecurity> staff) {
        this.providesType = providesType;
        this.staff = staff;
        this.finder = finder;
        this.campaignActions = campaignActions;
        this.pluginId = pluginId;
        this.config = config;
        this.clock = clock;
        this.tx = tx;
        this.targets = targets;
        this.outbox = outbox;
        this.dataSource = dataSource;
        this.messages = messages;
        String host = java.net.URI.create(config.baseUrl()).getHost();
        this.mailDomain = host == null ? "localhost" : host;
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public PluginSettings settings() {
        String prefix = "chorus.plugin." + pluginId + ".";
        return name -> config.get(prefix + name);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Logger logger() {
        return Logger.getLogger("chorus.plugin." + pluginId);
    }

    @Override
    public MailOutbox outbox() {
        return email -> tx.inTransaction(() -> {
            OutboxMessage m = new OutboxMessage("<" + UUID.randomUUID() + "@" + mailDomain + ">", email.toAddress(),
                    email.toName(), email.fromName(), email.replyTo(), email.subject(), email.body(), clock.instant());
            m.link(null, null, null, email.targetId(), pluginId, email.digestKey());
            outbox.add(m);
            tx.em().flush();
            return m.getId();
        });
    }

    @Override
    public TargetDirectory targets() {
        return new TargetDirectory() {
            @Override
            public List<DivisionInfo> divisions(String kind) {
                return tx.inTransaction(() -> targets.findDivisions(kind).stream().map(HostPluginContext::division).toList());
            }

            @Override
            public Optional<DivisionInfo> division(String ocdId) {
                return tx.inTransaction(() -> targets.findDivision(ocdId).map(HostPluginContext::division));
            }

            @Override
            public List<TargetInfo> sittingTargets(String divisionOcdId) {
                return tx.inTransaction(() -> targets.findSittingByDivision(divisionOcdId).stream().map(HostPluginContext::target).toList());
            }

            @Override
            public Optional<TargetInfo> target(long id) {
                return tx.inTransaction(() -> targets.find(id).map(HostPluginContext::target));
            }

            @Override
            public Optional<TargetInfo> targetByExternalId(String externalId) {
                return tx.inTransaction(() -> targets.findByExternalId(externalId).map(HostPluginContext::target));
            }

            @Override
            public List<TargetInfo> sittingTargets() {
                return tx.inTransaction(() -> targets.findSitting().stream().map(HostPluginContext::target).toList());
            }

            @Override
            public List<TargetInfo> allTargets() {
                return tx.inTransaction(() -> targets.findAll().stream().map(HostPluginContext::target).toList());
            }
        };
    }

    static DivisionInfo division(Division d) {
        return new DivisionInfo(d.getOcdId(), d.getKind(), d.getChamber(), d.getName(), d.getGeometryWkt());
    }

    /** A target as plugins (and the console) see it. */
    public static TargetInfo target(Target t) {
        Division d = t.getDivision();
        return new TargetInfo(t.getId(), t.getExternalId(), t.getName(), t.getGivenName(), t.getFamilyName(), t.getTitle(),
                t.getChamber(), t.getParty(), t.getEmail(), t.getPhone(), t.getPhotoUrl(),
                d == null ? null : d.getOcdId(), d == null ? null : d.getName(), t.getStatus() == TargetStatus.SITTING);
    }

    @Override
    public PluginDataStore documents() {
        return new JdbcDocumentStore(dataSource, clock, pluginId);
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public Messages messages(Locale locale) {
        return messages.apply(null, locale);
    }

    @Override
    public Path dataDirectory() {
        Path dir = config.dataDir().resolve("plugins").resolve(pluginId);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    @Override
    public Optional<Path> referenceData() {
        Path dir = config.referenceDataDir();
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    @Override
    public TargetFinder targetFinder() {
        return finder;
    }

    @Override
    public Stances stances() {
        return finder;
    }

    @Override
    public CampaignActions campaignActions() {
        return campaignActions;
    }

    @Override
    public ActionLedger actions() {
        return new JdbcActionLedger(dataSource, type -> providesType.test(pluginId, type));
    }

    @Override
    public AuditLog auditLog() {
        return (actor, action, subject, beforeJson, afterJson) -> {
            StaffSecurity security = staff.get();
            var user = security.users().stream().filter(u -> u.email().equalsIgnoreCase(actor.email())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no staff account " + actor.email()));
            security.audit(user, pluginId + ":" + action, subject, jsonTree(beforeJson), jsonTree(afterJson));
        };
    }

    /** The audit log stores JSON trees; a plugin's text that is not JSON is kept as a string. */
    private static Object jsonTree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.read(json);
        } catch (RuntimeException e) {
            return json;
        }
    }

}
