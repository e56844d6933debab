package org.chorus.host.domain.supporter;

import java.util.Optional;

public interface SupporterRepository {

    Optional<Supporter> findByEmail(String email);

    Optional<Supporter> find(long id);

    void add(Supporter supporter);

    void addConsent(Consent consent);
}
