package org.chorus.host.infrastructure.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageWriterTest {

    @Test
    void writesWhatAStringWriterWouldAndGrows() throws Exception {
        Writer expected = new StringWriter();
        Writer actual = new PageWriter(4);
        for (Writer w : List.of(expected, actual)) {
            w.write("<p>");
            w.write("a & b, Tiếng Việt, 简体中文", 4, 10);
            w.write('"');
            w.write("·x".toCharArray(), 0, 2);
            w.append("ç").append("xyz", 1, 2).append('!');
            for (int i = 0; i < 1000; i++) {
                w.write("line " + i + "\n");
            }
        }
        assertThat(actual.toString()).isEqualTo(expected.toString());
    }

    @Test
    void refusesRangesOutsideTheString() {
        PageWriter w = new PageWriter(16);
        assertThatThrownBy(() -> w.write("abc", 2, 5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> w.write("abc", -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> w.write(new char[2], 1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(w.toString()).isEmpty();
    }

    @Test
    void pagesWithEscapesAndNonLatinTextRenderThroughIt(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("base"));
        Files.writeString(root.resolve("base/theme.properties"), "type=public\n");
        Files.writeString(root.resolve("base/p.ftlh"),
                "<#list items as i><li title=\"${i}\">${i}</li></#list>${raw?no_esc}");
        ThemeEngine engine = new ThemeEngine(ThemeRegistry.load(root), List::of, id -> null, 0);
        String html = engine.render("base", "p.ftlh",
                Map.of("items", List.of("简体中文 <b>", "\"Kreyòl\" & 'co'"), "raw", "<i>Tiếng Việt</i>"), Locale.ENGLISH);
        assertThat(html).isEqualTo("<li title=\"简体中文 &lt;b&gt;\">简体中文 &lt;b&gt;</li>"
                + "<li title=\"&quot;Kreyòl&quot; &amp; &#39;co&#39;\">&quot;Kreyòl&quot; &amp; &#39;co&#39;</li>"
                + "<i>Tiếng Việt</i>");
    }
}
