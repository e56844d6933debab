package org.chorus.host.application.targets;

import org.chorus.kit.DistrictNames;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.chorus.host.application.targets.ImportListener.Outcome;
import org.chorus.host.application.targets.ImportListener.Progress;
import org.chorus.host.domain.target.Division;
import org.chorus.host.domain.target.Target;
import org.chorus.host.domain.target.TargetRepository;
import org.chorus.host.domain.target.TargetStatus;
import org.chorus.host.infrastructure.json.Json;
import org.chorus.host.infrastructure.openstates.OcdCrosswalk;
import org.chorus.host.infrastructure.openstates.OpenStatesPeople;
import org.chorus.host.infrastructure.openstates.OpenStatesPeople.Legislator;
import org.chorus.host.infrastructure.persistence.Transactions;
import org.chorus.host.infrastructure.sources.SourceFetcher;

/**
 * Keeps the legislators campaigns write to in step with Open States, the public, maintained record of who sits
 * where. Legislators change between sessions and mid-session (special elections, a representative moving to the
 * Senate, a resignation), so the import is meant to be re-run whenever the source changes: it upserts by Open
 * States person id, reports each person as created, updated, unchanged or rejected, and marks people who are no
 * longer in the source RETIRED instead of deleting them, because letters already sent and scorecards still refer
 * to them. Each legislator is linked to the division of their district by name, so {@link DivisionImport} must
 * have run first. A run is one unit of work that applies completely or not at all, and it refuses to retire most
 * sitting legislators at once, which is what a truncated or wrong file would otherwise do. Sources (see
 * {@link OpenStatesPeople}): a folder of Open States people YAML, an Open States people CSV or the derived flat
 * CSV, each as a local path or an http(s) URL, or a zip of either.
 */
public class TargetImport {

    private static final Logger LOG = Logger.getLogger(TargetImport.class.getName());

    /** {@code target.kind} of the legislators this import manages. */
    public static final String KIND = "legislator";

    /**
     * @param divisionPrefix  the jurisdiction, e.g. {@code ocd-division/country:us/state:ma}: legislators are linked
     *                        to divisions below it, and only sitting legislators there can be retired
     * @param maxRetiredShare the largest share of the sitting legislators one run may retire before it refuses
     */
    public record Options(String divisionPrefix, double maxRetiredShare) {

        public Options {
            Objects.requireNonNull(divisionPrefix, "divisionPrefix");
            divisionPrefix = divisionPrefix.endsWith("/") ? divisionPrefix.substring(0, divisionPrefix.length() - 1) : divisionPrefix;
        }

        /** Refuses to retire more than half of the sitting legislators in one run. */
        public static Options forJurisdiction(String divisionPrefix) {
            return new Options(divisionPrefix, 0.5);
        }

        public static Options forJurisdiction(OcdCrosswalk crosswalk) {
            return forJurisdiction(crosswalk.prefix());
        }

        /** For a real turnover (or a deliberate clear-out): no limit on retirements. */
        public Options allowingMassRetirement() {
            return new Options(divisionPrefix, 1.0);
        }
    }

    private final Transactions tx;
    private final TargetRepository targets;
    private final SourceFetcher fetcher;
    private final Clock clock;

