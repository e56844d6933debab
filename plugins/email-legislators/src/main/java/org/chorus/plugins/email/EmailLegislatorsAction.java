package org.chorus.plugins.email;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chorus.api.Messages;
import org.chorus.api.OutboundEmail;
import org.chorus.api.PluginContext;
import org.chorus.api.TargetInfo;
import org.chorus.api.action.ActionSettings;
import org.chorus.api.action.ActionType;
import org.chorus.api.action.ActionView;
import org.chorus.api.action.CampaignInfo;
import org.chorus.api.action.CampaignTemplate;
import org.chorus.api.action.FieldError;
import org.chorus.api.action.Fragment;
import org.chorus.api.action.ResultView;
import org.chorus.api.action.SettingsSchema;
import org.chorus.api.action.SettingsSchema.Field;
import org.chorus.api.action.SettingsSchema.Type;
import org.chorus.api.action.Submission;
import org.chorus.api.action.SubmissionOutcome;
import org.chorus.api.action.SupporterDetails;
import org.chorus.api.action.TargetPreview;
import org.chorus.api.lookup.FoundTargets;
import org.chorus.api.lookup.GeoPoint;
import org.chorus.api.lookup.LookupQuery;
import org.pf4j.Extension;

/**
 * Email your state legislators. One page: address (or location), name, e-mail, the letter; one submit sends a
 * letter to each of the supporter's legislators. When the address leaves a district open (a town split between
 * districts, a border), the page comes back with the candidates to choose from, everything else kept.
 */
@Extension
public class EmailLegislatorsAction implements ActionType {

    static final String TYPE = "email-legislators";
    static final int MAX_LETTER = 10_000;
    static final int MAX_PERSONAL = 2_000;

    private final PluginContext context;

    public EmailLegislatorsAction(PluginContext context) {
        this.context = context;
    }

    @Override
    public String typeId() {
        return TYPE;
    }

    @Override
    public String nameKey() {
        return "emailLegislators.name";
    }

    @Override
    public SettingsSchema settingsSchema() {
        return new SettingsSchema(List.of(
                new Field("chambers", Type.LIST, "emailLegislators.settings.chambers", false, List.of("upper", "lower"),
                        List.of("upper", "lower"), List.of()),
                new Field("bills", Type.GROUP, "emailLegislators.settings.bills", false, null, List.of(), List.of(
                        Field.of("key", Type.TEXT, "emailLegislators.settings.bill.key", true),
                        Field.text("name", "emailLegislators.settings.bill.name", true))),
                Field.text("subject", "emailLegislators.settings.subject", true),
                Field.of("body", Type.TEXTAREA, "emailLegislators.settings.body", true),
                new Field("variants", Type.GROUP, "emailLegislators.settings.variants", false, null, List.of(), List.of(
                        Field.of("name", Type.TEXT, "emailLegislators.settings.variant.name", true),
                        new Field("chamber", Type.CHOICE, "emailLegislators.settings.variant.chamber", false, "any",
                                List.of("any", "upper", "lower"), List.of()),
                        Field.of("party", Type.TEXT, "emailLegislators.settings.variant.party", false),
                        Field.of("stance_bill", Type.TEXT, "emailLegislators.settings.variant.stanceBill", false),
                        new Field("stance", Type.CHOICE, "emailLegislators.settings.variant.stance", false, "any",
                                LetterSettings.STANCES, List.of()),
                        Field.text("subject", "emailLegislators.settings.subject", false),
                        Field.of("body", Type.TEXTAREA, "emailLegislators.settings.body", true))),
                // Letters are sent in the campaign's main language; "both" adds the supporter's language version.
                new Field("letter_language", Type.CHOICE, "emailLegislators.settings.letterLanguage", false, "main",
                        List.of("main", "both"), List.of()),
                new Field("lock_text", Type.BOOLEAN, "emailLegislators.settings.lockText", false, false, List.of(), List.of()),
                new Field("delivery", Type.CHOICE, "emailLegislators.settings.delivery", false, "choice",
                        List.of("choice", "platform"), List.of()),
                new Field("digest", Type.BOOLEAN, "emailLegislators.settings.digest", false, false, List.of(), List.of()),
                new Field("require_street", Type.BOOLEAN, "emailLegislators.settings.requireStreet", false, true, List.of(), List.of()),
                new Field("consents", Type.GROUP, "emailLegislators.settings.consents", false, null, List.of(), List.of(
                        Field.of("key", Type.TEXT, "emailLegislators.settings.consent.key", true),
                        Field.text("label", "emailLegislators.settings.consent.label", true)))));
    }

