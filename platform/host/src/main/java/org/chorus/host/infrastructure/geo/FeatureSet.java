package org.chorus.host.infrastructure.geo;

import java.util.List;

/**
 * The records of a boundary file and the CRS its coordinates are in.
 *
 * @param crs the declared CRS, or null when the file declares none (a shapefile without {@code .prj})
 */
public record FeatureSet(List<Feature> features, Crs crs) {

    public FeatureSet {
        features = List.copyOf(features);
    }
}
