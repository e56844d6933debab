package org.chorus.plugins.petitions;

import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.chorus.api.Messages;
import org.chorus.api.OutboundEmail;
import org.chorus.api.PluginContext;
import org.chorus.api.action.ActionSettings;
import org.chorus.api.action.ActionType;
import org.chorus.api.action.ActionView;
import org.chorus.api.action.CampaignTemplate;
import org.chorus.api.action.FieldError;
import org.chorus.api.action.Fragment;
import org.chorus.api.action.ResultView;
import org.chorus.api.action.SettingsSchema;
import org.chorus.api.action.Submission;
import org.chorus.api.action.SubmissionOutcome;
import org.chorus.api.action.SupporterDetails;
import org.chorus.api.lookup.FoundTargets;
import org.chorus.api.lookup.LookupQuery;
import org.pf4j.Extension;

/**
 * Sign a petition: name, e-mail, town or ZIP code, an optional comment, whether to appear by name, and the
 * campaign's consent questions. One signature per e-mail address per petition: the host keeps the first (the
 * accepted submission's unique key is the normalised address) and answers a repeat with the date of the first.
 * The form shows the petition's momentum: a thermometer, the latest signers and comments.
 */
@Extension
public class PetitionAction implements ActionType {

    static final String TYPE = "petition";
    static final int MAX_COMMENT = 2_000;
    static final int MAX_NAME = 100;
    static final int SIGNERS_SHOWN = 10;
    static final int COMMENTS_SHOWN = 5;
    private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");
    /** A first check of the address, next to the field; the host checks again with its own rule. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final PluginContext context;
    private final Petitions petitions;

    public PetitionAction(PluginContext context) {
        this.context = context;
        this.petitions = Petitions.of(context);
    }

    @Override
    public String typeId() {
        return TYPE;
    }

    @Override
    public String nameKey() {
        return "petitions.name";
    }

    @Override
    public SettingsSchema settingsSchema() {
        return PetitionSettings.schema();
    }

    @Override
    public List<String> checkSettings(ActionSettings settings) {
        List<String> problems = new ArrayList<>(settingsSchema().validate(settings.values()));
        problems.addAll(PetitionSettings.check(settings));
        return problems;
    }

    @Override
    public Fragment form(ActionView view) {
        PetitionSettings s = PetitionSettings.of(view.settings());
        Messages m = view.messages();
        petitions.register(view);
        Petitions.Momentum momentum = petitions.momentum(view.campaignActionId());
        Map<String, Object> model = new HashMap<>(thermometer(momentum.count(), s, m));
        model.put("textHtml", Markdown.toHtml(s.text(m.locale())));
        model.put("closed", s.closed());
        model.put("showSigners", s.showSigners());
        model.put("showComments", s.showComments());
        model.put("signers", s.showSigners() ? momentum.signers(SIGNERS_SHOWN).stream().map(x -> signer(x, m)).toList() : List.of());
        model.put("comments", s.showComments() ? momentum.comments(COMMENTS_SHOWN).stream().map(x -> signer(x, m)).toList() : List.of());
        model.put("consents", s.consents().stream().map(c -> Map.of("key", c.key(), "label", c.label())).toList());
        model.put("maxComment", MAX_COMMENT);
        model.put("maxName", MAX_NAME);
        return new Fragment("form.ftlh", model);
    }

    /** A signer as the public sees them: first name and town, or "Anonymous" alone. */
    private static Map<String, Object> signer(Signature s, Messages m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("anonymous", !s.shownByName());
        out.put("name", s.shownByName() ? s.firstName() : m.get("petitions.anonymous"));
        out.put("town", s.shownByName() ? s.town() : "");
        out.put("comment", s.comment());
        return out;
    }

    /** Count, goal and their accessible wording, for the form, the thank-you page and the JSON. */
    static Map<String, Object> thermometer(long count, PetitionSettings s, Messages m) {
        long goal = Goal.of(count, s.goal());
        NumberFormat n = NumberFormat.getIntegerInstance(m.locale());
        Map<String, Object> model = new HashMap<>();
        model.put("count", count);
        model.put("goal", goal);
        model.put("countText", n.format(count));
        model.put("goalText", n.format(goal));
        model.put("progressText", m.get("petitions.progress", count, goal));
        return model;
    }

