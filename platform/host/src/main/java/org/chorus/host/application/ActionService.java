package org.chorus.host.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.chorus.api.Messages;
import org.chorus.api.OutboundEmail;
import org.chorus.api.action.ActionType;
import org.chorus.api.action.FieldError;
import org.chorus.api.action.ResultView;
import org.chorus.api.action.Submission;
import org.chorus.api.action.SubmissionOutcome;
import org.chorus.api.action.SupporterDetails;
import org.chorus.api.event.ActionTakenEvent;
import org.chorus.host.domain.action.ActionWriter;
import org.chorus.host.domain.action.ActionRecordRepository;
import org.chorus.host.domain.outbox.OutboxMessage;
import org.chorus.host.domain.outbox.OutboxRepository;
import org.chorus.host.infrastructure.json.Json;
import org.chorus.host.infrastructure.persistence.Transactions;
import org.chorus.host.infrastructure.plugins.PluginRuntime;

/**
 * Taking a supporter's action: the action type judges the submission; the host stores the supporter, the action
 * record, the consents and the outgoing mail in one transaction before anything says "sent".
 */
public class ActionService {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9-]{16,80}");

    /** A supporter's form post, as the web layer hands it over. */
    public record SubmitCommand(String slug, String actionKey, Map<String, List<String>> fields, String idempotencyKey,
                                String sourceCode, String referrer, Instant landedAt, Locale locale) {
    }

    /** What became of a submission. */
    public sealed interface Outcome {
        /** Stored (now, or by an earlier identical submit): show the thank-you page for {@code token}. */
        record Taken(String token) implements Outcome {
        }

        /** The supporter must fix something; the form comes back as typed. */
        record Rejected(CampaignSnapshot campaign, String actionKey, List<FieldError> errors) implements Outcome {
        }

        /** Not done yet (e.g. a preview): the form comes back with prompts, not errors. */
        record Incomplete(CampaignSnapshot campaign, String actionKey, List<FieldError> prompts) implements Outcome {
        }

        /** Done before (e.g. already signed); nothing new was stored. */
        record Repeat(CampaignSnapshot campaign, String actionKey, Instant firstTakenAt) implements Outcome {
        }

        /** The campaign is not taking actions (closed, won, not started or ended). */
        record NotTaking(CampaignSnapshot campaign) implements Outcome {
        }

        /** The action's type is not installed or its plugin is out of service. */
        record Unavailable(CampaignSnapshot campaign, String actionType) implements Outcome {
        }
    }

    /** Everything the thank-you page shows. */
    public record ThankYou(CampaignSnapshot campaign, CampaignSnapshot.ActionSnapshot action, ResultView view,
                           String pluginId, ActionType type, String sourceCode) {
    }

    private final Transactions tx;
    private final CampaignService campaigns;
    private final ActionTypes actionTypes;
    private final ActionWriter writer;
    private final ActionRecordRepository records;
    private final OutboxRepository outbox;
    private final PluginRuntime plugins;
    private final EventBus events;
    private final Clock clock;
    private final BiFunction<String, Locale, Messages> messages;
    private final String baseUrl;
    private final String mailDomain;
    private java.time.Duration letterRepeatWindow = java.time.Duration.ofHours(24);
    private final Map<String, java.util.concurrent.atomic.AtomicLong> takenOnThisInstance = new java.util.concurrent.ConcurrentHashMap<>();

    public ActionService(Transactions tx, CampaignService campaigns, ActionTypes actionTypes, ActionWriter writer,
                         ActionRecordRepository records, OutboxRepository outbox, PluginRuntime plugins, EventBus events,
                         Clock clock, BiFunction<String, Locale, Messages> messages, String baseUrl) {
        this.tx = tx;
        this.campaigns = campaigns;
        this.actionTypes = actionTypes;
        this.writer = writer;
        this.records = records;
        this.outbox = outbox;
        this.plugins = plugins;
        this.events = events;
        this.clock = clock;
        this.messages = messages;
        this.baseUrl = baseUrl;
        this.mailDomain = java.net.URI.create(baseUrl).getHost() == null ? "localhost" : java.net.URI.create(baseUrl).getHost();
    }

    /**
     * Actions this instance stored on a campaign since start: a page that shows counts (a thermometer) is re-rendered
     * when it changes.
     */
    public long takenOnThisInstance(String slug) {
        var n = takenOnThisInstance.get(slug);
        return n == null ? 0 : n.get();
    }

    /** Same supporter, same target, same campaign within this window: the letter is recorded, not sent again. */
    public void setLetterRepeatWindow(java.time.Duration window) {
        this.letterRepeatWindow = window;
    }

    public Outcome submit(SubmitCommand cmd) {
        CampaignSnapshot campaign = campaigns.publicCampaign(cmd.slug())
                .orElseThrow(() -> new CampaignService.NotFound("no campaign '" + cmd.slug() + "'"));
        CampaignSnapshot.ActionSnapshot action = campaign.action(cmd.actionKey())
                .orElseThrow(() -> new CampaignService.NotFound("campaign '" + cmd.slug() + "' has no action '" + cmd.actionKey() + "'"));
        String token = cmd.idempotencyKey() != null && TOKEN.matcher(cmd.idempotencyKey()).matches()
                ? cmd.idempotencyKey() : UUID.randomUUID().toString();
        if (!campaign.takingActions()) {
            return new Outcome.NotTaking(campaign);
        }
        var type = actionTypes.find(action.type());
        if (type.isEmpty()) {
            return new Outcome.Unavailable(campaign, action.type());
        }
        Messages m = messages.apply(campaign.theme(), cmd.locale());
        Submission submission = new Submission(campaign.info(baseUrl, cmd.locale()), action.key(), action.id(),
                action.settings(campaign.languageFor(cmd.locale())), m, cmd.fields(), cmd.sourceCode());
        String pluginId = type.get().pluginId();
        SubmissionOutcome verdict = plugins.invoker().call(pluginId, "ActionType.submit", () -> type.get().extension().submit(submission));
        if (verdict instanceof SubmissionOutcome.Rejected r) {
            return new Outcome.Rejected(campaign, action.key(), r.errors());
        }
        if (verdict instanceof SubmissionOutcome.Incomplete i) {
            return new Outcome.Incomplete(campaign, action.key(), i.prompts());
        }
        SubmissionOutcome.Accepted accepted = (SubmissionOutcome.Accepted) verdict;
        List<FieldError> supporterErrors = SupporterInput.check(accepted.supporter(), m);
        if (!supporterErrors.isEmpty()) {
            return new Outcome.Rejected(campaign, action.key(), supporterErrors);
        }
        ActionWriter.Written written = writer.write(newAction(cmd, campaign, action, pluginId, accepted, token));
        if (written instanceof ActionWriter.Repeat r) {
            return new Outcome.Repeat(campaign, action.key(), r.firstTakenAt());
        }
        if (written instanceof ActionWriter.Stored r) {
            takenOnThisInstance.computeIfAbsent(campaign.slug(), k -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
            events.actionTaken(new ActionTakenEvent(r.actionRecordId(), campaign.slug(), action.key(), action.type(),
                    r.supporterId(), cmd.sourceCode(), r.createdAt()));
        }
        return new Outcome.Taken(token); // stored now, or by the same form posted before
    }

    /** The rows an accepted submission stores, with the campaign's privacy rules applied. */
    private ActionWriter.NewAction newAction(SubmitCommand cmd, CampaignSnapshot campaign, CampaignSnapshot.ActionSnapshot action,
                                             String pluginId, SubmissionOutcome.Accepted accepted, String token) {
        SupporterDetails d = accepted.supporter();
        boolean safeMode = campaign.privacy().discardStreet();
        // Safe mode: the street found the districts; it is not kept (whatever the action type handed back), and one
        // kept by an earlier campaign is erased: this supporter asked for safe mode here.
        var supporter = new ActionWriter.SupporterFields(d.email(), d.firstName(), d.lastName(), safeMode ? null : d.street(),
                d.town(), d.postalCode(), cmd.locale().toLanguageTag(), safeMode);
        List<ActionWriter.Letter> letters = new ArrayList<>();
        int index = 0;
        for (OutboundEmail e : accepted.messages()) {
            letters.add(new ActionWriter.Letter("<" + token + "." + (index++) + "@" + mailDomain + ">", e.toAddress(),
                    e.toName(), e.fromName(), e.replyTo(), e.subject(), e.body(), e.targetId(), pluginId, e.digestKey()));
        }
        return new ActionWriter.NewAction(campaign.id(), action.id(), campaign.slug() + "/" + action.key(), clock.instant(),
                supporter, d.consents(), token, accepted.uniqueKey(), cmd.landedAt(), cmd.sourceCode(),
                truncate(referrer(cmd.referrer(), campaign.privacy().keepReferrer()), 500), Json.write(accepted.payload()),
                letters, letterRepeatWindow);
    }

    /**
     * The page a supporter came from. Without {@code keep_referrer} only its origin is kept: a full URL can carry
     * a search, a name or a tracking id. No IP address is ever stored.
     */
    static String referrer(String referrer, boolean keepFull) {
        if (referrer == null || referrer.isBlank() || keepFull) {
            return referrer;
        }
        try {
            java.net.URI u = java.net.URI.create(referrer.trim());
            return u.getScheme() == null || u.getHost() == null ? null
                    : u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * The thank-you page of a submission that repeated an earlier action (e.g. a second signature with the same
     * e-mail): nothing new was stored, so the view has no payload of its own and {@code repeatOf} is the time of the
     * first. Nothing of the earlier action is shown, since whoever typed the e-mail may not be its owner.
     */
    public Optional<ThankYou> repeated(Outcome.Repeat repeat, Locale locale) {
        CampaignSnapshot campaign = repeat.campaign();
        Optional<CampaignSnapshot.ActionSnapshot> action = campaign.action(repeat.actionKey());
        if (action.isEmpty()) {
            return Optional.empty();
        }
        return actionTypes.find(action.get().type()).map(type -> new ThankYou(campaign, action.get(),
                new ResultView(campaign.info(baseUrl, locale), action.get().key(), action.get().id(), action.get().settings(),
                        messages.apply(campaign.theme(), locale), repeat.firstTakenAt(), Map.of(), repeat.firstTakenAt(),
                        List.of()), type.pluginId(), type.extension(), null));
    }

    /** The thank-you page of a stored action, by its token. */
    public Optional<ThankYou> thankYou(String slug, String actionKey, String token, Locale locale) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Optional<CampaignSnapshot> campaign = campaigns.snapshot(slug);
        if (campaign.isEmpty()) {
            return Optional.empty();
        }
        Optional<CampaignSnapshot.ActionSnapshot> action = campaign.get().action(actionKey);
        if (action.isEmpty()) {
            return Optional.empty();
        }
        return tx.inTransaction(() -> records.findByIdempotencyKey(token)
                .filter(r -> r.getCampaignActionId().equals(action.get().id()))
                .flatMap(r -> {
                    var type = actionTypes.find(action.get().type());
                    if (type.isEmpty()) {
                        return Optional.empty();
                    }
                    List<ResultView.Delivery> deliveries = new ArrayList<>();
                    for (OutboxMessage m : outbox.findByActionRecord(r.getId())) {
                        deliveries.add(new ResultView.Delivery(m.getToName(), m.getToAddress(),
                                m.getState().name().toLowerCase(Locale.ROOT), m.getSubject()));
                    }
                    Map<String, Object> payload = new LinkedHashMap<>(Json.readObject(r.getPayloadJson()));
                    ResultView view = new ResultView(campaign.get().info(baseUrl, locale), actionKey, action.get().id(),
                            action.get().settings(campaign.get().languageFor(locale)),
                            messages.apply(campaign.get().theme(), locale), r.getCreatedAt(), payload, null, deliveries);
                    return Optional.of(new ThankYou(campaign.get(), action.get(), view, type.get().pluginId(),
                            type.get().extension(), r.getSourceCode()));
                }));
    }
}