    /** The schema's checks plus what it cannot see: unknown merge fields. */
    @Override
    public List<String> checkSettings(ActionSettings settings) {
        List<String> problems = new ArrayList<>(settingsSchema().validate(settings.values()));
        LetterSettings s = LetterSettings.of(settings);
        check(problems, "subject", s.subject());
        check(problems, "body", s.body());
        for (int i = 0; i < s.variants().size(); i++) {
            LetterSettings.Variant v = s.variants().get(i);
            check(problems, "variants[" + i + "].subject", v.subject());
            check(problems, "variants[" + i + "].body", v.body());
            // A stance without its bill would match every legislator: the variant would silently replace the letter.
            boolean stance = v.stance() != null && !v.stance().isBlank() && !"any".equalsIgnoreCase(v.stance());
            if (stance && (v.stanceBill() == null || v.stanceBill().isBlank())) {
                problems.add("variants[" + i + "].stance_bill: is required when the variant depends on a stance");
            }
        }
        for (Object c : settings.list("chambers")) {
            if (!"upper".equals(String.valueOf(c)) && !"lower".equals(String.valueOf(c))) {
                problems.add("chambers: must be upper or lower, not '" + c + "'");
            }
        }
        return problems;
    }

    private static void check(List<String> problems, String field, String text) {
        for (String f : MergeTemplate.unknownFields(text)) {
            problems.add(field + ": unknown merge field {{" + f + "}}; use one of " + MergeTemplate.FIELDS);
        }
    }

    @Override
    public Fragment form(ActionView view) {
        LetterSettings s = LetterSettings.of(view.settings());
        Messages m = view.messages();
        Map<String, Object> model = new HashMap<>();
        model.put("subject", MergeTemplate.render(s.subject(), Letters.placeholders(m)));
        model.put("body", Letters.displayBody(s, m));
        model.put("lockText", s.lockText());
        model.put("ownMailbox", s.supporterMaySendOwn());
        model.put("requireStreet", s.requireStreet());
        model.put("maxLetter", MAX_LETTER);
        model.put("maxPersonal", MAX_PERSONAL);
        model.put("bills", s.bills().stream().map(b -> Map.of("key", b.key(), "name", b.name() == null ? b.key() : b.name())).toList());
        model.put("consents", s.consents().stream().map(c -> Map.of("key", c.key(), "label", c.label())).toList());
        model.put("previewUrl", "/plugins/" + context.pluginId() + "/preview");
        model.put("discardStreet", view.campaign().privacy().discardStreet());
        Locale main = Locale.forLanguageTag(view.campaign().mainLanguage());
        boolean translated = !sameLanguage(m.locale(), view.campaign().mainLanguage());
        model.put("letterLanguageNote", !translated ? "" : m.get(s.bothLanguages()
                ? "emailLegislators.letterLanguage.both" : "emailLegislators.letterLanguage.main",
                main.getDisplayLanguage(m.locale()), m.locale().getDisplayLanguage(m.locale())));
        model.put("campaignSlug", view.campaign().slug());
        // A submission that came back for a district choice: show the candidates again.
        List<Map<String, Object>> choices = new ArrayList<>();
        if (!view.errors().isEmpty() && (view.errors().stream().anyMatch(e -> e.field().startsWith("district_")))) {
            FoundTargets found = context.targetFinder().find(query(view.values()::get));
            for (String chamber : s.chambers()) {
                List<Map<String, Object>> options = new ArrayList<>();
                for (FoundTargets.District d : found.candidates()) {
                    if (chamber.equals(d.match().chamber())) {
                        options.add(Map.of("ocdId", d.match().ocdId(), "district", d.match().name(),
                                "who", d.sitting().isEmpty() ? m.get("emailLegislators.vacant")
                                        : d.sitting().get(0).title() + " " + d.sitting().get(0).name()));
                    }
                }
                if (!options.isEmpty()) {
                    choices.add(Map.of("chamber", chamber, "field", "district_" + chamber, "options", options,
                            "legend", m.get("emailLegislators.choose." + chamber)));
                }
            }
        }
        model.put("districtChoices", choices);
        // The no-JavaScript preview step: the letters each legislator would get, rendered on the server.
        List<Map<String, Object>> letters = List.of();
        if (view.values().containsKey("preview") && view.errors().isEmpty()) {
            var preview = LetterPreviewRoutes.preview(context, view, view.values()::get);
            if (preview != null) {
                letters = preview.letters();
            }
        }
        model.put("letters", letters);
        model.put("previewHeading", m.get("emailLegislators.preview.heading"));
        return new Fragment("form.ftlh", model);
    }

