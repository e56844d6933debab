package org.chorus.host.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.chorus.api.action.ActionSettings;
import org.chorus.api.action.CampaignPrivacy;
import org.chorus.host.domain.campaign.CampaignAction;
import org.chorus.host.domain.campaign.Campaign;
import org.chorus.host.domain.campaign.CampaignRepository;
import org.chorus.host.domain.campaign.CampaignStatus;
import org.chorus.host.domain.campaign.CampaignTranslation;
import org.chorus.host.infrastructure.json.Json;
import org.chorus.host.infrastructure.persistence.Transactions;

/**
 * Reading campaigns for pages and APIs, and moving them through their statuses. Snapshots are cached for a
 * short time (and dropped at once on a local change) so the hottest page costs no database round trip, while a
 * change made on another instance still shows within {@link #SNAPSHOT_TTL}.
 */
public class CampaignService {

    static final Duration SNAPSHOT_TTL = Duration.ofSeconds(5);

    private final Transactions tx;
    private final CampaignRepository campaigns;
    private final Clock clock;
    private final EventBus events;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<CampaignSnapshot> snapshot, Instant until) {
    }

    public CampaignService(Transactions tx, CampaignRepository campaigns, Clock clock, EventBus events) {
        this.tx = tx;
        this.campaigns = campaigns;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Any campaign by slug, whatever its status (callers decide what is public). When the cached copy has expired,
     * one request reloads it and the others asking for the same slug meanwhile wait for that copy, instead of all
     * reloading it at once (a database query and the Markdown of every language each).
     */
    public Optional<CampaignSnapshot> snapshot(String slug) {
        Cached c = cache.get(slug);
        if (c != null && clock.instant().isBefore(c.until())) {
            return c.snapshot();
        }
        return cache.compute(slug, (key, current) -> {
            Instant now = clock.instant();
            if (current != null && now.isBefore(current.until())) {
                return current; // reloaded by another request while this one waited
            }
            Optional<CampaignSnapshot> fresh = tx.inTransaction(() -> campaigns.findBySlug(key).map(x -> toSnapshot(x, now)));
            return new Cached(fresh, now.plus(SNAPSHOT_TTL));
        }).snapshot();
    }

    /** A campaign the public may see. */
    public Optional<CampaignSnapshot> publicCampaign(String slug) {
        return snapshot(slug).filter(CampaignSnapshot::isPublic);
    }

    /** Published (and closed or won) campaigns, newest first. */
    public List<CampaignSnapshot> publicCampaigns() {
        Instant now = clock.instant();
        return tx.inTransaction(() -> campaigns.findByStatus(EnumSet.of(CampaignStatus.PUBLISHED,
                CampaignStatus.CLOSED, CampaignStatus.VICTORY)).stream().map(c -> toSnapshot(c, now)).toList());
    }

    public List<CampaignSnapshot> allCampaigns() {
        Instant now = clock.instant();
        return tx.inTransaction(() -> campaigns.findAll().stream().map(c -> toSnapshot(c, now)).toList());
    }

    /** Moves a campaign to another status; publishing announces it to event listeners after commit. */
    public CampaignSnapshot changeStatus(String slug, CampaignStatus target) {
        Instant now = clock.instant();
        CampaignSnapshot after = tx.inTransaction(() -> {
            Campaign c = campaigns.findBySlug(slug).orElseThrow(() -> new NotFound("no campaign '" + slug + "'"));
            c.moveTo(target, now);
            c.markEditedByStaff(now);
            return toSnapshot(c, now);
        });
        invalidate(slug);
        if (target == CampaignStatus.PUBLISHED) {
            events.campaignPublished(after, now);
        }
        return after;
    }

    public void invalidate(String slug) {
        cache.remove(slug);
    }

    /** The snapshot of a loaded campaign (inside the caller's unit of work). */
    public static CampaignSnapshot toSnapshot(Campaign c, Instant now) {
        Map<String, CampaignSnapshot.Content> content = new LinkedHashMap<>();
        content.put(c.getDefaultLanguage(), new CampaignSnapshot.Content(c.getTitle(), c.getSummary(),
                MarkdownRenderer.toHtml(c.getBodyMarkdown()), c.getShareTitle(), c.getShareDescription(), false));
        for (CampaignTranslation t : c.getTranslations()) {
            content.put(t.getLocale(), new CampaignSnapshot.Content(
                    or(t.getTitle(), c.getTitle()), or(t.getSummary(), c.getSummary()),
                    MarkdownRenderer.toHtml(or(t.getBodyMarkdown(), c.getBodyMarkdown())),
                    or(t.getShareTitle(), c.getShareTitle()), or(t.getShareDescription(), c.getShareDescription()),
                    t.isMachineTranslated()));
        }
        List<CampaignSnapshot.ActionSnapshot> actions = c.getActions().stream()
                .sorted((a, b) -> Integer.compare(a.getPosition(), b.getPosition()))
                .map(CampaignService::actionSnapshot)
                .toList();
        return new CampaignSnapshot(c.getId(), c.getSlug(), c.getStatus().name().toLowerCase(Locale.ROOT), c.getTheme(),
                c.getOrganizationName(), c.getDefaultLanguage(), c.languageList(), c.getStartsAt(), c.getEndsAt(),
                c.getShareImage(), content, actions, c.isTakingActions(now), c.getPublishedAt(),
                new CampaignPrivacy(c.isPrivacyDiscardStreet(), c.isPrivacyKeepReferrer(), c.getPrivacyPurgeDays()));
    }

    /** The action with each translation's texts merged over its settings once, not per page view. */
    @SuppressWarnings("unchecked")
    private static CampaignSnapshot.ActionSnapshot actionSnapshot(CampaignAction a) {
        Map<String, Object> own = Json.readObject(a.getSettingsJson());
        Map<String, CampaignSnapshot.Localized> translations = new LinkedHashMap<>();
        if (a.getTranslationsJson() != null && !a.getTranslationsJson().isBlank()) {
            Json.readObject(a.getTranslationsJson()).forEach((locale, t) -> {
                if (t instanceof Map<?, ?> tm) {
                    Object title = tm.get("title");
                    Object settings = tm.get("settings");
                    translations.put(locale, new CampaignSnapshot.Localized(title == null ? null : title.toString(),
                            new ActionSettings(LocalizedSettings.merge(own,
                                    settings instanceof Map<?, ?> sm ? (Map<String, Object>) sm : Map.of()))));
                }
            });
        }
        return new CampaignSnapshot.ActionSnapshot(a.getId(), a.getActionKey(), a.getActionType(), a.getTitle(),
                a.getPosition(), new ActionSettings(own), translations);
    }

    private static String or(String a, String b) {
        return a == null || a.isBlank() ? b : a;
    }

    /** The thing asked for does not exist (→ 404). */
    public static class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }
}
