/**
 * The PF4J plugin runtime. Plugins are jars (or zips) in the plugins folder, loaded at start.
 *
 * <p>Contract: a plugin sees only the plugin API, PF4J, SLF4J and the JDK through its parent class loader
 * ({@link org.chorus.host.infrastructure.plugins.ApiOnlyClassLoader}); it is refused when its
 * {@code Plugin-Requires} range does not admit the running API version; and every call into it goes through
 * {@link org.chorus.host.infrastructure.plugins.PluginInvoker}, which sets the context class loader and
 * turns a throw or a {@link LinkageError} into a recorded plugin failure instead of a host failure.
 */
package org.chorus.host.infrastructure.plugins;
