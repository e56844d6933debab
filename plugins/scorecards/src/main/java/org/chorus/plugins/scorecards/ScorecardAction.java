package org.chorus.plugins.scorecards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chorus.api.PluginContext;
import org.chorus.api.TargetInfo;
import org.chorus.api.action.ActionSettings;
import org.chorus.api.action.ActionType;
import org.chorus.api.action.ActionView;
import org.chorus.api.action.CampaignTemplate;
import org.chorus.api.action.FieldError;
import org.chorus.api.action.Fragment;
import org.chorus.api.action.ResultView;
import org.chorus.api.action.SettingsSchema;
import org.chorus.api.action.SettingsSchema.Field;
import org.chorus.api.action.SettingsSchema.Type;
import org.chorus.api.action.Submission;
import org.chorus.api.action.SubmissionOutcome;
import org.chorus.plugins.scorecards.Legislation.Bill;
import org.chorus.plugins.scorecards.Rules.Scorecard;
import org.pf4j.Extension;

/**
 * "Where your legislators stand": a scorecard box staff put on a campaign page. It shows, for the campaign's bills,
 * how many sitting legislators co-sponsor them in each chamber, the chamber medians, a search for one's own
 * legislators and a link to the whole scorecard. Nothing to submit.
 */
@Extension
public class ScorecardAction implements ActionType {

    static final String TYPE = "scorecard";

    private final Scorecards scorecards;

    public ScorecardAction(PluginContext context) {
        this.scorecards = Scorecards.of(context);
    }

    @Override
    public String typeId() {
        return TYPE;
    }

    @Override
    public String nameKey() {
        return "scorecards.action.name";
    }

    @Override
    public SettingsSchema settingsSchema() {
        return new SettingsSchema(List.of(
                Field.of("scorecard", Type.TEXT, "scorecards.action.settings.scorecard", false),
                new Field("bills", Type.GROUP, "scorecards.action.settings.bills", false, null, List.of(), List.of(
                        Field.of("key", Type.TEXT, "scorecards.action.settings.bill.key", true),
                        Field.text("name", "scorecards.action.settings.bill.name", false))),
                Field.of("intro", Type.TEXTAREA, "scorecards.action.settings.intro", false)));
    }

    @Override
    public List<String> checkSettings(ActionSettings settings) {
        List<String> problems = new ArrayList<>(settingsSchema().validate(settings.values()));
        String slug = settings.string("scorecard", "");
        if (!slug.isBlank() && scorecards.card(slug).isEmpty()) {
            problems.add("scorecard: no scorecard \"" + slug + "\"; use one of "
                    + scorecards.cards().stream().map(Scorecard::slug).toList() + " or leave it empty for the current one");
        }
        List<Object> bills = settings.list("bills");
        for (int i = 0; i < bills.size(); i++) {
            if (bills.get(i) instanceof Map<?, ?> m && m.get("key") != null && BillNumbers.parse(String.valueOf(m.get("key"))).isEmpty()) {
                problems.add("bills[" + i + "].key: \"" + m.get("key") + "\" is not a bill number or pair such as H2580 / S1681");
            }
        }
        return problems;
    }

    @Override
    public Fragment form(ActionView view) {
        Map<String, Object> model = new LinkedHashMap<>(summary(view.settings(), view.messages().locale()));
        model.put("intro", view.settings().string("intro", ""));
        return new Fragment("action.ftlh", model);
    }

    /** The box's facts; also the action's public JSON summary. */
    private Map<String, Object> summary(ActionSettings settings, Locale locale) {
        Map<String, Object> model = new LinkedHashMap<>();
        String slug = settings.string("scorecard", "");
        Optional<Scorecard> card = scorecards.card(slug.isBlank() ? null : slug);
        model.put("available", card.isPresent());
        model.put("indexUrl", PublicPages.BASE + (slug.isBlank() ? "" : "?card=" + PublicPages.enc(slug)));
        model.put("searchUrl", PublicPages.BASE);
        model.put("cardSlug", slug);
        if (card.isEmpty()) {
            model.put("bills", List.of());
            model.put("medians", List.of());
            model.put("title", "");
            return model;
        }
        Scorecards.Board board = scorecards.board(card.get());
        model.put("title", card.get().title());
        List<Map<String, Object>> bills = new ArrayList<>();
        for (Bill b : billsOf(settings, card.get(), board)) {
            Map<String, Object> bm = new LinkedHashMap<>();
            bm.put("name", b.name());
            bm.put("numbers", b.displayNumbers());
            bm.put("url", PublicPages.billUrl(board.data().session(), b));
            for (String chamber : Rules.CHAMBERS) {
                int yes = 0;
                int all = 0;
                for (Scorecards.Row r : board.rows()) {
                    TargetInfo t = r.target();
                    if (chamber.equals(t.chamber())) {
                        all++;
                        if (board.data().book().sponsorship(b.id(), r.personId()).signedOn()) {
                            yes++;
                        }
                    }
                }
                bm.put(chamber + "Cosponsors", yes);
                bm.put(chamber + "Total", all);
            }
            bills.add(bm);
        }
        model.put("bills", bills);
        List<Map<String, Object>> medians = new ArrayList<>();
        board.medians().forEach((c, v) -> medians.add(Map.of("chamber", c, "value", v == null ? "" : PublicPages.percent(v, locale))));
        model.put("medians", medians);
        return model;
    }

    /** The campaign's bills as staff listed them, else the scorecard's featured bills. */
    private static List<Bill> billsOf(ActionSettings settings, Scorecard card, Scorecards.Board board) {
        List<Bill> out = new ArrayList<>();
        for (Object o : settings.list("bills")) {
            if (o instanceof Map<?, ?> m) {
                List<String> numbers = BillNumbers.parse(String.valueOf(m.get("key")));
                board.data().bills().values().stream().filter(b -> numbers.stream().anyMatch(b::has)).findFirst()
                        .filter(b -> !out.contains(b)).ifPresent(out::add);
            }
        }
        if (out.isEmpty()) {
            card.featuredBills().forEach(id -> {
                Bill b = board.data().bills().get(id);
                if (b != null) {
                    out.add(b);
                }
            });
        }
        return out;
    }

    @Override
    public SubmissionOutcome submit(Submission submission) {
        return new SubmissionOutcome.Rejected(List.of(new FieldError("", submission.messages().get("scorecards.action.nothingToSend"))));
    }

    @Override
    public Fragment result(ResultView view) {
        return new Fragment("action-result.ftlh", Map.of("indexUrl", PublicPages.BASE));
    }

    @Override
    public Map<String, Object> publicSummary(ActionView view) {
        Map<String, Object> s = new LinkedHashMap<>(summary(view.settings(), Locale.ENGLISH));
        s.put("type", TYPE);
        s.remove("available");
        s.remove("searchUrl");
        return s;
    }

    @Override
    public List<CampaignTemplate> campaignTemplates() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("scorecard", "");
        settings.put("bills", List.of());
        settings.put("intro", "See where your state senator and state representative stand on the bills this campaign is about.");
        return List.of(new CampaignTemplate("scorecard", "scorecards.template.name", "Where your legislators stand",
                "A scorecard of the legislature on the campaign's bills, with a search for each supporter's own legislators.",
                "Explain what the scorecard measures and why it matters.", settings));
    }
}
