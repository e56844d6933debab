package org.chorus.host.infrastructure.geo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the dBase III attribute table of a shapefile ({@code .dbf}): field types C (text), N and F (numbers),
 * L (logical) and D (date). Text is decoded with the charset of the {@code .cpg} file when there is one; otherwise
 * as UTF-8 where the bytes are valid UTF-8 and as windows-1252 where not, because many current files (MassGIS's
 * among them) are UTF-8 without saying so while older ones are ANSI.
 */
public final class DbfReader {

    /** A column of the table. */
    public record Field(String name, char type, int length, int decimals) {
    }

    /**
     * The table.
     *
     * @param records one map per record in file order; null for a record marked deleted
     */
    public record Table(List<Field> fields, List<Map<String, Object>> records, LocalDate lastUpdate) {
    }

    private DbfReader() {
    }

    public static Table read(Path dbf) throws IOException {
        return read(dbf, null);
    }

    /**
     * @param charset the text encoding, or null to take it from a {@code .cpg} next to the file or guess as above
     */
    public static Table read(Path dbf, Charset charset) throws IOException {
        if (charset == null) {
            charset = cpg(dbf);
        }
        return read(ByteBuffer.wrap(Files.readAllBytes(dbf)), charset, dbf.getFileName().toString());
    }

    static Table read(ByteBuffer b, Charset charset, String name) throws IOException {
        b.order(ByteOrder.LITTLE_ENDIAN);
        if (b.limit() < 33) {
            throw new IOException(name + ": too short for a dBase file");
        }
        int version = b.get(0) & 0xff;
        if ((version & 0x07) != 0x03) {
            throw new IOException(name + ": not a dBase III/IV table (version byte 0x" + Integer.toHexString(version) + ")");
        }
        LocalDate updated = null;
        try {
            updated = LocalDate.of(1900 + (b.get(1) & 0xff), b.get(2) & 0xff, b.get(3) & 0xff);
        } catch (java.time.DateTimeException ignored) {
            // some writers leave the date zero
        }
        int count = b.getInt(4);
        int headerLength = b.getShort(8) & 0xffff;
        int recordLength = b.getShort(10) & 0xffff;
        if (count < 0 || headerLength < 33 || recordLength < 1 || (long) headerLength + (long) count * recordLength > b.limit()) {
            throw new IOException(name + ": header says " + count + " records of " + recordLength + " bytes after "
                    + headerLength + " bytes, but the file has " + b.limit() + " bytes");
        }
        List<Field> fields = new ArrayList<>();
        int width = 1; // the deletion flag
        for (int p = 32; p + 32 <= headerLength && (b.get(p) & 0xff) != 0x0d; p += 32) {
            byte[] raw = new byte[11];
            b.get(p, raw);
            int len = 0;
            while (len < 11 && raw[len] != 0) {
                len++;
            }
            String fieldName = new String(raw, 0, len, StandardCharsets.ISO_8859_1).strip();
            char type = (char) (b.get(p + 11) & 0xff);
            int length = b.get(p + 16) & 0xff;
            int decimals = b.get(p + 17) & 0xff;
            if (type == 'C') {
                length |= decimals << 8; // Clipper/FoxPro: text fields longer than 255 use the decimals byte
                decimals = 0;
            }
            fields.add(new Field(fieldName, type, length, decimals));
            width += length;
        }
        if (width > recordLength) {
            throw new IOException(name + ": fields are " + width + " bytes wide but records only " + recordLength);
        }
        List<Map<String, Object>> records = new ArrayList<>(count);
        byte[] rec = new byte[recordLength];
        for (int r = 0; r < count; r++) {
            b.get(headerLength + r * recordLength, rec);
            if (rec[0] == '*') {
                records.add(null);
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            int off = 1;
            for (Field f : fields) {
                try {
                    values.put(f.name(), value(f, rec, off, charset));
                } catch (RuntimeException e) {
                    throw new IOException(name + " record " + (r + 1) + " field " + f.name() + ": " + e.getMessage(), e);
                }
                off += f.length();
            }
            records.add(Collections.unmodifiableMap(values));
        }
        return new Table(List.copyOf(fields), Collections.unmodifiableList(records), updated);
    }

    private static Object value(Field f, byte[] rec, int off, Charset charset) {
        String ascii = new String(rec, off, f.length(), StandardCharsets.ISO_8859_1).strip();
        return switch (f.type()) {
            case 'C' -> {
                String s = text(rec, off, f.length(), charset).strip();
                yield s.isEmpty() ? null : s;
            }
            case 'N', 'F' -> {
                if (ascii.isEmpty() || ascii.chars().allMatch(c -> c == '*' || c == '?')) {
                    yield null; // blank or overflow marker
                }
                if (f.decimals() == 0 && !ascii.contains(".") && !ascii.contains("e") && !ascii.contains("E")
                        && ascii.length() <= 18) {
                    yield Long.parseLong(ascii);
                }
                yield Double.parseDouble(ascii);
            }
            case 'L' -> switch (ascii.isEmpty() ? '?' : Character.toUpperCase(ascii.charAt(0))) {
                case 'T', 'Y' -> Boolean.TRUE;
                case 'F', 'N' -> Boolean.FALSE;
                default -> null;
            };
            case 'D' -> {
                if (ascii.isEmpty() || ascii.equals("00000000")) {
                    yield null;
                }
                try {
                    yield LocalDate.parse(ascii.substring(0, 4) + "-" + ascii.substring(4, 6) + "-" + ascii.substring(6, 8));
                } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
                    throw new IllegalArgumentException("bad date '" + ascii + "'");
                }
            }
            default -> ascii.isEmpty() ? null : ascii; // memo pointers and others: raw text
        };
    }

    private static String text(byte[] rec, int off, int len, Charset charset) {
        int end = off + len;
        while (end > off && (rec[end - 1] == 0 || rec[end - 1] == ' ')) {
            end--;
        }
        if (charset != null) {
            return new String(rec, off, end - off, charset);
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer cb = utf8.decode(ByteBuffer.wrap(rec, off, end - off));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return new String(rec, off, end - off, Charset.forName("windows-1252"));
        }
    }

    private static Charset cpg(Path dbf) throws IOException {
        Path cpg = sibling(dbf, "cpg");
        if (cpg == null) {
            return null;
        }
        String name = Files.readString(cpg, StandardCharsets.ISO_8859_1).strip();
        if (name.matches("\\d+")) {
            name = name.equals("65001") ? "UTF-8" : "windows-" + name; // ESRI writes code page numbers
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new IOException(cpg.getFileName() + ": unknown charset '" + name + "'", e);
        }
    }

    /** The file with the same base name and another extension, in any letter case; null when there is none. */
    static Path sibling(Path file, String extension) throws IOException {
        String base = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path dir = file.toAbsolutePath().getParent();
        Path exact = dir.resolve(base + "." + extension);
        if (Files.exists(exact)) {
            return exact;
        }
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().equalsIgnoreCase(base + "." + extension)).findFirst().orElse(null);
        }
    }
}
