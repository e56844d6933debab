package org.chorus.host.infrastructure.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chorus.host.infrastructure.geo.ShapefileWriter.DbfField;
import org.chorus.host.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

class ShapefileReaderTest {

    @TempDir
    Path tmp;

    private static Geometry wkt(String s) throws Exception {
        return new WKTReader().read(s);
    }

    private static final List<DbfField> FIELDS = List.of(new DbfField("NAME", 'C', 30), new DbfField("NUM", 'N', 4));

    private static Map<String, Object> row(String name, int num) {
        return new HashMap<>(Map.of("NAME", name, "NUM", Integer.toString(num)));
    }

    @Test
    void roundTripsPolygonsHolesMultipolygonsAndNullShapes() throws Exception {
        Geometry square = wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");
        Geometry withHole = wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))");
        // two islands, the second with a lake, and a third island inside the lake
        Geometry islands = wkt("MULTIPOLYGON (((20 0, 30 0, 30 10, 20 10, 20 0)), "
                + "((40 0, 60 0, 60 20, 40 20, 40 0), (42 2, 42 18, 58 18, 58 2, 42 2)), ((45 5, 55 5, 55 15, 45 15, 45 5)))");
        Path base = tmp.resolve("layer");
        ShapefileWriter.writeShp(base, Arrays.asList(square, withHole, islands, null), 5);
        ShapefileWriter.writeDbf(tmp.resolve("layer.dbf"), FIELDS,
                List.of(row("square", 1), row("with hole", 2), row("islands", 3), row("nothing", 4)));

        FeatureSet set = new ShapefileReader().read(tmp.resolve("layer.shp"), null);
        assertThat(set.crs()).isNull(); // no .prj
        assertThat(set.features()).hasSize(4);
        assertThat(set.features()).extracting(f -> f.properties().get("NAME"))
                .containsExactly("square", "with hole", "islands", "nothing");
        assertThat(set.features().get(0).geometry().equalsTopo(square)).isTrue();
        Geometry hole = set.features().get(1).geometry();
        assertThat(hole).isInstanceOf(Polygon.class);
        assertThat(((Polygon) hole).getNumInteriorRing()).isEqualTo(1);
        assertThat(hole.equalsTopo(withHole)).isTrue();
        Geometry multi = set.features().get(2).geometry();
        assertThat(multi).isInstanceOf(MultiPolygon.class);
        assertThat(multi.getNumGeometries()).isEqualTo(3);
        assertThat(multi.isValid()).isTrue();
        assertThat(multi.getArea()).isEqualTo(islands.getArea());
        assertThat(multi.equalsTopo(islands)).isTrue();
        assertThat(set.features().get(3).geometry()).isNull();
    }

    @Test
    void readsPolygonZAndMAndDropsTheExtraOrdinates() throws Exception {
        Geometry g = wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))");
        for (int type : new int[] {15, 25}) {
            Path base = tmp.resolve("z" + type);
            ShapefileWriter.writeShp(base, List.of(g, g), type);
            List<Geometry> read = new ShapefileReader().readShapes(tmp.resolve("z" + type + ".shp"));
            assertThat(read).hasSize(2).allMatch(r -> r.equalsTopo(g));
        }
    }

    @Test
    void skipsShapesWhoseDbfRecordIsDeletedAndAcceptsUpperCaseExtensions() throws Exception {
        Geometry a = wkt("POLYGON ((0 0, 1 0, 1 1, 0 0))");
        Geometry b = wkt("POLYGON ((5 5, 6 5, 6 6, 5 5))");
        ShapefileWriter.writeShp(tmp.resolve("DEL"), List.of(a, b), 5);
        Files.move(tmp.resolve("DEL.shp"), tmp.resolve("DEL.SHP"));
        ShapefileWriter.writeDbf(tmp.resolve("DEL.DBF"), FIELDS, Arrays.asList(null, row("kept", 2)));
        FeatureSet set = new ShapefileReader().read(tmp.resolve("DEL.SHP"), null);
        assertThat(set.features()).singleElement().satisfies(f -> {
            assertThat(f.index()).isEqualTo(2);
            assertThat(f.properties().get("NAME")).isEqualTo("kept");
            assertThat(f.geometry().equalsTopo(b)).isTrue();
        });
    }

    @Test
    void closesRingsLeftOpen() throws Exception {
        // A record with one ring whose last point is not its first: 0 0, 10 0, 10 10, 0 10 (clockwise after reversal)
        double[][] pts = {{0, 0}, {0, 10}, {10, 10}, {10, 0}};
        ByteBuffer c = ByteBuffer.allocate(44 + 4 + 16 * pts.length).order(ByteOrder.LITTLE_ENDIAN);
        c.putInt(5).putDouble(0).putDouble(0).putDouble(10).putDouble(10).putInt(1).putInt(pts.length).putInt(0);
        for (double[] p : pts) {
            c.putDouble(p[0]).putDouble(p[1]);
        }
        List<Geometry> read = new ShapefileReader().readShapes(shp(5, List.of(c.array())), "open.shp");
        assertThat(read.get(0).getArea()).isEqualTo(100.0);
    }

    @Test
    void refusesOtherShapeTypesAndBrokenFiles() throws Exception {
        ByteBuffer point = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putDouble(1).putDouble(2);
        assertThatThrownBy(() -> new ShapefileReader().readShapes(shp(1, List.of(point.array())), "points.shp"))
                .isInstanceOf(IOException.class).hasMessageContaining("points.shp").hasMessageContaining("Point");
        ByteBuffer bad = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        bad.putInt(5).putDouble(0).putDouble(0).putDouble(1).putDouble(1).putInt(3).putInt(1000);
        assertThatThrownBy(() -> new ShapefileReader().readShapes(shp(5, List.of(bad.array())), "bad.shp"))
                .isInstanceOf(IOException.class).hasMessageContaining("bad.shp record 1");
        assertThatThrownBy(() -> new ShapefileReader().readShapes(ByteBuffer.wrap(new byte[120]), "zero.shp"))
                .isInstanceOf(IOException.class).hasMessageContaining("not a shapefile");
        Path noDbf = tmp.resolve("lonely");
        ShapefileWriter.writeShp(noDbf, List.of(wkt("POLYGON ((0 0, 1 0, 1 1, 0 0))")), 5);
        assertThatThrownBy(() -> new ShapefileReader().read(tmp.resolve("lonely.shp"), null))
                .isInstanceOf(IOException.class).hasMessageContaining("no .dbf");
    }

    /** A .shp in memory with the given record contents. */
    private static ByteBuffer shp(int type, List<byte[]> contents) {
        int length = 100 + contents.stream().mapToInt(r -> 8 + r.length).sum();
        ByteBuffer b = ByteBuffer.allocate(length);
        b.order(ByteOrder.BIG_ENDIAN).putInt(9994).putInt(0).putInt(0).putInt(0).putInt(0).putInt(0).putInt(length / 2);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(type);
        b.position(100);
        int n = 0;
        for (byte[] r : contents) {
            b.order(ByteOrder.BIG_ENDIAN).putInt(++n).putInt(r.length / 2);
            b.put(r);
        }
        return b.flip();
    }

    /**
     * The real Senate districts written as a shapefile (geometry from the GeoJSON, the real MassGIS .dbf in its own
     * record order, the real MassGIS .prj) read back: same polygons, same attributes, same CRS.
     */
    @Test
    void roundTripsTheRealSenateDistricts() throws Exception {
        FeatureSet geojson = new GeoJsonReader().read(SharedData.senateGeoJson());
        Map<Long, Geometry> byNumber = new HashMap<>();
        Map<Long, String> nameByNumber = new HashMap<>();
        for (Feature f : geojson.features()) {
            byNumber.put((Long) f.properties().get("district_num"), f.geometry());
            nameByNumber.put((Long) f.properties().get("district_num"), f.text("district"));
        }
        ShapefileTestFiles.senate(tmp);

        FeatureSet set = new ShapefileReader().read(tmp.resolve("SENATE2021_POLY.shp"), null);
        assertThat(set.features()).hasSize(40);
        assertThat(set.crs().parameters()).contains("+proj=lcc");
        for (Feature f : set.features()) {
            long number = (Long) f.properties().get("SENDISTNUM");
            Geometry expected = byNumber.get(number);
            assertThat(f.text("SEN_DIST")).as("name of %d", number).isEqualTo(nameByNumber.get(number));
            assertThat(f.geometry().getNumGeometries()).isEqualTo(expected.getNumGeometries());
            Geometry a = f.geometry().norm();
            Geometry b = expected.norm();
            assertThat(a.equalsExact(b)).as("district %d (%s)", number, f.text("SEN_DIST")).isTrue();
        }
    }
}
