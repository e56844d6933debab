package org.chorus.api;

import java.util.List;
import java.util.Optional;

/** Read access to the host's targets (people to pressure) and divisions (what they represent). */
public interface TargetDirectory {

    /** Every division of a kind, e.g. {@code "sldu"} (state Senate districts) or {@code "sldl"} (House). */
    List<DivisionInfo> divisions(String kind);

    Optional<DivisionInfo> division(String ocdId);

    /** Sitting targets representing a division (empty when the seat is vacant). */
    List<TargetInfo> sittingTargets(String divisionOcdId);

    Optional<TargetInfo> target(long id);

    Optional<TargetInfo> targetByExternalId(String externalId);

    /** All sitting targets. */
    List<TargetInfo> sittingTargets();

    /** Every target, sitting and former, e.g. to join imported records by external id (since 1.1.0). */
    List<TargetInfo> allTargets();
}
