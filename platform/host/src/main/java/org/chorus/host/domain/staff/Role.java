package org.chorus.host.domain.staff;

/** What a staff member may do, highest first. Each role includes everything the ones below it may do. */
public enum Role {
    /** Everything, including staff accounts. */
    OWNER,
    /** Runs campaigns and the outbox (retry), not accounts. */
    ORGANIZER,
    /** Reads everything an organizer sees, changes nothing. */
    VIEWER;

    /** Whether someone with this role may use a route that needs {@code required}. */
    public boolean includes(Role required) {
        return ordinal() <= required.ordinal();
    }
}
