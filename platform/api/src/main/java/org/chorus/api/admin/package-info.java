/**
 * Admin console pages contributed by plugins ({@link org.chorus.api.admin.AdminRoutes}), the staff member behind a
 * request and the audit log. Since API 1.1.0.
 */
package org.chorus.api.admin;
