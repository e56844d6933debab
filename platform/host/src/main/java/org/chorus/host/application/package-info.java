/**
 * Use cases: showing campaigns, taking a supporter's action, importing campaign files, publishing events.
 *
 * <p>Contract: each public method is one use case and one unit of work; it speaks in API value types and
 * snapshots, never handing entities to the interface layer or to plugins, and it calls plugins only through
 * the plugin invoker. No HTTP types here.
 */
package org.chorus.host.application;
