package org.chorus.plugins.scorecards;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chorus.api.TargetInfo;
import org.junit.jupiter.api.Assumptions;

/**
 * The real public data (never copied into the repository), through {@code chorus.shared.data} as surefire sets it:
 * the Progressive Massachusetts file, and the sitting legislators as the host imports them from Open States (here
 * from the flat CSV of the same files). Missing: skipped, or failed with CI=true.
 */
final class RealData {

    private RealData() {
    }

    static Path dir() {
        String configured = System.getProperty("chorus.shared.data", System.getenv("PLATFORM_REFERENCE_DATA_DIR"));
        Path dir = configured == null || configured.isBlank() ? null : Path.of(configured).toAbsolutePath().normalize();
        if (dir == null || !Files.isRegularFile(dir.resolve(Scorecards.PM_FILE))
                || !Files.isRegularFile(dir.resolve("ma-legislators/legislators_flat.csv"))) {
            String message = "The shared data folder (" + dir + ") with " + Scorecards.PM_FILE + " is missing; set -Dchorus.shared.data.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return dir;
    }

    static Path pmFile() {
        return dir().resolve(Scorecards.PM_FILE);
    }

    /** The 198 sitting legislators, with host-like ids (1…) and titles. */
    static List<TargetInfo> sittingLegislators() {
        try {
            List<CsvFiles.Row> rows = CsvFiles.read(Files.readString(dir().resolve("ma-legislators/legislators_flat.csv")));
            List<String> header = rows.get(0).values();
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                col.put(header.get(i), i);
            }
            List<TargetInfo> out = new ArrayList<>();
            long id = 1;
            for (CsvFiles.Row r : rows.subList(1, rows.size())) {
                List<String> v = r.values();
                String chamber = v.get(col.get("openstates_role_type"));
                String district = v.get(col.get("district"));
                String ocd = "ocd-division/country:us/state:ma/" + ("upper".equals(chamber) ? "sldu:" : "sldl:")
                        + district.toLowerCase().replace(' ', '_').replace(",", "");
                out.add(new TargetInfo(id++, v.get(col.get("openstates_id")), v.get(col.get("name")), v.get(col.get("given_name")),
                        v.get(col.get("family_name")), "upper".equals(chamber) ? "Senator" : "Representative", chamber,
                        v.get(col.get("party")), v.get(col.get("email")), v.get(col.get("capitol_phone")), v.get(col.get("photo_url")),
                        ocd, district, true));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CsvFiles.Malformed e) {
            throw new IllegalStateException(e);
        }
    }
}
