/**
 * The admin console's use cases: staff accounts and their passwords ({@link org.chorus.host.application.admin.PasswordHasher},
 * {@link org.chorus.host.application.admin.LoginThrottle}), the first-start setup token, server-side sessions with their
 * CSRF token, the append-only audit log ({@link org.chorus.host.application.admin.StaffSecurity}), and the outbox
 * screens' reads and retry ({@link org.chorus.host.application.admin.OutboxAdmin}). Plain JDBC over the platform's
 * data source (small, hot queries; no JPA entities to keep in step). No HTTP here: cookies, CSRF fields and role
 * checks on routes are the web layer's ({@code interfaces.admin}).
 */
package org.chorus.host.application.admin;
