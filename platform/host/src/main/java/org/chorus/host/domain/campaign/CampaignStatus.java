package org.chorus.host.domain.campaign;

import java.util.EnumSet;
import java.util.Set;

/** A campaign's life: draft → published → closed or victory → archived. Only published campaigns take actions. */
public enum CampaignStatus {
    DRAFT, PUBLISHED, CLOSED, VICTORY, ARCHIVED;

    public Set<CampaignStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(PUBLISHED, ARCHIVED);
            case PUBLISHED -> EnumSet.of(CLOSED, VICTORY, DRAFT);
            case CLOSED, VICTORY -> EnumSet.of(ARCHIVED, PUBLISHED);
            case ARCHIVED -> EnumSet.of(DRAFT);
        };
    }

    public boolean canMoveTo(CampaignStatus target) {
        return next().contains(target);
    }

    /** Visible to the public (a closed or won campaign still shows its page, without taking actions). */
    public boolean isPublic() {
        return this == PUBLISHED || this == CLOSED || this == VICTORY;
    }

    public static CampaignStatus parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown campaign status '" + s + "' (draft, published, closed, victory, archived)");
        }
    }
}
