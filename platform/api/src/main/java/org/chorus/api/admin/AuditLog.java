package org.chorus.api.admin;

/**
 * The host's append-only audit log, which owners read in the console. Plugins write one entry for every change
 * their admin pages make.
 *
 * @since 1.1.0
 */
public interface AuditLog {

    /**
     * @param action  what happened, e.g. {@code scorecards.record.edit}
     * @param subject what it happened to, e.g. a target's id
     * @param beforeJson the state before (JSON, or null)
     * @param afterJson  the state after (JSON, or null)
     */
    void record(StaffMember actor, String action, String subject, String beforeJson, String afterJson);
}
