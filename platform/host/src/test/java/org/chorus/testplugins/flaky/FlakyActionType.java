package org.chorus.testplugins.flaky;

import java.util.List;
import org.chorus.api.action.ActionType;
import org.chorus.api.action.ActionView;
import org.chorus.api.action.Fragment;
import org.chorus.api.action.ResultView;
import org.chorus.api.action.SettingsSchema;
import org.chorus.api.action.Submission;
import org.chorus.api.action.SubmissionOutcome;
import org.pf4j.Extension;

/** Throws whenever it is asked to do anything: the host must contain it. */
@Extension
public class FlakyActionType implements ActionType {

    @Override
    public String typeId() {
        return "flaky";
    }

    @Override
    public String nameKey() {
        return "flaky.name";
    }

    @Override
    public SettingsSchema settingsSchema() {
        return new SettingsSchema(List.of());
    }

    @Override
    public Fragment form(ActionView view) {
        throw new IllegalStateException("flaky form is broken on purpose");
    }

    @Override
    public SubmissionOutcome submit(Submission submission) {
        throw new IllegalStateException("flaky submit is broken on purpose");
    }

    @Override
    public Fragment result(ResultView view) {
        throw new IllegalStateException("flaky result is broken on purpose");
    }
}
