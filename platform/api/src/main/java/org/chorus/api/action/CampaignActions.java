package org.chorus.api.action;

import java.util.Locale;
import java.util.Optional;

/**
 * Read access to configured campaign actions, for plugin routes that serve an action outside a page render
 * (e.g. a live letter preview). Only public campaigns are visible.
 */
public interface CampaignActions {

    Optional<ActionView> find(String campaignSlug, String actionKey, Locale locale);
}
