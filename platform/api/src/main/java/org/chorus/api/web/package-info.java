/**
 * Plugin pages and JSON. The host owns routing: every request to {@code /plugins/{pluginId}/…} is
 * dispatched by one host resource to that plugin's {@link org.chorus.api.web.PluginRoutes}, after the host's
 * own security filters, so a plugin can never shadow a core URL.
 */
package org.chorus.api.web;
