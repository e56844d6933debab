package org.chorus.api.admin;

import java.util.Objects;

/**
 * The signed-in staff member an admin request comes from.
 *
 * @since 1.1.0
 */
public record StaffMember(String email, String displayName, StaffRole role) {

    public StaffMember {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
    }

    /** Whether this member holds {@code least} or a higher role. */
    public boolean has(StaffRole least) {
        return role.includes(least);
    }
}
