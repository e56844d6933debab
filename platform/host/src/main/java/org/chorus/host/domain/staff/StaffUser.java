package org.chorus.host.domain.staff;

import java.time.Instant;

/** A staff account as the console shows it (never with its password hash). */
public record StaffUser(long id, String email, String displayName, Role role, boolean disabled, Instant createdAt,
                        Instant updatedAt) {
}
