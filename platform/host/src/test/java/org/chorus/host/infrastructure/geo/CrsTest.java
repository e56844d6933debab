package org.chorus.host.infrastructure.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.chorus.host.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class CrsTest {

    private static final GeometryFactory GF = new GeometryFactory();

    /** A point near the MA State House in EPSG:26986 metres (NAD83 / Massachusetts Mainland). */
    private static final Coordinate STATE_HOUSE_26986 = new Coordinate(236_030, 901_060);

    private static Coordinate lonLat(Crs crs, Coordinate c) {
        return crs.toWgs84(GF.createPoint(c)).getCoordinate();
    }

    @Test
    void epsgNamesInTheirUsualSpellingsAreTheSameCrs() {
        Coordinate a = lonLat(Crs.fromName("urn:ogc:def:crs:EPSG::26986"), STATE_HOUSE_26986);
        Coordinate b = lonLat(Crs.fromName("EPSG:26986"), STATE_HOUSE_26986);
        Coordinate c = lonLat(Crs.fromName("urn:ogc:def:crs:EPSG:6.3:26986"), STATE_HOUSE_26986);
        assertThat(a).isEqualTo(b).isEqualTo(c);
        // Beacon Hill: the projection is right to well within a few metres
        assertThat(a.x).isCloseTo(-71.0637, within(0.002));
        assertThat(a.y).isCloseTo(42.3588, within(0.002));
    }

    @Test
    void wgs84NamesAreTheIdentity() {
        assertThat(Crs.fromName("urn:ogc:def:crs:OGC:1.3:CRS84").isWgs84()).isTrue();
        assertThat(Crs.fromName("EPSG:4326").isWgs84()).isTrue();
        Geometry g = GF.createPoint(new Coordinate(-71.06, 42.36));
        assertThat(Crs.wgs84().toWgs84(g).equalsExact(g)).isTrue();
    }

    @Test
    void unknownNamesAreRefusedWithTheName() {
        assertThatThrownBy(() -> Crs.fromName("urn:x:nonsense")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("urn:x:nonsense");
        assertThatThrownBy(() -> Crs.fromName("EPSG:999999")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void massGisPrjFileGivesTheSameCoordinatesAsEpsg26986() throws Exception {
        String prj = Files.readString(SharedData.path("ma-district-boundaries/massgis-attribute-tables/HOUSE2021_POLY.prj"),
                StandardCharsets.ISO_8859_1);
        Crs fromPrj = Crs.fromWkt(prj);
        Crs epsg = Crs.fromName("EPSG:26986");
        for (Coordinate c : new Coordinate[] {STATE_HOUSE_26986, new Coordinate(33_000, 900_000), new Coordinate(330_000, 780_000)}) {
            Coordinate a = lonLat(fromPrj, c);
            Coordinate b = lonLat(epsg, c);
            assertThat(a.x).as("lon of %s", c).isCloseTo(b.x, within(1e-9));
            assertThat(a.y).as("lat of %s", c).isCloseTo(b.y, within(1e-9));
        }
    }

    @Test
    void esriTransverseMercatorInUsFeetMatchesItsEpsgCode() {
        // NAD83 / Massachusetts Island (ftUS), EPSG:2250 is Lambert; UTM zone 19N in US feet is a good tmerc test:
        // EPSG:26919 (metres) with the same origin, coordinates scaled by the US survey foot.
        String prj = "PROJCS[\"NAD_1983_UTM_Zone_19N_ftUS\",GEOGCS[\"GCS_North_American_1983\",DATUM[\"D_North_American_1983\","
                + "SPHEROID[\"GRS_1980\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
                + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",1640416.666666667],PARAMETER[\"False_Northing\",0.0],"
                + "PARAMETER[\"Central_Meridian\",-69.0],PARAMETER[\"Scale_Factor\",0.9996],PARAMETER[\"Latitude_Of_Origin\",0.0],"
                + "UNIT[\"Foot_US\",0.3048006096012192]]";
        double ft = 0.3048006096012192;
        Coordinate metres = new Coordinate(330_000, 4_690_000);
        Coordinate a = lonLat(Crs.fromWkt(prj), new Coordinate(metres.x / ft, metres.y / ft));
        Coordinate b = lonLat(Crs.fromName("EPSG:26919"), metres);
        assertThat(a.x).isCloseTo(b.x, within(1e-8));
        assertThat(a.y).isCloseTo(b.y, within(1e-8));
    }

    @Test
    void ogcWktWithAnEpsgAuthorityUsesTheCode() {
        String wkt = "PROJCS[\"NAD83 / Massachusetts Mainland\",GEOGCS[\"NAD83\",DATUM[\"North_American_Datum_1983\","
                + "SPHEROID[\"GRS 1980\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"7019\"]],AUTHORITY[\"EPSG\",\"6269\"]],"
                + "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4269\"]],"
                + "PROJECTION[\"Lambert_Conformal_Conic_2SP\"],PARAMETER[\"standard_parallel_1\",42.68333333333333],"
                + "PARAMETER[\"standard_parallel_2\",41.71666666666667],PARAMETER[\"latitude_of_origin\",41],"
                + "PARAMETER[\"central_meridian\",-71.5],PARAMETER[\"false_easting\",200000],PARAMETER[\"false_northing\",750000],"
                + "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"X\",EAST],AXIS[\"Y\",NORTH],AUTHORITY[\"EPSG\",\"26986\"]]";
        Crs crs = Crs.fromWkt(wkt);
        assertThat(crs.name()).isEqualTo("EPSG:26986");
    }

    @Test
    void geographicPrjInWgs84IsTheIdentity() {
        String prj = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
                + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
        assertThat(Crs.fromWkt(prj).isWgs84()).isTrue();
    }

    @Test
    void unsupportedProjectionsAndDatumsAreRefusedNotGuessed() {
        String nad27 = "PROJCS[\"NAD_1927_StatePlane_Massachusetts_Mainland_FIPS_2001\",GEOGCS[\"GCS_North_American_1927\","
                + "DATUM[\"D_North_American_1927\",SPHEROID[\"Clarke_1866\",6378206.4,294.9786982]],PRIMEM[\"Greenwich\",0.0],"
                + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Lambert_Conformal_Conic\"],PARAMETER[\"False_Easting\",600000.0],"
                + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",-71.5],PARAMETER[\"Standard_Parallel_1\",41.71666666666667],"
                + "PARAMETER[\"Standard_Parallel_2\",42.68333333333333],PARAMETER[\"Latitude_Of_Origin\",41.0],UNIT[\"Foot_US\",0.3048006096012192]]";
        assertThatThrownBy(() -> Crs.fromWkt(nad27)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grid shift");
        String polar = "PROJCS[\"x\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
                + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Stereographic_North_Pole\"],UNIT[\"Meter\",1.0]]";
        assertThatThrownBy(() -> Crs.fromWkt(polar)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Stereographic_North_Pole");
        assertThatThrownBy(() -> Crs.fromWkt("PROJCS[\"broken\",")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read .prj");
    }
}
