package org.chorus.host.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RenderedPagesTest {

    final RenderedPages pages = new RenderedPages(60_000);
    final AtomicInteger renders = new AtomicInteger();
    final AtomicInteger keys = new AtomicInteger();

    String render() {
        renders.incrementAndGet();
        return "<p>Café ✓</p><form><input name=_idem value=\"" + pages.marker(RenderedPages.Slot.IDEM) + "\">"
                + "<input name=_src value=\"" + pages.marker(RenderedPages.Slot.SOURCE) + "\"></form>"
                + "<form><input name=_idem value=\"" + pages.marker(RenderedPages.Slot.IDEM) + "\">"
                + "<input name=_landed value=\"" + pages.marker(RenderedPages.Slot.LANDED) + "\"></form>";
    }

    String serve(RenderedPages.Key key, String source) {
        return new String(pages.page(key, this::render, () -> "k" + keys.incrementAndGet(), source, "1700000000000"),
                StandardCharsets.UTF_8);
    }

    @Test
    void eachRequestGetsItsOwnHiddenValuesFromOneRender() {
        RenderedPages.Key key = new RenderedPages.Key("snapshot", "en", 0);
        String first = serve(key, "newsletter");
        String second = serve(key, "");
        assertThat(renders).hasValue(1);
        assertThat(first).isEqualTo("<p>Café ✓</p><form><input name=_idem value=\"k1\"><input name=_src value=\"newsletter\"></form>"
                + "<form><input name=_idem value=\"k2\"><input name=_landed value=\"1700000000000\"></form>");
        assertThat(second).contains("value=\"k3\"", "value=\"k4\"", "name=_src value=\"\"").doesNotContain("chorusslot");
    }

    @Test
    void aNewSnapshotLanguageOrActionCountRendersAgain() {
        serve(new RenderedPages.Key("snapshot", "en", 0), "");
        serve(new RenderedPages.Key("snapshot", "es", 0), "");
        serve(new RenderedPages.Key("snapshot", "en", 1), "");
        serve(new RenderedPages.Key("snapshot2", "en", 1), "");
        assertThat(renders).hasValue(4);
    }

    @Test
    void anExpiredEntryIsRenderedAgainAndZeroTurnsTheCacheOff() {
        RenderedPages shortLived = new RenderedPages(1);
        AtomicInteger n = new AtomicInteger();
        RenderedPages.Key key = new RenderedPages.Key("s", "en", 0);
        shortLived.page(key, () -> "v" + n.incrementAndGet(), () -> "", "", "");
        long until = System.nanoTime() + 5_000_000;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertThat(new String(shortLived.page(key, () -> "v" + n.incrementAndGet(), () -> "", "", ""), StandardCharsets.UTF_8))
                .isEqualTo("v2");
        assertThat(new RenderedPages(0).enabled()).isFalse();
    }

    @Test
    void markersAreUnguessablePerProcess() {
        assertThat(pages.marker(RenderedPages.Slot.IDEM)).isNotEqualTo(new RenderedPages(1).marker(RenderedPages.Slot.IDEM))
                .matches("chorusslot[0-9a-f]{24}IDEMx");
    }
}
