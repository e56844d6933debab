package org.chorus.host.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.chorus.api.TargetInfo;
import org.chorus.api.lookup.DistrictMatch;
import org.chorus.api.lookup.FoundTargets;
import org.chorus.api.lookup.Geocoder;
import org.chorus.api.lookup.LookupQuery;
import org.chorus.api.lookup.LookupResult;
import org.chorus.api.lookup.TargetFinder;
import org.chorus.api.lookup.TargetLookup;
import org.chorus.api.stance.Stance;
import org.chorus.api.stance.StanceProvider;
import org.chorus.api.stance.Stances;
import org.chorus.host.domain.target.TargetRepository;
import org.chorus.host.infrastructure.persistence.Transactions;
import org.chorus.host.infrastructure.plugins.PluginFailure;
import org.chorus.host.infrastructure.plugins.PluginRuntime;

/**
 * "Who represents this supporter?": a street address goes to a geocoder first (falling back to the other
 * lookups when it is down), then lookups answer in priority order until one finds something; the districts are
 * resolved to sitting targets, cached briefly because every action asks for the same few hundred.
 */
public class TargetFinderService implements TargetFinder, Stances {

    private static final Logger LOG = Logger.getLogger(TargetFinderService.class.getName());
    static final Duration TARGET_CACHE_TTL = Duration.ofSeconds(60);

    private final Supplier<PluginRuntime> plugins;
    private final Transactions tx;
    private final TargetRepository targets;
    private final Clock clock;
    private final Map<String, Cached> sitting = new ConcurrentHashMap<>();

    private record Cached(List<TargetInfo> targets, Instant until) {
    }

    public TargetFinderService(Supplier<PluginRuntime> plugins, Transactions tx, TargetRepository targets, Clock clock) {
        this.plugins = plugins;
        this.tx = tx;
        this.targets = targets;
        this.clock = clock;
    }

    /**
     * For the privacy notice: message keys of the geocoders in service that send an address to an outside service
     * (e.g. the US Census Bureau), as each plugin words it.
     */
    public List<String> privacyNoticeKeys() {
        PluginRuntime runtime = plugins.get();
        List<String> keys = new java.util.ArrayList<>();
        for (var g : runtime.extensions(Geocoder.class)) {
            try {
                runtime.invoker().call(g.pluginId(), "Geocoder.privacyNoticeKey", () -> g.extension().privacyNoticeKey())
                        .ifPresent(keys::add);
            } catch (org.chorus.host.infrastructure.plugins.PluginFailure e) {
                // a geocoder that fails here fails its lookups too, and sends nothing anywhere
            }
        }
        return keys;
    }

    @Override
    public FoundTargets find(LookupQuery query) {
        PluginRuntime runtime = plugins.get();
        boolean degraded = false;
        LookupQuery q = query;
        if (query.address() != null && !query.address().isBlank() && query.point() == null) {
            for (var g : runtime.extensions(Geocoder.class)) {
                String address = fullAddress(query);
                Object answer;
                try {
                    // "Unavailable" is the service's state, not a plugin crash: returned, not thrown, so the
                    // invoker does not count it against the plugin.
                    answer = runtime.invoker().call(g.pluginId(), "Geocoder.geocode", () -> {
                        try {
                            return g.extension().geocode(address);
                        } catch (Geocoder.GeocoderUnavailableException e) {
                            return e;
                        }
                    });
                } catch (PluginFailure e) {
                    degraded = true;
                    continue;
                }
                if (answer instanceof Geocoder.GeocoderUnavailableException down) {
                    LOG.warning("Geocoder '" + g.pluginId() + "' unavailable, falling back to other lookups: " + down.getMessage());
                    degraded = true;
                    continue;
                }
                @SuppressWarnings("unchecked")
                Optional<LookupResult> geocoded = (Optional<LookupResult>) answer;
                if (geocoded.isPresent()) {
                    LookupResult r = geocoded.get();
                    if (!r.districts().isEmpty() || !r.candidates().isEmpty()) {
                        if (r.point() != null) {
                            // A geocoder may know one chamber only: the other comes from the point.
                            r = fillMissingChambers(r, runtime, new LookupQuery(r.point(), null, null, null, null, null));
                        }
                        return resolve(r, degraded);
                    }
                    if (r.point() != null) {
                        q = new LookupQuery(r.point(), query.address(), query.postalCode(), query.town(), query.ward(), query.precinct());
                        break;
                    }
                }
            }
        }
        List<PluginRuntime.Contributed<TargetLookup>> lookups = new ArrayList<>(runtime.extensions(TargetLookup.class));
        lookups.sort(Comparator.comparingInt(l -> priority(runtime, l)));
        for (var l : lookups) {
            LookupQuery current = q;
            try {
                boolean accepts = runtime.invoker().call(l.pluginId(), "TargetLookup.accepts", () -> l.extension().accepts(current));
                if (!accepts) {
                    continue;
                }
                LookupResult r = runtime.invoker().call(l.pluginId(), "TargetLookup.lookup", () -> l.extension().lookup(current));
                if (r != null && !r.isEmpty()) {
                    return resolve(r.point() == null && current.point() != null
                            ? new LookupResult(r.districts(), r.candidates(), current.point(), r.source(), r.place()) : r, degraded);
                }
            } catch (PluginFailure e) {
                degraded = true;
            }
        }
        return new FoundTargets(List.of(), List.of(), q.point(), "none", degraded, null);
    }

