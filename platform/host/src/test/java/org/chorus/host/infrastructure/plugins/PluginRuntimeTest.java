package org.chorus.host.infrastructure.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.chorus.api.action.ActionType;
import org.chorus.host.TestPlatforms;
import org.chorus.host.application.Platform;
import org.chorus.testplugins.TestPluginJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginRuntimeTest {

    @TempDir
    Path dir;

    private Platform startWithAllTestPlugins() {
        Path plugins = dir.resolve("plugins");
        TestPluginJars.greeting(plugins);
        TestPluginJars.flaky(plugins);
        TestPluginJars.broken(plugins);
        TestPluginJars.incompatible(plugins);
        TestPluginJars.sneaky(plugins);
        return TestPlatforms.start(TestPlatforms.withPlugins(TestPlatforms.h2Config(dir), plugins));
    }

    @Test
    void startsGoodPluginsAndContainsTheBadOnes() {
        try (Platform p = startWithAllTestPlugins()) {
            Map<String, PluginStatus> s = p.plugins().statuses().stream()
                    .collect(Collectors.toMap(PluginStatus::id, Function.identity()));
            assertThat(s.get("greeting").state()).isEqualTo("started");
            assertThat(s.get("greeting").provides())
                    .containsExactlyInAnyOrder("ActionType:greeting", "PluginRoutes", "CampaignEventListener", "AdminRoutes");
            assertThat(s.get("flaky").state()).isEqualTo("started");
            assertThat(s.get("broken").state()).isEqualTo("failed");
            assertThat(s.get("broken").problem()).contains("extensions");
            assertThat(s.get("incompatible").state()).isEqualTo("incompatible");
            assertThat(s.get("incompatible").problem()).contains(">=2.0.0").contains(org.chorus.api.ApiVersion.CURRENT);
            assertThat(s.get("sneaky").state()).as("a host class is not visible to plugins").isEqualTo("failed");
            assertThat(p.actionTypes().find("greeting")).isPresent();
            assertThat(p.actionTypes().find("broken")).isEmpty();
        }
    }

    @Test
    void aPluginThatKeepsFailingIsTakenOutOfService() {
        try (Platform p = startWithAllTestPlugins()) {
            ActionType flaky = p.actionTypes().find("flaky").orElseThrow().extension();
            for (int i = 0; i < PluginRuntime.FAILURES_BEFORE_DISABLE; i++) {
                assertThatThrownBy(() -> p.plugins().invoker().call("flaky", "ActionType.form", () -> flaky.form(null)))
                        .isInstanceOf(PluginFailure.class)
                        .hasMessageContaining("plugin 'flaky' failed in ActionType.form");
            }
            assertThat(p.plugins().isInService("flaky")).isFalse();
            assertThat(p.actionTypes().find("flaky")).isEmpty();
            assertThat(p.plugins().isInService("greeting")).as("others keep serving").isTrue();
        }
    }

    @Test
    void theInvokerRunsPluginCodeWithThePluginsClassLoader() {
        try (Platform p = startWithAllTestPlugins()) {
            var greeting = p.actionTypes().find("greeting").orElseThrow();
            ClassLoader seen = p.plugins().invoker().call("greeting", "probe", () -> Thread.currentThread().getContextClassLoader());
            assertThat(seen).isSameAs(greeting.extension().getClass().getClassLoader());
            assertThat(Thread.currentThread().getContextClassLoader()).isNotSameAs(seen);
        }
    }

    @Test
    void aZippedPluginIsExpandedAndLoaded() {
        Path plugins = dir.resolve("zipped");
        TestPluginJars.greetingZip(plugins);
        try (Platform p = TestPlatforms.start(TestPlatforms.withPlugins(TestPlatforms.h2Config(dir), plugins))) {
            assertThat(p.plugins().statuses()).singleElement().satisfies(s -> {
                assertThat(s.id()).isEqualTo("greeting-zipped");
                assertThat(s.state()).isEqualTo("started");
                assertThat(s.provides()).containsExactly("ActionType:greeting");
            });
            assertThat(p.themes().hasTemplate("default", "plugin/greeting-zipped/form.ftlh")).isTrue();
        }
    }

    @Test
    void apiOnlyClassLoaderShowsTheApiAndHidesTheHost() {
        assertThat(ApiOnlyClassLoader.isVisible("org.chorus.api.action.ActionType")).isTrue();
        assertThat(ApiOnlyClassLoader.isVisible("org.pf4j.Extension")).isTrue();
        assertThat(ApiOnlyClassLoader.isVisible("java.util.List")).isTrue();
        assertThat(ApiOnlyClassLoader.isVisible("org.chorus.host.application.Platform")).isFalse();
        assertThat(ApiOnlyClassLoader.isVisible("freemarker.template.Configuration")).isFalse();
        assertThat(ApiOnlyClassLoader.isVisible("jakarta.persistence.EntityManager")).isFalse();
    }
}
