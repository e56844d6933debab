package org.chorus.host.infrastructure.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chorus.host.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class GeoJsonReaderTest {

    @TempDir
    Path tmp;

    @Test
    void readsTheRealSenateAndHouseFilesWithTheirCrs() throws IOException {
        FeatureSet senate = new GeoJsonReader().read(SharedData.senateGeoJson());
        FeatureSet house = new GeoJsonReader().read(SharedData.houseGeoJson());
        assertThat(senate.features()).hasSize(40);
        assertThat(house.features()).hasSize(160);
        assertThat(senate.crs().name()).isEqualTo("EPSG:26986");
        assertThat(house.crs().name()).isEqualTo("EPSG:26986");
        Feature first = house.features().get(0);
        assertThat(first.index()).isEqualTo(1);
        assertThat(first.text("district_display")).isEqualTo("1st Barnstable");
        assertThat(first.text("district_num")).isEqualTo("1");
        assertThat(house.features()).allMatch(f -> f.geometry() instanceof Polygon || f.geometry() instanceof MultiPolygon)
                .allMatch(f -> f.geometry().isValid());
        // metres, not degrees
        assertThat(first.geometry().getEnvelopeInternal().getMinX()).isGreaterThan(1000);
    }

    @Test
    void withoutACrsMemberCoordinatesAreLonLat() throws IOException {
        Path f = tmp.resolve("a.geojson");
        Files.writeString(f, """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"n":1,"s":"x","b":true,"d":1.5,"z":null},
                  "geometry":{"type":"Polygon","coordinates":[[[-71,42],[-70,42],[-70,43],[-71,42]]]}},
                 {"type":"Feature","properties":null,"geometry":null}]}""");
        FeatureSet set = new GeoJsonReader().read(f);
        assertThat(set.crs().isWgs84()).isTrue();
        assertThat(set.features().get(0).properties()).containsEntry("n", 1L).containsEntry("s", "x")
                .containsEntry("b", true).containsEntry("d", 1.5).containsEntry("z", null);
        assertThat(set.features().get(1).geometry()).isNull();
    }

    @Test
    void readsTheOlderEpsgCrsForm() throws IOException {
        Path f = tmp.resolve("b.geojson");
        Files.writeString(f, """
                {"type":"FeatureCollection","crs":{"type":"EPSG","properties":{"code":26986}},"features":[]}""");
        assertThat(new GeoJsonReader().read(f).crs().name()).isEqualTo("EPSG:26986");
    }

    @Test
    void reportsBrokenFilesWithTheirPlace() throws IOException {
        Path f = tmp.resolve("c.geojson");
        Files.writeString(f, "{\"type\":\"FeatureCollection\",\n\"features\":[ {\"type\": } ]}");
        assertThatThrownBy(() -> new GeoJsonReader().read(f)).isInstanceOf(IOException.class)
                .hasMessageContaining("c.geojson").hasMessageContaining("line 2");
        Files.writeString(f, "{\"type\":\"Topology\"}");
        assertThatThrownBy(() -> new GeoJsonReader().read(f)).hasMessageContaining("Topology");
        Files.writeString(f, """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
                 "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}}]}""");
        assertThatThrownBy(() -> new GeoJsonReader().read(f)).hasMessageContaining("feature 1");
    }
}
