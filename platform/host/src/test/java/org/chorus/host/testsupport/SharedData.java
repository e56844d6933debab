package org.chorus.host.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real public data sets tests read (never copied into the repository). Located by the system property
 * {@code chorus.shared.data} (surefire sets it), else {@code platform.reference.data.dir} or the environment
 * variable {@code PLATFORM_REFERENCE_DATA_DIR}. When it is missing the test fails on CI (CI=true) and is skipped
 * elsewhere.
 */
public final class SharedData {

    private SharedData() {
    }

    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public static Path dir() {
        String configured = System.getProperty("chorus.shared.data");
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty("platform.reference.data.dir");
        }
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("PLATFORM_REFERENCE_DATA_DIR");
        }
        Path dir = configured == null || configured.isBlank() ? null : Path.of(configured).toAbsolutePath().normalize();
        if (dir == null || !Files.isDirectory(dir)) {
            unavailable("The shared data folder is missing (" + (dir == null ? "chorus.shared.data is not set" : dir + " does not exist")
                    + "). Tests read the public MA data sets from it; set -Dchorus.shared.data=/path/to/shared/data.");
        }
        return dir;
    }

    /** A file or folder below the data folder, which must exist. */
    public static Path path(String relative) {
        Path p = dir().resolve(relative);
        if (!Files.exists(p)) {
            unavailable("The shared data folder " + dir() + " has no " + relative + ".");
        }
        return p;
    }

    public static Path legislatorsYaml() {
        return path("ma-legislators/openstates-people-ma-legislature");
    }

    public static Path legislatorsFlatCsv() {
        return path("ma-legislators/legislators_flat.csv");
    }

    public static Path senateGeoJson() {
        return path("ma-district-boundaries/senate2021.geojson");
    }

    public static Path houseGeoJson() {
        return path("ma-district-boundaries/house2021.geojson");
    }

    public static Path crosswalk() {
        return path("ma-ocd-tiger-crosswalk/openstates-geo_ma.yml");
    }

    static void unavailable(String message) {
        if (onCi()) {
            fail(message + " (failing because CI=true)");
        }
        Assumptions.abort(message + " Skipped (set CI=true to fail instead).");
    }
}
