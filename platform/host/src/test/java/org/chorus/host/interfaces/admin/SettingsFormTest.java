package org.chorus.host.interfaces.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chorus.api.action.SettingsSchema;
import org.chorus.testplugins.calls.CallScriptActionType;
import org.junit.jupiter.api.Test;

/** The settings form generated from a schema the host knows nothing about, and read back without losing anything. */
class SettingsFormTest {

    static final SettingsSchema SCHEMA = new CallScriptActionType(null).settingsSchema();
    static final Map<String, String> MESSAGES = Map.of("calls.script", "Call script", "calls.script.hint", "What to say.",
            "calls.tone", "Tone", "calls.tone.urgent", "Urgent", "calls.scripts", "Scripts by chamber", "calls.script.name", "Script name");
    static final SettingsForm.Labels LABELS = key -> Optional.ofNullable(MESSAGES.get(key));

    static Map<String, Object> field(List<Map<String, Object>> fields, String path) {
        for (Map<String, Object> f : fields) {
            if (f.get("path").equals(path)) {
                return f;
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> entries = (List<Map<String, Object>>) f.get("entries");
            for (Map<String, Object> e : entries) {
                @SuppressWarnings("unchecked")
                Map<String, Object> inner = field((List<Map<String, Object>>) e.get("fields"), path);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    @Test
    void everyFieldTypeRendersWithItsLabelHintValueAndError() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("script", "Hello {{target.name}}");
        values.put("max_calls", new BigDecimal("3"));
        values.put("talking_points", List.of("one", "two"));
        values.put("chambers", List.of("upper"));
        values.put("scripts", List.of(Map.of("name", "senate", "chamber", "upper", "text", "Dear senator")));
        Map<String, String> errors = new HashMap<>(Map.of("scripts[0].text", "is required", "tone", "must be one of [polite, urgent]",
                "elsewhere", "a problem no field shows"));
        List<Map<String, Object>> fields = SettingsForm.fields(SCHEMA, values, errors, LABELS);

        assertThat(field(fields, "script")).containsEntry("label", "Call script").containsEntry("hint", "What to say.")
                .containsEntry("type", "textarea").containsEntry("name", "s.script").containsEntry("id", "s-script")
                .containsEntry("required", true).containsEntry("value", "Hello {{target.name}}");
        assertThat(field(fields, "office_hours")).as("no message: the name").containsEntry("label", "Office hours");
        assertThat(field(fields, "max_calls")).containsEntry("value", "3").containsEntry("type", "number");
        assertThat(field(fields, "record_outcome")).as("absent: the schema default").containsEntry("checked", true);
        assertThat(field(fields, "tone")).containsEntry("error", "Tone must be one of [polite, urgent].")
                .extracting(f -> f.get("choices")).asList().extracting("value", "label", "selected")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("polite", "polite", true),
                        org.assertj.core.groups.Tuple.tuple("urgent", "Urgent", false));
        assertThat(field(fields, "chambers").get("choices")).asList().extracting("value", "selected")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("upper", true), org.assertj.core.groups.Tuple.tuple("lower", false));
        assertThat(field(fields, "talking_points")).containsEntry("value", "one\ntwo").containsEntry("hint", "One per line.");
        assertThat(field(fields, "intro").get("hint")).asString().startsWith("Markdown");
        assertThat(field(fields, "scripts")).containsEntry("count", 1).containsEntry("countName", "s.scripts#")
                .containsEntry("addOp", "add:scripts");
        assertThat(field(fields, "scripts[0].text")).containsEntry("name", "s.scripts[0].text").containsEntry("id", "s-scripts-0-text")
                .containsEntry("error", "Text is required.");
        assertThat(field(fields, "scripts[0].chamber")).containsEntry("value", "upper");
        assertThat(errors).as("left for the summary").containsOnlyKeys("elsewhere");
    }

    @Test
    void theFormReadsBackIntoTheSettingsTreeKeepingWhatTheSchemaDoesNotDescribe() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("s.script", List.of("Line one\r\nLine two\r\n"));
        form.put("s.max_calls", List.of(" 5 "));
        form.put("s.tone", List.of("urgent"));
        form.put("s.chambers", List.of("lower", "bogus"));
        form.put("s.talking_points", List.of("first\r\n\r\n  second  \r\n"));
        form.put("s.contact", List.of("   "));
        form.put("s.scripts#", List.of("2"));
        form.put("s.scripts[0].name", List.of("house"));
        form.put("s.scripts[0].chamber", List.of("lower"));
        form.put("s.scripts[0].text", List.of("Rep text"));
        form.put("s.scripts[1].name", List.of("any"));
        form.put("s.scripts[1].text", List.of(""));
        form.put("_csrf", List.of("token"));
        Map<String, Object> base = Map.of("legacy_key", "kept", "scripts", List.of(Map.of("note", "kept too")));

        Map<String, Object> s = SettingsForm.read(SCHEMA, form, base);
        assertThat(s).containsEntry("script", "Line one\nLine two").containsEntry("max_calls", 5L).containsEntry("tone", "urgent")
                .containsEntry("chambers", List.of("lower")).containsEntry("talking_points", List.of("first", "second"))
                .containsEntry("record_outcome", false).containsEntry("legacy_key", "kept")
                .doesNotContainKeys("contact", "_csrf", "intro");
        assertThat(s.get("scripts")).asList().satisfiesExactly(
                first -> assertThat(first).isEqualTo(Map.of("note", "kept too", "name", "house", "chamber", "lower", "text", "Rep text")),
                second -> assertThat(second).isEqualTo(Map.of("name", "any")));
        assertThat(SCHEMA.validate(s)).containsExactly("scripts[1].text: is required");

        form.put("s.max_calls", List.of("lots"));
        assertThat(SettingsForm.read(SCHEMA, form, Map.of())).as("kept as typed, for the error next to it")
                .containsEntry("max_calls", "lots");
    }

    @Test
    void groupEntriesAreAddedWithDefaultsAndRemovedByIndex() {
        Map<String, Object> s = new LinkedHashMap<>(Map.of("scripts", List.of(Map.of("name", "a"), Map.of("name", "b"))));
        assertThat(SettingsForm.apply("add:scripts", SCHEMA, s)).isTrue();
        assertThat(s.get("scripts")).asList().hasSize(3).last().isEqualTo(Map.of("chamber", "any"));
        assertThat(SettingsForm.apply("remove:scripts[0]", SCHEMA, s)).isTrue();
        assertThat(((List<?>) s.get("scripts")).stream().map(e -> (Object) ((Map<?, ?>) e).get("name")).toList()).containsExactly("b", null);
        assertThat(SettingsForm.apply("remove:scripts[7]", SCHEMA, s)).isFalse();
        assertThat(SettingsForm.apply("add:script", SCHEMA, s)).as("not a group").isFalse();
        assertThat(SettingsForm.apply("remove:../etc", SCHEMA, s)).isFalse();
        assertThat(SettingsForm.apply("add:nothing", SCHEMA, new HashMap<>())).isFalse();
        Map<String, Object> empty = new HashMap<>();
        assertThat(SettingsForm.apply("add:scripts", SCHEMA, empty)).as("a group with no entries yet").isTrue();
        assertThat(empty.get("scripts")).asList().hasSize(1);
    }

    @Test
    void messagesReadAsSentences() {
        assertThat(SettingsForm.sentence("Subject", "is required")).isEqualTo("Subject is required.");
        assertThat(SettingsForm.sentence("Letter", "unknown merge field {{x}}")).isEqualTo("Unknown merge field {{x}}");
    }
}
