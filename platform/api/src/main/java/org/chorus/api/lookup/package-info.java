/**
 * Finding a supporter's targets: {@link org.chorus.api.lookup.TargetLookup} turns a location, an address, a
 * town or a ZIP code into the divisions (districts) that contain it; {@link org.chorus.api.lookup.Geocoder}
 * turns an address into a point or districts. The host asks every enabled lookup in turn and resolves the
 * divisions to sitting targets itself.
 */
package org.chorus.api.lookup;
