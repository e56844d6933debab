package org.chorus.api.admin;

import java.util.List;
import org.chorus.api.web.PluginResponse;
import org.pf4j.ExtensionPoint;

/**
 * Pages a plugin adds to the admin console, under {@code /admin/extensions/<pluginId>/<path>} (after Jenkins'
 * management links): a plugin owns the staff screens of its feature, the host owns the login, the roles, the CSRF
 * check and the layout.
 *
 * <p>Before {@link #handle} runs the host has checked a staff session, a role of at least {@link StaffRole#VIEWER}
 * for GET and {@link StaffRole#ORGANIZER} for POST, and the CSRF token of a POST. A route that needs
 * {@link StaffRole#OWNER} checks {@code request.staff().has(StaffRole.OWNER)} itself and answers 403.
 *
 * <p>A {@link PluginResponse.Page} renders the plugin template through the admin theme chain inside the admin
 * layout; the host adds {@code csrfToken} and {@code adminBase} ({@code /admin/extensions/<pluginId>}) to the
 * fragment's model. {@link PluginResponse.Raw} serves downloads; {@link PluginResponse.Redirect} ends a POST.
 *
 * @since 1.1.0
 */
public interface AdminRoutes extends ExtensionPoint {

    /** Entries for the console's navigation; each path is relative to the plugin's prefix ("" = its index). */
    List<AdminLink> links();

    /** @return a response, or null when the plugin has no such route (the host answers 404) */
    PluginResponse handle(AdminRequest request);
}
