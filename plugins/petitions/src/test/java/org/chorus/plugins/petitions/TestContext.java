package org.chorus.plugins.petitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.chorus.api.MailOutbox;
import org.chorus.api.Messages;
import org.chorus.api.OutboundEmail;
import org.chorus.api.PluginContext;
import org.chorus.api.PluginDataStore;
import org.chorus.api.PluginSettings;
import org.chorus.api.TargetDirectory;
import org.chorus.api.action.ActionLedger;
import org.chorus.api.action.ActionSettings;
import org.chorus.api.action.ActionView;
import org.chorus.api.action.CampaignActions;
import org.chorus.api.action.CampaignInfo;
import org.chorus.api.action.RecordedAction;
import org.chorus.api.action.Submission;
import org.chorus.api.action.SubmissionOutcome;
import org.chorus.api.admin.AuditLog;
import org.chorus.api.admin.StaffMember;
import org.chorus.api.lookup.FoundTargets;
import org.chorus.api.lookup.LookupQuery;
import org.chorus.api.lookup.TargetFinder;
import org.chorus.api.stance.Stances;
import org.chorus.testkit.FakePluginContext;

/**
 * The test kit's {@link FakePluginContext} (settings, a fixed clock, targets and divisions) plus what a petition needs from its host, kept
 * in memory: the plugin's own messages over the base theme's, a document store, the outbox and the audit log as
 * lists, a ledger the test fills, scripted lookups and campaign actions.
 */
final class TestContext implements PluginContext {

    final FakePluginContext fake = new FakePluginContext("petitions", null, List.of());
    final Map<String, String> documents = new TreeMap<>();
    final List<OutboundEmail> outbox = new ArrayList<>();
    final List<String> audit = new ArrayList<>();
    final Map<Long, List<RecordedAction>> records = new HashMap<>();
    final Map<String, ActionView> actions = new HashMap<>();
    Function<LookupQuery, FoundTargets> finder = q -> new FoundTargets(List.of(), List.of(), null, "none", false, null);
    private long nextId = 1;

    static final CampaignInfo CAMPAIGN = new CampaignInfo(7, "stand-with-families", "Stand with immigrant families",
            "published", "default", "Safe Communities Coalition", List.of("en", "es"), "https://act.example.org");

