package org.chorus.plugins.town;

import org.chorus.kit.Json;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chorus.api.DivisionInfo;
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
        if (dir == null || !Files.isRegularFile(dir.resolve(TownLookup.CROSSWALK)) || !Files.isRegularFile(dir.resolve(TownLookup.ZIPS))) {
            String message = "The shared data folder (" + dir + ") with " + TownLookup.CROSSWALK + " and " + TownLookup.ZIPS
                    + " is missing; set -Dchorus.shared.data.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return dir;
    }

    /**
     * The divisions as the host imports them: OCD id from the openstates-geo crosswalk by district number, name from
     * the boundary file's {@code district_display} (Open States spelling: "8th Suffolk", "Third Suffolk").
     */
    static List<DivisionInfo> divisions() {
        Path d = dir();
        try {
            Map<String, String> ocd = new HashMap<>();
            Matcher m = Pattern.compile("os-id:\\s*\"?([^\"\\s]+)\"?\\s*\\n\\s*sld-id:\\s*(sldu|sldl)-25D?0*(\\d+)")
                    .matcher(Files.readString(d.resolve("ma-ocd-tiger-crosswalk/openstates-geo_ma.yml")));
            while (m.find()) {
                ocd.put(m.group(2) + ":" + m.group(3), m.group(1));
            }
            List<DivisionInfo> out = new ArrayList<>();
            out.addAll(layer(d.resolve("ma-district-boundaries/senate2021.geojson"), "sldu", "upper", ocd));
            out.addAll(layer(d.resolve("ma-district-boundaries/house2021.geojson"), "sldl", "lower", ocd));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<DivisionInfo> layer(Path geojson, String kind, String chamber, Map<String, String> ocd) throws IOException {
        Map<String, Object> fc;
        try (InputStream in = Files.newInputStream(geojson)) {
            fc = (Map<String, Object>) Json.read(in);
        }
        List<DivisionInfo> out = new ArrayList<>();
        for (Object f : (List<Object>) fc.get("features")) {
            Map<String, Object> p = (Map<String, Object>) ((Map<String, Object>) f).get("properties");
            int num = ((Double) p.get("district_num")).intValue();
            String id = ocd.get(kind + ":" + num);
            out.add(new DivisionInfo(id, kind, chamber, (String) p.get("district_display"), null));
        }
        return out;
    }
}
