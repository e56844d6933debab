package org.chorus.api;

/**
 * A person to pressure, e.g. a legislator.
 *
 * @param id          host id
 * @param externalId  id in the source data, e.g. an Open States {@code ocd-person/…} id
 * @param title       honorific for salutations, e.g. "Senator" or "Representative"
 * @param chamber     {@code upper} / {@code lower} (or null)
 * @param divisionOcdId the division they represent (or null)
 * @param divisionName  its display name (or null)
 * @param sitting     false for a former member (since 1.1.0)
 */
public record TargetInfo(long id, String externalId, String name, String givenName, String familyName,
                         String title, String chamber, String party, String email, String phone,
                         String photoUrl, String divisionOcdId, String divisionName, boolean sitting) {

    /** The 1.0 shape: a sitting target. */
    public TargetInfo(long id, String externalId, String name, String givenName, String familyName, String title,
                      String chamber, String party, String email, String phone, String photoUrl, String divisionOcdId,
                      String divisionName) {
        this(id, externalId, name, givenName, familyName, title, chamber, party, email, phone, photoUrl, divisionOcdId,
                divisionName, true);
    }
}
