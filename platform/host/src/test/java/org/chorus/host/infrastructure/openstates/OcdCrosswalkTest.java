package org.chorus.host.infrastructure.openstates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.chorus.host.testsupport.SharedData;
import org.junit.jupiter.api.Test;

class OcdCrosswalkTest {

    @Test
    void readsTheMassachusettsCrosswalk() throws IOException {
        OcdCrosswalk cw = OcdCrosswalk.read(SharedData.crosswalk());
        assertThat(cw.prefix()).isEqualTo("ocd-division/country:us/state:ma");
        assertThat(cw.entries()).hasSize(200);
        assertThat(cw.entries()).filteredOn(e -> e.chamber().equals("upper")).hasSize(40);
        assertThat(cw.entries()).filteredOn(e -> e.chamber().equals("lower")).hasSize(160);
        assertThat(cw.find("upper", 9)).get().satisfies(e -> {
            assertThat(e.ocdId()).isEqualTo("ocd-division/country:us/state:ma/sldu:1st_worcester");
            assertThat(e.geoid()).isEqualTo("25D09");
        });
        assertThat(cw.find("lower", 1)).get().extracting(OcdCrosswalk.Entry::ocdId)
                .isEqualTo("ocd-division/country:us/state:ma/sldl:1st_barnstable");
        assertThat(cw.find("lower", 161)).isEmpty();
    }

    @Test
    void refusesOtherFiles() {
        assertThatThrownBy(() -> OcdCrosswalk.parse("name: x\n", "x.yml")).hasMessageContaining("os-id-prefix");
        assertThatThrownBy(() -> OcdCrosswalk.parse("""
                os-id-prefix: "ocd-division/country:us/state:ma"
                id-mappings:
                  custom:
                    - os-id: "ocd-division/country:us/state:ma/sldl:1st_barnstable"
                      sld-id: sldu-25D01
                """, "x.yml")).hasMessageContaining("does not start with");
    }
}
