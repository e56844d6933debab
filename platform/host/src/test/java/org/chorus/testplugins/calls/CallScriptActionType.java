package org.chorus.testplugins.calls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chorus.api.Messages;
import org.chorus.api.PluginContext;
import org.chorus.api.TargetInfo;
import org.chorus.api.action.ActionSettings;
import org.chorus.api.action.ActionType;
import org.chorus.api.action.ActionView;
import org.chorus.api.action.CampaignInfo;
import org.chorus.api.action.CampaignTemplate;
import org.chorus.api.action.FieldError;
import org.chorus.api.action.Fragment;
import org.chorus.api.action.ResultView;
import org.chorus.api.action.SettingsSchema;
import org.chorus.api.action.SettingsSchema.Field;
import org.chorus.api.action.SettingsSchema.Type;
import org.chorus.api.action.Submission;
import org.chorus.api.action.SubmissionOutcome;
import org.chorus.api.action.SupporterDetails;
import org.chorus.api.action.TargetPreview;
import org.pf4j.Extension;

/**
 * "Call your legislator": a settings schema with every field type (a repeatable group of scripts by chamber
 * included), a campaign template, merge fields and per-target previews, so the console's generated form is tested
 * against a plugin the host knows nothing about.
 */
@Extension
public class CallScriptActionType implements ActionType {

    public CallScriptActionType(PluginContext context) {
    }

    @Override
    public String typeId() {
        return "call-script";
    }

    @Override
    public String nameKey() {
        return "calls.name";
    }

    @Override
    public SettingsSchema settingsSchema() {
        return new SettingsSchema(List.of(
                Field.of("intro", Type.MARKDOWN, "calls.intro", false),
                Field.of("script", Type.TEXTAREA, "calls.script", true),
                Field.of("office_hours", Type.TEXT, "calls.officeHours", false),
                new Field("max_calls", Type.NUMBER, "calls.maxCalls", false, 2, List.of(), List.of()),
                new Field("record_outcome", Type.BOOLEAN, "calls.recordOutcome", false, true, List.of(), List.of()),
                new Field("tone", Type.CHOICE, "calls.tone", true, "polite", List.of("polite", "urgent"), List.of()),
                new Field("chambers", Type.LIST, "calls.chambers", false, List.of("upper", "lower"), List.of("upper", "lower"), List.of()),
                Field.of("talking_points", Type.LIST, "calls.talkingPoints", false),
                Field.of("contact", Type.EMAIL, "calls.contact", false),
                Field.of("more_info", Type.URL, "calls.moreInfo", false),
                new Field("scripts", Type.GROUP, "calls.scripts", false, null, List.of(), List.of(
                        Field.of("name", Type.TEXT, "calls.script.name", true),
                        new Field("chamber", Type.CHOICE, "calls.script.chamber", false, "any", List.of("any", "upper", "lower"), List.of()),
                        Field.of("text", Type.TEXTAREA, "calls.script.text", true)))));
    }

    /** The schema's rules plus one of its own: the script must name the target. */
    @Override
    public List<String> checkSettings(ActionSettings settings) {
        List<String> problems = new ArrayList<>(settingsSchema().validate(settings.values()));
        String script = settings.string("script", "");
        if (!script.isBlank() && !script.contains("{{target.name}}")) {
            problems.add("script: must greet the legislator with {{target.name}}");
        }
        return problems;
    }

    @Override
    public List<String> mergeFields() {
        return List.of("target.name", "target.title");
    }

    @Override
    public boolean previewsForTargets() {
        return true;
    }

    @Override
    public List<TargetPreview> previewForTargets(ActionSettings settings, CampaignInfo campaign, List<TargetInfo> targets,
                                                 Messages messages) {
        List<TargetPreview> out = new ArrayList<>();
        for (TargetInfo t : targets) {
            String variant = "default";
            String text = settings.string("script", "");
            for (Object o : settings.list("scripts")) {
                if (o instanceof Map<?, ?> m && ("any".equals(m.get("chamber")) || String.valueOf(t.chamber()).equals(m.get("chamber")))) {
                    variant = String.valueOf(m.get("name"));
                    text = String.valueOf(m.get("text"));
                    break;
                }
            }
            out.add(new TargetPreview(t, variant, "Call " + t.title() + " " + t.name() + " about " + campaign.title(),
                    text.replace("{{target.name}}", t.name()).replace("{{target.title}}", String.valueOf(t.title()))));
        }
        return out;
    }

    @Override
    public List<CampaignTemplate> campaignTemplates() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("script", "Hello, I am calling {{target.name}} as a constituent.");
        settings.put("tone", "polite");
        return List.of(new CampaignTemplate("call-in-day", "calls.template", "Call-in day", "Call your legislators today.",
                "## Why we call\n\nCalls are counted.", settings));
    }

    @Override
    public Fragment form(ActionView view) {
        return new Fragment("form.ftlh", Map.of("script", view.settings().string("script", "")));
    }

    @Override
    public SubmissionOutcome submit(Submission s) {
        if (s.field("email").isEmpty()) {
            return new SubmissionOutcome.Rejected(List.of(new FieldError("email", "Enter your e-mail.")));
        }
        return new SubmissionOutcome.Accepted(new SupporterDetails(s.field("email"), null, null, null, null, null, Map.of()),
                Map.of("called", true), List.of(), null);
    }

    @Override
    public Fragment result(ResultView view) {
        return new Fragment("result.ftlh", Map.of());
    }
}
