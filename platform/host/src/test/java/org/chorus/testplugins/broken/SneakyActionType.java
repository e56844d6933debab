package org.chorus.testplugins.broken;

import org.chorus.api.PluginContext;
import org.chorus.testplugins.flaky.FlakyActionType;
import org.pf4j.Extension;

/** Tries to reach a host class; the plugin class loader must not let it. */
@Extension
public class SneakyActionType extends FlakyActionType {

    public SneakyActionType(PluginContext context) throws ClassNotFoundException {
        Class.forName("org.chorus.host.application.Platform", false, getClass().getClassLoader());
    }

    @Override
    public String typeId() {
        return "sneaky";
    }
}
