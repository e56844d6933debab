package org.chorus.plugins.town;

import org.chorus.kit.DistrictNames;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chorus.api.DivisionInfo;
import org.chorus.api.PluginContext;
import org.chorus.api.lookup.DistrictMatch;
import org.chorus.api.lookup.LookupQuery;
import org.chorus.api.lookup.LookupResult;
import org.chorus.api.lookup.TargetLookup;
import org.pf4j.Extension;

/**
 * Town or ZIP code → districts, offline. Settings ({@code chorus.plugin.town-lookup.*}, or environment
 * {@code CHORUS_PLUGIN_TOWN_LOOKUP_*}; paths relative to the working directory):
 * <ul>
 * <li>{@code crosswalk.file}: the precinct crosswalk CSV (default
 *     {@code <reference data>/ma-precinct-district-crosswalk/ma_districts_precincts_2022.csv});</li>
 * <li>{@code zip.file}: the ZIP code JSON (default {@code <reference data>/ma-zip-points/massachusetts_zip_codes.json});
 *     without it only towns are answered;</li>
 * <li>{@code villages.file}: extra lines for the village table ({@code place = Town[, Town…]}, or
 *     {@code 01234 = Town} for one ZIP), read after and overriding the built-in {@code villages.txt};</li>
 * <li>{@code refresh.minutes}: how long the map of district names to the host's divisions is trusted before it
 *     is rebuilt, so a new import is picked up (default 10).</li>
 * </ul>
 * The files are read once, on the first lookup.
 *
 * <p>Which place: the {@code town} field first (a municipality, a village or neighbourhood from the table, or a
 * "-boro" spelling), else the {@code postalCode}'s postal town, else a ZIP or a ", Town," part of the
 * {@code address}. A ZIP's representative point is deliberately not used for districts: a ZIP crosses district
 * lines, and the town crosswalk is exact for the town. For the districts: one per chamber settles it; several
 * become {@link LookupResult#candidates() candidates} for that chamber, narrowed first by ward and precinct when
 * the supporter gave them.
 */
@Extension
public class TownLookup implements TargetLookup {

    static final String CROSSWALK = "ma-precinct-district-crosswalk/ma_districts_precincts_2022.csv";
    static final String ZIPS = "ma-zip-points/massachusetts_zip_codes.json";

    /** A ZIP at the end of an address ("…, Boston, MA 02133-1054"). */
    private static final Pattern TRAILING_ZIP = Pattern.compile("(\\d{5})(?:-\\d{4})?\\s*$");
    private static final Pattern TRAILING_STATE = Pattern.compile("(?i)[\\s,]*\\b(ma|mass|massachusetts)\\s*$");

    private record Divisions(Map<String, DistrictMatch> byKey, Instant at) {
    }

    /** Where the answer's town came from, for the log. */
    private record Places(List<String> towns, String from) {
    }

    private final PluginContext context;
    private final Object loadLock = new Object();
    private volatile TownDirectory directory;
    private volatile Divisions divisions;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public TownLookup(PluginContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return "town";
    }

    /** After the boundaries lookup (10): a point, when there is one, is more precise than a town. */
    @Override
    public int priority() {
        return 50;
    }

    @Override
    public boolean accepts(LookupQuery query) {
        return hasText(query.town()) || hasText(query.postalCode())
                || hasText(query.address()) && (query.address().contains(",") || TRAILING_ZIP.matcher(query.address()).find());
    }

