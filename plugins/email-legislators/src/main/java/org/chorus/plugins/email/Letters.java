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
     * How the letters go out.
     *
     * @param main           the letter settings in the campaign's main language (the language letters are sent in)
     * @param mainMessages   messages in that language (salutation, sign-off)
     * @param otherLanguage  the supporter's language by name, in the main language ("Spanish"); null when the
     *                       supporter uses the main language
     * @param both           also send the supporter's language version (else only when they rewrote the text)
     * @param signWithStreet false in a campaign's privacy safe mode: the street found the districts, and that is all
     */
    record Delivery(LetterSettings main, Messages mainMessages, String otherLanguage, boolean both, boolean signWithStreet) {

        /** The supporter writes in the language the letters go out in. */
        static Delivery sameLanguage(LetterSettings settings, Messages messages) {
            return new Delivery(settings, messages, null, false, true);
        }
    }

    static List<Letter> compose(LetterSettings s, List<TargetInfo> targets, Constituent c, String editedBody,
                                String personal, Stances stances, Messages shown, Messages english,
                                String campaignTitle, String organization) {
        return compose(s, targets, c, editedBody, personal, stances, shown, Delivery.sameLanguage(s, english),
                campaignTitle, organization);
    }

    /**
     * @param s          the letter settings in the supporter's language (what the form showed)
     * @param editedBody what the supporter's text area held (null when the text is locked or JS sent none)
     * @param personal   an optional paragraph the supporter added
     * @param delivery   the language(s) the letters go out in
     */
    static List<Letter> compose(LetterSettings s, List<TargetInfo> targets, Constituent c, String editedBody,
                                String personal, Stances stances, Messages shown, Delivery delivery,
                                String campaignTitle, String organization) {
        boolean edited = editedBody != null && !normalize(editedBody).equals(normalize(displayBody(s, shown)));
        boolean translated = delivery.otherLanguage() != null;
        Messages out = delivery.mainMessages();
        List<Letter> letters = new ArrayList<>();
        for (TargetInfo t : targets) {
            Map<String, String> values = values(c, t, campaignTitle, organization);
            LetterSettings.Variant v = s.letterFor(t, stances);
            String variant = v.name();
            String own;
            if (edited) {
                own = replacePlaceholders(editedBody.strip(), placeholders(shown), values);
                variant = "supporter-edited";
            } else {
                own = MergeTemplate.render(v.body() == null ? s.body() : v.body(), values).strip();
            }
            String body;
            String subjectText;
            if (!translated) {
                body = own;
                subjectText = v.subject() == null || v.subject().isBlank() ? s.subject() : v.subject();
            } else {
                // The legislator reads the main language: the campaign's letter in it comes first. The supporter's
                // own words (or, when asked for, the same letter in their language) follow, labelled.
                LetterSettings.Variant mv = delivery.main().letterFor(t, stances);
                body = MergeTemplate.render(mv.body() == null ? delivery.main().body() : mv.body(), values).strip();
                if (edited || delivery.both()) {
                    body = body + "\n\n" + out.get(edited ? "emailLegislators.letter.ownWords" : "emailLegislators.letter.sameIn",
                            delivery.otherLanguage()) + "\n\n" + own;
                }
                subjectText = mv.subject() == null || mv.subject().isBlank() ? delivery.main().subject() : mv.subject();
            }
            if (personal != null && !personal.isBlank()) {
                body = body + "\n\n" + personal.strip();
            }
            String subject = MergeTemplate.render(subjectText, values).replaceAll("[\\r\\n]+", " ").strip();
            String salutation = out.get("emailLegislators.letter.salutation", t.title() == null ? "" : t.title(),
                    t.familyName() == null ? t.name() : t.familyName()).replace("  ", " ");
            StringBuilder full = new StringBuilder();
            full.append(salutation).append("\n\n").append(body).append("\n\n")
                    .append(out.get("emailLegislators.letter.signoff")).append('\n')
                    .append(c.fullName()).append('\n');
            if (delivery.signWithStreet() && c.street() != null && !c.street().isBlank()) {
                full.append(c.street().strip()).append('\n');
            }
            String townLine = ((c.town() == null ? "" : c.town().strip()) + ", MA " + (c.zip() == null ? "" : c.zip().strip())).strip();
            if (townLine.startsWith(",")) {
                townLine = townLine.substring(1).strip();
            }
            full.append(townLine);
            letters.add(new Letter(t, variant, subject, full.toString()));
        }
        return letters;
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
