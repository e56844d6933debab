package org.chorus.plugins.boundaries;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import org.chorus.api.DivisionInfo;
import org.chorus.api.PluginContext;
import org.chorus.api.lookup.LookupQuery;
import org.chorus.api.lookup.LookupResult;
import org.chorus.api.lookup.TargetLookup;
import org.pf4j.Extension;

/**
 * Point → districts. Settings ({@code chorus.plugin.district-boundaries.*}): {@code kinds} (division kinds to
 * index, default {@code sldu,sldl}), {@code tolerance.metres} (how far outside every polygon a point may be and still
 * take the nearest district, default 100), {@code refresh.minutes} (index age before a rebuild, default 10).
 */
@Extension
public class BoundariesLookup implements TargetLookup {

    private record Built(DistrictIndex index, Instant at) {
    }

    private final PluginContext context;
    private final AtomicReference<Built> built = new AtomicReference<>();
    private final Object rebuildLock = new Object();

    public BoundariesLookup(PluginContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return "boundaries";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public boolean accepts(LookupQuery query) {
        return query.point() != null;
    }

    @Override
    public LookupResult lookup(LookupQuery query) {
        return index().lookup(query.point());
    }

    /** The current index; a stale one keeps serving while one caller rebuilds it. */
    DistrictIndex index() {
        Built b = built.get();
        Duration refresh = Duration.ofMinutes(context.settings().getInt("refresh.minutes", 10));
        Instant now = context.clock().instant();
        if (b != null && now.isBefore(b.at().plus(refresh))) {
            return b.index();
        }
        synchronized (rebuildLock) {
            b = built.get();
            if (b != null && now.isBefore(b.at().plus(refresh))) {
                return b.index();
            }
            try {
                Built fresh = new Built(build(), now);
                built.set(fresh);
                return fresh.index();
            } catch (RuntimeException e) {
                if (b != null) {
                    context.logger().log(Level.WARNING, "Rebuilding the district index failed; keeping the old one", e);
                    return b.index();
                }
                throw e;
            }
        }
    }

    private DistrictIndex build() {
        List<DistrictIndex.District> districts = new ArrayList<>();
        for (String kind : context.settings().get("kinds", "sldu,sldl").split("\\s*,\\s*")) {
            for (DivisionInfo d : context.targets().divisions(kind)) {
                if (d.geometryWkt() != null && !d.geometryWkt().isBlank()) {
                    districts.add(DistrictIndex.District.of(d));
                }
            }
        }
        DistrictIndex.Options options = DistrictIndex.Options.defaults()
                .withToleranceMetres(Double.parseDouble(context.settings().get("tolerance.metres", "100")))
                .withSource(id());
        DistrictIndex index = DistrictIndex.build(districts, options);
        context.logger().info(() -> "District index built over " + districts.size() + " districts");
        return index;
    }
}
