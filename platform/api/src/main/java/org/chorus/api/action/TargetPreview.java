package org.chorus.api.action;

import java.util.Objects;
import org.chorus.api.TargetInfo;

/**
 * What one target would receive from a campaign action, for staff checking settings in the admin console.
 *
 * @param target  who receives it
 * @param variant which version of the text applies to them (e.g. a letter variant's name, or {@code default})
 * @param subject its subject or heading
 * @param body    its plain text
 * @since 1.1.0
 */
public record TargetPreview(TargetInfo target, String variant, String subject, String body) {

    public TargetPreview {
        Objects.requireNonNull(target, "target");
        variant = variant == null ? "" : variant;
        subject = subject == null ? "" : subject;
        body = body == null ? "" : body;
    }
}
