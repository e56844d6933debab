package org.chorus.host.interfaces.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All pages and APIs; Payara adds /health, /metrics and /openapi beside it, so no route may start with those. */
@ApplicationPath("/")
public class ChorusApplication extends Application {
}
