package org.chorus.plugins.scorecards;

import org.chorus.api.PluginContext;
import org.chorus.api.stance.Stance;
import org.chorus.api.stance.StanceProvider;
import org.pf4j.Extension;

/**
 * Where a legislator stands on a bill, from the scorecard records of the current session: what the email action's
 * letter variants ask ("co-sponsors H2580 / S1681" gets the thank-you letter). Read from the database on every
 * call, so a staff edit or an import decides the very next letter.
 */
@Extension
public class ScorecardStances implements StanceProvider {

    private final Scorecards scorecards;

    public ScorecardStances(PluginContext context) {
        this.scorecards = Scorecards.of(context);
    }

    @Override
    public Stance stance(String targetExternalId, String bill) {
        return scorecards.stance(targetExternalId, bill);
    }
}
