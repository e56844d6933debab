package org.chorus.plugins.petitions;

import java.time.Instant;
import java.util.Map;
import org.chorus.api.action.RecordedAction;
import org.chorus.api.action.SupporterDetails;

/**
 * One signature as the petition reads it back from the host's action record. The person's name, e-mail and town
 * come from the supporter (so a privacy deletion removes them everywhere); the record's payload keeps what only
 * the petition knows: the comment, the anonymity choice, the language signed in.
 *
 * @param supporter null when the person was deleted on a privacy request
 */
record Signature(long id, Instant signedAt, String sourceCode, SupporterDetails supporter, boolean anonymous,
                 String comment, String language) {

    static Signature of(RecordedAction r) {
        Map<String, Object> p = r.payload() == null ? Map.of() : r.payload();
        Object anonymous = p.get("anonymous");
        Object comment = p.get("comment");
        Object language = p.get("language");
        return new Signature(r.id(), r.takenAt(), r.sourceCode(), r.supporter(),
                Boolean.TRUE.equals(anonymous) || "true".equals(String.valueOf(anonymous)),
                comment == null ? "" : comment.toString(), language == null ? "" : language.toString());
    }

    boolean deleted() {
        return supporter == null;
    }

    String firstName() {
        return supporter == null || supporter.firstName() == null ? "" : supporter.firstName();
    }

    String lastName() {
        return supporter == null || supporter.lastName() == null ? "" : supporter.lastName();
    }

    String fullName() {
        return (firstName() + " " + lastName()).trim();
    }

    String town() {
        return supporter == null || supporter.town() == null ? "" : supporter.town();
    }

    String postalCode() {
        return supporter == null || supporter.postalCode() == null ? "" : supporter.postalCode();
    }

    String email() {
        return supporter == null ? "" : supporter.email();
    }

    /** Shown to the public by first name and town, unless the signer chose not to be, or is gone. */
    boolean shownByName() {
        return !anonymous && supporter != null;
    }
}
