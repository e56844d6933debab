package org.chorus.plugins.town;

import org.chorus.kit.DistrictNames;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How district names, town names, ZIP codes, wards and precincts are compared. */
class NamesTest {

    @Test
    void districtNamesOfEverySourceShareTheOcdSlug() {
        assertThat(DistrictNames.slug("Seventh Plymouth")).isEqualTo("7th_plymouth").isEqualTo(DistrictNames.slug("7th Plymouth"));
        assertThat(DistrictNames.slug("Third Suffolk")).isEqualTo("3rd_suffolk");
        assertThat(DistrictNames.slug("Thirty-Seventh Middlesex")).isEqualTo("37th_middlesex");
        assertThat(DistrictNames.slug("Twenty first Middlesex")).isEqualTo("21st_middlesex");
        assertThat(DistrictNames.slug("Twelfth Worcester")).isEqualTo("12th_worcester");
        assertThat(DistrictNames.slug("Norfolk & Middlesex")).isEqualTo("norfolk_and_middlesex");
        assertThat(DistrictNames.slug("Berkshire, Hampden, Franklin & Hampshire"))
                .isEqualTo("berkshire_hampden_franklin_and_hampshire");
        assertThat(DistrictNames.slug("8th_suffolk")).isEqualTo("8th_suffolk"); // an OCD id's tail stays itself
    }

    @Test
    void townKeys() {
        assertThat(TownDirectory.key("  North   Attleborough ")).isEqualTo("north attleborough");
        assertThat(TownDirectory.key("Manchester-by-the-Sea")).isEqualTo("manchester by the sea");
        assertThat(TownDirectory.key("Town of Acton, MA")).isEqualTo("acton");
        assertThat(TownDirectory.key("Mt. Washington")).isEqualTo("mount washington");
    }

    @Test
    void zipCodes() {
        assertThat(TownDirectory.zip("02133")).contains("02133");
        assertThat(TownDirectory.zip("02133-1054")).contains("02133");
        assertThat(TownDirectory.zip("021331054")).contains("02133");
        assertThat(TownDirectory.zip("2133")).contains("02133");
        assertThat(TownDirectory.zip("02 133")).contains("02133");
        assertThat(TownDirectory.zip("0213")).contains("00213");
        assertThat(TownDirectory.zip("MA 02133")).isEqualTo(Optional.empty());
        assertThat(TownDirectory.zip(null)).isEmpty();
    }

    @Test
    void wardsAndPrecincts() {
        assertThat(TownDirectory.unit("Ward 03")).isEqualTo("3");
        assertThat(TownDirectory.unit("w3")).isEqualTo("3");
        assertThat(TownDirectory.unit("Pct. 6a")).isEqualTo("6A");
        assertThat(TownDirectory.unit("precinct 1 a")).isEqualTo("1A");
        assertThat(TownDirectory.unit("A1")).isEqualTo("A1");
        assertThat(TownDirectory.unit("-")).isEqualTo("-");
        assertThat(TownDirectory.unit(" ")).isEqualTo("-");
        assertThat(TownDirectory.unit("0")).isEqualTo("0");
        assertThat(TownDirectory.isSubPrecinct("1A", "1")).isTrue();
        assertThat(TownDirectory.isSubPrecinct("A1", "A")).isTrue();
        assertThat(TownDirectory.isSubPrecinct("10", "1")).isFalse();
        assertThat(TownDirectory.isSubPrecinct("12A", "1")).isFalse();
        assertThat(TownDirectory.isSubPrecinct("AB", "A")).isFalse();
    }

    @Test
    void csvFieldsMayBeQuoted() {
        assertThat(TownDirectory.Csv.split("Adams,-,1,First Berkshire,\"Berkshire, Hampden, Franklin & Hampshire\",1,Eighth"))
                .containsExactly("Adams", "-", "1", "First Berkshire", "Berkshire, Hampden, Franklin & Hampshire", "1", "Eighth");
        assertThat(TownDirectory.Csv.split("a,\"say \"\"hi\"\"\",")).containsExactly("a", "say \"hi\"", "");
    }
}