    interface Values {
        List<String> get(String field);
    }

    private static String first(Values v, String field) {
        List<String> l = v.get(field);
        return l == null || l.isEmpty() || l.get(0) == null ? "" : l.get(0).trim();
    }

    static LookupQuery query(Values v) {
        GeoPoint point = null;
        try {
            String lat = first(v, "lat");
            String lon = first(v, "lon");
            if (!lat.isEmpty() && !lon.isEmpty()) {
                point = new GeoPoint(Double.parseDouble(lat), Double.parseDouble(lon));
            }
        } catch (IllegalArgumentException e) {
            point = null;
        }
        return new LookupQuery(point, blankToNull(first(v, "street")), blankToNull(first(v, "zip")),
                blankToNull(first(v, "town")), blankToNull(first(v, "ward")), blankToNull(first(v, "precinct")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public SubmissionOutcome submit(Submission sub) {
        LetterSettings s = LetterSettings.of(sub.settings());
        Messages m = sub.messages();
        List<FieldError> errors = new ArrayList<>();
        String first = sub.field("first_name");
        String last = sub.field("last_name");
        String email = sub.field("email");
        String street = sub.field("street");
        String zip = sub.field("zip");
        String town = sub.field("town");
        boolean located = !sub.field("lat").isEmpty() && !sub.field("lon").isEmpty();
        if (first.isEmpty()) {
            errors.add(new FieldError("first_name", m.get("emailLegislators.error.firstName")));
        }
        if (last.isEmpty()) {
            errors.add(new FieldError("last_name", m.get("emailLegislators.error.lastName")));
        }
        if (email.isEmpty()) {
            errors.add(new FieldError("email", m.get("error.email")));
        }
        if (s.requireStreet() && street.isEmpty() && !located) {
            errors.add(new FieldError("street", m.get("emailLegislators.error.street")));
        }
        if (!zip.isEmpty() && !zip.matches("\\d{5}(-\\d{4})?")) {
            errors.add(new FieldError("zip", m.get("emailLegislators.error.zipFormat")));
        } else if (zip.isEmpty() && town.isEmpty() && !located) {
            errors.add(new FieldError("zip", m.get("emailLegislators.error.zip")));
        }
        String body = sub.fields().containsKey("body") ? sub.fieldValues("body").get(0) : null;
        String personal = sub.field("personal");
        if (!s.lockText() && body != null) {
            if (body.isBlank()) {
                errors.add(new FieldError("body", m.get("emailLegislators.error.bodyEmpty")));
            } else if (body.length() > MAX_LETTER) {
                errors.add(new FieldError("body", m.get("error.tooLong", MAX_LETTER)));
            }
        }
        if (personal.length() > MAX_PERSONAL) {
            errors.add(new FieldError("personal", m.get("error.tooLong", MAX_PERSONAL)));
        }
        String delivery = s.supporterMaySendOwn() && "own".equals(sub.field("delivery")) ? "own" : "platform";
        if (!errors.isEmpty()) {
            return new SubmissionOutcome.Rejected(errors);
        }

        FoundTargets found = context.targetFinder().find(query(sub.fields()::get));
        if (found.isEmpty()) {
            String field = located ? "lat" : street.isEmpty() ? "zip" : "street";
            return new SubmissionOutcome.Rejected(List.of(new FieldError(located ? "" : field,
                    m.get(located ? "emailLegislators.error.locationOutside" : "emailLegislators.error.notFound"))));
        }
        List<TargetInfo> targets = new ArrayList<>();
        List<Map<String, Object>> vacant = new ArrayList<>();
        List<FieldError> choose = new ArrayList<>();
        Map<String, Object> districts = new LinkedHashMap<>();
        for (String chamber : s.chambers()) {
            Optional<FoundTargets.District> d = found.districts().stream()
                    .filter(x -> chamber.equals(x.match().chamber())).findFirst();
            if (d.isEmpty()) {
                String chosen = sub.field("district_" + chamber);
                d = found.candidates().stream().filter(x -> chamber.equals(x.match().chamber())
                        && x.match().ocdId().equals(chosen)).findFirst();
                boolean hasCandidates = found.candidates().stream().anyMatch(x -> chamber.equals(x.match().chamber()));
                if (d.isEmpty() && hasCandidates) {
                    choose.add(new FieldError("district_" + chamber, m.get("emailLegislators.error.choose." + chamber)));
                    continue;
                }
            }
            if (d.isEmpty()) {
                continue;
            }
            districts.put(chamber, d.get().match().name());
            if (d.get().sitting().isEmpty()) {
                vacant.add(Map.of("chamber", chamber, "district", d.get().match().name()));
            } else {
                targets.add(d.get().sitting().get(0));
            }
        }
        if (!choose.isEmpty()) {
            return new SubmissionOutcome.Rejected(choose);
        }
        if (!sub.field("preview").isEmpty() && !targets.isEmpty()) {
            return new SubmissionOutcome.Incomplete(List.of(new FieldError("", m.get("emailLegislators.preview.ready"))));
        }
        if (targets.isEmpty()) {
            return new SubmissionOutcome.Rejected(List.of(new FieldError("", vacant.isEmpty()
                    ? m.get("emailLegislators.error.notFound") : m.get("emailLegislators.error.allVacant"))));
        }
        for (TargetInfo t : targets) {
            if (t.email() == null || t.email().isBlank()) {
                return new SubmissionOutcome.Rejected(List.of(new FieldError("",
                        m.get("emailLegislators.error.noEmail", t.title() + " " + t.name()))));
            }
        }

        // A supporter who gave only a ZIP code still signs from their town, as the lookup placed them.
        String resolvedTown = !town.isEmpty() ? town : found.place() == null ? "" : found.place();
        boolean discardStreet = sub.campaign().privacy().discardStreet();
        Letters.Constituent c = new Letters.Constituent(first, last, street, resolvedTown, zip);
        List<Letters.Letter> letters = Letters.compose(s, targets, c, s.lockText() ? null : body, personal,
                context.stances(), m, delivery(context, sub.campaign(), sub.actionId(), s, m),
                sub.campaign().title(), sub.campaign().organizationName());
        List<OutboundEmail> mail = new ArrayList<>();
        List<Map<String, Object>> payloadLetters = new ArrayList<>();
        String organization = sub.campaign().organizationName() == null ? "" : sub.campaign().organizationName();
        for (Letters.Letter l : letters) {
            if (l.body().length() > MAX_LETTER + 1_000) {
                return new SubmissionOutcome.Rejected(List.of(new FieldError("body", m.get("error.tooLong", MAX_LETTER))));
            }
            if ("platform".equals(delivery)) {
                mail.add(new OutboundEmail(l.target().email(), l.target().title() + " " + l.target().name(),
                        c.fullName() + (organization.isBlank() ? "" : " via " + organization), email, l.subject(), l.body(),
                        l.target().id(), s.digest() ? "campaign:" + sub.campaign().slug() + "/" + sub.actionId() : null));
            }
            Map<String, Object> pl = new LinkedHashMap<>();
            pl.put("targetId", l.target().id());
            pl.put("externalId", l.target().externalId());
            pl.put("to", l.target().title() + " " + l.target().name());
            pl.put("email", l.target().email());
            pl.put("chamber", l.target().chamber());
            pl.put("district", l.target().divisionName());
            pl.put("variant", l.variant());
            pl.put("subject", l.subject());
            pl.put("body", l.body());
            payloadLetters.add(pl);
        }
        Map<String, Boolean> consents = new LinkedHashMap<>();
        for (LetterSettings.Consent consent : s.consents()) {
            consents.put(consent.key(), !sub.field("consent_" + consent.key()).isEmpty());
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("delivery", delivery);
        payload.put("letters", payloadLetters);
        payload.put("districts", districts);
        payload.put("vacant", vacant);
        payload.put("lookup", found.source());
        return new SubmissionOutcome.Accepted(new SupporterDetails(email, first, last, discardStreet ? null : street,
                resolvedTown, zip, consents), payload, mail, null);
    }

    /** The language(s) letters go out in: the campaign's main one, and the supporter's when asked for or rewritten. */
    static Letters.Delivery delivery(PluginContext context, CampaignInfo campaign, String actionId, LetterSettings shown,
                                     Messages shownMessages) {
        String main = campaign.mainLanguage();
        Locale mainLocale = Locale.forLanguageTag(main);
        boolean signWithStreet = !campaign.privacy().discardStreet();
        Messages mainMessages = context.messages(mainLocale);
        if (sameLanguage(shownMessages.locale(), main)) {
            return new Letters.Delivery(shown, mainMessages, null, false, signWithStreet);
        }
        LetterSettings mainSettings = context.campaignActions().find(campaign.slug(), actionId, mainLocale)
                .map(v -> LetterSettings.of(v.settings())).orElse(shown);
        return new Letters.Delivery(mainSettings, mainMessages, shownMessages.locale().getDisplayLanguage(mainLocale),
                shown.bothLanguages(), signWithStreet);
    }

    static boolean sameLanguage(Locale supporter, String mainLanguage) {
        return supporter.toLanguageTag().equalsIgnoreCase(mainLanguage)
                || supporter.getLanguage().equals(Locale.forLanguageTag(mainLanguage).getLanguage());
    }

    /** After a privacy purge: where the letters went, not who wrote them or what they said. */
    @Override
    public Map<String, Object> forget(Map<String, Object> payload) {
        Map<String, Object> kept = new LinkedHashMap<>();
        for (String key : List.of("delivery", "districts", "vacant", "lookup")) {
            if (payload.containsKey(key)) {
                kept.put(key, payload.get(key));
            }
        }
        List<Map<String, Object>> letters = new ArrayList<>();
        if (payload.get("letters") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> l) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    for (String key : List.of("targetId", "externalId", "to", "chamber", "district", "variant")) {
                        if (l.containsKey(key)) {
                            entry.put(key, l.get(key));
                        }
                    }
                    letters.add(entry);
                }
            }
        }
        kept.put("letters", letters);
        return kept;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Fragment result(ResultView view) {
        Map<String, Object> model = new HashMap<>();
        Object letters = view.payload().getOrDefault("letters", List.of());
        model.put("delivery", view.payload().getOrDefault("delivery", "platform"));
        model.put("vacant", view.payload().getOrDefault("vacant", List.of()));
        List<Map<String, Object>> own = new ArrayList<>();
        if (letters instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> l) {
                    Map<String, Object> entry = new LinkedHashMap<>((Map<String, Object>) l);
                    String to = String.valueOf(l.get("email"));
                    String subject = String.valueOf(l.get("subject"));
                    String body = String.valueOf(l.get("body"));
                    entry.put("mailto", "mailto:" + to + "?subject=" + enc(subject) + "&body=" + enc(body));
                    entry.put("gmail", "https://mail.google.com/mail/?view=cm&fs=1&to=" + enc(to) + "&su=" + enc(subject)
                            + "&body=" + enc(body));
                    entry.put("outlook", "https://outlook.office.com/mail/deeplink/compose?to=" + enc(to) + "&subject="
                            + enc(subject) + "&body=" + enc(body));
                    own.add(entry);
                }
            }
        }
        model.put("letters", own);
        return new Fragment("result.ftlh", model);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public Map<String, Object> publicSummary(ActionView view) {
        LetterSettings s = LetterSettings.of(view.settings());
        return Map.of("type", TYPE, "chambers", s.chambers(),
                "bills", s.bills().stream().map(b -> Map.of("key", b.key(), "name", b.name())).toList());
    }

    @Override
    public List<CampaignTemplate> campaignTemplates() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("chambers", List.of("upper", "lower"));
        settings.put("bills", List.of());
        settings.put("subject", "Please act on this for your constituents");
        settings.put("body", """
                As your constituent in {{supporter.town}}, I am writing to ask you to support this bill and to tell \
                me where you stand.

                This matters to me and to my neighbours in {{target.district}}. Please act on it this session.
                """);
        settings.put("variants", List.of());
        settings.put("lock_text", false);
        settings.put("delivery", "choice");
        settings.put("digest", false);
        settings.put("require_street", true);
        settings.put("consents", List.of(Map.of("key", "coalition-updates",
                "label", "Keep me informed about this campaign (optional)")));
        return List.of(new CampaignTemplate("email-legislators", "emailLegislators.template.name",
                "Email your state legislators",
                "Email your state senator and state representative today. It takes less than a minute.",
                """
                        ## Why this matters

                        Explain what is at stake and what the bill would change.

                        ## What we ask

                        Tell your legislators where you stand: one letter goes to your state senator and one to your \
                        state representative.
                        """, settings));
    }

    /** Every merge field, in a stable order for the console's list. */
    @Override
    public List<String> mergeFields() {
        return MergeTemplate.FIELDS.stream().sorted().toList();
    }

    @Override
    public boolean previewsForTargets() {
        return true;
    }

    /**
     * The letter each chosen legislator would get (their variant, salutation and sign-off), with the supporter's
     * details as placeholders. Stances come from the installed stance providers; without one every stance is
     * unknown and stance-based variants do not apply.
     */
    @Override
    public List<TargetPreview> previewForTargets(ActionSettings settings, CampaignInfo campaign, List<TargetInfo> targets,
                                                 Messages messages) {
        LetterSettings s = LetterSettings.of(settings);
        Map<String, String> p = Letters.placeholders(messages);
        Letters.Constituent c = new Letters.Constituent(p.get("supporter.first_name"), p.get("supporter.last_name"),
                p.get("supporter.street"), p.get("supporter.town"), p.get("supporter.zip"));
        return Letters.compose(s, targets, c, null, null, context.stances(), messages, context.messages(Locale.ENGLISH),
                        campaign.title(), campaign.organizationName()).stream()
                .map(l -> new TargetPreview(l.target(), l.variant(), l.subject(), l.body())).toList();
    }
}
