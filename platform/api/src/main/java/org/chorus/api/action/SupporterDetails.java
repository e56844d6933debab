package org.chorus.api.action;

import java.util.Map;
import java.util.Objects;

/**
 * The person behind a submission; the host upserts the supporter by e-mail address.
 *
 * @param consents consent key → granted (e.g. a partner organisation's opt-in), recorded with history
 */
public record SupporterDetails(String email, String firstName, String lastName, String street, String town,
                               String postalCode, Map<String, Boolean> consents) {

    public SupporterDetails {
        Objects.requireNonNull(email, "email");
        consents = consents == null ? Map.of() : Map.copyOf(consents);
    }
}
