package org.chorus.host.domain.target;

import java.util.List;
import java.util.Optional;

public interface TargetRepository {

    Optional<Target> find(long id);

    Optional<Target> findByExternalId(String externalId);

    List<Target> findSitting();

    /** Sitting and former targets. */
    List<Target> findAll();

    List<Target> findSittingByDivision(String ocdId);

    Optional<Division> findDivision(String ocdId);

    List<Division> findDivisions(String kind);

    void add(Target target);

    void add(Division division);
}
