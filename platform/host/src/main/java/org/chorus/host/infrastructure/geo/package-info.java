/**
 * Boundary files: GeoJSON and polygon shapefiles read into {@link org.chorus.host.infrastructure.geo.Feature}s,
 * and coordinate reference systems with the way to WGS84 ({@link org.chorus.host.infrastructure.geo.Crs}).
 *
 * <p>Contract: readers return geometry in the file's own CRS and never guess a missing one; every problem
 * surfaces as an {@link java.io.IOException} or {@link IllegalArgumentException} naming the file and the record.
 * Geometry is JTS; nothing here knows of divisions, the database or HTTP.
 */
package org.chorus.host.infrastructure.geo;
