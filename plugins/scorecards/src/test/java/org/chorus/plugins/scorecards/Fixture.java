package org.chorus.plugins.scorecards;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.chorus.api.PluginSettings;
import org.chorus.api.TargetInfo;

/** A Scorecards service over a test database, the real legislators and the real reference data folder. */
final class Fixture {

    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    final Map<String, String> settings = new HashMap<>();
    final Directory directory;
    final Scorecards scorecards;

    Fixture(TestDatabases.TestDatabase db) {
        this(db, RealData.sittingLegislators());
    }

    Fixture(TestDatabases.TestDatabase db, List<TargetInfo> targets) {
        this.directory = new Directory(new ArrayList<>(targets));
        PluginSettings s = name -> Optional.ofNullable(settings.get(name));
        this.scorecards = new Scorecards(new ScorecardStore(db.dataSource()), directory, s, Clock.fixed(NOW, ZoneOffset.UTC),
                Logger.getLogger("test.scorecards"), Optional.of(RealData.dir()));
    }

    /** Imports the real Progressive Massachusetts file; returns the report. */
    ImportReport importReal() {
        try {
            return new PmImport(scorecards.store()).importIfChanged(RealData.pmFile(), scorecards.featuredBills(), NOW, "test")
                    .orElseThrow(() -> new AssertionError("the file was imported before"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    TargetInfo sitting(String name) {
        return directory.targets.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
