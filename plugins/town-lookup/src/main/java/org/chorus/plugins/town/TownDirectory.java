package org.chorus.plugins.town;

import org.chorus.kit.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.chorus.api.lookup.GeoPoint;

/**
 * Massachusetts places in memory, read once and then immutable (safe to share between threads):
 * <ul>
 * <li>every municipality's wards and precincts with their House and Senate district, from the precinct crosswalk
 *     ({@code city_town,Ward,Pct,State_Rep,State_Senate,…}; Ward is "-" in towns without wards);</li>
 * <li>ZIP codes with their USPS postal city and county ({@code [{"zip","city","county","location"}]});</li>
 * <li>places that are not municipalities → the municipalities they lie in (the village table).</li>
 * </ul>
 *
 * <p>Why a village table: a ZIP's postal city is often a village or neighbourhood ("Jamaica Plain", "Bondsville",
 * "Foxboro") and not the municipality whose precincts the crosswalk lists. Guessing the municipality from the
 * ZIP's county and representative point (nearest ZIP of a municipality in the same county) was tried on the real
 * data and agreed with the known answer for only 97 of 149 villages, so a place is mapped only when the table knows
 * it; an unknown one gives nothing rather than a confident wrong district. A place that spans municipalities
 * ("Chestnut Hill" = Newton, Brookline and Boston) maps to all of them.
 */
final class TownDirectory {

    /** One crosswalk row: a precinct (or sub-precinct) and its districts, names as the crosswalk writes them. */
    record Precinct(String town, String ward, String precinct, String house, String senate) {
    }

    /** One ZIP code; {@code point} is only representative (a ZIP is an area) and may be null. */
    record PostalCode(String zip, String city, String county, GeoPoint point) {
    }

