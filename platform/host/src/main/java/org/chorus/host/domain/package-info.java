/**
 * The core domain the host owns: campaigns and their actions, supporters and their consents, the actions
 * supporters took, targets and the divisions they represent, and the mail outbox.
 *
 * <p>Contract: entities, value objects, the rules between them (e.g. which campaign status may follow
 * which) and repository interfaces. No JAX-RS, Freemarker or PF4J here, and nothing that leaves the
 * process; persistence details live in {@code infrastructure.persistence}. Entities never reach plugins or
 * templates: application services hand out API value types and view models instead.
 */
package org.chorus.host.domain;
