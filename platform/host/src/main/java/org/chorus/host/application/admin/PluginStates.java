package org.chorus.host.application.admin;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.chorus.host.domain.staff.StaffUser;

/**
 * Plugins staff switched off or on ({@code plugin_state}). Disabling takes a plugin out of service at once and keeps
 * it from starting at the next start; enabling takes effect at the next start (a plugin's start runs its migrations
 * and builds its extensions, which the host does once, at start). {@code PLATFORM_PLUGINS_DISABLED} still wins:
 * what the operator's configuration disables, the console cannot enable. Code is never uploaded here.
 */
public final class PluginStates {

    private final DataSource ds;
    private final StaffSecurity security;
    private final Clock clock;
    private final Consumer<String> takeOutOfService;

    /** @param takeOutOfService stops a running plugin now (the runtime's disable) */
    public PluginStates(DataSource ds, StaffSecurity security, Clock clock, Consumer<String> takeOutOfService) {
        this.ds = ds;
        this.security = security;
        this.clock = clock;
        this.takeOutOfService = takeOutOfService;
    }

    /** The plugins staff disabled, read once at start before plugins load. */
    public static Set<String> disabledIds(DataSource ds) {
        return StaffSecurity.Jdbc.query(ds, "SELECT plugin_id FROM plugin_state WHERE enabled = FALSE", ps -> { },
                rs -> rs.getString(1)).stream().collect(Collectors.toSet());
    }

    /** Staff's choice per plugin id (plugins nobody switched are absent: enabled). */
    public Map<String, Boolean> choices() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        StaffSecurity.Jdbc.query(ds, "SELECT plugin_id, enabled FROM plugin_state ORDER BY plugin_id", ps -> { },
                rs -> out.put(rs.getString(1), rs.getBoolean(2)));
        return out;
    }

    public void set(StaffUser actor, String pluginId, boolean enabled) {
        Instant now = clock.instant();
        Boolean before = choices().get(pluginId);
        StaffSecurity.Jdbc.inTransaction(ds, c -> {
            int n;
            try (PreparedStatement u = c.prepareStatement("UPDATE plugin_state SET enabled = ?, updated_at = ? WHERE plugin_id = ?")) {
                u.setBoolean(1, enabled);
                u.setTimestamp(2, StaffSecurity.ts(now));
                u.setString(3, pluginId);
                n = u.executeUpdate();
            }
            if (n == 0) {
                try (PreparedStatement i = c.prepareStatement("INSERT INTO plugin_state (plugin_id, enabled, updated_at) VALUES (?, ?, ?)")) {
                    i.setString(1, pluginId);
                    i.setBoolean(2, enabled);
                    i.setTimestamp(3, StaffSecurity.ts(now));
                    i.executeUpdate();
                }
            }
            security.audit(c, actor, enabled ? "plugin.enable" : "plugin.disable", "plugin:" + pluginId,
                    before == null ? null : Map.of("enabled", before), Map.of("enabled", enabled), now);
            return null;
        });
        if (!enabled) {
            takeOutOfService.accept(pluginId);
        }
    }
}
