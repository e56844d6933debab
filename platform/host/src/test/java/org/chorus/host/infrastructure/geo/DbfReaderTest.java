package org.chorus.host.infrastructure.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chorus.host.infrastructure.geo.ShapefileWriter.DbfField;
import org.chorus.host.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbfReaderTest {

    @TempDir
    Path tmp;

    @Test
    void readsTheRealMassGisHouseTable() throws IOException {
        DbfReader.Table t = DbfReader.read(SharedData.path("ma-district-boundaries/massgis-attribute-tables/HOUSE2021_POLY.dbf"));
        assertThat(t.records()).hasSize(160).doesNotContainNull();
        assertThat(t.fields()).extracting(DbfReader.Field::name).containsExactly("DIST_CODE", "REPDISTNUM", "REP_DIST",
                "REP_FIRST", "REP_LAST", "REP_PARTY", "REP", "URL", "SHAPE_AREA", "SHAPE_LEN");
        assertThat(t.lastUpdate()).isEqualTo(LocalDate.of(2024, 5, 31));
        Map<String, Object> first = t.records().get(0);
        assertThat(first.get("DIST_CODE")).isEqualTo("HAMPDEN04");
        assertThat(first.get("REPDISTNUM")).isEqualTo(47L);
        assertThat(first.get("REP_DIST")).isEqualTo("4th Hampden");
        assertThat((Double) first.get("SHAPE_AREA")).isBetween(1.9e8, 1.91e8);
        // The file is UTF-8 without a .cpg: a no-break space, not "Â\u00a0"
        assertThat(first.get("REP")).isEqualTo("Kelly W. Pease\u00a0(R)");
        assertThat(t.records()).extracting(r -> (Long) r.get("REPDISTNUM")).doesNotHaveDuplicates()
                .allMatch(n -> n >= 1 && n <= 160);
    }

    @Test
    void readsTheRealMassGisSenateTable() throws IOException {
        DbfReader.Table t = DbfReader.read(SharedData.path("ma-district-boundaries/massgis-attribute-tables/SENATE2021_POLY.dbf"));
        assertThat(t.records()).hasSize(40);
        assertThat(t.records()).extracting(r -> r.get("SEN_DIST")).contains("First Suffolk", "Third Suffolk",
                "Berkshire, Hampden, Franklin and Hampshire");
        assertThat(t.records().get(1).get("SEN_LAST")).isEqualTo("O'Connor");
    }

    @Test
    void readsEveryFieldTypeAndSkipsDeletedRecords() throws IOException {
        Path f = tmp.resolve("t.dbf");
        List<DbfField> fields = List.of(new DbfField("NAME", 'C', 20), new DbfField("NUM", 'N', 6),
                new DbfField("AREA", 'F', 12), new DbfField("OK", 'L', 1), new DbfField("DAY", 'D', 8));
        Map<String, Object> a = new HashMap<>(Map.of("NAME", "Cape and Islands", "NUM", "7", "AREA", "1.5e+03",
                "OK", "T", "DAY", "20240531"));
        Map<String, Object> blank = new HashMap<>(Map.of("NAME", "", "NUM", "", "AREA", "", "OK", "?", "DAY", "00000000"));
        ShapefileWriter.writeDbf(f, fields, Arrays.asList(a, null, blank));
        DbfReader.Table t = DbfReader.read(f);
        assertThat(t.records()).hasSize(3);
        assertThat(t.records().get(0)).containsEntry("NAME", "Cape and Islands").containsEntry("NUM", 7L)
                .containsEntry("AREA", 1500.0).containsEntry("OK", true).containsEntry("DAY", LocalDate.of(2024, 5, 31));
        assertThat(t.records().get(1)).isNull();
        assertThat(t.records().get(2)).containsEntry("NAME", null).containsEntry("NUM", null).containsEntry("AREA", null)
                .containsEntry("OK", null).containsEntry("DAY", null);
    }

    @Test
    void decodesAnsiTextThatIsNotUtf8AndHonoursACpgFile() throws IOException {
        Path f = tmp.resolve("ansi.dbf");
        byte[] cafe = "Caf\u00e9".getBytes(Charset.forName("windows-1252"));
        ShapefileWriter.writeDbf(f, List.of(new DbfField("NAME", 'C', 10)), List.of(Map.of("NAME", cafe)));
        assertThat(DbfReader.read(f).records().get(0).get("NAME")).isEqualTo("Caf\u00e9");
        // A .cpg says otherwise: it wins
        Files.writeString(tmp.resolve("ansi.cpg"), "UTF-8");
        assertThat(DbfReader.read(f).records().get(0).get("NAME")).isEqualTo("Caf\ufffd");
        assertThat(DbfReader.read(f, StandardCharsets.ISO_8859_1).records().get(0).get("NAME")).isEqualTo("Caf\u00e9");
    }

    @Test
    void rejectsFilesThatAreNotDbase() throws IOException {
        Path f = tmp.resolve("x.dbf");
        Files.writeString(f, "this is not a dBase file at all, just text long enough");
        assertThatThrownBy(() -> DbfReader.read(f)).isInstanceOf(IOException.class).hasMessageContaining("x.dbf");
        Path truncated = tmp.resolve("y.dbf");
        ShapefileWriter.writeDbf(truncated, List.of(new DbfField("NAME", 'C', 10)), List.of(Map.of("NAME", "a"), Map.of("NAME", "b")));
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 12));
        assertThatThrownBy(() -> DbfReader.read(truncated)).isInstanceOf(IOException.class).hasMessageContaining("2 records");
    }
}
