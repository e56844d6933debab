package org.chorus.testplugins.letters;

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

/**
 * Two letters per action, like the real e-mail-your-legislators action: one to the senator, one to the
 * representative named in the settings; with {@code digest: true} both carry a digest key (the action), so the
 * host folds them into its daily digest instead of sending them one by one.
 */
@Extension
public class LettersActionType implements ActionType {

    private final PluginContext context;

    public LettersActionType(PluginContext context) {
        this.context = context;
    }

    @Override
    public String typeId() {
        return "letters";
    }

    @Override
    public String nameKey() {
        return "letters.name";
    }

    @Override
    public SettingsSchema settingsSchema() {
        return new SettingsSchema(List.of(
                SettingsSchema.Field.of("senator", SettingsSchema.Type.EMAIL, "letters.senator", true),
                SettingsSchema.Field.of("senator_name", SettingsSchema.Type.TEXT, "letters.senatorName", true),
                SettingsSchema.Field.of("representative", SettingsSchema.Type.EMAIL, "letters.representative", true),
                SettingsSchema.Field.of("representative_name", SettingsSchema.Type.TEXT, "letters.representativeName", true),
                SettingsSchema.Field.of("subject", SettingsSchema.Type.TEXT, "letters.subject", true),
                SettingsSchema.Field.of("digest", SettingsSchema.Type.BOOLEAN, "letters.digest", false)));
    }

    @Override
    public Fragment form(ActionView view) {
        return new Fragment("form.ftlh", Map.of());
    }

    @Override
    public SubmissionOutcome submit(Submission s) {
        List<FieldError> errors = new ArrayList<>();
        for (String required : List.of("first_name", "last_name", "email", "town", "message")) {
            if (s.field(required).isEmpty()) {
                errors.add(new FieldError(required, "required"));
            }
        }
        if (!errors.isEmpty()) {
            return new SubmissionOutcome.Rejected(errors);
        }
        String name = s.field("first_name") + " " + s.field("last_name");
        String from = name + " via " + s.campaign().organizationName();
        String digestKey = s.settings().bool("digest", false) ? s.campaign().slug() + "/" + s.actionId() : null;
        String subject = s.settings().string("subject", "A letter from a constituent");
        List<OutboundEmail> letters = new ArrayList<>();
        for (String office : List.of("senator", "representative")) {
            String toName = s.settings().string(office + "_name", "");
            String body = "Dear " + toName + ",\n\n" + s.field("message") + "\n\nSincerely,\n" + name + "\n" + s.field("town") + "\n";
            letters.add(new OutboundEmail(s.settings().string(office, ""), toName, from, s.field("email"), subject, body,
                    null, digestKey));
        }
        return new SubmissionOutcome.Accepted(
                new SupporterDetails(s.field("email"), s.field("first_name"), s.field("last_name"), null, s.field("town"),
                        null, Map.of()),
                Map.of("message", s.field("message"), "plugin", context.pluginId()), letters, null);
    }

    @Override
    public Fragment result(ResultView view) {
        return new Fragment("result.ftlh", Map.of());
    }
}
