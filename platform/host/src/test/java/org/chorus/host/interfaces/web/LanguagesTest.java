package org.chorus.host.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    static final List<String> OFFERED = List.of("en", "es", "pt-BR", "ht", "zh-CN", "vi");

    @Test
    void exactTagFirstThenSameLanguageElseNothing() {
        for (int round = 0; round < 2; round++) { // the second round answers from parsed offered tags
            assertThat(Languages.match("PT-br", OFFERED)).isEqualTo("pt-BR");
            assertThat(Languages.match("pt-PT", OFFERED)).isEqualTo("pt-BR");
            assertThat(Languages.match("zh", OFFERED)).isEqualTo("zh-CN");
            assertThat(Languages.match("zh-Hant-TW", OFFERED)).isEqualTo("zh-CN");
            assertThat(Languages.match("es-419", OFFERED)).isEqualTo("es");
            assertThat(Languages.match("fr", OFFERED)).isNull();
            assertThat(Languages.match("und", OFFERED)).isNull();
            assertThat(Languages.match("*", OFFERED)).isNull();
            assertThat(Languages.match(" ", OFFERED)).isNull();
            assertThat(Languages.match(null, OFFERED)).isNull();
            assertThat(Languages.match("EN", List.of("en-US", "en"))).isEqualTo("en");
            assertThat(Languages.match("en-GB", List.of("en-US", "en"))).isEqualTo("en-US");
        }
    }
}