    private static final Pattern ZIP = Pattern.compile("(\\d{5})(?:-?\\d{4})?");
    private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=.)");

    private final Map<String, String> municipalities; // key → name as the crosswalk writes it
    private final Map<String, List<Precinct>> precincts; // municipality → rows
    private final Map<String, PostalCode> zips;
    private final Map<String, List<String>> places; // key of a place or a ZIP → municipalities
    private final List<String> skippedVillages;

    private TownDirectory(Map<String, String> municipalities, Map<String, List<Precinct>> precincts,
                          Map<String, PostalCode> zips, Map<String, List<String>> places, List<String> skippedVillages) {
        this.municipalities = municipalities;
        this.precincts = precincts;
        this.zips = zips;
        this.places = places;
        this.skippedVillages = skippedVillages;
    }

    /**
     * @param crosswalkCsv the precinct crosswalk
     * @param zipJson      the ZIP code file, or null to answer towns only
     * @param villages     lines of the village table ({@code place = Town[, Town…]}), later lines win
     * @throws IOException              when a file cannot be read
     * @throws IllegalArgumentException when a file is not what it should be or a village line has no "="; a village
     *                                  line naming a municipality the crosswalk does not have is not an error but
     *                                  reported by {@link #skippedVillages()}
     */
    static TownDirectory load(Path crosswalkCsv, Path zipJson, List<String> villages) throws IOException {
        Map<String, List<Precinct>> precincts = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(crosswalkCsv, StandardCharsets.UTF_8)) {
            readCrosswalk(r, crosswalkCsv.getFileName().toString(), precincts);
        }
        Map<String, String> municipalities = new LinkedHashMap<>();
        for (String town : precincts.keySet()) {
            municipalities.put(key(town), town);
        }
        Map<String, PostalCode> zips = new LinkedHashMap<>();
        if (zipJson != null) {
            try (InputStream in = Files.newInputStream(zipJson)) {
                readZips(Json.read(in), zipJson.getFileName().toString(), zips);
            }
        }
        Map<String, List<String>> places = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        int n = 0;
        for (String line : villages) {
            n++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("village table line " + n + ": expected 'place = Town[, Town]': " + l);
            }
            List<String> towns = new ArrayList<>();
            for (String t : l.substring(eq + 1).split(",")) {
                String m = municipalities.get(key(t));
                if (m == null) {
                    // a crosswalk of fewer towns (or a typo): the line must not stop the lookup, but is reported
                    skipped.add(l + "  ('" + t.strip() + "' is not a municipality in the crosswalk)");
                } else {
                    towns.add(m);
                }
            }
            String place = l.substring(0, eq).strip();
            if (!towns.isEmpty()) {
                places.put(ZIP.matcher(place).matches() ? place : key(place), List.copyOf(towns));
            }
        }
        return new TownDirectory(Collections.unmodifiableMap(municipalities), Collections.unmodifiableMap(precincts),
                Collections.unmodifiableMap(zips), Collections.unmodifiableMap(places), List.copyOf(skipped));
    }

    /** The village table shipped in the jar. */
    static List<String> builtInVillages() {
        try (InputStream in = TownDirectory.class.getResourceAsStream("villages.txt")) {
            if (in == null) {
                throw new IllegalStateException("villages.txt missing from the plugin jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read villages.txt", e);
        }
    }

    private static void readCrosswalk(Reader in, String name, Map<String, List<Precinct>> out) throws IOException {
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        String header = r.readLine();
        if (header == null) {
            throw new IllegalArgumentException(name + ": empty");
        }
        List<String> cols = Csv.split(header.replace("\uFEFF", ""));
        int town = cols.indexOf("city_town");
        int ward = cols.indexOf("Ward");
        int pct = cols.indexOf("Pct");
        int rep = cols.indexOf("State_Rep");
        int sen = cols.indexOf("State_Senate");
        if (town < 0 || ward < 0 || pct < 0 || rep < 0 || sen < 0) {
            throw new IllegalArgumentException(name + ": needs columns city_town, Ward, Pct, State_Rep, State_Senate; has " + cols);
        }
        int width = Math.max(Math.max(town, ward), Math.max(pct, Math.max(rep, sen))) + 1;
        String line;
        int n = 1;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            List<String> f = Csv.split(line);
            if (f.size() < width) {
                throw new IllegalArgumentException(name + " line " + n + ": " + f.size() + " fields, expected " + cols.size());
            }
            String t = f.get(town).strip();
            out.computeIfAbsent(t, k -> new ArrayList<>()).add(new Precinct(t, unit(f.get(ward)), unit(f.get(pct)),
                    f.get(rep).strip(), f.get(sen).strip()));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(name + ": no rows");
        }
        out.replaceAll((k, v) -> List.copyOf(v));
    }

    private static void readZips(Object json, String name, Map<String, PostalCode> out) {
        if (!(json instanceof List<?> list)) {
            throw new IllegalArgumentException(name + ": expected a JSON array of ZIP codes");
        }
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("zip") instanceof String zip) || !(m.get("city") instanceof String city)) {
                continue; // a record without ZIP or city says nothing
            }
            GeoPoint point = null;
            if (m.get("location") instanceof Map<?, ?> loc && loc.get("latitude") instanceof Double lat
                    && loc.get("longitude") instanceof Double lon) {
                point = new GeoPoint(lat, lon);
            }
            out.put(zip.strip(), new PostalCode(zip.strip(), city.strip(), m.get("county") instanceof String c ? c : null, point));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(name + ": no ZIP codes");
        }
    }

    // ---- names ----

    /**
     * How names are compared: case, spacing, hyphens, dots and apostrophes do not matter, nor a
     * leading "City of"/"Town of" or a trailing state ("Boston, MA"); "Mt" is "Mount".
     */
    static String key(String name) {
        String s = name.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace("'", "")
                .replaceAll("[-_.,/]", " ").replaceAll("\\s+", " ").strip();
        s = s.replaceFirst("^(city|town) of ", "");
        s = s.replaceFirst(" (ma|mass|massachusetts)$", "");
        s = s.replaceAll("(^| )mt( |$)", "$1mount$2");
        return s.strip();
    }

    /** A ZIP code as five digits ("02133", from "02133-1054" or "2133"), or empty when it is not one. */
    static Optional<String> zip(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.replaceAll("\\s", "");
        if (s.matches("\\d{4}")) {
            s = "0" + s; // a leading zero lost to a spreadsheet
        }
        Matcher m = ZIP.matcher(s);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Wards and precincts compared as written in the crosswalk: upper case, no "Ward"/"Pct" word, no leading zeros. */
    static String unit(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip().toUpperCase(Locale.ROOT).replaceFirst("^(?:(?:WARD|PRECINCT|PCT)\\.?\\s*|[WP](?=\\d))", "")
                .replace(" ", "");
        if (s.isEmpty() || s.equals("-")) {
            return "-";
        }
        return LEADING_ZEROS.matcher(s).replaceFirst("");
    }

    /** The municipality of a name, including spelling variants the table lists and "-boro" for "-borough". */
    List<String> towns(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        String k = key(name);
        String exact = municipalities.get(k);
        if (exact != null) {
            return List.of(exact);
        }
        List<String> listed = places.get(k);
        if (listed != null) {
            return listed;
        }
        // "Marlboro", "Southboro": only when the other spelling is a municipality, never a guess
        String other = k.endsWith("boro") ? municipalities.get(k + "ugh")
                : k.endsWith("borough") ? municipalities.get(k.substring(0, k.length() - 3)) : null;
        return other != null ? List.of(other) : List.of();
    }

    Optional<PostalCode> postalCode(String zip) {
        return zip(zip).map(zips::get);
    }

    /**
     * The municipalities a ZIP code's mail goes to, as far as the data tell: a ZIP line of the village table, else
     * its postal city (a municipality, or a place the table knows). Empty for a ZIP the data do not have (outside
     * Massachusetts) or whose postal city nobody mapped.
     */
    List<String> townsOfZip(String zip) {
        Optional<String> z = zip(zip);
        if (z.isEmpty()) {
            return List.of();
        }
        List<String> override = places.get(z.get());
        if (override != null) {
            return override;
        }
        PostalCode pc = zips.get(z.get());
        return pc == null ? List.of() : towns(pc.city());
    }

    /** Village table lines (or parts of them) naming a municipality the crosswalk does not have. */
    List<String> skippedVillages() {
        return skippedVillages;
    }

    Set<String> municipalities() {
        return new LinkedHashSet<>(municipalities.values());
    }

    Map<String, PostalCode> zips() {
        return zips;
    }

    List<Precinct> precincts(String town) {
        return precincts.getOrDefault(town, List.of());
    }

    /**
     * The rows of a town narrowed by what the supporter knows: a ward (ignored in towns without wards), a precinct
     * (precinct "1" also takes its sub-precincts "1A", "1B"; a sub-precinct the data do not split falls back to its
     * precinct, "6A" → "6"). A ward or precinct the town does not have is ignored rather than answering nothing,
     * so the supporter still gets the town's districts to choose from; a precinct without a ward in a town with
     * wards takes that precinct of every ward.
     */
    List<Precinct> precincts(String town, String ward, String precinct) {
        List<Precinct> all = precincts(town);
        String w = unit(ward);
        String p = unit(precinct);
        List<Precinct> inWard = all;
        if (w != null && !w.equals("-") && all.stream().anyMatch(r -> !r.ward().equals("-"))) {
            inWard = all.stream().filter(r -> r.ward().equals(w)).toList();
            if (inWard.isEmpty()) {
                return all; // a ward the town does not have: its precinct number cannot be trusted either
            }
        }
        if (p == null || p.equals("-")) {
            return inWard;
        }
        List<Precinct> exact = inWard.stream().filter(r -> r.precinct().equals(p)).toList();
        List<Precinct> subs = inWard.stream().filter(r -> isSubPrecinct(r.precinct(), p)).toList();
        if (!exact.isEmpty() || !subs.isEmpty()) {
            List<Precinct> out = new ArrayList<>(exact);
            out.addAll(subs);
            return out;
        }
        String base = basePrecinct(p);
        if (base != null) {
            List<Precinct> parent = inWard.stream().filter(r -> r.precinct().equals(base)).toList();
            if (!parent.isEmpty()) {
                return parent;
            }
        }
        return inWard;
    }

    /** "1A" is a sub-precinct of "1", "A1" of "A" (both forms occur in the crosswalk); "10" is not one of "1". */
    static boolean isSubPrecinct(String candidate, String precinct) {
        if (!candidate.startsWith(precinct) || candidate.length() != precinct.length() + 1) {
            return false;
        }
        char last = candidate.charAt(candidate.length() - 1);
        boolean digits = precinct.chars().allMatch(Character::isDigit);
        boolean letters = precinct.chars().allMatch(Character::isLetter);
        return digits && Character.isLetter(last) || letters && Character.isDigit(last);
    }

    private static String basePrecinct(String p) {
        if (p.matches("\\d+[A-Z]")) {
            return p.substring(0, p.length() - 1);
        }
        if (p.matches("[A-Z]+\\d")) {
            return p.substring(0, p.length() - 1);
        }
        return null;
    }

    /** A small CSV splitter for one line: quoted fields may hold commas and doubled quotes. */
    static final class Csv {
        private Csv() {
        }

        static List<String> split(String line) {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cur.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    out.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(c);
                }
            }
            out.add(cur.toString());
            return out;
        }
    }
}
