package org.chorus.plugins.census;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chorus.api.lookup.GeoPoint;

/**
 * What a Census geocoder {@code geographies/onelineaddress} answer says, reduced to what a lookup needs:
 * {@code result.addressMatches[]}, each with {@code coordinates {x: lon, y: lat}}, {@code addressComponents.state}
 * and {@code geographies} keyed by layer name, e.g. {@code "States"} and
 * {@code "2024 State Legislative Districts - Upper"} / {@code "… - Lower"} whose rows carry {@code GEOID}
 * ({@code 25D03}, {@code 25008}), {@code STATE}, {@code SLDU}/{@code SLDL} ({@code D03}, {@code 008}) and
 * {@code BASENAME}. Layer names carry the vintage's year, which changes, so they are found by their suffix and the
 * latest year wins.
 */
final class CensusResponse {

    /** A legislative district row: layer {@code sldu}/{@code sldl}, TIGER GEOID, and the name Census gives it. */
    record District(String layer, String geoid, String censusName) {
    }

    /** One address match; {@code stateFips}: every state FIPS its layers name; {@code statePostal}: its address's state. */
    record Match(String matchedAddress, GeoPoint point, List<District> districts, List<String> stateFips,
                 String statePostal) {
    }

    private static final Pattern YEAR = Pattern.compile("^(\\d{4})\\b");

    private CensusResponse() {
    }

    /**
     * @throws IllegalArgumentException when the document is not a geocoder answer (no {@code result})
     */
    static List<Match> matches(Object json) {
        if (!(json instanceof Map<?, ?> root) || !(root.get("result") instanceof Map<?, ?> result)) {
            throw new IllegalArgumentException("not a Census geocoder answer: no result object");
        }
        if (!(result.get("addressMatches") instanceof List<?> matches)) {
            return List.of();
        }
        List<Match> out = new ArrayList<>();
        for (Object o : matches) {
            if (o instanceof Map<?, ?> m) {
                out.add(match(m));
            }
        }
        return out;
    }

    private static Match match(Map<?, ?> m) {
        GeoPoint point = null;
        if (m.get("coordinates") instanceof Map<?, ?> c && c.get("x") instanceof Double x && c.get("y") instanceof Double y) {
            try {
                point = new GeoPoint(y, x);
            } catch (IllegalArgumentException e) {
                point = null; // not a point on Earth: ignore it rather than the whole answer
            }
        }
        List<District> districts = new ArrayList<>();
        List<String> fips = new ArrayList<>();
        if (m.get("geographies") instanceof Map<?, ?> geos) {
            for (Map<?, ?> row : rows(geos, "States")) {
                text(row, "STATE").ifPresent(fips::add);
            }
            collect(geos, "State Legislative Districts - Upper", "sldu", "SLDU", districts, fips);
            collect(geos, "State Legislative Districts - Lower", "sldl", "SLDL", districts, fips);
        }
        String postal = m.get("addressComponents") instanceof Map<?, ?> ac ? text(ac, "state").orElse(null) : null;
        String matched = m.get("matchedAddress") instanceof String s ? s : null;
        return new Match(matched, point, List.copyOf(districts), List.copyOf(fips), postal);
    }

    private static void collect(Map<?, ?> geos, String suffix, String layer, String codeField, List<District> out,
                                List<String> fips) {
        for (Map<?, ?> row : latestLayer(geos, suffix)) {
            Optional<String> state = text(row, "STATE");
            Optional<String> geoid = text(row, "GEOID")
                    .or(() -> state.flatMap(s -> text(row, codeField).map(code -> s + code)));
            if (geoid.isEmpty()) {
                continue;
            }
            state.or(() -> geoid.filter(g -> g.length() > 2).map(g -> g.substring(0, 2))).ifPresent(fips::add);
            out.add(new District(layer, geoid.get(), text(row, "BASENAME").or(() -> text(row, "NAME")).orElse(null)));
        }
    }

    /** The rows of the newest layer whose name ends with the suffix ("2024 State Legislative Districts - Upper"). */
    private static List<Map<?, ?>> latestLayer(Map<?, ?> geos, String suffix) {
        return geos.keySet().stream().map(String::valueOf)
                .filter(k -> k.toLowerCase(Locale.ROOT).endsWith(suffix.toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparingInt(CensusResponse::year).reversed())
                .map(k -> rows(geos, k)).filter(r -> !r.isEmpty()).findFirst().orElse(List.of());
    }

    private static int year(String layer) {
        Matcher m = YEAR.matcher(layer);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static List<Map<?, ?>> rows(Map<?, ?> geos, String layer) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (geos.get(layer) instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> row) {
                    out.add(row);
                }
            }
        }
        return out;
    }

    private static Optional<String> text(Map<?, ?> row, String field) {
        return row.get(field) instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
    }
}
