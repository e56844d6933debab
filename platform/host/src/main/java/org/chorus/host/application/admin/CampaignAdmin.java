package org.chorus.host.application.admin;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.chorus.api.TargetInfo;
import org.chorus.api.action.ActionSettings;
import org.chorus.api.action.ActionType;
import org.chorus.api.action.CampaignTemplate;
import org.chorus.api.action.SettingsSchema;
import org.chorus.api.action.TargetPreview;
import org.chorus.host.application.ActionTypes;
import org.chorus.host.application.CampaignImporter;
import org.chorus.host.application.CampaignService;
import org.chorus.host.application.CampaignSnapshot;
import org.chorus.host.application.EventBus;
import org.chorus.host.application.HostPluginContext;
import org.chorus.host.application.MarkdownRenderer;
import org.chorus.host.domain.action.ActionRecordRepository;
import org.chorus.host.domain.campaign.Campaign;
import org.chorus.host.domain.campaign.CampaignAction;
import org.chorus.host.domain.campaign.CampaignRepository;
import org.chorus.host.domain.campaign.CampaignSlug;
import org.chorus.host.domain.campaign.CampaignStatus;
import org.chorus.host.domain.campaign.CampaignTranslation;
import org.chorus.host.domain.staff.StaffUser;
import org.chorus.host.domain.target.TargetRepository;
import org.chorus.host.infrastructure.json.Json;
import org.chorus.host.infrastructure.persistence.Transactions;
import org.chorus.host.infrastructure.plugins.PluginFailure;
import org.chorus.host.infrastructure.plugins.PluginRuntime;
import org.chorus.host.infrastructure.themes.MessageBundle;
import org.chorus.host.infrastructure.themes.Theme;
import org.chorus.host.infrastructure.themes.ThemeEngine;
import org.chorus.host.infrastructure.themes.ThemeRegistry;
import org.chorus.host.infrastructure.yaml.CampaignDefinition;
import org.chorus.host.infrastructure.yaml.CampaignFiles;

/**
 * Staff running campaigns in the console: list and search, create from an action type's template or by
 * duplicating one (optionally into another language), edit content and settings, move through the statuses, add,
 * order, remove and configure actions, export and import campaign files.
 *
 * <p>Every change is one unit of work that also writes its audit entry (before/after) on the same connection, so
 * the change and its record commit together; the campaign is marked as edited by staff (a later change of its
 * campaign file is then a conflict, not an overwrite) and its cached public snapshot is dropped after commit, so
 * the public page shows the change at once on this instance (other instances within the snapshot TTL).
 * Bad input is reported as {@link Invalid}: what to fix, per form field.
 */
public final class CampaignAdmin {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(CampaignAdmin.class.getName());

    /** Paths under {@code /admin/campaigns/} that are pages, so no campaign may take them as its slug. */
    public static final Set<String> RESERVED_SLUGS = Set.of("new", "import");
    static final int MAX_TITLE = 300;
    static final int MAX_SUMMARY = 2_000;
    static final int MAX_BODY = 200_000;
    static final int MAX_SHARE_DESCRIPTION = 1_000;
    static final int MAX_URL = 500;
    static final int MAX_ORGANIZATION = 200;
    static final int MAX_SETTINGS_JSON = 200_000;

    /** Input that cannot be used, with what to fix per form field ({@code ""}: the form as a whole). */
    public static final class Invalid extends RuntimeException {
        private final Map<String, String> errors;

        public Invalid(Map<String, String> errors) {
            super(String.join("; ", errors.values()));
            this.errors = Map.copyOf(errors);
        }

        public Invalid(String field, String message) {
            this(Map.of(field, message));
        }

        public Map<String, String> errors() {
            return errors;
        }
    }

    /** A row of the campaign list. */
    public record Row(String slug, String title, String status, String defaultLanguage, List<String> languages,
                      String theme, boolean needsTranslation, int actions, Instant updatedAt) {
    }

    /** A template offered on "new campaign": {@code key} is {@code <type>/<template id>}. */
    public record TemplateOption(String key, String typeId, String name, String title, String summary) {
    }

    /** An installed action type staff can add. */
    public record TypeOption(String typeId, String name) {
    }

    public record NewCampaign(String template, String slug, String title, String language, String theme) {
    }

    public record Duplicate(String slug, String title, String language) {
    }

    /** The content of one language as staff edit it. */
    public record Content(String title, String summary, String body, String shareTitle, String shareDescription,
                          boolean needsReview) {
    }

    /**
     * The edit form as typed: campaign settings and one language's content. Times are {@code yyyy-MM-ddTHH:mm}
     * in the console's time zone ({@link #zone()}), empty for none.
     */
    public record ContentForm(String slug, String theme, String organization, List<String> languages, String startsAt,
                              String endsAt, String shareImage, String lang, Content content) {
    }

    /** A configured action as the console shows it. */
    public record ActionRow(String key, String type, String title, int position, Map<String, Object> settings,
                            boolean installed, String typeName, long records) {
    }

    /** A campaign as the console shows and edits it. */
    public record Editable(String slug, String status, List<String> nextStatuses, String theme, String organization,
                           String defaultLanguage, List<String> languages, Instant startsAt, Instant endsAt,
                           String shareImage, boolean needsTranslation, Map<String, Content> content,
                           List<ActionRow> actions, Instant publishedAt, Instant updatedAt, String sourceFile) {

        public String title() {
            return content.get(defaultLanguage).title();
        }
    }