    private LookupResult fillMissingChambers(LookupResult r, PluginRuntime runtime, LookupQuery byPoint) {
        java.util.Set<String> have = new java.util.HashSet<>();
        r.districts().forEach(d -> have.add(d.chamber()));
        r.candidates().forEach(d -> have.add(d.chamber()));
        for (var l : runtime.extensions(TargetLookup.class)) {
            try {
                if (!runtime.invoker().call(l.pluginId(), "TargetLookup.accepts", () -> l.extension().accepts(byPoint))) {
                    continue;
                }
                LookupResult more = runtime.invoker().call(l.pluginId(), "TargetLookup.lookup", () -> l.extension().lookup(byPoint));
                if (more == null || more.isEmpty()) {
                    continue;
                }
                List<DistrictMatch> districts = new ArrayList<>(r.districts());
                List<DistrictMatch> candidates = new ArrayList<>(r.candidates());
                more.districts().stream().filter(d -> !have.contains(d.chamber())).forEach(districts::add);
                more.candidates().stream().filter(d -> !have.contains(d.chamber())).forEach(candidates::add);
                return new LookupResult(districts, candidates, r.point(), r.source(), r.place());
            } catch (PluginFailure e) {
                // try the next lookup
            }
        }
        return r;
    }

    private static int priority(PluginRuntime runtime, PluginRuntime.Contributed<TargetLookup> l) {
        try {
            return runtime.invoker().call(l.pluginId(), "TargetLookup.priority", l.extension()::priority);
        } catch (PluginFailure e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String fullAddress(LookupQuery q) {
        StringBuilder b = new StringBuilder(q.address().trim());
        if (q.town() != null && !q.town().isBlank() && !q.address().toLowerCase().contains(q.town().toLowerCase())) {
            b.append(", ").append(q.town().trim());
        }
        if (q.postalCode() != null && !q.postalCode().isBlank() && !q.address().contains(q.postalCode().trim())) {
            b.append(", MA ").append(q.postalCode().trim());
        }
        return b.toString();
    }

    private FoundTargets resolve(LookupResult r, boolean degraded) {
        return new FoundTargets(r.districts().stream().map(this::district).toList(),
                r.candidates().stream().map(this::district).toList(), r.point(), r.source(), degraded, r.place());
    }

    private FoundTargets.District district(DistrictMatch m) {
        return new FoundTargets.District(m, sittingFor(m.ocdId()));
    }

    /** Sitting targets of a division, cached for {@link #TARGET_CACHE_TTL}. */
    public List<TargetInfo> sittingFor(String ocdId) {
        Instant now = clock.instant();
        Cached c = sitting.get(ocdId);
        if (c != null && now.isBefore(c.until())) {
            return c.targets();
        }
        List<TargetInfo> fresh = tx.inTransaction(() -> targets.findSittingByDivision(ocdId).stream()
                .map(HostPluginContext::target).toList());
        sitting.put(ocdId, new Cached(fresh, now.plus(TARGET_CACHE_TTL)));
        return fresh;
    }

    /** After an import: the next lookup reads the new targets. */
    public void forgetTargets() {
        sitting.clear();
    }

    @Override
    public Stance stance(String targetExternalId, String bill) {
        PluginRuntime runtime = plugins.get();
        for (var p : runtime.extensions(StanceProvider.class)) {
            try {
                Stance s = runtime.invoker().call(p.pluginId(), "StanceProvider.stance",
                        () -> p.extension().stance(targetExternalId, bill));
                if (s != null && s != Stance.UNKNOWN) {
                    return s;
                }
            } catch (PluginFailure e) {
                // counted against the plugin; the letter falls back to the unknown-stance variant
            }
        }
        return Stance.UNKNOWN;
    }
}
