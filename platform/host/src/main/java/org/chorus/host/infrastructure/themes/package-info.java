/**
 * Freemarker themes. A theme is a folder of {@code themes/}: {@code theme.properties} ({@code parent=},
 * {@code type=}, {@code styles=}), templates ({@code *.ftlh}) at its root, {@code resources/} (css, img, js)
 * and {@code messages/messages_<locale>.properties}.
 *
 * <p>Contract: lookup walks the campaign's theme, its parents, then {@code base}, then the templates
 * plugins ship ({@code plugin/<pluginId>/…}), so overriding one template or one message is a one-file
 * change. Properties and messages merge from {@code base} down. HTML auto-escaping is always on, and
 * {@code ?new} and {@code ?api} are disabled, so a template cannot instantiate or reach into Java objects.
 */
package org.chorus.host.infrastructure.themes;