    /** What an action type's settings form needs. */
    public record ActionForm(ActionRow action, SettingsSchema schema, List<String> mergeFields, boolean previewsForTargets,
                             MessageBundle messages) {
    }

    private final Transactions tx;
    private final CampaignRepository campaigns;
    private final ActionRecordRepository records;
    private final TargetRepository targets;
    private final CampaignService service;
    private final CampaignImporter importer;
    private final ActionTypes types;
    private final PluginRuntime plugins;
    private final ThemeEngine themes;
    private final StaffSecurity security;
    private final EventBus events;
    private final Clock clock;
    private final ZoneId zone;
    private final String baseUrl;

    public CampaignAdmin(Transactions tx, CampaignRepository campaigns, ActionRecordRepository records,
                         TargetRepository targets, CampaignService service, CampaignImporter importer, ActionTypes types,
                         PluginRuntime plugins, ThemeEngine themes, StaffSecurity security, EventBus events, Clock clock,
                         ZoneId zone, String baseUrl) {
        this.tx = tx;
        this.campaigns = campaigns;
        this.records = records;
        this.targets = targets;
        this.service = service;
        this.importer = importer;
        this.types = types;
        this.plugins = plugins;
        this.themes = themes;
        this.security = security;
        this.events = events;
        this.clock = clock;
        this.zone = zone;
        this.baseUrl = baseUrl;
    }

    /** The zone the console's date-time fields are in. */
    public ZoneId zone() {
        return zone;
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /**
     * Campaigns whose slug or title (in any language) contains {@code query}, case-insensitively, with the given
     * status (null or blank: any), most recently changed first.
     */
    public List<Row> search(String query, String status) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        Optional<CampaignStatus> st = status == null || status.isBlank() ? Optional.empty() : Optional.of(parseStatus(status));
        return tx.inTransaction(() -> campaigns.findAll().stream()
                .filter(c -> st.isEmpty() || c.getStatus() == st.get())
                .filter(c -> q.isEmpty() || matches(c, q))
                .sorted(Comparator.comparing(Campaign::getUpdatedAt).reversed())
                .map(c -> new Row(c.getSlug(), c.getTitle(), lower(c.getStatus()), c.getDefaultLanguage(), c.languageList(),
                        c.getTheme(), c.isNeedsTranslation(), c.getActions().size(), c.getUpdatedAt()))
                .toList());
    }

    private static boolean matches(Campaign c, String q) {
        if (c.getSlug().contains(q) || c.getTitle().toLowerCase(Locale.ROOT).contains(q)) {
            return true;
        }
        return c.getTranslations().stream().anyMatch(t -> t.getTitle() != null && t.getTitle().toLowerCase(Locale.ROOT).contains(q));
    }

    public Optional<Editable> find(String slug) {
        return tx.inTransaction(() -> campaigns.findBySlug(slug).map(this::editable));
    }

    public Editable get(String slug) {
        return find(slug).orElseThrow(() -> new CampaignService.NotFound("no campaign '" + slug + "'"));
    }

    private Editable editable(Campaign c) {
        Map<String, Content> content = new LinkedHashMap<>();
        for (String l : c.languageList()) {
            content.put(l, content(c, l));
        }
        List<ActionRow> actions = c.getActions().stream().sorted(Comparator.comparingInt(CampaignAction::getPosition))
                .map(this::row).toList();
        List<String> next = c.getStatus().next().stream().sorted().map(CampaignAdmin::lower).toList();
        return new Editable(c.getSlug(), lower(c.getStatus()), next, c.getTheme(), c.getOrganizationName(),
                c.getDefaultLanguage(), c.languageList(), c.getStartsAt(), c.getEndsAt(), c.getShareImage(),
                c.isNeedsTranslation(), content, actions, c.getPublishedAt(), c.getUpdatedAt(), c.getSourceFile());
    }

    private static Content content(Campaign c, String lang) {
        if (lang.equals(c.getDefaultLanguage())) {
            return new Content(c.getTitle(), c.getSummary(), c.getBodyMarkdown(), c.getShareTitle(), c.getShareDescription(),
                    c.isNeedsTranslation());
        }
        return c.translation(lang).map(t -> new Content(t.getTitle(), t.getSummary(), t.getBodyMarkdown(), t.getShareTitle(),
                t.getShareDescription(), t.isMachineTranslated())).orElse(new Content(null, null, null, null, null, false));
    }

    private ActionRow row(CampaignAction a) {
        Optional<PluginRuntime.Contributed<ActionType>> type = types.find(a.getActionType());
        return new ActionRow(a.getActionKey(), a.getActionType(), a.getTitle(), a.getPosition(),
                Json.readObject(a.getSettingsJson()), type.isPresent(), type.map(this::typeName).orElse(a.getActionType()),
                a.getId() == null ? 0 : records.countByCampaignAction(a.getId()));
    }

    /** Public themes (campaign pages), by name. */
    public List<String> publicThemes() {
        return themes.registry().themes().stream().filter(t -> "public".equals(t.type())).map(Theme::name)
                .filter(n -> !ThemeRegistry.BASE.equals(n)).sorted().toList();
    }

    public List<String> languages() {
        return ThemeEngine.SUPPORTED_LANGUAGES;
    }

