package org.chorus.testplugins.broken;

import org.chorus.api.PluginContext;
import org.chorus.testplugins.flaky.FlakyActionType;
import org.pf4j.Extension;

/** Cannot be built: its constructor throws. */
@Extension
public class BrokenActionType extends FlakyActionType {

    public BrokenActionType(PluginContext context) {
        throw new IllegalStateException("broken on purpose: no configuration for " + context.pluginId());
    }

    @Override
    public String typeId() {
        return "broken";
    }
}
