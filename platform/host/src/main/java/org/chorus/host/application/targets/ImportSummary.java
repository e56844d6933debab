package org.chorus.host.application.targets;

import java.time.Duration;
import java.util.List;

/**
 * What an import did, item by item (external ids for targets, OCD ids for divisions).
 *
 * @param source    the data source as given (path or URL)
 * @param retired   targets no longer in the source, now {@code RETIRED} (never deleted)
 * @param stale     divisions in the store but not in the source; left as they are, because a division has no
 *                  status and targets (retired ones too) still refer to it. Empty for target imports.
 * @param rejected  records not imported, each with where it is in the source and why
 */
public record ImportSummary(String source, List<String> created, List<String> updated, List<String> unchanged,
                            List<String> retired, List<String> stale, List<Rejection> rejected, Duration took) {

    /**
     * @param location file, file:line or file feature n
     */
    public record Rejection(String location, String reason) {
        @Override
        public String toString() {
            return location + ": " + reason;
        }
    }

    public ImportSummary {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        unchanged = List.copyOf(unchanged);
        retired = List.copyOf(retired);
        stale = List.copyOf(stale);
        rejected = List.copyOf(rejected);
    }

    /** Whether the store changed. */
    public boolean changedAnything() {
        return !created.isEmpty() || !updated.isEmpty() || !retired.isEmpty();
    }

    @Override
    public String toString() {
        return source + ": created " + created.size() + ", updated " + updated.size() + ", unchanged "
                + unchanged.size() + ", retired " + retired.size() + (stale.isEmpty() ? "" : ", stale " + stale.size())
                + ", rejected " + rejected.size() + " in " + took.toMillis() + " ms";
    }
}