    /**
     * Another context over the same host state, as the host gives each extension of a plugin its own context: what
     * one extension changes, another must see through the host, not through shared memory.
     */
    PluginContext sibling() {
        return (PluginContext) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PluginContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "another context of " + pluginId();
                    default -> method.invoke(this, args);
                });
    }

    Instant now() {
        return fake.now;
    }

    /** The host's part of accepting a signature, in short: the record, with the supporter as submitted. */
    RecordedAction store(long campaignActionId, SubmissionOutcome.Accepted a, String source) {
        RecordedAction r = new RecordedAction(nextId++, fake.now, source, a.supporter(), a.payload());
        records.computeIfAbsent(campaignActionId, k -> new ArrayList<>()).add(r);
        outbox.addAll(a.messages());
        fake.now = fake.now.plusSeconds(60);
        return r;
    }

    Messages bundle(Locale locale) {
        Map<String, String> all = new HashMap<>();
        all.putAll(properties(Path.of("../../themes/base/messages/messages_en.properties")));
        all.putAll(resource("messages/messages_en.properties"));
        String suffix = locale.toString();
        if (!suffix.equals("en")) {
            all.putAll(properties(Path.of("../../themes/base/messages/messages_" + suffix + ".properties")));
            all.putAll(resource("messages/messages_" + suffix + ".properties"));
        }
        return new Messages() {
            @Override
            public Locale locale() {
                return locale;
            }

            @Override
            public String get(String key, Object... args) {
                String p = all.getOrDefault(key, key);
                return args == null || args.length == 0 ? p : new MessageFormat(p, locale).format(args);
            }
        };
    }

    private static Map<String, String> resource(String name) {
        try (InputStream in = TestContext.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? Map.of() : read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> properties(Path p) {
        if (!Files.exists(p)) {
            return Map.of();
        }
        try (InputStream in = Files.newInputStream(p)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> read(InputStream in) throws IOException {
        Properties props = new Properties();
        props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, String> out = new HashMap<>();
        props.forEach((k, v) -> out.put(k.toString(), v.toString()));
        return out;
    }

    ActionView view(long campaignActionId, String key, Map<String, Object> settings, Locale locale) {
        ActionView v = new ActionView(CAMPAIGN, key, campaignActionId, new ActionSettings(settings), messages(locale),
                Map.of(), List.of());
        actions.put(CAMPAIGN.slug() + "/" + key, v);
        return v;
    }

    Submission submission(long campaignActionId, Map<String, Object> settings, Map<String, String> fields, Locale locale) {
        Map<String, List<String>> f = new HashMap<>();
        fields.forEach((k, v) -> f.put(k, List.of(v)));
        return new Submission(CAMPAIGN, "sign", campaignActionId, new ActionSettings(settings), messages(locale), f, "newsletter");
    }

    @Override
    public String pluginId() {
        return fake.pluginId();
    }

    @Override
    public PluginSettings settings() {
        return fake.settings();
    }

    @Override
    public Clock clock() {
        return fake.clock();
    }

    @Override
    public Logger logger() {
        return fake.logger();
    }

    @Override
    public MailOutbox outbox() {
        return email -> {
            outbox.add(email);
            return outbox.size();
        };
    }

    @Override
    public TargetDirectory targets() {
        return fake.targets();
    }

    @Override
    public PluginDataStore documents() {
        return new PluginDataStore() {
            @Override
            public void put(String collection, String key, String json) {
                documents.put(collection + "\u0000" + key, json);
            }

            @Override
            public Optional<String> get(String collection, String key) {
                return Optional.ofNullable(documents.get(collection + "\u0000" + key));
            }

            @Override
            public List<String> keys(String collection) {
                String prefix = collection + "\u0000";
                return documents.keySet().stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length()))
                        .sorted().toList();
            }

            @Override
            public boolean delete(String collection, String key) {
                return documents.remove(collection + "\u0000" + key) != null;
            }
        };
    }

    @Override
    public DataSource dataSource() {
        return fake.dataSource();
    }

    @Override
    public Messages messages(Locale locale) {
        return bundle(locale);
    }

    @Override
    public Path dataDirectory() {
        return fake.dataDirectory();
    }

    @Override
    public Optional<Path> referenceData() {
        return fake.referenceData();
    }

    @Override
    public TargetFinder targetFinder() {
        return q -> finder.apply(q);
    }

    @Override
    public Stances stances() {
        return fake.stances();
    }

    @Override
    public CampaignActions campaignActions() {
        return (slug, key, locale) -> Optional.ofNullable(actions.get(slug + "/" + key));
    }

    @Override
    public ActionLedger actions() {
        return new ActionLedger() {
            @Override
            public long count(long campaignActionId) {
                return records.getOrDefault(campaignActionId, List.of()).size();
            }

            @Override
            public List<RecordedAction> latest(long campaignActionId, int limit) {
                return records.getOrDefault(campaignActionId, List.of()).stream()
                        .sorted(Comparator.comparing(RecordedAction::takenAt).reversed()).limit(limit).toList();
            }

            @Override
            public void forEach(long campaignActionId, Consumer<RecordedAction> each) {
                records.getOrDefault(campaignActionId, List.of()).forEach(each);
            }

            @Override
            public long messagesTo(long targetId) {
                return outbox.stream().filter(e -> e.targetId() != null && e.targetId() == targetId).count();
            }
        };
    }

    @Override
    public AuditLog auditLog() {
        return (StaffMember actor, String action, String subject, String before, String after) ->
                audit.add(actor.email() + " " + action + " " + subject + " " + before + " -> " + after);
    }
}
