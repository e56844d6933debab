package org.chorus.plugins.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.api.Messages;
import org.chorus.api.TargetInfo;
import org.chorus.api.action.ActionSettings;
import org.chorus.api.stance.Stance;
import org.chorus.api.stance.Stances;
import org.junit.jupiter.api.Test;

class LettersTest {

    static final Messages EN = new Messages() {
        final Map<String, String> m = Map.of(
                "emailLegislators.letter.salutation", "Dear {0} {1},",
                "emailLegislators.letter.signoff", "Sincerely,",
                "emailLegislators.placeholder.supporter.town", "[your town]",
                "emailLegislators.placeholder.target.name", "[your legislator]");

        @Override
        public Locale locale() {
            return Locale.ENGLISH;
        }

        @Override
        public String get(String key, Object... args) {
            String p = m.getOrDefault(key, "[" + key + "]");
            return args.length == 0 ? p : new java.text.MessageFormat(p, Locale.ENGLISH).format(args);
        }
    };

    static final TargetInfo SENATOR = new TargetInfo(1, "ocd-person/s", "Lydia Edwards", "Lydia", "Edwards", "Senator",
            "upper", "Democratic", "lydia.edwards@masenate.gov", null, null, "ocd-division/x/sldu:third_suffolk", "Third Suffolk");
    static final TargetInfo REP = new TargetInfo(2, "ocd-person/r", "Jay Livingstone", "Jay", "Livingstone", "Representative",
            "lower", "Democratic", "jay@mahouse.gov", null, null, "ocd-division/x/sldl:8th_suffolk", "8th Suffolk");

    static final Map<String, Object> SETTINGS = Map.of(
            "subject", "Co-sponsor H.2580",
            "body", "As your constituent in {{supporter.town}}, please co-sponsor.",
            "variants", List.of(Map.of("name", "thanks", "stance_bill", "H2580 / S1681", "stance", "cosponsor",
                    "subject", "Thank you, {{target.title}} {{target.last_name}}", "body", "Thank you for co-sponsoring.")));

    static final Stances SENATOR_COSPONSORS = (id, bill) -> id.equals("ocd-person/s") && bill.equals("H2580 / S1681")
            ? Stance.COSPONSOR : Stance.UNKNOWN;

    Letters.Constituent jane = new Letters.Constituent("Jane", "Doe", "24 Beacon St", "Boston", "02133");

    @Test
    void eachLegislatorGetsTheVariantThatMatchesTheirStanceWithSalutationAndSignOff() {
        LetterSettings s = LetterSettings.of(new ActionSettings(SETTINGS));
        var letters = Letters.compose(s, List.of(SENATOR, REP), jane, null, null, SENATOR_COSPONSORS, EN, EN, "Camp", "Coalition");
        assertThat(letters.get(0).variant()).isEqualTo("thanks");
        assertThat(letters.get(0).subject()).isEqualTo("Thank you, Senator Edwards");
        assertThat(letters.get(0).body()).isEqualTo("""
                Dear Senator Edwards,

                Thank you for co-sponsoring.

                Sincerely,
                Jane Doe
                24 Beacon St
                Boston, MA 02133""");
        assertThat(letters.get(1).variant()).isEqualTo("default");
        assertThat(letters.get(1).body()).startsWith("Dear Representative Livingstone,\n\nAs your constituent in Boston, please co-sponsor.");
    }

    @Test
    void anUnchangedTextKeepsVariantsAndAnEditedTextIsTheSupportersForEveryone() {
        LetterSettings s = LetterSettings.of(new ActionSettings(SETTINGS));
        String shown = Letters.displayBody(s, EN);
        assertThat(shown).isEqualTo("As your constituent in [your town], please co-sponsor.");
        var unchanged = Letters.compose(s, List.of(SENATOR), jane, shown + "\r\n", null, SENATOR_COSPONSORS, EN, EN, "c", "o");
        assertThat(unchanged.get(0).variant()).isEqualTo("thanks");
        var edited = Letters.compose(s, List.of(SENATOR, REP), jane, "I live in [your town] and {{target.name}} matters.",
                "My own story.", SENATOR_COSPONSORS, EN, EN, "c", "o");
        assertThat(edited).allSatisfy(l -> assertThat(l.variant()).isEqualTo("supporter-edited"));
        assertThat(edited.get(0).body()).contains("I live in Boston and {{target.name}} matters.\n\nMy own story.");
    }

    @Test
    void mergeFieldsAreSubstitutedOnceAndUnknownOnesReported() {
        assertThat(MergeTemplate.render("Hi {{supporter.first_name}}", Map.of("supporter.first_name", "{{organization}} $1 \\")))
                .isEqualTo("Hi {{organization}} $1 \\");
        assertThat(MergeTemplate.unknownFields("{{supporter.town}} {{ target.name }} {{evil.call}}")).containsExactly("evil.call");
        var problems = new EmailLegislatorsAction(null).checkSettings(new ActionSettings(Map.of("subject", "x {{nope}}", "body", "b")));
        assertThat(problems).singleElement().asString().contains("subject: unknown merge field {{nope}}");
    }

    @Test
    void variantRulesMatchChamberPartyAndStance() {
        var v = new LetterSettings.Variant("r", "lower", "Dem", null, null, null, "x");
        assertThat(v.matches(REP, (a, b) -> Stance.UNKNOWN)).isTrue();
        assertThat(v.matches(SENATOR, (a, b) -> Stance.UNKNOWN)).isFalse();
        var notCosponsor = new LetterSettings.Variant("n", "any", null, "H1954 / S1127", "not-cosponsor", null, "x");
        assertThat(notCosponsor.matches(REP, (a, b) -> Stance.UNKNOWN)).isTrue();
        assertThat(notCosponsor.matches(REP, (a, b) -> Stance.COSPONSOR)).isFalse();
    }
}
