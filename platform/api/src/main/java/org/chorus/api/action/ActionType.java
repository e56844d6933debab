package org.chorus.api.action;

import java.util.List;
import java.util.Map;
import org.chorus.api.Messages;
import org.chorus.api.TargetInfo;
import org.pf4j.ExtensionPoint;

/**
 * Something a supporter does on a campaign page. Staff add it to a campaign as a <em>campaign action</em>
 * with settings that follow {@link #settingsSchema()}.
 */
public interface ActionType extends ExtensionPoint {

    /** Stable id used in campaign files, e.g. {@code email-legislators}. */
    String typeId();

    /** Message key of the human name, e.g. {@code emailLegislators.name}. */
    String nameKey();

    /** The settings staff fill in; the admin console builds its form from this. */
    SettingsSchema settingsSchema();

    /**
     * Problems with a campaign action's settings, as "field: what is wrong" lines (empty when fine). The default
     * checks the schema; types add their own rules (e.g. unknown merge fields in a letter).
     */
    default List<String> checkSettings(ActionSettings settings) {
        return settingsSchema().validate(settings.values());
    }

    /** The form fragment shown on the campaign page. */
    Fragment form(ActionView view);

    /** Validates and interprets a submission; must not have side effects. */
    SubmissionOutcome submit(Submission submission);

    /** The fragment shown on the thank-you page. */
    Fragment result(ResultView view);

    /** Public JSON facts for embeds and partners (e.g. a petition's count and goal). */
    default Map<String, Object> publicSummary(ActionView view) {
        return Map.of();
    }

    /**
     * What of a stored payload may stay once the supporter's personal data is erased (a campaign's privacy purge):
     * counts, districts, which letter went where, but no names, addresses or words they wrote. The default keeps
     * nothing (since API 1.1).
     */
    default Map<String, Object> forget(Map<String, Object> payload) {
        return Map.of();
    }

    /** Campaign templates this type contributes to "new campaign" in the admin console. */
    default List<CampaignTemplate> campaignTemplates() {
        return List.of();
    }

    /**
     * Merge fields staff may write in this type's text settings (e.g. {@code supporter.first_name}, written as
     * {@code {{supporter.first_name}}}); the admin console lists them beside the settings form. Empty by default.
     *
     * @since 1.1.0
     */
    default List<String> mergeFields() {
        return List.of();
    }

    /**
     * Whether {@link #previewForTargets} answers: the admin console then lets staff pick targets (e.g. sitting
     * legislators) and see what each would receive. False by default.
     *
     * @since 1.1.0
     */
    default boolean previewsForTargets() {
        return false;
    }

    /**
     * What each of these targets would receive from a campaign action with these settings (which may be a draft
     * staff have not saved yet), e.g. the letter variant each legislator gets, with placeholders where the
     * supporter's own details will go. Must not have side effects. Called only when {@link #previewsForTargets}.
     *
     * @param messages messages in the language staff preview in
     * @since 1.1.0
     */
    default List<TargetPreview> previewForTargets(ActionSettings settings, CampaignInfo campaign, List<TargetInfo> targets,
                                                  Messages messages) {
        return List.of();
    }
}
