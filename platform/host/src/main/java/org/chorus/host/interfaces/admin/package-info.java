/**
 * The admin console under {@code /admin}: server-rendered pages in the {@code admin} theme.
 *
 * <p>Security model: {@link org.chorus.host.interfaces.admin.AdminFilter} runs on every request under
 * {@code /admin} after JAX-RS matched its resource method and asks {@link org.chorus.host.interfaces.admin.AdminGuard}:
 * a route is open only if it is marked {@link org.chorus.host.interfaces.admin.AdminPublic} (login, setup, logout)
 * or declares {@link org.chorus.host.interfaces.admin.RequiresRole}; anything else is refused (deny by default).
 * Anonymous → 303 to the login page (with {@code next}); a lower role → 403; a POST/PUT/PATCH/DELETE without the
 * session's CSRF token ({@code _csrf} field or {@code X-CSRF-Token} header) → 403. Roles are checked on the server
 * only; the templates merely hide buttons.
 */
package org.chorus.host.interfaces.admin;
