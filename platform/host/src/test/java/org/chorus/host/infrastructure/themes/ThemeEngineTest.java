package org.chorus.host.infrastructure.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.chorus.host.TestPlatforms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeEngineTest {

    @TempDir
    Path root;
    ThemeEngine engine;

    @BeforeEach
    void themes() throws IOException {
        write("base/theme.properties", "type=public\n");
        write("base/page.ftlh", "<p>${msg(\"hello\", name)}</p><#include \"part.ftlh\">");
        write("base/part.ftlh", "<i>base part</i>");
        write("base/messages/messages_en.properties", "hello=Hello, {0}!\nbye=Goodbye\nonly.en=English only\n");
        write("base/messages/messages_es.properties", "hello=¡Hola, {0}!\n");
        write("base/messages/messages_pt_BR.properties", "bye=Tchau\n");
        write("base/resources/css/a.css", "a{}");
        write("child/theme.properties", "parent=base\nstyles=css/child.css\n");
        write("child/part.ftlh", "<b>child part</b>");
        write("child/messages/messages_en.properties", "bye=See you\n");
        write("child/resources/css/child.css", "b{}");
        write("grandchild/theme.properties", "parent=child\nstyles=css/gc.css\n");
        engine = new ThemeEngine(ThemeRegistry.load(root), List::of, id -> null, 0);
    }

    private void write(String path, String content) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    @Test
    void theNearestThemeWithTheFileWins() {
        assertThat(engine.render("base", "page.ftlh", Map.of("name", "Ana"), Locale.ENGLISH))
                .isEqualTo("<p>Hello, Ana!</p><i>base part</i>");
        assertThat(engine.render("grandchild", "page.ftlh", Map.of("name", "Ana"), Locale.ENGLISH))
                .isEqualTo("<p>Hello, Ana!</p><b>child part</b>");
        assertThat(engine.registry().chain("grandchild")).extracting(Theme::name).containsExactly("grandchild", "child", "base");
        assertThat(engine.styles("grandchild")).containsExactly("css/child.css", "css/gc.css");
    }

    @Test
    void messagesMergeDownTheChainAndFallBackByLocale() {
        assertThat(engine.messages("child", Locale.ENGLISH).get("bye")).isEqualTo("See you");
        assertThat(engine.messages("child", Locale.forLanguageTag("es")).get("hello", "Ana")).isEqualTo("¡Hola, Ana!");
        assertThat(engine.messages("child", Locale.forLanguageTag("es")).get("only.en")).isEqualTo("English only");
        assertThat(engine.messages("base", Locale.forLanguageTag("pt-BR")).get("bye")).isEqualTo("Tchau");
        assertThat(engine.messages("base", Locale.ENGLISH).get("missing.key")).isEqualTo("missing.key");
    }

    @Test
    void outputIsEscapedAndTemplatesCannotReachJava() throws IOException {
        write("base/x.ftlh", "${v}");
        write("base/new.ftlh", "<#assign e = \"freemarker.template.utility.Execute\"?new()>${e(\"id\")}");
        write("base/api.ftlh", "${v?api.getClass()}");
        assertThat(engine.render("base", "x.ftlh", Map.of("v", "<script>alert(1)</script>"), Locale.ENGLISH))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThatThrownBy(() -> engine.render("base", "new.ftlh", Map.of(), Locale.ENGLISH)).isInstanceOf(ThemeRenderException.class);
        assertThatThrownBy(() -> engine.render("base", "api.ftlh", Map.of("v", "s"), Locale.ENGLISH)).isInstanceOf(ThemeRenderException.class);
    }

    @Test
    void staticFilesResolveThroughTheChainAndNeverOutsideIt() throws IOException {
        write("secret.txt", "top secret");
        ThemeRegistry r = engine.registry();
        assertThat(r.resource("grandchild", "css/child.css")).isPresent();
        assertThat(r.resource("grandchild", "css/a.css")).isPresent();
        assertThat(r.resource("grandchild", "../../secret.txt")).isEmpty();
        assertThat(r.resource("grandchild", "css/../../theme.properties")).isEmpty();
        assertThat(r.resource("grandchild", "/etc/passwd")).isEmpty();
        assertThat(r.resource("grandchild", ".hidden")).isEmpty();
        Files.createSymbolicLink(root.resolve("base/resources/link.txt"), root.resolve("secret.txt"));
        assertThat(r.resource("base", "link.txt")).as("no symlink out of the folder").isEmpty();
        assertThat(engine.hasTemplate("base", "theme.properties")).isFalse();
    }

    @Test
    void aMissingParentOrACycleIsRefusedAtStart() throws IOException {
        write("orphan/theme.properties", "parent=nowhere\n");
        assertThatThrownBy(() -> ThemeRegistry.load(root)).hasMessageContaining("nowhere");
    }

    /** The shipped themes keep the promise: no ?new, no ?api, every template HTML-escaped (.ftlh). */
    @Test
    void shippedTemplatesUseNoDangerousBuiltIns() throws IOException {
        Path themes = TestPlatforms.projectDir().resolve("themes");
        try (Stream<Path> files = Files.walk(themes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ftl") || p.toString().endsWith(".ftlh")).toList()) {
                String text = Files.readString(f);
                assertThat(text).as(f.toString()).doesNotContain("?new").doesNotContain("?api");
                assertThat(f.toString()).endsWith(".ftlh");
            }
        }
    }
}
