/** Test support for plugin authors: a fake {@link org.chorus.api.PluginContext}. */
package org.chorus.testkit;
