package org.chorus.api.lookup;

import org.pf4j.ExtensionPoint;

/** Finds the divisions a supporter lives in. */
public interface TargetLookup extends ExtensionPoint {

    /** Short id shown in results, e.g. {@code boundaries}. */
    String id();

    /** Lower runs first; the host stops at the first non-empty result. */
    default int priority() {
        return 100;
    }

    /** Whether this lookup can say anything about the query (e.g. it needs a point). */
    boolean accepts(LookupQuery query);

    /** The divisions, or {@link LookupResult#none} when it found nothing. */
    LookupResult lookup(LookupQuery query);
}