    @Override
    public SubmissionOutcome submit(Submission sub) {
        PetitionSettings s = PetitionSettings.of(sub.settings());
        Messages m = sub.messages();
        if (s.closed()) {
            return new SubmissionOutcome.Rejected(List.of(new FieldError("", m.get("petitions.error.closed"))));
        }
        List<FieldError> errors = new ArrayList<>();
        String first = sub.field("first_name");
        String last = sub.field("last_name");
        String email = sub.field("email");
        String place = sub.field("town");
        // Browsers count a line break as one character and send two: count what the supporter saw.
        String comment = sub.field("comment").replace("\r\n", "\n").replace('\r', '\n');
        name(errors, "first_name", first, m.get("petitions.error.firstName"), m);
        name(errors, "last_name", last, m.get("petitions.error.lastName"), m);
        if (email.isEmpty() || email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", m.get("error.email")));
        }
        if (place.isEmpty()) {
            errors.add(new FieldError("town", m.get("petitions.error.town")));
        } else if (place.length() > MAX_NAME) {
            errors.add(new FieldError("town", m.get("error.tooLong", MAX_NAME)));
        } else if (place.matches("[\\d\\s-]+") && !ZIP.matcher(place).matches()) {
            errors.add(new FieldError("town", m.get("petitions.error.zip")));
        }
        if (comment.length() > MAX_COMMENT) {
            errors.add(new FieldError("comment", m.get("petitions.error.commentTooLong", MAX_COMMENT, comment.length())));
        }
        if (!errors.isEmpty()) {
            return new SubmissionOutcome.Rejected(errors);
        }

        String zip = ZIP.matcher(place).matches() ? place : "";
        String town = zip.isEmpty() ? place : townOf(zip);
        Map<String, Boolean> consents = new LinkedHashMap<>();
        for (PetitionSettings.Consent c : s.consents()) {
            consents.put(c.key(), !sub.field("consent_" + c.key()).isEmpty());
        }
        boolean anonymous = !sub.field("anonymous").isEmpty();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("anonymous", anonymous);
        payload.put("comment", comment.strip());
        payload.put("language", m.locale().toLanguageTag());
        List<OutboundEmail> mail = new ArrayList<>();
        String[] auto = s.autoresponse(m.locale());
        if (auto != null) {
            Map<String, String> values = new HashMap<>();
            values.put("supporter.first_name", first);
            values.put("supporter.last_name", last);
            values.put("campaign.title", sub.campaign().title() == null ? "" : sub.campaign().title());
            values.put("campaign.url", sub.campaign().baseUrl() + "/campaigns/" + sub.campaign().slug());
            if ((auto[0] + auto[1]).contains("petition.count")) {
                // This signature is not stored yet: it will be the next one.
                values.put("petition.count", NumberFormat.getIntegerInstance(m.locale())
                        .format(context.actions().count(sub.campaignActionId()) + 1));
            }
            String from = sub.campaign().organizationName() == null || sub.campaign().organizationName().isBlank()
                    ? sub.campaign().title() : sub.campaign().organizationName();
            mail.add(new OutboundEmail(email, first + " " + last, from, null,
                    oneLine(PetitionSettings.merge(auto[0], values)), PetitionSettings.merge(auto[1], values), null, null));
        }
        return new SubmissionOutcome.Accepted(new SupporterDetails(email, first, last, null, town, zip, consents),
                payload, mail, email.toLowerCase(Locale.ROOT));
    }

    private static void name(List<FieldError> errors, String field, String value, String missing, Messages m) {
        if (value.isEmpty()) {
            errors.add(new FieldError(field, missing));
        } else if (value.length() > MAX_NAME) {
            errors.add(new FieldError(field, m.get("error.tooLong", MAX_NAME)));
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ").strip();
    }

    /** The postal town of a ZIP code, as the host's lookups know it ("" when none does). */
    private String townOf(String zip) {
        try {
            FoundTargets found = context.targetFinder().find(new LookupQuery(null, null, zip, null, null, null));
            return found.place() == null ? "" : found.place();
        } catch (RuntimeException e) {
            // Signing never depends on a lookup: the signature counts without a town.
            context.logger().fine("no town for ZIP " + zip + ": " + e);
            return "";
        }
    }

    @Override
    public Fragment result(ResultView view) {
        PetitionSettings s = PetitionSettings.of(view.settings());
        Messages m = view.messages();
        // The thank-you counts the signature just made, without counting the whole petition again on every view
        // (a COUNT over all its signatures): the momentum of the last few seconds, plus this one if it is newer.
        Petitions.Momentum momentum = petitions.momentum(view.campaignActionId());
        long count = momentum.count() + (view.repeatOf() == null && view.takenAt() != null
                && view.takenAt().isAfter(momentum.at()) ? 1 : 0);
        Map<String, Object> model = new HashMap<>(thermometer(count, s, m));
        Instant first = view.repeatOf();
        model.put("repeat", first != null);
        model.put("repeatText", first == null ? "" : m.get("petitions.result.repeat", Date.from(first)));
        Object anonymous = view.payload().get("anonymous");
        model.put("anonymous", Boolean.TRUE.equals(anonymous));
        model.put("showSigners", s.showSigners());
        long toGo = Math.max(0, (long) model.get("goal") - count);
        model.put("toGoText", m.get("petitions.result.toGo", toGo));
        model.put("nextLabel", s.nextLabel());
        model.put("nextUrl", s.nextUrl());
        return new Fragment("result.ftlh", model);
    }

    @Override
    public Map<String, Object> publicSummary(ActionView view) {
        PetitionSettings s = PetitionSettings.of(view.settings());
        petitions.register(view);
        long count = petitions.momentum(view.campaignActionId()).count();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", TYPE);
        out.put("language", view.messages().locale().toLanguageTag());
        out.put("text", s.text(view.messages().locale()));
        out.put("count", count);
        out.put("goal", Goal.of(count, s.goal()));
        out.put("goalSetByStaff", s.goal() > count);
        out.put("closed", s.closed() || !"published".equals(view.campaign().status()));
        return out;
    }

    @Override
    public List<CampaignTemplate> campaignTemplates() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("text", "We, the undersigned, call on ...");
        settings.put("targets", List.of(Map.of("name", "Governor", "email", "")));
        settings.put("show_signers", true);
        settings.put("show_comments", true);
        settings.put("autoresponse_subject", "Thank you for signing: {{campaign.title}}");
        settings.put("autoresponse_body", "Dear {{supporter.first_name}},\n\nThank you for signing. Please ask your "
                + "friends to sign too: {{campaign.url}}\n");
        settings.put("consents", List.of());
        return List.of(new CampaignTemplate("petition", "petitions.template.name", "Sign the petition",
                "Ask supporters to add their names to a petition.", "Explain what the petition asks for and why it matters.",
                settings));
    }
}