    public TargetImport(Transactions tx, TargetRepository targets, SourceFetcher fetcher, Clock clock) {
        this.tx = tx;
        this.targets = targets;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /**
     * Imports the legislators of a source.
     *
     * @param source path or http(s) URL of a YAML folder, a CSV or a zip of either
     * @throws ImportException when the source cannot be read or used as a whole; nothing was changed then
     */
    public ImportSummary importLegislators(String source, Options options, ImportListener listener) {
        long t0 = System.nanoTime();
        OpenStatesPeople.Batch batch;
        String label;
        try (SourceFetcher.Fetched fetched = fetcher.fetch(source)) {
            label = fetched.label();
            batch = read(fetched);
        } catch (IOException e) {
            throw new ImportException("cannot read legislators from " + source + ": " + e.getMessage(), e);
        }
        ImportSummary summary = tx.inTransaction(() -> apply(batch, label, options, listener, t0));
        LOG.info(summary::toString);
        return summary;
    }

    private OpenStatesPeople.Batch read(SourceFetcher.Fetched fetched) throws IOException {
        Path path = fetched.path();
        LocalDate today = LocalDate.now(clock);
        if (Files.isRegularFile(path)) {
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv")) {
                return OpenStatesPeople.readCsv(path);
            }
            if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                return OpenStatesPeople.readYamlFiles(List.of(path), today);
            }
            throw new IOException(path.getFileName() + ": not a .csv, .yml or .zip file");
        }
        List<Path> all;
        try (Stream<Path> s = Files.walk(path, fetched.unzipped() ? 8 : 1)) {
            all = s.filter(Files::isRegularFile).sorted().toList();
        }
        List<Path> yaml = all.stream().filter(p -> p.getFileName().toString().matches("(?i).*\\.ya?ml$")).toList();
        Set<Path> folders = yaml.stream().map(Path::getParent).collect(Collectors.toCollection(LinkedHashSet::new));
        if (folders.size() == 1) {
            return OpenStatesPeople.readYamlFiles(yaml, today);
        }
        if (folders.size() > 1) {
            throw new IOException("YAML files in several folders (" + folders.stream().map(f -> path.relativize(f).toString())
                    .collect(Collectors.joining(", ")) + "): give the folder of one legislature");
        }
        List<Path> csv = all.stream().filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).toList();
        if (csv.size() == 1) {
            return OpenStatesPeople.readCsv(csv.get(0));
        }
        throw new IOException(csv.isEmpty() ? "no .yml or .csv files in " + fetched.label()
                : "several CSV files in " + fetched.label() + ": give one");
    }

    private ImportSummary apply(OpenStatesPeople.Batch batch, String label, Options options, ImportListener listener,
                                long t0) {
        Instant now = clock.instant();
        String scope = options.divisionPrefix() + "/";
        Map<String, Map<String, Division>> divisions = new HashMap<>();
        for (String chamber : List.of("upper", "lower")) {
            Map<String, Division> bySlug = new HashMap<>();
            for (Division d : targets.findDivisions(OcdCrosswalk.kind(chamber))) {
                if (d.getOcdId().startsWith(scope)) {
                    bySlug.put(DistrictNames.slug(d.getName()), d);
                }
            }
            divisions.put(chamber, bySlug);
        }
        if (divisions.values().stream().allMatch(Map::isEmpty)) {
            throw new ImportException("no districts under " + options.divisionPrefix()
                    + " to link legislators to: import the divisions first");
        }

        // Settle every record before writing, so the retirement check sees the whole run.
        List<ImportSummary.Rejection> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Legislator> accepted = new ArrayList<>();
        List<Division> acceptedDivisions = new ArrayList<>();
        for (OpenStatesPeople.Rejected r : batch.rejected()) {
            rejected.add(new ImportSummary.Rejection(r.location(), r.reason()));
            if (r.id() != null) {
                seen.add(r.id());
            }
        }
        Map<String, String> firstSeenAt = new HashMap<>();
        for (Legislator l : batch.legislators()) {
            String first = firstSeenAt.putIfAbsent(l.id(), l.location());
            seen.add(l.id());
            if (first != null) {
                rejected.add(new ImportSummary.Rejection(l.location(), l.id() + " appears again (first at " + first + ")"));
                continue;
            }
            Division d = divisions.get(l.chamber()).get(DistrictNames.slug(l.district()));
            if (d == null) {
                rejected.add(new ImportSummary.Rejection(l.location(), "no " + OcdCrosswalk.kind(l.chamber())
                        + " district '" + l.district() + "' under " + options.divisionPrefix()));
                continue;
            }
            accepted.add(l);
            acceptedDivisions.add(d);
        }
        if (accepted.isEmpty()) {
            throw new ImportException(label + ": no usable legislators (" + rejected.size() + " rejected"
                    + (rejected.isEmpty() ? "" : ", first: " + rejected.get(0)) + ")");
        }
        List<Target> sitting = targets.findSitting().stream()
                .filter(t -> KIND.equals(t.getKind()) && t.getDivision() != null && t.getDivision().getOcdId().startsWith(scope))
                .toList();
        List<Target> leaving = sitting.stream().filter(t -> !seen.contains(t.getExternalId())).toList();
        if (!leaving.isEmpty() && leaving.size() > options.maxRetiredShare() * sitting.size()) {
            throw new ImportException(label + " would retire " + leaving.size() + " of " + sitting.size()
                    + " sitting legislators: refusing, as a truncated or wrong file looks like this. If the turnover is"
                    + " real, run with Options.allowingMassRetirement()");
        }

        int total = batch.rejected().size() + batch.legislators().size() + leaving.size();
        int[] done = {0};
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> retired = new ArrayList<>();
        for (ImportSummary.Rejection r : rejected) {
            listener.progress(new Progress(++done[0], total, Outcome.REJECTED, r.location(), r.reason()));
        }
        // One query for all, not one per legislator: each query in a unit of work with pending inserts flushes first.
        Map<String, Target> existing = new HashMap<>();
        for (Target t : targets.findAll()) {
            existing.put(t.getExternalId(), t);
        }
        for (int i = 0; i < accepted.size(); i++) {
            Legislator l = accepted.get(i);
            Division d = acceptedDivisions.get(i);
            String where = truncate(where(label, l.location()), 500);
            Target t = existing.get(l.id());
            Outcome outcome;
            if (t == null) {
                t = new Target(l.id(), KIND, l.name(), now);
                update(t, l, d);
                t.setSource(where);
                targets.add(t);
                outcome = Outcome.CREATED;
                created.add(l.id());
            } else if (!KIND.equals(t.getKind())) {
                String reason = l.id() + " already names a target of kind '" + t.getKind() + "'";
                rejected.add(new ImportSummary.Rejection(l.location(), reason));
                listener.progress(new Progress(++done[0], total, Outcome.REJECTED, l.location(), reason));
                continue;
            } else if (update(t, l, d)) {
                t.setUpdatedAt(now);
                t.setSource(where);
                outcome = Outcome.UPDATED;
                updated.add(l.id());
            } else {
                outcome = Outcome.UNCHANGED;
                unchanged.add(l.id());
            }
            listener.progress(new Progress(++done[0], total, outcome, l.id(), null));
        }
        for (Target t : leaving) {
            t.setStatus(TargetStatus.RETIRED);
            t.setUpdatedAt(now);
            retired.add(t.getExternalId());
            listener.progress(new Progress(++done[0], total, Outcome.RETIRED, t.getExternalId(), null));
        }
        return new ImportSummary(label, created, updated, unchanged, retired, List.of(), rejected,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    /** Copies the source's facts onto the target; whether anything changed. */
    private static boolean update(Target t, Legislator l, Division d) {
        boolean changed = false;
        changed |= set(t.getName(), l.name(), t::setName);
        changed |= set(t.getGivenName(), l.givenName(), t::setGivenName);
        changed |= set(t.getFamilyName(), l.familyName(), t::setFamilyName);
        changed |= set(t.getTitle(), title(l.chamber()), t::setTitle);
        changed |= set(t.getChamber(), l.chamber(), t::setChamber);
        changed |= set(t.getParty(), l.party(), t::setParty);
        changed |= set(t.getEmail(), l.email(), t::setEmail);
        changed |= set(t.getPhone(), l.phone(), t::setPhone);
        changed |= set(t.getPhotoUrl(), l.photoUrl(), t::setPhotoUrl);
        changed |= set(t.getDataJson(), dataJson(t.getDataJson(), l.extras()), t::setDataJson);
        if (t.getDivision() == null || !Objects.equals(t.getDivision().getId(), d.getId())) {
            t.setDivision(d);
            changed = true;
        }
        if (t.getStatus() != TargetStatus.SITTING) {
            t.setStatus(TargetStatus.SITTING); // back in office, e.g. re-elected after a break
            changed = true;
        }
        return changed;
    }

    private static boolean set(String current, String value, java.util.function.Consumer<String> setter) {
        if (Objects.equals(current, value)) {
            return false;
        }
        setter.accept(value);
        return true;
    }

    /** The salutation title by chamber: a state senator is "Senator", a state representative "Representative". */
    public static String title(String chamber) {
        return "upper".equals(chamber) ? "Senator" : "Representative";
    }

    /**
     * The stored extras with the source's overlaid: a fact the source's format does not carry (no key) keeps its
     * stored value, so switching from YAML to the Open States CSV does not drop member codes.
     */
    private static String dataJson(String stored, Map<String, String> extras) {
        Map<String, Object> merged = new TreeMap<>(Json.readObject(stored));
        extras.forEach((k, v) -> {
            if (v == null) {
                merged.remove(k);
            } else {
                merged.put(k, v);
            }
        });
        return merged.isEmpty() ? null : Json.write(merged);
    }

    /** Where a record came from: {@code …/legislators_flat.csv:17}, {@code …/openstates-people-ma-legislature/X.yml}. */
    private static String where(String label, String location) {
        int colon = location.lastIndexOf(':');
        String file = colon > 0 ? location.substring(0, colon) : location;
        return label.endsWith(file) ? label + location.substring(file.length()) : label + "/" + location;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
