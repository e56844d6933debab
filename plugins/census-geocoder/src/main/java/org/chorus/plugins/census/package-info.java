/**
 * The Census geocoder: a supporter's street address to a point and their state legislative districts through the
 * US Census Bureau's public geocoder ({@code geographies/onelineaddress}), with no key and no account.
 *
 * <p>Contract: the TIGER district ids the service returns ({@code 25D03}, {@code 25008}) are turned into the OCD
 * division ids the host imported through the openstates-geo crosswalk in the reference data, and named as the host
 * names them; only matches in the crosswalk's state (Massachusetts) count. An unknown address is an empty answer;
 * a slow, refused, failing or garbled service is {@code GeocoderUnavailableException}, so the host falls back to the
 * offline lookups and marks the result degraded. The JSON parser (jackson-core) is shaded and relocated into the
 * plugin jar; HTTP is the JDK's client.
 */
package org.chorus.plugins.census;
