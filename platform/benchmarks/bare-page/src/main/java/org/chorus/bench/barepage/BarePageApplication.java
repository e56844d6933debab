package org.chorus.bench.barepage;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The one JAX-RS application of the baseline WAR. */
@ApplicationPath("/")
public class BarePageApplication extends Application {
}
