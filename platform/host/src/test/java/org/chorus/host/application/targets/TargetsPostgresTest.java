package org.chorus.host.application.targets;

import org.chorus.host.testsupport.TestDatabases;
import org.chorus.host.testsupport.TestDatabases.TestDatabase;

/** The same tests on PostgreSQL, in a schema of their own that is dropped afterwards. */
class TargetsPostgresTest extends TargetsPersistenceContract {

    @Override
    protected TestDatabase open() {
        return TestDatabases.postgres("targets");
    }
}
