package org.chorus.api.stance;

/**
 * The host's view over every installed {@link StanceProvider}: the first answer that is not
 * {@link Stance#UNKNOWN} wins. Given to plugins through {@link org.chorus.api.PluginContext#stances()}.
 */
public interface Stances {

    Stance stance(String targetExternalId, String bill);
}
