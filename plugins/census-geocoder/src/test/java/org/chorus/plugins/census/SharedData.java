package org.chorus.plugins.census;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real public data sets (never copied into the repository), found through the system property
 * {@code chorus.shared.data} that surefire sets. Missing: skipped, or failed with CI=true.
 */
final class SharedData {

    private SharedData() {
    }

    static Path dir() {
        String configured = System.getProperty("chorus.shared.data", System.getenv("PLATFORM_REFERENCE_DATA_DIR"));
        Path dir = configured == null || configured.isBlank() ? null : Path.of(configured).toAbsolutePath().normalize();
        if (dir == null || !Files.isRegularFile(dir.resolve(CensusGeocoder.CROSSWALK))) {
            String message = "The shared data folder (" + dir + ") with " + CensusGeocoder.CROSSWALK + " is missing; set -Dchorus.shared.data.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return dir;
    }
}
