package org.chorus.api.lookup;

/**
 * A division a query falls in.
 *
 * @param ocdId   Open Civic Data division id (joins the host's divisions)
 * @param chamber {@code upper} / {@code lower}
 * @param name    district name as the legislators' data write it
 */
public record DistrictMatch(String ocdId, String chamber, String name) {
}
