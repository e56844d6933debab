/**
 * The Chorus plugin API: the only thing a plugin compiles against (with PF4J, both {@code provided}).
 *
 * <p>Contract: extension point interfaces and plain, immutable value types. Nothing here may
 * reference JPA, CDI, JAX-RS, Payara or any host class, so a plugin built against version
 * {@code 1.x} keeps working with every host that implements {@code 1.x}. The API is semantically
 * versioned ({@link org.chorus.api.ApiVersion}); plugins declare the range they need in the
 * {@code Plugin-Requires} manifest entry and the host refuses plugins outside it.
 *
 * <p>Extension points: {@link org.chorus.api.action.ActionType} (something a supporter does on a
 * campaign page), {@link org.chorus.api.lookup.TargetLookup} and {@link org.chorus.api.lookup.Geocoder}
 * (finding a supporter's targets), {@link org.chorus.api.stance.StanceProvider} (where a target stands
 * on a bill), {@link org.chorus.api.web.PluginRoutes} (pages and JSON under {@code /plugins/{id}/}) and
 * {@link org.chorus.api.event.CampaignEventListener}. An extension receives the host services it may use
 * through a {@link org.chorus.api.PluginContext} constructor argument.
 */
package org.chorus.api;
