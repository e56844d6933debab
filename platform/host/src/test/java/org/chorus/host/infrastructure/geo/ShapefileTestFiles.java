package org.chorus.host.infrastructure.geo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chorus.host.testsupport.SharedData;
import org.locationtech.jts.geom.Geometry;

/**
 * The real Senate districts as a MassGIS shapefile would hold them, built in a temporary folder: polygons from
 * senate2021.geojson (EPSG:26986) in the record order of the real SENATE2021_POLY.dbf, that .dbf, and the real
 * HOUSE2021_POLY.prj (the same CRS; the Senate .prj was not kept). The real .shp is not in the data folder.
 */
public final class ShapefileTestFiles {

    private ShapefileTestFiles() {
    }

    /** Writes SENATE2021_POLY.{shp,shx,dbf,prj} into {@code dir}; returns the four files. */
    public static List<Path> senate(Path dir) throws IOException {
        FeatureSet geojson = new GeoJsonReader().read(SharedData.senateGeoJson());
        Map<Long, Geometry> byNumber = new HashMap<>();
        for (Feature f : geojson.features()) {
            byNumber.put((Long) f.properties().get("district_num"), f.geometry());
        }
        Path tables = SharedData.path("ma-district-boundaries/massgis-attribute-tables");
        DbfReader.Table dbf = DbfReader.read(tables.resolve("SENATE2021_POLY.dbf"));
        List<Geometry> inDbfOrder = new ArrayList<>();
        for (Map<String, Object> r : dbf.records()) {
            inDbfOrder.add(byNumber.get((Long) r.get("SENDISTNUM")));
        }
        ShapefileWriter.writeShp(dir.resolve("SENATE2021_POLY"), inDbfOrder, 5);
        Files.copy(tables.resolve("SENATE2021_POLY.dbf"), dir.resolve("SENATE2021_POLY.dbf"));
        Files.copy(tables.resolve("HOUSE2021_POLY.prj"), dir.resolve("SENATE2021_POLY.prj"));
        return List.of(dir.resolve("SENATE2021_POLY.shp"), dir.resolve("SENATE2021_POLY.shx"),
                dir.resolve("SENATE2021_POLY.dbf"), dir.resolve("SENATE2021_POLY.prj"));
    }
}
