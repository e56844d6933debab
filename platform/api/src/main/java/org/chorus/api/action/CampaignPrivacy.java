package org.chorus.api.action;

/**
 * A campaign's privacy safe mode, as staff set it (campaign file {@code privacy:}). The host enforces what it
 * stores itself; action types honour it in what they put in letters and payloads.
 *
 * @param discardStreet  use a street address only to find the districts: never store it, never sign with it
 * @param keepReferrer   keep the page a supporter came from (only its host is kept when false)
 * @param purgeAfterDays erase supporters' personal data this many days after their action unless they opted in
 *                       to hear more; 0 keeps it
 */
public record CampaignPrivacy(boolean discardStreet, boolean keepReferrer, int purgeAfterDays) {

    /** No safe mode: what a campaign without a {@code privacy:} section gets. */
    public static final CampaignPrivacy STANDARD = new CampaignPrivacy(false, true, 0);

    public CampaignPrivacy {
        if (purgeAfterDays < 0) {
            throw new IllegalArgumentException("purgeAfterDays must be 0 (keep) or more");
        }
    }

    public boolean purges() {
        return purgeAfterDays > 0;
    }
}
