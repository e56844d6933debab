package org.chorus.api.lookup;

/**
 * The host's answer to "who represents this supporter": it asks every installed {@link TargetLookup} (and
 * {@link Geocoder} for street addresses) in priority order and resolves the districts to sitting targets.
 * Action types use it through {@link org.chorus.api.PluginContext#targetFinder()}.
 */
public interface TargetFinder {

    FoundTargets find(LookupQuery query);
}
