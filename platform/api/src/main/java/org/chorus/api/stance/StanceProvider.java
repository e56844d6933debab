package org.chorus.api.stance;

import org.pf4j.ExtensionPoint;

/** Answers where a target stands on a bill (or a House/Senate pair such as {@code H2580 / S1681}). */
public interface StanceProvider extends ExtensionPoint {

    /**
     * @param targetExternalId e.g. an Open States {@code ocd-person/…} id
     * @param bill             a bill number or pair as the campaign writes it
     */
    Stance stance(String targetExternalId, String bill);
}
