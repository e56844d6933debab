package org.chorus.host.infrastructure.plugins;

import java.time.Instant;
import java.util.List;

/**
 * What the host knows of one plugin, for {@code /api/plugins}, health and the admin console.
 *
 * @param state    {@code started}, {@code failed}, {@code incompatible}, {@code disabled}
 * @param provides extension points it implements, e.g. {@code ActionType:email-legislators}
 */
public record PluginStatus(String id, String version, String description, String requires, String state,
                           String problem, List<String> provides, long failures, Instant lastFailureAt) {
}
