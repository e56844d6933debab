package org.chorus.host.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.chorus.api.lookup.FoundTargets;
import org.chorus.api.lookup.LookupQuery;
import org.chorus.host.TestPlatforms;
import org.chorus.testplugins.TestPluginJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetFinderServiceTest {

    @TempDir
    Path dir;

    Platform start() {
        Path plugins = dir.resolve("plugins");
        TestPluginJars.fakeLookups(plugins);
        return TestPlatforms.start(TestPlatforms.withPlugins(TestPlatforms.h2Config(dir), plugins));
    }

    static java.util.List<String> names(java.util.List<FoundTargets.District> ds) {
        return ds.stream().map(d -> d.match().name()).toList();
    }

    @Test
    void aGeocoderThatIsDownFallsBackToTheOtherLookupsAndSaysSo() {
        try (Platform p = start()) {
            FoundTargets f = p.targetFinder().find(new LookupQuery(null, "1 down St", null, "Splitville", null, null));
            assertThat(f.degraded()).isTrue();
            assertThat(f.source()).isEqualTo("fake-town");
            assertThat(names(f.districts())).containsExactly("Upper Three");
            assertThat(names(f.candidates())).containsExactly("Lower Three A", "Lower Three B");
            assertThat(f.place()).isEqualTo("Splitville");
            assertThat(p.plugins().isInService("fake-lookups")).as("being down is not a plugin failure").isTrue();
        }
    }

    @Test
    void aChamberTheGeocoderDoesNotKnowIsFilledFromItsPoint() {
        try (Platform p = start()) {
            FoundTargets f = p.targetFinder().find(LookupQuery.ofAddress("2 senate only Rd"));
            assertThat(names(f.districts())).containsExactly("Upper One", "Lower Two");
            assertThat(f.degraded()).isFalse();
        }
    }

    @Test
    void lookupsAnswerInPriorityOrderAndNothingFoundIsEmpty() {
        try (Platform p = start()) {
            assertThat(names(p.targetFinder().find(LookupQuery.ofPoint(42.1, -71.1)).districts()))
                    .containsExactly("Upper Two", "Lower Two");
            assertThat(p.targetFinder().find(new LookupQuery(null, null, null, "Nowhere", null, null)).isEmpty()).isTrue();
        }
    }
}
