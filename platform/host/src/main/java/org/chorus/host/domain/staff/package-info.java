/**
 * Staff of the coalition who use the admin console: accounts and roles. Roles are ordered
 * (owner &gt; organizer &gt; viewer); a route that needs a role admits every higher one.
 */
package org.chorus.host.domain.staff;