    /** Every template the installed action types contribute. */
    public List<TemplateOption> templates() {
        List<TemplateOption> out = new ArrayList<>();
        for (var c : plugins.extensions(ActionType.class)) {
            try {
                String typeId = plugins.invoker().call(c.pluginId(), "ActionType.typeId", c.extension()::typeId);
                for (CampaignTemplate t : plugins.invoker().call(c.pluginId(), "ActionType.campaignTemplates",
                        c.extension()::campaignTemplates)) {
                    out.add(new TemplateOption(typeId + "/" + t.id(), typeId, adminMessages().find(t.nameKey()).orElse(t.title()),
                            t.title(), t.summary()));
                }
            } catch (PluginFailure e) {
                // a failing plugin offers no templates; the rest still do
            }
        }
        out.sort(Comparator.comparing(TemplateOption::name));
        return out;
    }

    /** Installed action types, by name. */
    public List<TypeOption> actionTypes() {
        List<TypeOption> out = new ArrayList<>();
        for (var c : plugins.extensions(ActionType.class)) {
            try {
                out.add(new TypeOption(plugins.invoker().call(c.pluginId(), "ActionType.typeId", c.extension()::typeId), typeName(c)));
            } catch (PluginFailure e) {
                // out of service: not offered
            }
        }
        out.sort(Comparator.comparing(TypeOption::name));
        return out;
    }

    private String typeName(PluginRuntime.Contributed<ActionType> c) {
        String key = plugins.invoker().call(c.pluginId(), "ActionType.nameKey", c.extension()::nameKey);
        return adminMessages().find(key).orElse(key);
    }

    private MessageBundle adminMessages() {
        return themes.messages("admin", Locale.ENGLISH);
    }

    // ---- creating ---------------------------------------------------------------------------------------------

