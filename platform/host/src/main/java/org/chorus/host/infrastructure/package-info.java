/**
 * Adapters to the outside of the domain: the database (EclipseLink over a pooled DataSource, Flyway
 * migrations), the PF4J plugin runtime, the Freemarker theme engine, configuration and file formats.
 *
 * <p>Contract: implements what {@code domain} and {@code application} need; knows nothing of HTTP. Every call
 * into plugin code goes through {@link org.chorus.host.infrastructure.plugins.PluginInvoker}.
 */
package org.chorus.host.infrastructure;
