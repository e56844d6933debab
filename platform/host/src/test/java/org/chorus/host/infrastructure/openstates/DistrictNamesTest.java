package org.chorus.host.infrastructure.openstates;

import org.chorus.kit.DistrictNames;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DistrictNamesTest {

    @Test
    void slugsMatchOpenCivicDataAcrossSpellings() {
        assertThat(DistrictNames.slug("Third Suffolk")).isEqualTo("3rd_suffolk");
        assertThat(DistrictNames.slug("8th Suffolk")).isEqualTo("8th_suffolk");
        assertThat(DistrictNames.slug("Eighth Suffolk")).isEqualTo("8th_suffolk");
        assertThat(DistrictNames.slug("Berkshire, Hampden, Franklin and Hampshire"))
                .isEqualTo("berkshire_hampden_franklin_and_hampshire");
        assertThat(DistrictNames.slug("Norfolk & Middlesex")).isEqualTo("norfolk_and_middlesex");
        assertThat(DistrictNames.slug("Thirty-seventh Middlesex")).isEqualTo("37th_middlesex");
        assertThat(DistrictNames.slug("Twenty First Middlesex")).isEqualTo("21st_middlesex");
        assertThat(DistrictNames.slug("Eleventh Essex")).isEqualTo("11th_essex");
        assertThat(DistrictNames.same("First Franklin", "1st Franklin")).isTrue();
        assertThat(DistrictNames.same("First Franklin", "2nd Franklin")).isFalse();
    }

    @Test
    void ordinals() {
        assertThat(DistrictNames.ordinal(1)).isEqualTo("1st");
        assertThat(DistrictNames.ordinal(2)).isEqualTo("2nd");
        assertThat(DistrictNames.ordinal(3)).isEqualTo("3rd");
        assertThat(DistrictNames.ordinal(11)).isEqualTo("11th");
        assertThat(DistrictNames.ordinal(12)).isEqualTo("12th");
        assertThat(DistrictNames.ordinal(13)).isEqualTo("13th");
        assertThat(DistrictNames.ordinal(22)).isEqualTo("22nd");
        assertThat(DistrictNames.ordinal(37)).isEqualTo("37th");
    }
}
