package org.chorus.host.application.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.host.application.TargetFinderService;
import org.chorus.host.application.targets.DivisionImport;
import org.chorus.host.application.targets.ImportException;
import org.chorus.host.application.targets.ImportListener;
import org.chorus.host.application.targets.ImportSummary;
import org.chorus.host.application.targets.MassachusettsData;
import org.chorus.host.application.targets.TargetImport;
import org.chorus.host.domain.staff.StaffUser;
import org.chorus.host.domain.target.Target;
import org.chorus.host.domain.target.TargetRepository;
import org.chorus.host.domain.target.TargetStatus;
import org.chorus.host.infrastructure.openstates.OcdCrosswalk;
import org.chorus.host.infrastructure.persistence.Transactions;
import org.chorus.host.infrastructure.sources.SourceFetcher;

/**
 * Targets and their imports for the console: who campaigns write to (sitting and former legislators, vacant seats),
 * and running an import of legislators or district boundaries from a file or URL, with its summary. A local file
 * must lie under the reference data folder or the data folder's {@code imports/}: a staff form must not become a way
 * to read any file the server can.
 */
public final class TargetsAdmin {

    /** What an import reads: Open States people, or one chamber's district boundaries. */
    public enum Kind { LEGISLATORS, SENATE_DISTRICTS, HOUSE_DISTRICTS }

    public record Row(long id, String name, String title, String chamber, String party, String district, boolean sitting) {
    }

    public static final class InvalidSource extends RuntimeException {
        public InvalidSource(String message) {
            super(message);
        }
    }

    private final Transactions tx;
    private final TargetRepository targets;
    private final TargetFinderService finder;
    private final StaffSecurity staff;
    private final Clock clock;
    private final Path referenceData;
    private final Path importsDir;

    public TargetsAdmin(Transactions tx, TargetRepository targets, TargetFinderService finder, StaffSecurity staff,
                        Clock clock, Path referenceData, Path dataDir) {
        this.tx = tx;
        this.targets = targets;
        this.finder = finder;
        this.staff = staff;
        this.clock = clock;
        this.referenceData = referenceData;
        this.importsDir = dataDir.resolve("imports");
    }

    /** Targets whose name or district contains the query (case-insensitive), sitting first. */
    public List<Row> search(String query, boolean includeFormer) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        return tx.inTransaction(() -> targets.findAll().stream()
                .filter(t -> includeFormer || t.getStatus() == TargetStatus.SITTING)
                .map(TargetsAdmin::row)
                .filter(r -> q.isEmpty() || r.name().toLowerCase(Locale.ROOT).contains(q)
                        || r.district().toLowerCase(Locale.ROOT).contains(q))
                .sorted(java.util.Comparator.comparing((Row r) -> !r.sitting()).thenComparing(Row::name))
                .toList());
    }

    /** Divisions per kind (e.g. sldu → 40) and how many of them have no sitting target. */
    public Map<String, int[]> divisionCounts() {
        return tx.inTransaction(() -> {
            Map<String, int[]> out = new LinkedHashMap<>();
            for (String kind : List.of("sldu", "sldl")) {
                var divisions = targets.findDivisions(kind);
                int vacant = 0;
                for (var d : divisions) {
                    if (targets.findSittingByDivision(d.getOcdId()).isEmpty()) {
                        vacant++;
                    }
                }
                out.put(kind, new int[] {divisions.size(), vacant});
            }
            return out;
        });
    }

    /**
     * Runs one import and writes its summary to the audit log.
     *
     * @throws InvalidSource when the source is not allowed or the import refuses it (the message says why)
     */
    public ImportSummary runImport(StaffUser actor, Kind kind, String source) {
        String location = checkSource(source);
        OcdCrosswalk crosswalk;
        try {
            crosswalk = OcdCrosswalk.read(MassachusettsData.in(referenceData).crosswalk());
        } catch (IOException e) {
            throw new InvalidSource("The district crosswalk is missing from the reference data folder (" + referenceData
                    + "), so districts cannot be named: " + e.getMessage());
        }
        SourceFetcher fetcher = SourceFetcher.defaults();
        ImportSummary summary;
        try {
            summary = switch (kind) {
                case LEGISLATORS -> new TargetImport(tx, targets, fetcher, clock)
                        .importLegislators(location, TargetImport.Options.forJurisdiction(crosswalk), ImportListener.none());
                case SENATE_DISTRICTS -> new DivisionImport(tx, targets, fetcher, clock)
                        .importLayer(DivisionImport.Layer.of(location, "upper"), crosswalk, ImportListener.none());
                case HOUSE_DISTRICTS -> new DivisionImport(tx, targets, fetcher, clock)
                        .importLayer(DivisionImport.Layer.of(location, "lower"), crosswalk, ImportListener.none());
            };
        } catch (ImportException e) {
            throw new InvalidSource(e.getMessage());
        }
        finder.forgetTargets();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("source", location);
        after.put("created", summary.created().size());
        after.put("updated", summary.updated().size());
        after.put("unchanged", summary.unchanged().size());
        after.put("retired", summary.retired().size());
        after.put("rejected", summary.rejected().size());
        staff.audit(actor, "targets.import", kind.name().toLowerCase(Locale.ROOT), null, after);
        return summary;
    }

    /** An http(s) URL, or a file or folder under the reference data folder or {@code <data>/imports}. */
    String checkSource(String source) {
        String s = source == null ? "" : source.trim();
        if (s.isEmpty()) {
            throw new InvalidSource("Give the file, folder or URL to import from.");
        }
        if (SourceFetcher.isUrl(s)) {
            if (!s.startsWith("https://") && !s.startsWith("http://")) {
                throw new InvalidSource("Only http:// and https:// addresses can be imported.");
            }
            return s;
        }
        Path p;
        try {
            p = Path.of(s).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            throw new InvalidSource("That is not a file path: " + s);
        }
        List<Path> allowed = new ArrayList<>();
        for (Path root : List.of(referenceData, importsDir)) {
            try {
                if (Files.isDirectory(root)) {
                    allowed.add(root.toRealPath());
                }
            } catch (IOException ignored) {
                // an unreadable root allows nothing
            }
        }
        Path real;
        try {
            real = p.toRealPath();
        } catch (IOException e) {
            throw new InvalidSource("There is no file or folder at " + s + ".");
        }
        if (allowed.stream().noneMatch(real::startsWith)) {
            throw new InvalidSource("Files can only be imported from the reference data folder (" + referenceData
                    + ") or " + importsDir + ".");
        }
        return real.toString();
    }

    private static Row row(Target t) {
        var d = t.getDivision();
        return new Row(t.getId(), t.getName(), t.getTitle() == null ? "" : t.getTitle(),
                t.getChamber() == null ? "" : t.getChamber(), t.getParty() == null ? "" : t.getParty(),
                d == null ? "" : d.getName(), t.getStatus() == TargetStatus.SITTING);
    }
}
