/**
 * Helpers plugins may bundle. Contract: small, dependency-light, nothing of the host; a plugin that uses the kit
 * shades it (and its dependencies, relocated) into its own jar, so each plugin keeps its own copy.
 */
package org.chorus.kit;