    @Override
    public LookupResult lookup(LookupQuery query) {
        TownDirectory dir = directory();
        Places places = places(dir, query);
        if (places.towns().isEmpty()) {
            return LookupResult.none(id());
        }
        List<TownDirectory.Precinct> rows = new ArrayList<>();
        if (places.towns().size() == 1) {
            rows.addAll(dir.precincts(places.towns().get(0), query.ward(), query.precinct()));
        } else {
            // a place spanning towns: a ward or precinct number means nothing without the town
            places.towns().forEach(t -> rows.addAll(dir.precincts(t)));
        }
        Map<String, Set<DistrictMatch>> byChamber = new HashMap<>();
        for (TownDirectory.Precinct r : rows) {
            match("sldu", r.senate()).ifPresent(m -> byChamber.computeIfAbsent(m.chamber(), c -> new LinkedHashSet<>()).add(m));
            match("sldl", r.house()).ifPresent(m -> byChamber.computeIfAbsent(m.chamber(), c -> new LinkedHashSet<>()).add(m));
        }
        List<DistrictMatch> settled = new ArrayList<>();
        List<DistrictMatch> candidates = new ArrayList<>();
        for (String chamber : new TreeSet<>(byChamber.keySet()).descendingSet()) { // upper, then lower
            List<DistrictMatch> found = byChamber.get(chamber).stream().sorted(BY_NAME).toList();
            (found.size() == 1 ? settled : candidates).addAll(found);
        }
        context.logger().fine(() -> "town lookup: " + places.towns() + " from " + places.from() + " → "
                + settled.size() + " settled, " + candidates.size() + " candidates");
        // The town is also what the letter signs with, when the supporter gave only a ZIP code.
        return new LookupResult(settled, candidates, null, id(), places.towns().size() == 1 ? places.towns().get(0) : null);
    }

    private Places places(TownDirectory dir, LookupQuery q) {
        List<String> towns = dir.towns(q.town());
        if (!towns.isEmpty()) {
            return new Places(towns, "town");
        }
        if (hasText(q.postalCode())) {
            towns = townsOfZip(dir, q.postalCode());
            if (!towns.isEmpty()) {
                return new Places(towns, "postal code");
            }
        }
        if (hasText(q.address()) && !hasText(q.town()) && !hasText(q.postalCode())) {
            return fromAddress(dir, q.address());
        }
        return new Places(List.of(), "nothing");
    }

    /** "24 Beacon St, Boston, MA 02133": a ", Town" part wins over the ZIP, as the town field does. */
    private Places fromAddress(TownDirectory dir, String address) {
        String rest = address.strip();
        String zip = null;
        Matcher z = TRAILING_ZIP.matcher(rest);
        if (z.find()) {
            zip = z.group(1);
            rest = rest.substring(0, z.start());
        }
        rest = TRAILING_STATE.matcher(rest).replaceFirst("");
        String[] parts = rest.split(",");
        for (int i = parts.length - 1; i >= 1; i--) { // the first part is the street
            List<String> towns = dir.towns(TRAILING_STATE.matcher(parts[i]).replaceFirst(""));
            if (!towns.isEmpty()) {
                return new Places(towns, "address");
            }
        }
        return zip == null ? new Places(List.of(), "nothing") : new Places(townsOfZip(dir, zip), "address ZIP");
    }

    private List<String> townsOfZip(TownDirectory dir, String zip) {
        List<String> towns = dir.townsOfZip(zip);
        if (towns.isEmpty()) {
            dir.postalCode(zip).ifPresent(pc -> warnOnce("place:" + pc.city(), () -> "ZIP " + pc.zip() + ": postal city '"
                    + pc.city() + "' is neither a municipality nor in the village table (add it with villages.file)"));
        }
        return towns;
    }

    /** The host's division for a crosswalk district name, matched on the OCD slug of the name or of the id. */
    private Optional<DistrictMatch> match(String kind, String crosswalkName) {
        if (crosswalkName == null || crosswalkName.isBlank()) {
            return Optional.empty();
        }
        DistrictMatch m = divisions().byKey().get(kind + ":" + DistrictNames.slug(crosswalkName));
        if (m == null) {
            warnOnce(kind + ":" + crosswalkName, () -> "district '" + crosswalkName + "' (" + kind
                    + ") is not among the imported divisions; left out of answers");
        }
        return Optional.ofNullable(m);
    }

