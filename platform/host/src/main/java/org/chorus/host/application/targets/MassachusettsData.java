package org.chorus.host.application.targets;

import java.io.IOException;
import java.nio.file.Path;
import org.chorus.host.infrastructure.config.PlatformConfig;
import org.chorus.host.infrastructure.openstates.OcdCrosswalk;

/**
 * The public Massachusetts data sets the imports read, where the reference data folder
 * ({@code platform.reference.data.dir}) keeps them: the one place that knows those file names, so whatever seeds
 * a platform (bootstrap, console, tests) imports districts and legislators from the same files in the right order.
 */
public record MassachusettsData(Path crosswalk, Path senateBoundaries, Path houseBoundaries, Path legislators) {

    public static MassachusettsData in(Path referenceDataDir) {
        return new MassachusettsData(
                referenceDataDir.resolve("ma-ocd-tiger-crosswalk/openstates-geo_ma.yml"),
                referenceDataDir.resolve("ma-district-boundaries/senate2021.geojson"),
                referenceDataDir.resolve("ma-district-boundaries/house2021.geojson"),
                referenceDataDir.resolve("ma-legislators/openstates-people-ma-legislature"));
    }

    public static MassachusettsData from(PlatformConfig config) {
        return in(config.referenceDataDir());
    }

    /** What seeding did. */
    public record Seeded(ImportSummary senate, ImportSummary house, ImportSummary legislators) {
    }

    /**
     * Imports the Senate and House districts, then the legislators (who link to them).
     *
     * @throws ImportException when a file is missing or unusable; imports already done stay done
     */
    public Seeded importInto(DivisionImport divisions, TargetImport targets, ImportListener listener) {
        OcdCrosswalk cw;
        try {
            cw = OcdCrosswalk.read(crosswalk);
        } catch (IOException e) {
            throw new ImportException("cannot read the OCD crosswalk " + crosswalk + ": " + e.getMessage(), e);
        }
        ImportSummary senate = divisions.importLayer(DivisionImport.Layer.of(senateBoundaries.toString(), "upper"), cw, listener);
        ImportSummary house = divisions.importLayer(DivisionImport.Layer.of(houseBoundaries.toString(), "lower"), cw, listener);
        ImportSummary people = targets.importLegislators(legislators.toString(), TargetImport.Options.forJurisdiction(cw), listener);
        return new Seeded(senate, house, people);
    }
}
