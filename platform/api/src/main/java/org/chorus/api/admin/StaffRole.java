package org.chorus.api.admin;

/**
 * Staff roles, each including the ones below it: owners run the platform, organizers run campaigns, viewers read.
 *
 * @since 1.1.0
 */
public enum StaffRole {
    VIEWER, ORGANIZER, OWNER;

    public boolean includes(StaffRole other) {
        return compareTo(other) >= 0;
    }
}
