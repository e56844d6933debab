package org.chorus.plugins.scorecards;

import java.time.Instant;
import java.util.List;
import org.chorus.api.TargetDirectory;
import org.chorus.api.TargetInfo;
import org.chorus.testkit.FakePluginContext;

/** A Scorecards service over a test database, the real legislators and the real reference data folder. */
final class Fixture {

    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    /** Settings, clock, reference data and the target directory (sitting and former targets) the host would lend. */
    final FakePluginContext context = new FakePluginContext("scorecards", RealData.dir(), List.of());
    final TargetDirectory directory = context.targets();
    final Scorecards scorecards;

    Fixture(TestDatabases.TestDatabase db) {
        this(db, RealData.sittingLegislators());
    }

    Fixture(TestDatabases.TestDatabase db, List<TargetInfo> targets) {
        context.targets.addAll(targets);
        context.now = NOW;
        this.scorecards = new Scorecards(new ScorecardStore(db.dataSource()), directory, context.settings(), context.clock(),
                context.logger(), context.referenceData());
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
        return directory.sittingTargets().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
