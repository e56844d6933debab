package org.chorus.plugins.petitions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chorus.api.action.ActionSettings;
import org.chorus.api.action.SettingsSchema;
import org.chorus.api.action.SettingsSchema.Field;
import org.chorus.api.action.SettingsSchema.Type;

/**
 * A petition's settings, read from the staff-written tree each time they are used.
 *
 * @param text              the petition text (Markdown) in the campaign's main language
 * @param translations      language tag → the text and autoresponse in that language
 * @param targets           free-text targets (a governor, an agency), each with an optional e-mail and district
 * @param directoryTargets  external ids of targets in the host's directory (e.g. {@code ocd-person/…})
 * @param directoryChambers every sitting target of these chambers ({@code upper}, {@code lower})
 * @param goal              the goal staff set, 0 for "step up automatically"
 */
record PetitionSettings(String text, Map<String, Translation> translations, List<FreeTarget> targets,
                        List<String> directoryTargets, List<String> directoryChambers, long goal, boolean showSigners,
                        boolean showComments, String autoresponseSubject, String autoresponseBody,
                        List<Consent> consents, boolean closed, String nextLabel, String nextUrl) {

    record Translation(String text, String autoresponseSubject, String autoresponseBody) {
    }

    record FreeTarget(String name, String email, String division) {
    }

    record Consent(String key, String label) {
    }

    /** Placeholders the autoresponse may use; anything else in {@code {{…}}} is reported to staff. */
    static final List<String> FIELDS = List.of("supporter.first_name", "supporter.last_name", "campaign.title",
            "campaign.url", "petition.count");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_.]+)\\s*}}");
    private static final Pattern CONSENT_KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,59}");

    static SettingsSchema schema() {
        return new SettingsSchema(List.of(
                Field.of("text", Type.MARKDOWN, "petitions.settings.text", true),
                new Field("translations", Type.GROUP, "petitions.settings.translations", false, null, List.of(), List.of(
                        Field.of("language", Type.TEXT, "petitions.settings.translation.language", true),
                        // Already a language's version: not itself to be translated.
                        new Field("text", Type.MARKDOWN, "petitions.settings.text", true, null, List.of(), List.of(), false),
                        Field.of("autoresponse_subject", Type.TEXT, "petitions.settings.autoresponseSubject", false),
                        new Field("autoresponse_body", Type.TEXTAREA, "petitions.settings.autoresponseBody", false, null,
                                List.of(), List.of(), false))),
                new Field("targets", Type.GROUP, "petitions.settings.targets", false, null, List.of(), List.of(
                        Field.of("name", Type.TEXT, "petitions.settings.target.name", true),
                        Field.of("email", Type.EMAIL, "petitions.settings.target.email", false),
                        Field.of("division", Type.TEXT, "petitions.settings.target.division", false))),
                Field.of("directory_targets", Type.LIST, "petitions.settings.directoryTargets", false),
                Field.of("directory_chambers", Type.LIST, "petitions.settings.directoryChambers", false),
                Field.of("goal", Type.NUMBER, "petitions.settings.goal", false),
                new Field("show_signers", Type.BOOLEAN, "petitions.settings.showSigners", false, true, List.of(), List.of()),
                new Field("show_comments", Type.BOOLEAN, "petitions.settings.showComments", false, true, List.of(), List.of()),
                Field.of("autoresponse_subject", Type.TEXT, "petitions.settings.autoresponseSubject", false),
                Field.of("autoresponse_body", Type.TEXTAREA, "petitions.settings.autoresponseBody", false),
                new Field("consents", Type.GROUP, "petitions.settings.consents", false, null, List.of(), List.of(
                        Field.of("key", Type.TEXT, "petitions.settings.consent.key", true),
                        Field.of("label", Type.TEXT, "petitions.settings.consent.label", true))),
                new Field("closed", Type.BOOLEAN, "petitions.settings.closed", false, false, List.of(), List.of()),
                Field.of("next_label", Type.TEXT, "petitions.settings.nextLabel", false),
                Field.of("next_url", Type.TEXT, "petitions.settings.nextUrl", false)));
    }

    static PetitionSettings of(ActionSettings s) {
        Map<String, Translation> translations = new LinkedHashMap<>();
        for (Object o : s.list("translations")) {
            if (o instanceof Map<?, ?> m && !str(m.get("language")).isBlank()) {
                translations.put(str(m.get("language")).trim(), new Translation(str(m.get("text")),
                        str(m.get("autoresponse_subject")), str(m.get("autoresponse_body"))));
            }
        }
        List<FreeTarget> targets = new ArrayList<>();
        for (Object o : s.list("targets")) {
            if (o instanceof Map<?, ?> m && !str(m.get("name")).isBlank()) {
                targets.add(new FreeTarget(str(m.get("name")).trim(), str(m.get("email")).trim(), str(m.get("division")).trim()));
            }
        }
        List<Consent> consents = new ArrayList<>();
        for (Object o : s.list("consents")) {
            if (o instanceof Map<?, ?> m && !str(m.get("key")).isBlank()) {
                consents.add(new Consent(str(m.get("key")).trim(), str(m.get("label"))));
            }
        }
        long goal;
        try {
            goal = Math.max(0, s.number("goal", 0));
        } catch (NumberFormatException e) {
            goal = 0;
        }
        return new PetitionSettings(s.string("text", ""), translations, targets, strings(s.list("directory_targets")),
                strings(s.list("directory_chambers")), goal, s.bool("show_signers", true), s.bool("show_comments", true),
                s.string("autoresponse_subject", ""), s.string("autoresponse_body", ""), consents, s.bool("closed", false),
                s.string("next_label", ""), s.string("next_url", ""));
    }

    /** Problems the schema cannot see. */
    static List<String> check(ActionSettings settings) {
        List<String> problems = new ArrayList<>();
        Object goal = settings.values().get("goal");
        if (goal != null && !goal.toString().isBlank()) {
            try {
                if (Double.parseDouble(goal.toString()) < 0) {
                    problems.add("goal: must be 0 or more (0 or empty: steps up automatically)");
                }
            } catch (NumberFormatException e) {
                // the schema reports it
            }
        }
        PetitionSettings s = of(settings);
        if (s.autoresponseSubject().isBlank() != s.autoresponseBody().isBlank()) {
            problems.add("autoresponse_body: give both a subject and a body for the autoresponse, or neither");
        }
        if (s.autoresponseSubject().indexOf('\n') >= 0 || s.autoresponseSubject().indexOf('\r') >= 0) {
            problems.add("autoresponse_subject: must be one line");
        }
        unknownFields(problems, "autoresponse_subject", s.autoresponseSubject());
        unknownFields(problems, "autoresponse_body", s.autoresponseBody());
        s.translations().forEach((lang, t) -> {
            unknownFields(problems, "translations[" + lang + "].autoresponse_subject", t.autoresponseSubject());
            unknownFields(problems, "translations[" + lang + "].autoresponse_body", t.autoresponseBody());
        });
        for (String chamber : s.directoryChambers()) {
            if (!chamber.equals("upper") && !chamber.equals("lower")) {
                problems.add("directory_chambers: '" + chamber + "' is neither upper nor lower");
            }
        }
        for (Consent c : s.consents()) {
            if (!CONSENT_KEY.matcher(c.key()).matches()) {
                problems.add("consents: key '" + c.key() + "' must be lower-case letters, digits, - or _");
            }
        }
        if (!s.nextUrl().isBlank() && !(s.nextUrl().startsWith("/") && !s.nextUrl().startsWith("//"))
                && !s.nextUrl().startsWith("https://") && !s.nextUrl().startsWith("http://")) {
            problems.add("next_url: must be a path on this site (/campaigns/…) or an http(s) address");
        }
        if (s.nextUrl().isBlank() != s.nextLabel().isBlank()) {
            problems.add("next_label: give both a label and an address for the next action, or neither");
        }
        return problems;
    }

    private static void unknownFields(List<String> problems, String field, String text) {
        Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
        while (m.find()) {
            if (!FIELDS.contains(m.group(1))) {
                problems.add(field + ": unknown merge field {{" + m.group(1) + "}}; use one of " + FIELDS);
            }
        }
    }

    /** Plain substitution of the known placeholders (never a template language: staff text executes nothing). */
    static String merge(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The translation for a locale: exact tag, then the language alone; null for the main language. */
    Translation translation(Locale locale) {
        Translation t = translations.get(locale.toLanguageTag());
        if (t != null) {
            return t;
        }
        for (Map.Entry<String, Translation> e : translations.entrySet()) {
            if (Locale.forLanguageTag(e.getKey()).getLanguage().equals(locale.getLanguage())) {
                return e.getValue();
            }
        }
        return null;
    }

    String text(Locale locale) {
        Translation t = translation(locale);
        return t == null || t.text().isBlank() ? text : t.text();
    }

    /** Subject and body of the autoresponse in the locale (falling back to the main language), or null for none. */
    String[] autoresponse(Locale locale) {
        Translation t = translation(locale);
        if (t != null && !t.autoresponseSubject().isBlank() && !t.autoresponseBody().isBlank()) {
            return new String[] {t.autoresponseSubject(), t.autoresponseBody()};
        }
        if (autoresponseSubject.isBlank() || autoresponseBody.isBlank()) {
            return null;
        }
        return new String[] {autoresponseSubject, autoresponseBody};
    }

    private static List<String> strings(List<Object> list) {
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (o != null && !o.toString().isBlank()) {
                out.add(o.toString().trim());
            }
        }
        return out;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
