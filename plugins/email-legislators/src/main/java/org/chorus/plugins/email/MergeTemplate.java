package org.chorus.plugins.email;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Staff-written letter text with {@code {{supporter.first_name}}}-style merge fields. Substitution is a single
 * pass over the staff text: inserted values are never scanned again, so a supporter who types {@code {{…}}}
 * gets exactly that text, and nothing in staff text can reach code.
 */
final class MergeTemplate {

    /** The merge fields staff may use. */
    static final Set<String> FIELDS = Set.of(
            "supporter.first_name", "supporter.last_name", "supporter.full_name", "supporter.town", "supporter.street",
            "supporter.zip", "target.title", "target.name", "target.first_name", "target.last_name", "target.district",
            "target.chamber", "target.party", "campaign.title", "organization");

    private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*([a-z_.]+)\\s*}}");

    private MergeTemplate() {
    }

    /** Merge fields used in the text that do not exist (for settings validation). */
    static Set<String> unknownFields(String text) {
        Set<String> unknown = new LinkedHashSet<>();
        if (text == null) {
            return unknown;
        }
        Matcher m = FIELD.matcher(text);
        while (m.find()) {
            if (!FIELDS.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }

    static String render(String text, Map<String, String> values) {
        if (text == null) {
            return "";
        }
        Matcher m = FIELD.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
