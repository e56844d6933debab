package org.chorus.plugins.petitions;

import java.util.HashMap;
import java.util.Map;
import org.chorus.api.lookup.FoundTargets;
import org.chorus.api.lookup.LookupQuery;
import org.chorus.api.lookup.TargetFinder;

/**
 * Places signers in a target's district through the host's lookups, from the town or ZIP code they signed with
 * (the same offline town lookup the letters use). One lookup per distinct town and ZIP code per delivery.
 */
final class Constituency {

    /** Where a signer stands with respect to a district. */
    enum Place {
        /** The lookup settles the signer in the district. */
        IN,
        /** The signer's town is split and the district is one of its parts. */
        MAYBE,
        /** Elsewhere, or unknown. */
        OUT
    }

    private final TargetFinder finder;
    private final Map<String, FoundTargets> found = new HashMap<>();

    Constituency(TargetFinder finder) {
        this.finder = finder;
    }

    Place of(Signature s, String divisionOcdId) {
        if (divisionOcdId == null || s.deleted() || (s.town().isBlank() && s.postalCode().isBlank())) {
            return Place.OUT;
        }
        FoundTargets f = found.computeIfAbsent(s.town() + "|" + s.postalCode(), k -> lookup(s));
        if (f == null) {
            return Place.OUT;
        }
        if (f.districts().stream().anyMatch(d -> divisionOcdId.equals(d.match().ocdId()))) {
            return Place.IN;
        }
        if (f.candidates().stream().anyMatch(d -> divisionOcdId.equals(d.match().ocdId()))) {
            return Place.MAYBE;
        }
        return Place.OUT;
    }

    private FoundTargets lookup(Signature s) {
        try {
            return finder.find(new LookupQuery(null, null, blankToNull(s.postalCode()), blankToNull(s.town()), null, null));
        } catch (RuntimeException e) {
            return null; // a lookup that fails leaves the signer unplaced, never the delivery undone
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
