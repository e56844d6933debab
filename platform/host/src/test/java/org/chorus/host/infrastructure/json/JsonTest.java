package org.chorus.host.infrastructure.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void aPayloadTreeReadsBackAsWritten() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("letter", "Dear Senator \"Edwards\",\n\tthank you \\ — 谢谢 Cám ơn\u0001");
        tree.put("count", 3L);
        tree.put("ratio", 0.25);
        tree.put("exact", new BigDecimal("12.50"));
        tree.put("yes", true);
        tree.put("none", null);
        tree.put("targets", List.of(Map.of("id", 117L), Arrays.asList("a", null)));
        Map<String, Object> expected = new LinkedHashMap<>(tree);
        expected.put("exact", 12.5); // read back: integral numbers as Long, others as Double
        assertThat(Json.readObject(Json.write(tree))).isEqualTo(expected);
        assertThat(Json.write(Map.of("k", "\u001f"))).isEqualTo("{\"k\":\"\\u001f\"}");
    }

    public record Pojo(String name, int n) {
    }

    @Test
    void otherObjectsGoThroughJsonB() {
        assertThat(Json.readObject(Json.write(Map.of("p", new Pojo("x", 2))))).isEqualTo(Map.of("p", Map.of("name", "x", "n", 2L)));
    }
}
