package org.chorus.host.application;

import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.chorus.api.event.ActionTakenEvent;
import org.chorus.api.event.CampaignEventListener;
import org.chorus.api.event.CampaignPublishedEvent;
import org.chorus.host.infrastructure.plugins.PluginFailure;
import org.chorus.host.infrastructure.plugins.PluginRuntime;

/**
 * Tells plugins' {@link CampaignEventListener}s what happened, after commit and off the request thread; a
 * listener's failure is the plugin's (logged and counted by the invoker), never the supporter's.
 */
public class EventBus {

    private static final Logger LOG = Logger.getLogger(EventBus.class.getName());

    private final PluginRuntime plugins;
    private final Executor executor;

    public EventBus(PluginRuntime plugins, Executor executor) {
        this.plugins = plugins;
        this.executor = executor;
    }

    public void actionTaken(ActionTakenEvent event) {
        for (var l : plugins.extensions(CampaignEventListener.class)) {
            dispatch(l.pluginId(), "CampaignEventListener.actionTaken", () -> l.extension().actionTaken(event));
        }
    }

    public void campaignPublished(CampaignSnapshot campaign, Instant at) {
        CampaignPublishedEvent event = new CampaignPublishedEvent(campaign.id(), campaign.slug(),
                campaign.content(java.util.Locale.forLanguageTag(campaign.defaultLanguage())).title(), at);
        for (var l : plugins.extensions(CampaignEventListener.class)) {
            dispatch(l.pluginId(), "CampaignEventListener.campaignPublished", () -> l.extension().campaignPublished(event));
        }
    }

    private void dispatch(String pluginId, String operation, Runnable call) {
        try {
            executor.execute(() -> {
                try {
                    plugins.invoker().run(pluginId, operation, call);
                } catch (PluginFailure e) {
                    // already logged with the plugin's name by the invoker
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "Event for plugin '" + pluginId + "' dropped: executor refused it", e);
        }
    }
}
