package org.chorus.plugins.email;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chorus.api.Messages;
import org.chorus.api.TargetInfo;
import org.chorus.api.stance.Stances;

/**
 * Composes the letters: one per legislator, from the variant that matches them (or the supporter's own edit),
 * with a proper salutation and a constituent sign-off.
 */
final class Letters {

    /** The supporter as the letter names them. */
    record Constituent(String firstName, String lastName, String street, String town, String zip) {
        String fullName() {
            return (firstName + " " + lastName).trim();
        }
    }

    /** A letter ready to send. */
    record Letter(TargetInfo target, String variant, String subject, String body) {
    }

    private Letters() {
    }

    /** Merge fields shown to the supporter before we know them, e.g. "[your town]". */
    static Map<String, String> placeholders(Messages m) {
        Map<String, String> p = new HashMap<>();
        for (String f : MergeTemplate.FIELDS) {
            p.put(f, m.get("emailLegislators.placeholder." + f));
        }
        return p;
    }

    static Map<String, String> values(Constituent c, TargetInfo t, String campaignTitle, String organization) {
        Map<String, String> v = new HashMap<>();
        v.put("supporter.first_name", c.firstName());
        v.put("supporter.last_name", c.lastName());
        v.put("supporter.full_name", c.fullName());
        // Without a town (e.g. "use my location"), the district name reads well in "your constituent in …".
        v.put("supporter.town", c.town() == null || c.town().isBlank() ? t.divisionName() : c.town());
        v.put("supporter.street", c.street());
        v.put("supporter.zip", c.zip());
        v.put("target.title", t.title());
        v.put("target.name", t.name());
        v.put("target.first_name", t.givenName());
        v.put("target.last_name", t.familyName() == null ? t.name() : t.familyName());
        v.put("target.district", t.divisionName());
        v.put("target.chamber", t.chamber());
        v.put("target.party", t.party());
        v.put("campaign.title", campaignTitle);
        v.put("organization", organization);
        return v;
    }

    /** The letter body as the supporter first sees it, with placeholders where their details will go. */
    static String displayBody(LetterSettings s, Messages m) {
        return MergeTemplate.render(s.body(), placeholders(m));
    }

    /**
     * @param editedBody what the supporter's text area held (null when the text is locked or JS sent none)
     * @param personal   an optional paragraph the supporter added
     * @param english    messages in the language letters are delivered in
     */
    static List<Letter> compose(LetterSettings s, List<TargetInfo> targets, Constituent c, String editedBody,
                                String personal, Stances stances, Messages shown, Messages english,
                                String campaignTitle, String organization) {
        boolean edited = editedBody != null && !normalize(editedBody).equals(normalize(displayBody(s, shown)));
        List<Letter> out = new ArrayList<>();
        for (TargetInfo t : targets) {
            Map<String, String> values = values(c, t, campaignTitle, organization);
            LetterSettings.Variant v = s.letterFor(t, stances);
            String body;
            String variant = v.name();
            if (edited) {
                body = replacePlaceholders(editedBody.strip(), placeholders(shown), values);
                variant = "supporter-edited";
            } else {
                body = MergeTemplate.render(v.body() == null ? s.body() : v.body(), values).strip();
            }
            if (personal != null && !personal.isBlank()) {
                body = body + "\n\n" + personal.strip();
            }
            String subject = MergeTemplate.render(v.subject() == null || v.subject().isBlank() ? s.subject() : v.subject(), values)
                    .replaceAll("[\\r\\n]+", " ").strip();
            String salutation = english.get("emailLegislators.letter.salutation", t.title() == null ? "" : t.title(),
                    t.familyName() == null ? t.name() : t.familyName()).replace("  ", " ");
            StringBuilder full = new StringBuilder();
            full.append(salutation).append("\n\n").append(body).append("\n\n")
                    .append(english.get("emailLegislators.letter.signoff")).append('\n')
                    .append(c.fullName()).append('\n');
            if (c.street() != null && !c.street().isBlank()) {
                full.append(c.street().strip()).append('\n');
            }
            String townLine = ((c.town() == null ? "" : c.town().strip()) + ", MA " + (c.zip() == null ? "" : c.zip().strip())).strip();
            if (townLine.startsWith(",")) {
                townLine = townLine.substring(1).strip();
            }
            full.append(townLine);
            out.add(new Letter(t, variant, subject, full.toString()));
        }
        return out;
    }

    /** Single pass, like {@link MergeTemplate}: text the supporter typed is never re-scanned. */
    static String replacePlaceholders(String text, Map<String, String> placeholders, Map<String, String> values) {
        Map<String, String> byToken = new LinkedHashMap<>();
        placeholders.forEach((field, token) -> byToken.put(token, values.getOrDefault(field, "")));
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        outer:
        while (i < text.length()) {
            if (text.charAt(i) == '[') {
                for (Map.Entry<String, String> e : byToken.entrySet()) {
                    if (text.startsWith(e.getKey(), i)) {
                        out.append(e.getValue() == null ? "" : e.getValue());
                        i += e.getKey().length();
                        continue outer;
                    }
                }
            }
            out.append(text.charAt(i++));
        }
        return out.toString();
    }

    static String normalize(String s) {
        return s.replace("\r\n", "\n").replaceAll("[ \\t]+", " ").replaceAll("\\s*\\n\\s*", "\n").strip();
    }
}
