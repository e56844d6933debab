package org.chorus.host.infrastructure.geo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads polygon shapefiles: the {@code .shp} geometry, the {@code .dbf} attributes next to it and the
 * {@code .prj} CRS when present. Written here because the only complete Java reader (GeoTools) would pull dozens
 * of jars into the WAR for what district boundaries need: shape types Polygon, PolygonZ and PolygonM (Z and M
 * values are dropped) and null shapes. Rings are assembled the way the format defines them: clockwise rings
 * are shells, counter-clockwise rings holes of the smallest shell containing them; a hole inside no shell is
 * taken as a shell, as GDAL does for files written with the wrong orientation.
 */
public final class ShapefileReader {

    private static final int NULL = 0;
    private static final int POLYGON = 5;
    private static final int POLYGON_Z = 15;
    private static final int POLYGON_M = 25;

    private final GeometryFactory factory;

    public ShapefileReader(GeometryFactory factory) {
        this.factory = factory;
    }

    public ShapefileReader() {
        this(new GeometryFactory());
    }

    /**
     * Reads {@code shp} with its {@code .dbf} (required) and {@code .prj} (optional: {@link FeatureSet#crs()}
     * is null without it).
     *
     * @param dbfCharset text encoding of the {@code .dbf}, or null for {@link DbfReader}'s rules
     */
    public FeatureSet read(Path shp, Charset dbfCharset) throws IOException {
        Path dbfFile = DbfReader.sibling(shp, "dbf");
        if (dbfFile == null) {
            throw new IOException(shp.getFileName() + ": no .dbf next to it (a shapefile is .shp + .dbf + .shx, and .prj for the CRS)");
        }
        DbfReader.Table table = DbfReader.read(dbfFile, dbfCharset);
        Path prj = DbfReader.sibling(shp, "prj");
        Crs crs = null;
        if (prj != null) {
            try {
                crs = Crs.fromWkt(Files.readString(prj, StandardCharsets.ISO_8859_1));
            } catch (IllegalArgumentException e) {
                throw new IOException(prj.getFileName() + ": " + e.getMessage(), e);
            }
        }
        List<Geometry> shapes = readShapes(shp);
        if (shapes.size() != table.records().size()) {
            throw new IOException(shp.getFileName() + " has " + shapes.size() + " shapes but its .dbf "
                    + table.records().size() + " records");
        }
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            Map<String, Object> attributes = table.records().get(i);
            if (attributes != null) { // a deleted record's shape is not part of the layer
                features.add(new Feature(i + 1, attributes, shapes.get(i)));
            }
        }
        return new FeatureSet(features, crs);
    }

    /** The geometries of a {@code .shp}, in record order; null for null shapes. */
    public List<Geometry> readShapes(Path shp) throws IOException {
        String name = shp.getFileName().toString();
        try (FileChannel ch = FileChannel.open(shp, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) {
                throw new IOException(name + ": larger than 2 GiB");
            }
            ByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            return readShapes(b, name);
        }
    }

    List<Geometry> readShapes(ByteBuffer b, String name) throws IOException {
        if (b.limit() < 100) {
            throw new IOException(name + ": too short for a shapefile");
        }
        b.order(ByteOrder.BIG_ENDIAN);
        if (b.getInt(0) != 9994) {
            throw new IOException(name + ": not a shapefile (file code " + b.getInt(0) + ", expected 9994)");
        }
        long declared = (b.getInt(24) & 0xffffffffL) * 2;
        b.order(ByteOrder.LITTLE_ENDIAN);
        int version = b.getInt(28);
        int fileType = b.getInt(32);
        if (version != 1000) {
            throw new IOException(name + ": shapefile version " + version + ", expected 1000");
        }
        if (fileType != NULL && fileType != POLYGON && fileType != POLYGON_Z && fileType != POLYGON_M) {
            throw new IOException(name + ": shape type " + fileType + " (" + typeName(fileType)
                    + ") is not supported: only polygon shapefiles hold boundaries");
        }
        long end = Math.min(declared, b.limit());
        List<Geometry> shapes = new ArrayList<>();
        int pos = 100;
        while (pos + 8 <= end) {
            b.order(ByteOrder.BIG_ENDIAN);
            int number = b.getInt(pos);
            long contentBytes = (b.getInt(pos + 4) & 0xffffffffL) * 2;
            int content = pos + 8;
            if (content + contentBytes > b.limit() || contentBytes < 4) {
                throw new IOException(name + " record " + number + ": content of " + contentBytes
                        + " bytes runs past the end of the file");
            }
            b.order(ByteOrder.LITTLE_ENDIAN);
            try {
                shapes.add(shape(b, content, (int) contentBytes));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new IOException(name + " record " + number + ": " + e.getMessage(), e);
            }
            pos = (int) (content + contentBytes);
        }
        return shapes;
    }

    private Geometry shape(ByteBuffer b, int at, int length) {
        int type = b.getInt(at);
        if (type == NULL) {
            return null;
        }
        if (type != POLYGON && type != POLYGON_Z && type != POLYGON_M) {
            throw new IllegalArgumentException("shape type " + type + " (" + typeName(type) + ") in a polygon file");
        }
        int numParts = b.getInt(at + 36);
        int numPoints = b.getInt(at + 40);
        long needed = 44L + 4L * numParts + 16L * numPoints;
        if (numParts < 0 || numPoints < 0 || needed > length) {
            throw new IllegalArgumentException(numParts + " parts and " + numPoints + " points do not fit in "
                    + length + " bytes");
        }
        int[] starts = new int[numParts + 1];
        for (int i = 0; i < numParts; i++) {
            starts[i] = b.getInt(at + 44 + 4 * i);
        }
        starts[numParts] = numPoints;
        int xy = at + 44 + 4 * numParts;
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        for (int part = 0; part < numParts; part++) {
            int from = starts[part];
            int to = starts[part + 1];
            if (from < 0 || to > numPoints || from > to) {
                throw new IllegalArgumentException("part " + part + " has bad point range " + from + ".." + to);
            }
            Coordinate[] cs = new Coordinate[to - from];
            for (int i = from; i < to; i++) {
                cs[i - from] = new Coordinate(b.getDouble(xy + 16 * i), b.getDouble(xy + 16 * i + 8));
            }
            cs = CoordinateArrays.removeRepeatedPoints(cs);
            if (cs.length > 0 && !cs[0].equals2D(cs[cs.length - 1])) {
                cs = java.util.Arrays.copyOf(cs, cs.length + 1); // close a ring a careless writer left open
                cs[cs.length - 1] = cs[0].copy();
            }
            if (cs.length < 4) {
                continue; // a degenerate ring has no area
            }
            LinearRing ring = factory.createLinearRing(cs);
            (Orientation.isCCW(cs) ? holes : shells).add(ring);
        }
        return assemble(shells, holes);
    }

    private Geometry assemble(List<LinearRing> shells, List<LinearRing> holes) {
        List<List<LinearRing>> holesOf = new ArrayList<>();
        shells.forEach(s -> holesOf.add(new ArrayList<>()));
        List<LinearRing> orphans = new ArrayList<>();
        for (LinearRing hole : holes) {
            int best = -1;
            double bestArea = Double.MAX_VALUE;
            for (int i = 0; i < shells.size(); i++) {
                LinearRing shell = shells.get(i);
                if (!shell.getEnvelopeInternal().covers(hole.getEnvelopeInternal())) {
                    continue;
                }
                if (insideRing(hole, shell)) {
                    double area = shell.getEnvelopeInternal().getArea();
                    if (area < bestArea) {
                        best = i;
                        bestArea = area;
                    }
                }
            }
            if (best < 0) {
                orphans.add(hole);
            } else {
                holesOf.get(best).add(hole);
            }
        }
        List<Polygon> polygons = new ArrayList<>();
        for (int i = 0; i < shells.size(); i++) {
            polygons.add(factory.createPolygon(shells.get(i), holesOf.get(i).toArray(LinearRing[]::new)));
        }
        for (LinearRing orphan : orphans) {
            polygons.add(factory.createPolygon(orphan));
        }
        if (polygons.isEmpty()) {
            return factory.createPolygon();
        }
        return polygons.size() == 1 ? polygons.get(0) : factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    /** Whether a hole lies in a shell: a vertex of it strictly inside (holes may touch their shell at points). */
    private static boolean insideRing(LinearRing hole, LinearRing shell) {
        Coordinate[] shellCs = shell.getCoordinates();
        for (Coordinate c : hole.getCoordinates()) {
            if (PointLocation.isOnLine(c, shellCs)) {
                continue;
            }
            return PointLocation.isInRing(c, shellCs);
        }
        return true; // every vertex on the shell: a degenerate hole; keep it with this shell
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0 -> "Null";
            case 1 -> "Point";
            case 3 -> "PolyLine";
            case 5 -> "Polygon";
            case 8 -> "MultiPoint";
            case 11 -> "PointZ";
            case 13 -> "PolyLineZ";
            case 15 -> "PolygonZ";
            case 18 -> "MultiPointZ";
            case 21 -> "PointM";
            case 23 -> "PolyLineM";
            case 25 -> "PolygonM";
            case 28 -> "MultiPointM";
            case 31 -> "MultiPatch";
            default -> "unknown";
        };
    }
}
