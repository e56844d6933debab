package org.chorus.plugins.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.api.TargetInfo;
import org.chorus.api.action.ActionSettings;
import org.chorus.api.stance.Stance;
import org.chorus.api.stance.Stances;

/** A campaign action's letter settings, read once per use from the staff-written tree. */
record LetterSettings(List<String> chambers, List<Bill> bills, String subject, String body, List<Variant> variants,
                      boolean lockText, boolean supporterMaySendOwn, boolean digest, boolean requireStreet,
                      List<Consent> consents, boolean bothLanguages) {

    record Bill(String key, String name) {
    }

    record Consent(String key, String label) {
    }

    /**
     * A letter for the targets it matches; "any" (or blank) matches everything.
     *
     * @param stance cosponsor, supports, opposes, unknown, or not-cosponsor
     */
    record Variant(String name, String chamber, String party, String stanceBill, String stance, String subject,
                   String body) {

        boolean matches(TargetInfo target, Stances stances) {
            if (!any(chamber) && !chamber.equalsIgnoreCase(String.valueOf(target.chamber()))) {
                return false;
            }
            if (!any(party) && (target.party() == null || !target.party().toLowerCase(Locale.ROOT)
                    .startsWith(party.toLowerCase(Locale.ROOT)))) {
                return false;
            }
            if (!any(stance) && !any(stanceBill)) {
                Stance actual = stances.stance(target.externalId(), stanceBill);
                String want = stance.toLowerCase(Locale.ROOT);
                boolean ok = want.equals("not-cosponsor") ? actual != Stance.COSPONSOR
                        : actual.name().equalsIgnoreCase(want);
                return ok;
            }
            return true;
        }

        private static boolean any(String s) {
            return s == null || s.isBlank() || s.equalsIgnoreCase("any");
        }
    }

    static final List<String> STANCES = List.of("any", "cosponsor", "supports", "opposes", "unknown", "not-cosponsor");

    static LetterSettings of(ActionSettings s) {
        List<String> chambers = new ArrayList<>();
        for (Object c : s.list("chambers")) {
            chambers.add(String.valueOf(c));
        }
        if (chambers.isEmpty()) {
            chambers = List.of("upper", "lower");
        }
        List<Bill> bills = new ArrayList<>();
        for (Object o : s.list("bills")) {
            if (o instanceof Map<?, ?> m) {
                bills.add(new Bill(str(m.get("key")), str(m.get("name"))));
            }
        }
        List<Variant> variants = new ArrayList<>();
        for (Object o : s.list("variants")) {
            if (o instanceof Map<?, ?> m) {
                variants.add(new Variant(str(m.get("name")), str(m.get("chamber")), str(m.get("party")),
                        str(m.get("stance_bill")), str(m.get("stance")), str(m.get("subject")), str(m.get("body"))));
            }
        }
        List<Consent> consents = new ArrayList<>();
        for (Object o : s.list("consents")) {
            if (o instanceof Map<?, ?> m) {
                consents.add(new Consent(str(m.get("key")), str(m.get("label"))));
            }
        }
        return new LetterSettings(chambers, bills, s.string("subject", ""), s.string("body", ""), variants,
                s.bool("lock_text", false), !"platform".equals(s.string("delivery", "choice")),
                s.bool("digest", false), s.bool("require_street", true), consents,
                "both".equals(s.string("letter_language", "main")));
    }

    /** The first variant matching the target, or the default letter. */
    Variant letterFor(TargetInfo target, Stances stances) {
        for (Variant v : variants) {
            if (v.matches(target, stances)) {
                return v;
            }
        }
        return new Variant("default", null, null, null, null, subject, body);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