    /** A new draft campaign from a template: its text, and one action of the template's type with its settings. */
    public String create(StaffUser actor, NewCampaign form) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Map.Entry<String, CampaignTemplate>> template = template(form.template());
        if (template.isEmpty()) {
            errors.put("template", "Choose a template.");
        }
        String slug = trim(form.slug());
        String title = trim(form.title());
        checkNewSlug(slug, errors);
        checkTitle(title, true, "title", errors);
        checkLanguage(form.language(), "language", errors);
        String theme = trim(form.theme()).isEmpty() ? "default" : trim(form.theme());
        checkTheme(theme, errors);
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        String typeId = template.get().getKey();
        CampaignTemplate t = template.get().getValue();
        Instant now = clock.instant();
        return change(actor, "campaign.create", slug, () -> {
            Campaign c = new Campaign(slug, title, theme, form.language(), now);
            c.setSummary(t.summary());
            c.setBodyMarkdown(t.bodyMarkdown());
            String key = CampaignSlug.isValid(t.id()) ? t.id() : "action";
            CampaignAction a = c.addAction(key, typeId, t.title(), now);
            a.setSettingsJson(Json.write(t.actionSettings() == null ? Map.of() : t.actionSettings()), now);
            c.markEditedByStaff(now);
            campaigns.add(c);
            return new Audited(slug, null, Map.of("template", form.template(), "campaign", summary(c)));
        });
    }

    private Optional<Map.Entry<String, CampaignTemplate>> template(String key) {
        if (key == null || !key.contains("/")) {
            return Optional.empty();
        }
        String typeId = key.substring(0, key.indexOf('/'));
        String id = key.substring(key.indexOf('/') + 1);
        return types.find(typeId).flatMap(c -> {
            try {
                return plugins.invoker().call(c.pluginId(), "ActionType.campaignTemplates", c.extension()::campaignTemplates)
                        .stream().filter(t -> t.id().equals(id)).findFirst().map(t -> Map.entry(typeId, t));
            } catch (PluginFailure e) {
                return Optional.empty();
            }
        });
    }

    /**
     * A draft copy of a campaign with its actions and settings (not its schedule, status or supporters). Into
     * another language: that language becomes the copy's only one; its text is the source's translation into it
     * when there is one, else the source text, kept for staff to translate and marked as needing translation.
     */
    public String duplicate(StaffUser actor, String sourceSlug, Duplicate form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String slug = trim(form.slug());
        String title = trim(form.title());
        checkNewSlug(slug, errors);
        checkTitle(title, false, "title", errors);
        String language = trim(form.language());
        if (!language.isEmpty()) {
            checkLanguage(language, "language", errors);
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        Instant now = clock.instant();
        return change(actor, "campaign.duplicate", slug, () -> {
            Campaign src = load(sourceSlug);
            boolean otherLanguage = !language.isEmpty() && !language.equals(src.getDefaultLanguage());
            Content text = otherLanguage ? src.translation(language).map(t -> new Content(or(t.getTitle(), src.getTitle()),
                            or(t.getSummary(), src.getSummary()), or(t.getBodyMarkdown(), src.getBodyMarkdown()),
                            or(t.getShareTitle(), src.getShareTitle()), or(t.getShareDescription(), src.getShareDescription()),
                            t.isMachineTranslated()))
                    .orElse(new Content(src.getTitle(), src.getSummary(), src.getBodyMarkdown(), src.getShareTitle(),
                            src.getShareDescription(), true))
                    : content(src, src.getDefaultLanguage());
            Campaign c = new Campaign(slug, title.isEmpty() ? text.title() : title, src.getTheme(),
                    otherLanguage ? language : src.getDefaultLanguage(), now);
            c.setSummary(text.summary());
            c.setBodyMarkdown(text.body());
            c.setShareTitle(text.shareTitle());
            c.setShareDescription(text.shareDescription());
            c.setShareImage(src.getShareImage());
            c.setOrganizationName(src.getOrganizationName());
            c.setNeedsTranslation(text.needsReview());
            if (!otherLanguage) {
                c.setLanguageList(src.languageList());
                for (CampaignTranslation t : src.getTranslations()) {
                    CampaignTranslation copy = new CampaignTranslation(c, t.getLocale());
                    copy.setTitle(t.getTitle());
                    copy.setSummary(t.getSummary());
                    copy.setBodyMarkdown(t.getBodyMarkdown());
                    copy.setShareTitle(t.getShareTitle());
                    copy.setShareDescription(t.getShareDescription());
                    copy.setMachineTranslated(t.isMachineTranslated());
                    c.getTranslations().add(copy);
                }
            }
            src.getActions().stream().sorted(Comparator.comparingInt(CampaignAction::getPosition)).forEach(a ->
                    c.addAction(a.getActionKey(), a.getActionType(), a.getTitle(), now).setSettingsJson(a.getSettingsJson(), now));
            c.markEditedByStaff(now);
            campaigns.add(c);
            return new Audited(slug, null, Map.of("source", sourceSlug, "campaign", summary(c)));
        });
    }

    // ---- content and settings ---------------------------------------------------------------------------------

    /**
     * Saves the campaign settings and one language's content.
     *
     * @return the campaign's slug afterwards (a draft may change it)
     */
    public String updateContent(StaffUser actor, String slug, ContentForm form) {
        Instant now = clock.instant();
        return change(actor, "campaign.update", slug, () -> {
            Campaign c = load(slug);
            Checked in = check(c, form);
            Map<String, Object> before = settingsAndContent(c, in.lang());
            String newSlug = trim(form.slug());
            if (!newSlug.isEmpty() && !newSlug.equals(c.getSlug())) {
                c.rename(newSlug, now);
            }
            c.setTheme(in.theme());
            c.setOrganizationName(blankToNull(form.organization()));
            c.setStartsAt(in.startsAt());
            c.setEndsAt(in.endsAt());
            c.setShareImage(blankToNull(form.shareImage()));
            c.getTranslations().removeIf(t -> !in.languages().contains(t.getLocale()));
            c.setLanguageList(in.languages());
            Content text = form.content();
            if (in.lang().equals(c.getDefaultLanguage())) {
                c.setTitle(trim(text.title()));
                c.setSummary(blankToNull(text.summary()));
                c.setBodyMarkdown(blankToNull(text.body()));
                c.setShareTitle(blankToNull(text.shareTitle()));
                c.setShareDescription(blankToNull(text.shareDescription()));
                c.setNeedsTranslation(text.needsReview());
            } else {
                CampaignTranslation t = c.translation(in.lang()).orElseGet(() -> {
                    CampaignTranslation fresh = new CampaignTranslation(c, in.lang());
                    c.getTranslations().add(fresh);
                    return fresh;
                });
                t.setTitle(blankToNull(text.title()));
                t.setSummary(blankToNull(text.summary()));
                t.setBodyMarkdown(blankToNull(text.body()));
                t.setShareTitle(blankToNull(text.shareTitle()));
                t.setShareDescription(blankToNull(text.shareDescription()));
                t.setMachineTranslated(text.needsReview());
            }
            c.markEditedByStaff(now);
            return new Audited(c.getSlug(), before, settingsAndContent(c, in.lang()), slug);
        });
    }

    private record Checked(String lang, String theme, List<String> languages, Instant startsAt, Instant endsAt) {
    }

    /** Every rule of the edit form; throws {@link Invalid} with all problems at once. */
    private Checked check(Campaign c, ContentForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String newSlug = trim(form.slug());
        if (!newSlug.isEmpty() && !newSlug.equals(c.getSlug())) {
            if (c.getStatus() != CampaignStatus.DRAFT) {
                errors.put("slug", "The address of a campaign that has been public cannot change (links to it are out there). "
                        + "Move it back to draft first, or duplicate it.");
            } else {
                checkNewSlug(newSlug, errors);
            }
        }
        String theme = trim(form.theme()).isEmpty() ? c.getTheme() : trim(form.theme());
        checkTheme(theme, errors);
        if (trim(form.organization()).length() > MAX_ORGANIZATION) {
            errors.put("organization", "Use at most " + MAX_ORGANIZATION + " characters.");
        }
        List<String> languages = new ArrayList<>(new LinkedHashSet<>(form.languages() == null ? List.of() : form.languages()));
        languages.removeIf(String::isBlank);
        if (!languages.contains(c.getDefaultLanguage())) {
            languages.add(0, c.getDefaultLanguage()); // the default language cannot be switched off
        }
        for (String l : languages) {
            if (!ThemeEngine.SUPPORTED_LANGUAGES.contains(l)) {
                errors.put("languages", "'" + l + "' is not a language the platform offers (" + ThemeEngine.SUPPORTED_LANGUAGES + ").");
            }
        }
        String lang = trim(form.lang()).isEmpty() ? c.getDefaultLanguage() : trim(form.lang());
        if (!languages.contains(lang)) {
            errors.put("languages", "Keep " + lang + " ticked while you edit its text, or save the text first.");
        }
        Instant starts = instant(form.startsAt(), "startsAt", errors);
        Instant ends = instant(form.endsAt(), "endsAt", errors);
        if (starts != null && ends != null && !ends.isAfter(starts)) {
            errors.put("endsAt", "The end must be after the start.");
        }
        String image = trim(form.shareImage());
        if (!image.isEmpty() && (image.length() > MAX_URL || !(image.matches("https?://[^\\s\"<>]+") || image.matches("/[^\\s\"<>]*")))) {
            errors.put("shareImage", "Give the image as a full https:// address or a path on this site starting with /, "
                    + "at most " + MAX_URL + " characters.");
        }
        Content text = form.content();
        checkTitle(trim(text.title()), lang.equals(c.getDefaultLanguage()), "title", errors);
        checkLength(text.summary(), MAX_SUMMARY, "summary", errors);
        checkLength(text.body(), MAX_BODY, "body", errors);
        checkLength(text.shareTitle(), MAX_TITLE, "shareTitle", errors);
        checkLength(text.shareDescription(), MAX_SHARE_DESCRIPTION, "shareDescription", errors);
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return new Checked(lang, theme, List.copyOf(languages), starts, ends);
    }

    /**
     * The campaign as it would look with the typed content, for the preview in its own theme: nothing is saved,
     * and the page is shown as supporters will see it once published.
     */
    public CampaignSnapshot preview(String slug, ContentForm form) {
        return tx.inTransaction(() -> {
            Campaign c = load(slug);
            CampaignSnapshot saved = CampaignService.toSnapshot(c, clock.instant());
            String theme = trim(form.theme());
            if (theme.isEmpty() || !isPublicTheme(theme)) {
                theme = c.getTheme();
            }
            String lang = c.languageList().contains(trim(form.lang())) ? trim(form.lang()) : c.getDefaultLanguage();
            Content t = form.content();
            CampaignSnapshot.Content base = saved.content().get(c.getDefaultLanguage());
            Map<String, CampaignSnapshot.Content> content = new LinkedHashMap<>(saved.content());
            content.put(lang, new CampaignSnapshot.Content(or(trim(t.title()), base.title()), or(t.summary(), base.summary()),
                    MarkdownRenderer.toHtml(t.body() == null || t.body().isBlank()
                            ? (lang.equals(c.getDefaultLanguage()) ? "" : c.getBodyMarkdown()) : t.body()),
                    blankToNull(t.shareTitle()), blankToNull(t.shareDescription()), t.needsReview() && !lang.equals(c.getDefaultLanguage())));
            return new CampaignSnapshot(saved.id(), saved.slug(), "published", theme, blankToNull(form.organization()) == null
                    ? saved.organizationName() : trim(form.organization()), saved.defaultLanguage(), saved.languages(),
                    saved.startsAt(), saved.endsAt(), blankToNull(form.shareImage()), content, saved.actions(), true,
                    saved.publishedAt());
        });
    }

    // ---- status -----------------------------------------------------------------------------------------------

    /**
     * What stops the campaign from moving to {@code target} (empty: it may). Publishing needs every action's type
     * installed and its settings valid, so the public page never shows a broken action.
     */
    public List<String> blockers(String slug, CampaignStatus target) {
        return tx.inTransaction(() -> {
            Campaign c = load(slug);
            List<String> out = new ArrayList<>();
            if (c.getStatus() == target) {
                out.add("The campaign is " + lower(target) + " already.");
                return out;
            }
            if (!c.getStatus().canMoveTo(target)) {
                out.add("A " + lower(c.getStatus()) + " campaign cannot become " + lower(target) + "; it can become "
                        + c.getStatus().next().stream().map(CampaignAdmin::lower).sorted().toList() + ".");
                return out;
            }
            if (target == CampaignStatus.PUBLISHED) {
                for (CampaignAction a : c.getActions()) {
                    String name = a.getTitle() == null ? a.getActionKey() : a.getTitle();
                    if (types.find(a.getActionType()).isEmpty()) {
                        out.add("Action \u201c" + name + "\u201d needs the action type '" + a.getActionType()
                                + "', which is not installed.");
                        continue;
                    }
                    for (String p : checkSettings(a.getActionType(), Json.readObject(a.getSettingsJson()))) {
                        out.add("Action \u201c" + name + "\u201d: " + p);
                    }
                }
            }
            return out;
        });
    }

    /** Warnings that do not block the move but that staff should see on the confirmation page. */
    public List<String> warnings(String slug, CampaignStatus target) {
        Editable e = get(slug);
        List<String> out = new ArrayList<>();
        if (target == CampaignStatus.PUBLISHED) {
            if (e.actions().isEmpty()) {
                out.add("The campaign has no action: supporters can read it but not act.");
            }
            e.content().forEach((lang, content) -> {
                if (content.needsReview()) {
                    out.add("The " + lang + " text is marked as needing translation or review.");
                }
            });
            if (e.endsAt() != null && !e.endsAt().isAfter(clock.instant())) {
                out.add("Its end date has passed, so it will not take actions.");
            }
        }
        if (target == CampaignStatus.DRAFT && e.publishedAt() != null) {
            out.add("The public page will show \u201cnot found\u201d until it is published again.");
        }
        return out;
    }

    /** Moves the campaign to another status (each move is confirmed in the console first). */
    public void changeStatus(StaffUser actor, String slug, CampaignStatus target) {
        List<String> blockers = blockers(slug, target);
        if (!blockers.isEmpty()) {
            throw new Invalid("", String.join(" ", blockers));
        }
        Instant now = clock.instant();
        change(actor, "campaign.status", slug, () -> {
            Campaign c = load(slug);
            String before = lower(c.getStatus());
            c.moveTo(target, now);
            c.markEditedByStaff(now);
            return new Audited(slug, Map.of("status", before), Map.of("status", lower(target)));
        });
        if (target == CampaignStatus.PUBLISHED) {
            service.snapshot(slug).ifPresent(s -> events.campaignPublished(s, now));
        }
    }

    // ---- actions ----------------------------------------------------------------------------------------------

    /** Adds an action of an installed type at the end, with its schema's defaults; returns its key. */
    public String addAction(StaffUser actor, String slug, String typeId, String title) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<PluginRuntime.Contributed<ActionType>> type = typeId == null ? Optional.empty() : types.find(typeId);
        if (type.isEmpty()) {
            errors.put("type", "Choose one of the installed action types.");
        }
        String t = trim(title);
        checkTitle(t, false, "title", errors);
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        SettingsSchema schema = plugins.invoker().call(type.get().pluginId(), "ActionType.settingsSchema",
                type.get().extension()::settingsSchema);
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (SettingsSchema.Field f : schema.fields()) {
            if (f.defaultValue() != null) {
                defaults.put(f.name(), f.defaultValue());
            }
        }
        Instant now = clock.instant();
        return change(actor, "campaign.action.add", slug, () -> {
            Campaign c = load(slug);
            String key = typeId;
            for (int i = 2; c.action(key).isPresent(); i++) {
                key = typeId + "-" + i;
            }
            CampaignAction a = c.addAction(key, typeId, t.isEmpty() ? typeName(type.get()) : t, now);
            a.setSettingsJson(Json.write(defaults), now);
            c.markEditedByStaff(now);
            return new Audited(key, null, actionSummary(a), slug);
        });
    }

    /** One place up ({@code -1}) or down ({@code +1}); nothing happens at either end. */
    public void moveAction(StaffUser actor, String slug, String key, int direction) {
        Instant now = clock.instant();
        change(actor, "campaign.action.move", slug, () -> {
            Campaign c = load(slug);
            List<String> before = order(c);
            action(c, key);
            if (c.moveAction(key, direction, now)) {
                c.markEditedByStaff(now);
            }
            return new Audited(slug, Map.of("order", before), Map.of("order", order(c)));
        });
    }

    /** Removes an action no supporter has taken (records refer to their action; close the campaign instead). */
    public void removeAction(StaffUser actor, String slug, String key) {
        Instant now = clock.instant();
        change(actor, "campaign.action.remove", slug, () -> {
            Campaign c = load(slug);
            CampaignAction a = action(c, key);
            if (a.getId() != null && records.countByCampaignAction(a.getId()) > 0) {
                throw new Invalid("", "Supporters have already taken this action, so it stays with their records. "
                        + "Close the campaign or duplicate it without this action instead.");
            }
            Map<String, Object> before = actionSummary(a);
            c.removeAction(key, now);
            c.markEditedByStaff(now);
            return new Audited(slug, before, null);
        });
    }

    /** The settings form of an action: its row, its type's schema and what the type offers the console. */
    public ActionForm actionForm(String slug, String key) {
        ActionRow row = get(slug).actions().stream().filter(a -> a.key().equals(key)).findFirst()
                .orElseThrow(() -> new CampaignService.NotFound("no action '" + key + "' in campaign '" + slug + "'"));
        var type = types.find(row.type()).orElseThrow(() -> new Invalid("", "The action type '" + row.type()
                + "' is not installed, so its settings cannot be edited here. Install its plugin, or remove the action."));
        String pluginId = type.pluginId();
        ActionType t = type.extension();
        return new ActionForm(row, plugins.invoker().call(pluginId, "ActionType.settingsSchema", t::settingsSchema),
                plugins.invoker().call(pluginId, "ActionType.mergeFields", t::mergeFields),
                plugins.invoker().call(pluginId, "ActionType.previewsForTargets", t::previewsForTargets), adminMessages());
    }

    /** Problems with settings, as the action type judges them ("path: what is wrong" lines). */
    public List<String> checkSettings(String typeId, Map<String, Object> settings) {
        var type = types.find(typeId);
        if (type.isEmpty()) {
            return List.of(": the action type '" + typeId + "' is not installed");
        }
        try {
            return plugins.invoker().call(type.get().pluginId(), "ActionType.checkSettings",
                    () -> type.get().extension().checkSettings(new ActionSettings(settings)));
        } catch (PluginFailure e) {
            return List.of(": the action type failed to check its settings; try again, or ask an owner to look at the plugin");
        }
    }

    /** {@link #checkSettings}'s problems by setting path ({@code variants[0].body}; {@code ""}: the settings as a whole). */
    public Map<String, String> settingsProblems(String typeId, Map<String, Object> settings) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : checkSettings(typeId, settings)) {
            int colon = p.indexOf(':');
            out.merge(colon < 0 ? "" : p.substring(0, colon).trim(), colon < 0 ? p : p.substring(colon + 1).trim(), (a, b) -> a + " " + b);
        }
        return out;
    }

    /**
     * Saves an action's title and settings after its type accepted them.
     *
     * @throws Invalid with the type's problems, keyed by setting path ({@code variants[0].body}), or {@code actionTitle}
     */
    public void saveAction(StaffUser actor, String slug, String key, String title, Map<String, Object> settings) {
        Map<String, String> errors = new LinkedHashMap<>();
        checkTitle(trim(title), false, "actionTitle", errors);
        String json = Json.write(settings);
        if (json.length() > MAX_SETTINGS_JSON) {
            errors.put("", "The settings are too long (at most " + MAX_SETTINGS_JSON + " characters in all).");
        }
        String type = get(slug).actions().stream().filter(a -> a.key().equals(key)).findFirst().map(ActionRow::type)
                .orElseThrow(() -> new CampaignService.NotFound("no action '" + key + "' in campaign '" + slug + "'"));
        settingsProblems(type, settings).forEach((path, message) -> errors.merge(path, message, (a, b) -> a + " " + b));
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        Instant now = clock.instant();
        change(actor, "campaign.action.settings", slug, () -> {
            Campaign c = load(slug);
            CampaignAction a = action(c, key);
            Map<String, Object> before = actionSummary(a);
            a.setTitle(blankToNull(title));
            a.setSettingsJson(json, now);
            c.markEditedByStaff(now);
            return new Audited(slug, before, actionSummary(a));
        });
    }

    /** Sitting targets (e.g. legislators) staff can preview an action for, by chamber and name. */
    public List<TargetInfo> sittingTargets() {
        return tx.inTransaction(() -> targets.findSitting().stream().map(HostPluginContext::target)
                .sorted(Comparator.comparing((TargetInfo t) -> String.valueOf(t.chamber())).thenComparing(t ->
                        t.familyName() == null ? t.name() : t.familyName()))
                .toList());
    }

    /**
     * What each chosen target would receive from the action with these (possibly unsaved) settings, in the
     * campaign's default language. Nothing is stored.
     */
    public List<TargetPreview> previewForTargets(String slug, String key, Map<String, Object> settings, Collection<Long> targetIds) {
        ActionForm form = actionForm(slug, key);
        if (!form.previewsForTargets()) {
            return List.of();
        }
        CampaignSnapshot c = tx.inTransaction(() -> CampaignService.toSnapshot(load(slug), clock.instant()));
        Locale locale = Locale.forLanguageTag(c.defaultLanguage());
        List<TargetInfo> chosen = tx.inTransaction(() -> targetIds.stream().distinct().limit(20)
                .map(id -> targets.find(id).map(HostPluginContext::target)).flatMap(Optional::stream).toList());
        var type = types.find(form.action().type()).orElseThrow();
        return plugins.invoker().call(type.pluginId(), "ActionType.previewForTargets", () -> type.extension()
                .previewForTargets(new ActionSettings(settings), c.info(baseUrl, locale), chosen, themes.messages(c.theme(), locale)));
    }

    // ---- campaign files ---------------------------------------------------------------------------------------

    /** The campaign as a campaign file (the format of {@code config/campaigns/}). */
    public String exportYaml(String slug) {
        return tx.inTransaction(() -> CampaignFiles.write(CampaignImporter.definitionOf(load(slug))));
    }

    /**
     * Imports a campaign file. A new slug becomes a draft; an existing campaign is replaced (text, settings,
     * actions) only when {@code replace}, and keeps its status.
     */
    public CampaignImporter.FileOutcome importYaml(StaffUser actor, String text, boolean replace) {
        if (text == null || text.isBlank()) {
            throw new Invalid("yaml", "Choose a campaign file, or paste its text.");
        }
        CampaignDefinition def;
        try {
            def = CampaignFiles.parse(text, "the file");
        } catch (CampaignFiles.InvalidCampaignFile e) {
            throw new Invalid("yaml", e.getMessage());
        }
        if (RESERVED_SLUGS.contains(def.slug())) {
            throw new Invalid("yaml", "The slug '" + def.slug() + "' is reserved for a console page; choose another.");
        }
        CampaignImporter.FileOutcome[] outcome = new CampaignImporter.FileOutcome[1];
        change(actor, "campaign.import", def.slug(), () -> {
            Optional<Campaign> existing = campaigns.findBySlug(def.slug());
            if (existing.isPresent() && !replace) {
                throw new Invalid("replace", "A campaign '" + def.slug() + "' exists already. Tick \u201creplace it\u201d to "
                        + "overwrite its text, settings and actions with the file's (its status stays), or change the slug in the file.");
            }
            Map<String, Object> before = existing.map(c -> definitionMap(CampaignImporter.definitionOf(c))).orElse(null);
            outcome[0] = importer.importText(text, "console-import.yaml", true);
            if (outcome[0].result() == CampaignImporter.Result.REJECTED) {
                throw new Invalid("yaml", outcome[0].detail());
            }
            return new Audited(def.slug(), before, definitionMap(CampaignImporter.definitionOf(load(def.slug()))));
        });
        return outcome[0];
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** What a unit of work changed: the subject's slug afterwards, the audit's before/after, and slugs to refresh. */
    private record Audited(String result, Object before, Object after, String... alsoInvalidate) {
    }

    /**
     * Runs one change and its audit entry in one transaction, then drops the public snapshots of the campaign
     * (under its old and new slug).
     */
    private String change(StaffUser actor, String action, String slug, Supplier<Audited> work) {
        Audited done;
        try {
            done = tx.inTransaction(() -> {
                Audited a = work.get();
                tx.em().flush(); // constraint problems surface here, before the audit entry is written
                try {
                    Connection c = tx.em().unwrap(Connection.class);
                    security.audit(c, actor, action, "campaign:" + a.result(), a.before(), a.after(), clock.instant());
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot write the audit entry", e);
                }
                return a;
            });
        } catch (jakarta.persistence.PersistenceException e) {
            // Another change won the race (the campaign's version moved on, or the new address was taken meanwhile).
            LOG.log(java.util.logging.Level.INFO, "Campaign change '" + action + "' on '" + slug + "' lost a race", e);
            throw new Invalid("", "Someone else changed this campaign at the same moment, so nothing was saved. "
                    + "Reload the page and try again.");
        }
        service.invalidate(slug);
        service.invalidate(done.result());
        for (String s : done.alsoInvalidate()) {
            service.invalidate(s);
        }
        return done.result();
    }

    private Campaign load(String slug) {
        return campaigns.findBySlug(slug).orElseThrow(() -> new CampaignService.NotFound("no campaign '" + slug + "'"));
    }

    private static CampaignAction action(Campaign c, String key) {
        return c.action(key).orElseThrow(() -> new CampaignService.NotFound("no action '" + key + "' in campaign '" + c.getSlug() + "'"));
    }

    private void checkNewSlug(String slug, Map<String, String> errors) {
        if (slug.isEmpty()) {
            errors.put("slug", "Enter the campaign's address, e.g. rent-relief-now.");
        } else if (!CampaignSlug.isValid(slug)) {
            errors.put("slug", "Use lower-case letters, digits and single hyphens (e.g. rent-relief-now), at most 120 characters.");
        } else if (RESERVED_SLUGS.contains(slug)) {
            errors.put("slug", "'" + slug + "' is reserved for a console page; choose another address.");
        } else if (tx.inTransaction(() -> campaigns.findBySlug(slug).isPresent())) {
            errors.put("slug", "Another campaign has the address '" + slug + "' already; choose another.");
        }
    }

    private static void checkTitle(String title, boolean required, String field, Map<String, String> errors) {
        if (title.isEmpty() && required) {
            errors.put(field, "Enter a title.");
        } else if (title.length() > MAX_TITLE) {
            errors.put(field, "Use at most " + MAX_TITLE + " characters.");
        } else if (title.indexOf('\n') >= 0 || title.indexOf('\r') >= 0) {
            errors.put(field, "Keep the title on one line.");
        }
    }

    private static void checkLength(String text, int max, String field, Map<String, String> errors) {
        if (text != null && text.length() > max) {
            errors.put(field, "Use at most " + max + " characters (this has " + text.length() + ").");
        }
    }

    private static void checkLanguage(String language, String field, Map<String, String> errors) {
        if (language == null || !ThemeEngine.SUPPORTED_LANGUAGES.contains(language)) {
            errors.put(field, "Choose one of the languages the platform offers: " + ThemeEngine.SUPPORTED_LANGUAGES + ".");
        }
    }

    private void checkTheme(String theme, Map<String, String> errors) {
        if (!isPublicTheme(theme)) {
            errors.put("theme", "Choose one of the installed campaign themes: " + publicThemes() + ".");
        }
    }

    private boolean isPublicTheme(String theme) {
        return themes.registry().theme(theme).map(t -> "public".equals(t.type())).orElse(false);
    }

    private Instant instant(String text, String field, Map<String, String> errors) {
        String s = trim(text);
        if (s.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(s.length() == 16 ? s : s.substring(0, Math.min(s.length(), 19))).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            errors.put(field, "Give a date and time like 2026-03-01T09:00 (" + zone.getId() + ").");
            return null;
        }
    }

    /** An instant as the console's date-time fields show it ({@code yyyy-MM-ddTHH:mm} in {@link #zone()}). */
    public String local(Instant i) {
        return i == null ? "" : LocalDateTime.ofInstant(i, zone).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static Map<String, Object> summary(Campaign c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slug", c.getSlug());
        m.put("title", c.getTitle());
        m.put("status", lower(c.getStatus()));
        m.put("theme", c.getTheme());
        m.put("language", c.getDefaultLanguage());
        m.put("languages", c.languageList());
        m.put("needsTranslation", c.isNeedsTranslation());
        m.put("actions", order(c));
        return m;
    }

    private static Map<String, Object> settingsAndContent(Campaign c, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slug", c.getSlug());
        m.put("theme", c.getTheme());
        m.put("organization", c.getOrganizationName());
        m.put("languages", c.languageList());
        m.put("startsAt", c.getStartsAt() == null ? null : c.getStartsAt().toString());
        m.put("endsAt", c.getEndsAt() == null ? null : c.getEndsAt().toString());
        m.put("shareImage", c.getShareImage());
        Content t = content(c, lang);
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("title", t.title());
        text.put("summary", t.summary());
        text.put("body", t.body());
        text.put("shareTitle", t.shareTitle());
        text.put("shareDescription", t.shareDescription());
        text.put("needsReview", t.needsReview());
        m.put("content." + lang, text);
        return m;
    }

    private static Map<String, Object> actionSummary(CampaignAction a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", a.getActionKey());
        m.put("type", a.getActionType());
        m.put("title", a.getTitle());
        m.put("position", a.getPosition());
        m.put("settings", Json.readObject(a.getSettingsJson()));
        return m;
    }

    private static Map<String, Object> definitionMap(CampaignDefinition d) {
        return Map.of("yaml", CampaignFiles.write(d));
    }

    private static List<String> order(Campaign c) {
        return c.getActions().stream().sorted(Comparator.comparingInt(CampaignAction::getPosition))
                .map(CampaignAction::getActionKey).toList();
    }

    static CampaignStatus parseStatus(String s) {
        try {
            return CampaignStatus.parse(s);
        } catch (IllegalArgumentException e) {
            throw new Invalid("status", "Choose one of draft, published, closed, victory, archived.");
        }
    }

    private static String lower(CampaignStatus s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String or(String a, String b) {
        return a == null || a.isBlank() ? b : a;
    }
}
