package org.chorus.testkit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.chorus.api.DivisionInfo;
import org.chorus.api.MailOutbox;
import org.chorus.api.Messages;
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

/**
 * What the host would lend a plugin in a unit test: settings, a reference data folder, divisions, targets and a fixed
 * clock, and messages and stances when the test sets them. Everything else throws, so a test notices when the plugin
 * reaches for more.
 */
public final class FakePluginContext implements PluginContext {

    public final Map<String, String> settings = new HashMap<>();
    public final List<DivisionInfo> divisions = new ArrayList<>();
    /** The directory's targets, sitting and former ({@link TargetInfo#sitting()}); empty unless a test adds some. */
    public final List<TargetInfo> targets = new ArrayList<>();
    public Path referenceData;
    private final String pluginId;
    public Instant now = Instant.parse("2026-01-01T00:00:00Z");
    /** What {@link #messages} answers for every locale (null: it throws). */
    public Messages messages;
    /** What {@link #stances} answers (null: it throws). */
    public Stances stances;

    public FakePluginContext(String pluginId, Path referenceData, List<DivisionInfo> divisions) {
        this.pluginId = pluginId;
        this.referenceData = referenceData;
        this.divisions.addAll(divisions);
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public PluginSettings settings() {
        return name -> Optional.ofNullable(settings.get(name));
    }

    @Override
    public Clock clock() {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    @Override
    public Logger logger() {
        return Logger.getLogger("chorus.plugin." + pluginId);
    }

    @Override
    public TargetDirectory targets() {
        return new TargetDirectory() {
            @Override
            public List<DivisionInfo> divisions(String kind) {
                return divisions.stream().filter(d -> d.kind().equals(kind)).toList();
            }

            @Override
            public Optional<DivisionInfo> division(String ocdId) {
                return divisions.stream().filter(d -> d.ocdId().equals(ocdId)).findFirst();
            }

            @Override
            public List<TargetInfo> sittingTargets(String divisionOcdId) {
                return targets.stream().filter(t -> t.sitting() && divisionOcdId.equals(t.divisionOcdId())).toList();
            }

            @Override
            public Optional<TargetInfo> target(long id) {
                return targets.stream().filter(t -> t.id() == id).findFirst();
            }

            @Override
            public Optional<TargetInfo> targetByExternalId(String externalId) {
                return targets.stream().filter(t -> externalId.equals(t.externalId())).findFirst();
            }

            @Override
            public List<TargetInfo> sittingTargets() {
                return targets.stream().filter(TargetInfo::sitting).toList();
            }

            @Override
            public List<TargetInfo> allTargets() {
                return List.copyOf(targets);
            }
        };
    }

    @Override
    public Optional<Path> referenceData() {
        return Optional.ofNullable(referenceData);
    }

    @Override
    public MailOutbox outbox() {
        throw new UnsupportedOperationException();
    }

    @Override
    public PluginDataStore documents() {
        throw new UnsupportedOperationException();
    }

    @Override
    public DataSource dataSource() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Messages messages(Locale locale) {
        if (messages == null) {
            throw new UnsupportedOperationException("set FakePluginContext.messages");
        }
        return messages;
    }

    @Override
    public Path dataDirectory() {
        throw new UnsupportedOperationException();
    }

    @Override
    public TargetFinder targetFinder() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Stances stances() {
        if (stances == null) {
            throw new UnsupportedOperationException("set FakePluginContext.stances");
        }
        return stances;
    }

    @Override
    public CampaignActions campaignActions() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ActionLedger actions() {
        throw new UnsupportedOperationException();
    }

    @Override
    public AuditLog auditLog() {
        throw new UnsupportedOperationException();
    }
}
