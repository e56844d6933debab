package org.chorus.host.domain.campaign;

import java.util.regex.Pattern;

/** Campaign slugs appear in URLs and file names: lower-case letters, digits and single hyphens. */
public final class CampaignSlug {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private CampaignSlug() {
    }

    public static boolean isValid(String s) {
        return s != null && s.length() <= 120 && SLUG.matcher(s).matches();
    }

    public static String require(String s) {
        if (!isValid(s)) {
            throw new IllegalArgumentException("'" + s + "' is not a valid slug: use lower-case letters, digits and hyphens");
        }
        return s;
    }
}
