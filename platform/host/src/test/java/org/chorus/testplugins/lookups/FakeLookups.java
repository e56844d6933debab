package org.chorus.testplugins.lookups;

import java.util.List;
import org.chorus.api.lookup.DistrictMatch;
import org.chorus.api.lookup.LookupQuery;
import org.chorus.api.lookup.LookupResult;
import org.chorus.api.lookup.TargetLookup;
import org.pf4j.Extension;

/** Two lookups: any point → both chambers; the town "Splitville" → two House candidates. */
public final class FakeLookups {

    private FakeLookups() {
    }

    @Extension
    public static class ByPoint implements TargetLookup {
        @Override
        public String id() {
            return "fake-point";
        }

        @Override
        public int priority() {
            return 10;
        }

        @Override
        public boolean accepts(LookupQuery q) {
            return q.point() != null;
        }

        @Override
        public LookupResult lookup(LookupQuery q) {
            return new LookupResult(List.of(new DistrictMatch("ocd-division/test/sldu:u2", "upper", "Upper Two"),
                    new DistrictMatch("ocd-division/test/sldl:l2", "lower", "Lower Two")), List.of(), q.point(), id());
        }
    }

    @Extension
    public static class ByTown implements TargetLookup {
        @Override
        public String id() {
            return "fake-town";
        }

        @Override
        public int priority() {
            return 50;
        }

        @Override
        public boolean accepts(LookupQuery q) {
            return q.town() != null;
        }

        @Override
        public LookupResult lookup(LookupQuery q) {
            if (!"Splitville".equals(q.town())) {
                return LookupResult.none(id());
            }
            return new LookupResult(List.of(new DistrictMatch("ocd-division/test/sldu:u3", "upper", "Upper Three")),
                    List.of(new DistrictMatch("ocd-division/test/sldl:l3a", "lower", "Lower Three A"),
                            new DistrictMatch("ocd-division/test/sldl:l3b", "lower", "Lower Three B")), null, id(), "Splitville");
        }
    }
}
