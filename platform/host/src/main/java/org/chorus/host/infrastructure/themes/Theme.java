package org.chorus.host.infrastructure.themes;

import java.nio.file.Path;
import java.util.Map;

/**
 * One theme folder.
 *
 * @param type       {@code public} (supporter pages) or {@code admin} (the console)
 * @param properties this theme's own {@code theme.properties}
 */
public record Theme(String name, String parent, String type, Path dir, Map<String, String> properties) {
}
