package org.chorus.host.infrastructure.openstates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Census TIGER state legislative district codes ↔ Open Civic Data division ids, from an openstates-geo
 * jurisdiction file ({@code configs/jurisdictions/ma.yml}): {@code id-mappings.custom[]} rows of
 * {@code {os-id: ocd-division/country:us/state:ma/sldu:1st_worcester, sld-id: sldu-25D09}}. The TIGER code's number
 * (D09 → 9, 001 → 1) is the district number boundary files carry (MassGIS {@code district_num}, SENDISTNUM,
 * REPDISTNUM), which is how a polygon finds its OCD id.
 */
public final class OcdCrosswalk {

    private static final Pattern SLD = Pattern.compile("(sldu|sldl)-(\\d{2})([A-Z]*)(\\d+)");

    /** One row: chamber {@code upper}/{@code lower}, the district number, the TIGER GEOID (e.g. 25D09) and the OCD id. */
    public record Entry(String chamber, int number, String geoid, String ocdId) {
    }

    private final String prefix;
    private final Map<String, Entry> byKey;

    private OcdCrosswalk(String prefix, Map<String, Entry> byKey) {
        this.prefix = prefix;
        this.byKey = byKey;
    }

    public static OcdCrosswalk read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return parse(text, file.getFileName().toString());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    static OcdCrosswalk parse(String yaml, String name) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(name + ": not YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("os-id-prefix") instanceof String prefix)) {
            throw new IllegalArgumentException(name + ": not an openstates-geo jurisdiction file (no os-id-prefix)");
        }
        Object mappings = map.get("id-mappings");
        Object custom = mappings instanceof Map<?, ?> m ? m.get("custom") : null;
        if (!(custom instanceof List<?> rows) || rows.isEmpty()) {
            throw new IllegalArgumentException(name + ": no id-mappings.custom rows");
        }
        Map<String, Entry> byKey = new LinkedHashMap<>();
        int i = 0;
        for (Object row : rows) {
            i++;
            if (!(row instanceof Map<?, ?> r) || !(r.get("os-id") instanceof String osId) || !(r.get("sld-id") instanceof String sldId)) {
                throw new IllegalArgumentException(name + " custom row " + i + ": needs os-id and sld-id");
            }
            Matcher mt = SLD.matcher(sldId);
            if (!mt.matches()) {
                throw new IllegalArgumentException(name + " custom row " + i + ": sld-id '" + sldId + "' is not sldu-/sldl-<fips><code>");
            }
            String kind = mt.group(1);
            String chamber = kind.equals("sldu") ? "upper" : "lower";
            if (!osId.startsWith(prefix + "/" + kind + ":")) {
                throw new IllegalArgumentException(name + " custom row " + i + ": os-id '" + osId + "' does not start with "
                        + prefix + "/" + kind + ":");
            }
            Entry e = new Entry(chamber, Integer.parseInt(mt.group(4)), mt.group(2) + mt.group(3) + mt.group(4), osId);
            if (byKey.put(key(chamber, e.number()), e) != null) {
                throw new IllegalArgumentException(name + " custom row " + i + ": " + sldId + " appears twice");
            }
        }
        return new OcdCrosswalk(prefix, Collections.unmodifiableMap(byKey));
    }

    private static String key(String chamber, int number) {
        return chamber + ":" + number;
    }

    /** E.g. {@code ocd-division/country:us/state:ma}. */
    public String prefix() {
        return prefix;
    }

    public Optional<Entry> find(String chamber, int districtNumber) {
        return Optional.ofNullable(byKey.get(key(chamber, districtNumber)));
    }

    public List<Entry> entries() {
        return List.copyOf(byKey.values());
    }

    /** The OCD division kind of a chamber: {@code sldu} (upper) or {@code sldl} (lower). */
    public static String kind(String chamber) {
        return switch (chamber) {
            case "upper" -> "sldu";
            case "lower" -> "sldl";
            default -> throw new IllegalArgumentException("chamber must be upper or lower, not '" + chamber + "'");
        };
    }
}
