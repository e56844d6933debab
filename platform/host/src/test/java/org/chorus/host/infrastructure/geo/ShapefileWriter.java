package org.chorus.host.infrastructure.geo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Test helper: writes polygon shapefiles (.shp, .shx, and optionally .dbf) per the ESRI specification, shells
 * clockwise and holes counter-clockwise, so the reader can be tested on files with known content.
 */
final class ShapefileWriter {

    /** A dBase field to write: C (text) or N (integer). */
    record DbfField(String name, char type, int length) {
    }

    private ShapefileWriter() {
    }

    /** Writes {@code base.shp} and {@code base.shx}; null geometries become null shapes. */
    static void writeShp(Path base, List<Geometry> geometries, int shapeType) throws IOException {
        List<byte[]> records = new ArrayList<>();
        Envelope all = new Envelope();
        for (Geometry g : geometries) {
            records.add(content(g, shapeType));
            if (g != null) {
                all.expandToInclude(g.getEnvelopeInternal());
            }
        }
        int shpLength = 100 + records.stream().mapToInt(r -> 8 + r.length).sum();
        ByteBuffer shp = ByteBuffer.allocate(shpLength);
        ByteBuffer shx = ByteBuffer.allocate(100 + 8 * records.size());
        header(shp, shpLength, shapeType, all);
        header(shx, 100 + 8 * records.size(), shapeType, all);
        int offset = 100;
        for (int i = 0; i < records.size(); i++) {
            byte[] r = records.get(i);
            shp.order(ByteOrder.BIG_ENDIAN).putInt(i + 1).putInt(r.length / 2);
            shp.put(r);
            shx.order(ByteOrder.BIG_ENDIAN).putInt(offset / 2).putInt(r.length / 2);
            offset += 8 + r.length;
        }
        Files.write(base.resolveSibling(base.getFileName() + ".shp"), shp.array());
        Files.write(base.resolveSibling(base.getFileName() + ".shx"), shx.array());
    }

    private static void header(ByteBuffer b, int length, int shapeType, Envelope e) {
        b.order(ByteOrder.BIG_ENDIAN).putInt(9994);
        for (int i = 0; i < 5; i++) {
            b.putInt(0);
        }
        b.putInt(length / 2);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(shapeType);
        b.putDouble(e.getMinX()).putDouble(e.getMinY()).putDouble(e.getMaxX()).putDouble(e.getMaxY());
        b.putDouble(0).putDouble(0).putDouble(0).putDouble(0);
    }

    private static byte[] content(Geometry g, int shapeType) {
        if (g == null) {
            return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0).array();
        }
        List<Coordinate[]> rings = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            rings.add(oriented(p.getExteriorRing().getCoordinates(), false));
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                rings.add(oriented(p.getInteriorRingN(h).getCoordinates(), true));
            }
        }
        int points = rings.stream().mapToInt(r -> r.length).sum();
        boolean z = shapeType == 15;
        boolean m = shapeType == 15 || shapeType == 25;
        int size = 44 + 4 * rings.size() + 16 * points + (z ? 16 + 8 * points : 0) + (m ? 16 + 8 * points : 0);
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        Envelope e = g.getEnvelopeInternal();
        b.putInt(shapeType).putDouble(e.getMinX()).putDouble(e.getMinY()).putDouble(e.getMaxX()).putDouble(e.getMaxY());
        b.putInt(rings.size()).putInt(points);
        int start = 0;
        for (Coordinate[] r : rings) {
            b.putInt(start);
            start += r.length;
        }
        for (Coordinate[] r : rings) {
            for (Coordinate c : r) {
                b.putDouble(c.x).putDouble(c.y);
            }
        }
        if (z) {
            b.putDouble(0).putDouble(100);
            for (int i = 0; i < points; i++) {
                b.putDouble(42.0 + i);
            }
        }
        if (m) {
            b.putDouble(0).putDouble(0);
            for (int i = 0; i < points; i++) {
                b.putDouble(0);
            }
        }
        return b.array();
    }

    private static Coordinate[] oriented(Coordinate[] ring, boolean ccw) {
        Coordinate[] copy = CoordinateArrays.copyDeep(ring);
        if (Orientation.isCCW(copy) != ccw) {
            CoordinateArrays.reverse(copy);
        }
        return copy;
    }

    /** Writes a dBase III table with text (C) and integer (N) fields; a null record is written as deleted. */
    static void writeDbf(Path file, List<DbfField> fields, List<Map<String, Object>> records) throws IOException {
        int recordLength = 1 + fields.stream().mapToInt(DbfField::length).sum();
        int headerLength = 32 + 32 * fields.size() + 1;
        ByteBuffer b = ByteBuffer.allocate(headerLength + recordLength * records.size() + 1).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 3).put((byte) 125).put((byte) 6).put((byte) 1);
        b.putInt(records.size()).putShort((short) headerLength).putShort((short) recordLength);
        b.position(32);
        for (DbfField f : fields) {
            byte[] name = new byte[11];
            byte[] n = f.name().getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(n, 0, name, 0, n.length);
            b.put(name).put((byte) f.type()).putInt(0).put((byte) f.length()).put((byte) 0);
            b.put(new byte[14]);
        }
        b.put((byte) 0x0d);
        for (Map<String, Object> r : records) {
            b.put((byte) (r == null ? '*' : ' '));
            for (DbfField f : fields) {
                Object v = r == null ? null : r.get(f.name());
                byte[] cell = new byte[f.length()];
                java.util.Arrays.fill(cell, (byte) ' ');
                byte[] value = v instanceof byte[] raw ? raw : v == null ? new byte[0]
                        : v.toString().getBytes(StandardCharsets.UTF_8);
                if (f.type() == 'N') {
                    System.arraycopy(value, 0, cell, f.length() - value.length, value.length); // right-aligned
                } else {
                    System.arraycopy(value, 0, cell, 0, Math.min(value.length, cell.length));
                }
                b.put(cell);
            }
        }
        b.put((byte) 0x1a);
        Files.write(file, b.array());
    }
}
