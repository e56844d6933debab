package org.chorus.host.application.targets;

import org.chorus.host.testsupport.TestDatabases;
import org.chorus.host.testsupport.TestDatabases.TestDatabase;

class TargetsH2Test extends TargetsPersistenceContract {

    @Override
    protected TestDatabase open() {
        return TestDatabases.h2("targets");
    }
}