    private Divisions divisions() {
        Divisions d = divisions;
        Instant now = context.clock().instant();
        Duration refresh = Duration.ofMinutes(context.settings().getInt("refresh.minutes", 10));
        if (d != null && !d.byKey().isEmpty() && now.isBefore(d.at().plus(refresh))) {
            return d;
        }
        Map<String, DistrictMatch> byKey = new HashMap<>();
        for (String kind : List.of("sldu", "sldl")) {
            for (DivisionInfo div : context.targets().divisions(kind)) {
                String chamber = div.chamber() != null ? div.chamber() : kind.equals("sldu") ? "upper" : "lower";
                DistrictMatch m = new DistrictMatch(div.ocdId(), chamber, div.name());
                String tail = div.ocdId().substring(div.ocdId().lastIndexOf(':') + 1);
                byKey.putIfAbsent(kind + ":" + DistrictNames.slug(tail), m);
                if (div.name() != null) {
                    byKey.putIfAbsent(kind + ":" + DistrictNames.slug(div.name()), m);
                }
            }
        }
        if (byKey.isEmpty()) {
            warnOnce("no-divisions", () -> "no sldu/sldl divisions imported yet: town lookups answer nothing until they are");
        }
        Divisions fresh = new Divisions(Map.copyOf(byKey), now);
        divisions = fresh;
        return fresh;
    }

    /** The data, read on first use; a failure is thrown (and counted by the host) and retried on the next call. */
    TownDirectory directory() {
        TownDirectory d = directory;
        if (d != null) {
            return d;
        }
        synchronized (loadLock) {
            if (directory == null) {
                directory = load();
            }
            return directory;
        }
    }

    private TownDirectory load() {
        Optional<Path> ref = context.referenceData();
        Path crosswalk = file("crosswalk.file", ref, CROSSWALK)
                .orElseThrow(() -> new IllegalStateException("no precinct crosswalk: set chorus.plugin.town-lookup.crosswalk.file "
                        + "or platform.reference.data.dir (a folder with " + CROSSWALK + ")"));
        Path zips = file("zip.file", ref, ZIPS).orElse(null);
        if (zips == null) {
            context.logger().warning("No ZIP code file (zip.file or " + ZIPS + " in the reference data): answering towns only");
        }
        List<String> villages = new ArrayList<>(TownDirectory.builtInVillages());
        Optional<String> extra = context.settings().get("villages.file");
        try {
            if (extra.isPresent()) {
                villages.addAll(Files.readAllLines(Path.of(extra.get().strip()), StandardCharsets.UTF_8));
            }
            TownDirectory dir = TownDirectory.load(crosswalk, zips, villages);
            if (!dir.skippedVillages().isEmpty()) {
                List<String> skipped = dir.skippedVillages();
                context.logger().warning(skipped.size() + " village table entries name municipalities the crosswalk does not have"
                        + " and are left out, e.g. " + skipped.subList(0, Math.min(5, skipped.size())));
            }
            context.logger().info(() -> "Town lookup: " + dir.municipalities().size() + " municipalities from " + crosswalk
                    + ", " + dir.zips().size() + " ZIP codes" + (zips == null ? "" : " from " + zips));
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the town lookup data: " + e.getMessage(), e);
        }
    }

    /** A configured path (which must exist), else the file in the reference data folder if it is there. */
    private Optional<Path> file(String setting, Optional<Path> referenceData, String relative) {
        Optional<String> configured = context.settings().get(setting).map(String::strip).filter(s -> !s.isEmpty());
        if (configured.isPresent()) {
            Path p = Path.of(configured.get());
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException("chorus.plugin.town-lookup." + setting + ": no file at " + p.toAbsolutePath());
            }
            return Optional.of(p);
        }
        return referenceData.map(dir -> dir.resolve(relative)).filter(Files::isRegularFile);
    }

    private void warnOnce(String key, java.util.function.Supplier<String> message) {
        if (warned.add(key)) {
            context.logger().log(Level.WARNING, message);
        }
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    /** "Third Suffolk" before "8th Suffolk" before "10th Suffolk": by place, then by number. */
    static final Comparator<DistrictMatch> BY_NAME = Comparator
            .comparing((DistrictMatch m) -> placePart(m.name()))
            .thenComparingInt(m -> numberPart(m.name()))
            .thenComparing(DistrictMatch::ocdId);

    private static String placePart(String name) {
        return name == null ? "" : DistrictNames.slug(name).replaceFirst("^\\d+(st|nd|rd|th)_", "");
    }

    private static int numberPart(String name) {
        Matcher m = Pattern.compile("^(\\d+)(st|nd|rd|th)_").matcher(name == null ? "" : DistrictNames.slug(name));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
