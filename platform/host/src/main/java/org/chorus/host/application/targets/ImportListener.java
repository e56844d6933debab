package org.chorus.host.application.targets;

/**
 * Follows an import as it goes, e.g. to log or to show a progress bar. Called on the importing thread inside its
 * unit of work: keep it quick, and know that an exception thrown here aborts the import and rolls it back.
 */
@FunctionalInterface
public interface ImportListener {

    enum Outcome { CREATED, UPDATED, UNCHANGED, RETIRED, STALE, REJECTED }

    /**
     * @param done   items handled so far, this one included
     * @param total  items the import will handle (records read plus retirements)
     * @param item   external id, OCD id or, for a rejection, the location
     * @param detail the rejection reason, else null
     */
    record Progress(int done, int total, Outcome outcome, String item, String detail) {
    }

    void progress(Progress progress);

    static ImportListener none() {
        return p -> { };
    }
}
