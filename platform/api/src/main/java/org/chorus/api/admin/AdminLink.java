package org.chorus.api.admin;

/**
 * An entry in the admin console's navigation.
 *
 * @param label plain text (the console is in English)
 * @param path  relative to {@code /admin/extensions/<pluginId>/}, "" for the plugin's index
 * @param role  the least role that sees the entry
 * @since 1.1.0
 */
public record AdminLink(String label, String path, StaffRole role) {
}
