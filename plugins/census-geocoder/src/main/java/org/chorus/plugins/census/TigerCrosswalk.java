package org.chorus.plugins.census;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Census TIGER state legislative district ids ↔ Open Civic Data division ids, from an openstates-geo jurisdiction
 * file ({@code id-mappings.custom[]} rows of {@code os-id: ocd-division/country:us/state:ma/sldu:3rd_suffolk} and
 * {@code sld-id: sldu-25D03}). The {@code sld-id} is the layer ({@code sldu}/{@code sldl}) and the TIGER GEOID
 * (state FIPS + district code), which is what the Census geocoder returns. The file also says which state it
 * covers: the FIPS code in the GEOIDs and the postal code in {@code os-id-prefix} ({@code …/state:ma}), so the
 * geocoder counts only that state's answers without hard-coding it.
 *
 * <p>Only the {@code os-id}/{@code sld-id} pairs and {@code os-id-prefix} are read, line by line (the file's
 * layout is fixed by openstates-geo; a YAML library would be one more jar to ship for three keys).
 */
final class TigerCrosswalk {

    private static final Pattern KEY = Pattern.compile("^\\s*(?:-\\s+)?(os-id-prefix|os-id|sld-id)\\s*:\\s*[\"']?([^\"'#\\s]+)[\"']?\\s*(?:#.*)?$");
    private static final Pattern SLD = Pattern.compile("(sldu|sldl)-(\\d{2})[0-9A-Z]+");
    private static final Pattern STATE = Pattern.compile("/state:([a-z]{2})(?:/|$)");

    private final Map<String, String> ocdBySld;
    private final Set<String> stateFips;
    private final String statePostal;

    private TigerCrosswalk(Map<String, String> ocdBySld, Set<String> stateFips, String statePostal) {
        this.ocdBySld = ocdBySld;
        this.stateFips = stateFips;
        this.statePostal = statePostal;
    }

    static TigerCrosswalk read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    static TigerCrosswalk parse(List<String> lines, String name) {
        Map<String, String> ocdBySld = new LinkedHashMap<>();
        Set<String> fips = new LinkedHashSet<>();
        String prefix = null;
        String os = null;
        String sld = null;
        for (String line : lines) {
            Matcher m = KEY.matcher(line);
            if (line.stripLeading().startsWith("-")) { // a new list item: the previous pair is complete
                add(os, sld, ocdBySld, fips, name);
                os = null;
                sld = null;
            }
            if (!m.matches()) {
                continue;
            }
            switch (m.group(1)) {
                case "os-id-prefix" -> prefix = m.group(2);
                case "os-id" -> os = m.group(2);
                default -> sld = m.group(2);
            }
        }
        add(os, sld, ocdBySld, fips, name);
        if (ocdBySld.isEmpty()) {
            throw new IllegalArgumentException(name + ": no os-id / sld-id pairs (not an openstates-geo jurisdiction file?)");
        }
        String postal = null;
        Matcher s = STATE.matcher(prefix != null ? prefix : ocdBySld.values().iterator().next());
        if (s.find()) {
            postal = s.group(1).toUpperCase(Locale.ROOT);
        }
        return new TigerCrosswalk(Collections.unmodifiableMap(ocdBySld), Collections.unmodifiableSet(fips), postal);
    }

    private static void add(String os, String sld, Map<String, String> out, Set<String> fips, String name) {
        if (os == null || sld == null) {
            return;
        }
        Matcher m = SLD.matcher(sld);
        if (!m.matches()) {
            throw new IllegalArgumentException(name + ": sld-id '" + sld + "' is not sldu-/sldl-<state fips><code>");
        }
        out.put(sld, os);
        fips.add(m.group(2));
    }

    /** The OCD id of a TIGER district, e.g. ({@code sldu}, {@code 25D03}) → {@code …/sldu:3rd_suffolk}. */
    Optional<String> ocdId(String layer, String geoid) {
        return Optional.ofNullable(ocdBySld.get(layer + "-" + geoid));
    }

    /** State FIPS codes the file covers, e.g. {@code 25}. */
    Set<String> stateFips() {
        return stateFips;
    }

    /** The state's postal code, e.g. {@code MA}, or null when the file does not say. */
    String statePostal() {
        return statePostal;
    }

    int size() {
        return ocdBySld.size();
    }
}
