package org.chorus.testplugins.greeting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chorus.api.OutboundEmail;
import org.chorus.api.PluginContext;
import org.chorus.api.action.ActionType;
import org.chorus.api.action.ActionView;
import org.chorus.api.action.FieldError;
import org.chorus.api.action.Fragment;
import org.chorus.api.action.ResultView;
import org.chorus.api.action.SettingsSchema;
import org.chorus.api.action.Submission;
import org.chorus.api.action.SubmissionOutcome;
import org.chorus.api.action.SupporterDetails;
import org.pf4j.Extension;

/** A minimal but complete action type: a supporter sends a greeting; one signature per e-mail. */
@Extension
public class GreetingActionType implements ActionType {

    private final PluginContext context;

    public GreetingActionType(PluginContext context) {
        this.context = context;
    }

    @Override
    public String typeId() {
        return "greeting";
    }

    @Override
    public String nameKey() {
        return "greeting.name";
    }

    @Override
    public SettingsSchema settingsSchema() {
        return new SettingsSchema(List.of(SettingsSchema.Field.of("recipient", SettingsSchema.Type.EMAIL, "greeting.recipient", true),
                SettingsSchema.Field.of("once", SettingsSchema.Type.BOOLEAN, "greeting.once", false)));
    }

    @Override
    public Fragment form(ActionView view) {
        return new Fragment("form.ftlh", Map.of("recipient", view.settings().string("recipient", "")));
    }

    @Override
    public SubmissionOutcome submit(Submission s) {
        List<FieldError> errors = new ArrayList<>();
        if (s.field("first_name").isEmpty()) {
            errors.add(new FieldError("first_name", s.messages().get("greeting.error.name")));
        }
        if (s.field("message").length() > 500) {
            errors.add(new FieldError("message", s.messages().get("error.tooLong", 500)));
        }
        if (!errors.isEmpty()) {
            return new SubmissionOutcome.Rejected(errors);
        }
        String recipient = s.settings().string("recipient", "office@example.org");
        OutboundEmail mail = new OutboundEmail(recipient, "The Office", s.field("first_name") + " via "
                + s.campaign().organizationName(), s.field("email"), "Greetings", s.field("message"), null, null);
        return new SubmissionOutcome.Accepted(
                new SupporterDetails(s.field("email"), s.field("first_name"), s.field("last_name"),
                        s.field("street").isEmpty() ? null : s.field("street"), s.field("town"), null,
                        Map.of("updates", !s.field("updates").isEmpty())),
                Map.of("message", s.field("message"), "plugin", context.pluginId()), List.of(mail),
                s.settings().bool("once", false) ? s.field("email").toLowerCase() : null);
    }

    @Override
    public Fragment result(ResultView view) {
        return new Fragment("result.ftlh", Map.of("message", view.payload().getOrDefault("message", "")));
    }

    @Override
    public Map<String, Object> publicSummary(ActionView view) {
        return Map.of("recipient", view.settings().string("recipient", ""));
    }
}
