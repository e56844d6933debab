/**
 * The district-boundaries lookup: a point (e.g. from "use my location" or a geocoder) to the districts that
 * contain it, through a JTS STRtree over prepared polygons built from the divisions the host imported.
 *
 * <p>Contract: pure computation over {@link org.chorus.api.DivisionInfo} WKT (WGS84); the index is rebuilt when it
 * is older than the configured refresh interval, so a new import is picked up without a restart.
 */
package org.chorus.plugins.boundaries;
