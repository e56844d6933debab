package org.chorus.host.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.chorus.api.action.ActionView;
import org.chorus.api.action.FieldError;
import org.chorus.api.action.Fragment;
import org.chorus.host.application.ActionService;
import org.chorus.host.application.CampaignService;
import org.chorus.host.application.CampaignSnapshot;
import org.chorus.host.application.Platform;
import org.chorus.host.infrastructure.plugins.PluginFailure;

/**
 * The supporter's pages: the campaign list, a campaign with its actions, a submission and its thank-you page.
 * One instance serves every request (its fields are services and a request-bound {@link HttpHeaders} proxy):
 * creating and injecting a resource per request cost about an eighth of the campaign page's CPU time.
 */
@ApplicationScoped
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CampaignPages {

    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9_.-]{1,80}");

    @Inject
    Platform platform;
    @Inject
    Pages pages;
    @Inject
    ActionFragments fragments;
    @Context
    HttpHeaders headers;

    private RenderedPages rendered;

    @jakarta.annotation.PostConstruct
    void init() {
        rendered = new RenderedPages(Long.parseLong(platform.config().get("platform.pages.cache.millis", "5000")));
    }

    @GET
    public Response index(@QueryParam("lang") String lang) {
        Locale locale = Languages.choose(lang, headers, Languages.supported(), "en");
        List<Map<String, Object>> cards = new ArrayList<>();
        for (CampaignSnapshot c : platform.campaigns().publicCampaigns()) {
            CampaignSnapshot.Content content = c.content(locale);
            Map<String, Object> card = new HashMap<>();
            card.put("slug", c.slug());
            card.put("title", content.title());
            card.put("summary", content.summary() == null ? "" : content.summary());
            card.put("status", c.status());
            card.put("url", "/campaigns/" + c.slug());
            cards.add(card);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("campaigns", cards);
        return withLangCookie(pages.render(200, "default", "index.ftlh", model, locale, Languages.supported(), "/"), lang);
    }

    @GET
    @Path("campaigns/{slug}")
    public Response campaign(@PathParam("slug") String slug, @QueryParam("lang") String lang,
                             @QueryParam("src") String source) {
        CampaignSnapshot c = platform.campaigns().publicCampaign(slug)
                .orElseThrow(() -> new CampaignService.NotFound("no campaign '" + slug + "'"));
        Locale locale = Languages.choose(lang, headers, c.languages(), c.defaultLanguage());
        String src = cleanSource(source);
        Response r;
        if (rendered.enabled()) {
            var key = new RenderedPages.Key(c, locale.toLanguageTag(), platform.actions().takenOnThisInstance(slug));
            byte[] html = rendered.page(key, () -> campaignHtml(200, c, locale, null, Map.of(), List.of(), List.of(), new Hidden(
                            () -> rendered.marker(RenderedPages.Slot.IDEM), rendered.marker(RenderedPages.Slot.SOURCE),
                            rendered.marker(RenderedPages.Slot.LANDED)), Layout.PAGE),
                    () -> UUID.randomUUID().toString(), src == null ? "" : src, String.valueOf(System.currentTimeMillis()));
            r = pages.page(200, html, locale);
        } else {
            r = renderCampaign(200, c, locale, null, Map.of(), List.of(), List.of(), src, Instant.now());
        }
        return withLangCookie(r, lang);
    }

    @POST
    @Path("campaigns/{slug}/actions/{actionId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("slug") String slug, @PathParam("actionId") String actionId,
                           MultivaluedMap<String, String> form) {
        return submit(slug, actionId, form, Layout.PAGE);
    }

    /**
     * Where a campaign's actions are shown: its own page, or one action alone in a partner's iframe, whose form
     * posts back to the frame and whose thank-you page stays in it.
     */
    public enum Layout {
        PAGE("", "campaign.ftlh", "thanks.ftlh"), EMBED("/embed", "embed.ftlh", "embed-thanks.ftlh");

        final String prefix;
        final String template;
        final String thanksTemplate;

        Layout(String prefix, String template, String thanksTemplate) {
            this.prefix = prefix;
            this.template = template;
            this.thanksTemplate = thanksTemplate;
        }
    }

    public Response submit(String slug, String actionId, MultivaluedMap<String, String> form, Layout layout) {
        CampaignSnapshot c = platform.campaigns().publicCampaign(slug)
                .orElseThrow(() -> new CampaignService.NotFound("no campaign '" + slug + "'"));
        Locale locale = Languages.choose(form.getFirst("_lang"), headers, c.languages(), c.defaultLanguage());
        Map<String, List<String>> fields = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (!k.startsWith("_")) {
                fields.put(k, List.copyOf(v));
            }
        });
        Instant landed = parseLanded(form.getFirst("_landed"));
        String source = cleanSource(form.getFirst("_src"));
        var cmd = new ActionService.SubmitCommand(slug, actionId, fields, form.getFirst("_idem"), source,
                headers.getHeaderString("Referer"), landed, locale);
        ActionService.Outcome outcome;
        try {
            outcome = platform.actions().submit(cmd);
        } catch (PluginFailure e) {
            return pages.error(500, "error.plugin.title", null, locale, c.theme());
        }
        var m = platform.themes().messages(c.theme(), locale);
        if (outcome instanceof ActionService.Outcome.Taken t) {
            // Slug, action key and token all passed their patterns to get here: nothing in them needs encoding.
            return Response.seeOther(java.net.URI.create(layout.prefix + "/campaigns/" + slug + "/actions/" + actionId
                    + "/thanks/" + t.token() + "?lang=" + locale.toLanguageTag())).build();
        }
        if (outcome instanceof ActionService.Outcome.Rejected rej) {
            return renderCampaign(400, c, locale, actionId, fields, rej.errors(), List.of(), source, landed, layout);
        }
        if (outcome instanceof ActionService.Outcome.Incomplete inc) {
            return renderCampaign(200, c, locale, actionId, fields, List.of(), inc.prompts(), source, landed, layout);
        }
        if (outcome instanceof ActionService.Outcome.Repeat rep) {
            // Done before: the thank-you page, told it is a repeat (the action type words it, e.g. "already signed").
            var repeated = platform.actions().repeated(rep, locale);
            if (repeated.isPresent()) {
                return thanksPage(c, repeated.get(), locale, actionId, layout,
                        layout.prefix + "/campaigns/" + slug + "/actions/" + actionId);
            }
            return renderCampaign(200, c, locale, actionId, fields, List.of(),
                    List.of(new FieldError("", m.get("action.repeat", java.util.Date.from(rep.firstTakenAt())))), source, landed, layout);
        }
        if (outcome instanceof ActionService.Outcome.NotTaking) {
            return renderCampaign(409, c, locale, actionId, fields,
                    List.of(new FieldError("", m.get("action.closed"))), List.of(), source, landed, layout);
        }
        return pages.error(503, "error.unavailable.title", m.get("action.unavailable"), locale, c.theme());
    }

    @GET
    @Path("campaigns/{slug}/actions/{actionId}/thanks/{token}")
    public Response thanks(@PathParam("slug") String slug, @PathParam("actionId") String actionId,
                           @PathParam("token") String token, @QueryParam("lang") String lang) {
        return thanks(slug, actionId, token, lang, Layout.PAGE);
    }

    public Response thanks(String slug, String actionId, String token, String lang, Layout layout) {
        CampaignSnapshot c = platform.campaigns().snapshot(slug)
                .orElseThrow(() -> new CampaignService.NotFound("no campaign '" + slug + "'"));
        Locale locale = Languages.choose(lang, headers, c.languages(), c.defaultLanguage());
        var thanks = platform.actions().thankYou(slug, actionId, token, locale)
                .orElseThrow(() -> new CampaignService.NotFound("no such action record"));
        return thanksPage(c, thanks, locale, actionId, layout,
                layout.prefix + "/campaigns/" + slug + "/actions/" + actionId + "/thanks/" + token);
    }

    private Response thanksPage(CampaignSnapshot c, ActionService.ThankYou thanks, Locale locale, String actionId,
                                Layout layout, String path) {
        String resultHtml = fragments.result(thanks, locale);
        Map<String, Object> model = campaignModel(c, locale);
        model.put("resultHtml", resultHtml);
        String actionTitle = thanks.action().title(c.languageFor(locale));
        model.put("actionTitle", actionTitle == null ? "" : actionTitle);
        model.put("share", share(c, locale));
        List<Map<String, Object>> next = new ArrayList<>();
        for (var a : c.actions()) {
            if (!a.key().equals(actionId)) {
                String title = a.title(c.languageFor(locale));
                next.add(Map.of("title", title == null ? a.key() : title,
                        "url", "/campaigns/" + c.slug() + "#action-" + a.key()));
            }
        }
        model.put("nextActions", next);
        model.put("pageTitle", c.content(locale).title());
        Response r = pages.render(200, c.theme(), layout.thanksTemplate, model, locale, c.languages(), path);
        return Response.fromResponse(r).header("Cache-Control", "private, no-store").build();
    }

    /**
     * A campaign page as it would render, as HTML: the admin console's preview of content staff have not saved
     * yet, in the campaign's own theme.
     */
    public String previewHtml(CampaignSnapshot c, Locale locale) {
        return campaignHtml(200, c, locale, null, Map.of(), List.of(), List.of(),
                new Hidden(() -> UUID.randomUUID().toString(), "", String.valueOf(System.currentTimeMillis())), Layout.PAGE);
    }

    /**
     * The campaign page as it is now, for the console's theme preview (pass {@link CampaignSnapshot#withTheme}); the
     * response is marked so that its forms cannot submit ({@link SecurityHeaders#PREVIEW}).
     */
    public Response preview(CampaignSnapshot c, Locale locale) {
        Response r = renderCampaign(200, c, locale, null, Map.of(), List.of(), List.of(), null, Instant.now());
        return Response.fromResponse(r).header(SecurityHeaders.PREVIEW, "1").header("Cache-Control", "no-store").build();
    }

    /**
     * @param errors  what to fix (shown as an error summary and next to fields)
     * @param prompts what to notice, not errors (a preview, "you already did this")
     */
    public Response renderCampaign(int status, CampaignSnapshot c, Locale locale, String failedAction,
                            Map<String, List<String>> values, List<FieldError> errors, List<FieldError> prompts,
                            String source, Instant landed) {
        return renderCampaign(status, c, locale, failedAction, values, errors, prompts, source, landed, Layout.PAGE);
    }

    /** In the {@link Layout#EMBED} layout only {@code failedAction} (the framed one) is shown. */
    public Response renderCampaign(int status, CampaignSnapshot c, Locale locale, String failedAction,
                            Map<String, List<String>> values, List<FieldError> errors, List<FieldError> prompts,
                            String source, Instant landed, Layout layout) {
        Hidden hidden = new Hidden(() -> UUID.randomUUID().toString(), source == null ? "" : source,
                String.valueOf((landed == null ? Instant.now() : landed).toEpochMilli()));
        return pages.page(status, campaignHtml(status, c, locale, failedAction, values, errors, prompts, hidden, layout), locale);
    }

    /** The host's hidden fields in every action form: a fresh idempotency key per form, source code, landing time. */
    private record Hidden(java.util.function.Supplier<String> idem, String source, String landedMillis) {
    }

    private String campaignHtml(int status, CampaignSnapshot c, Locale locale, String failedAction, Map<String, List<String>> values,
                                List<FieldError> errors, List<FieldError> prompts, Hidden hiddenValues, Layout layout) {
        Map<String, Object> model = campaignModel(c, locale);
        String baseUrl = platform.config().baseUrl();
        List<Map<String, Object>> actions = new ArrayList<>();
        for (CampaignSnapshot.ActionSnapshot a : c.actions()) {
            if (layout == Layout.EMBED && !a.key().equals(failedAction)) {
                continue;
            }
            boolean failed = a.key().equals(failedAction);
            String language = c.languageFor(locale);
            ActionView view = new ActionView(c.info(baseUrl, locale), a.key(), a.id(), a.settings(language),
                    platform.themes().messages(c.theme(), locale), failed ? values : Map.of(), failed ? errors : List.of());
            Map<String, Object> host = new HashMap<>();
            host.put("postUrl", layout.prefix + "/campaigns/" + c.slug() + "/actions/" + a.key());
            host.put("hidden", List.of(
                    Map.of("name", "_idem", "value", hiddenValues.idem().get()),
                    Map.of("name", "_src", "value", hiddenValues.source()),
                    Map.of("name", "_landed", "value", hiddenValues.landedMillis()),
                    Map.of("name", "_lang", "value", locale.toLanguageTag())));
            host.put("takingActions", c.takingActions());
            Map<String, Object> entry = new HashMap<>();
            entry.put("key", a.key());
            entry.put("type", a.type());
            entry.put("title", a.title(language) == null ? "" : a.title(language));
            String html = fragments.form(c, a, view, host, locale);
            entry.put("available", html != null);
            entry.put("html", html == null ? "" : html);
            entry.put("errors", failed ? errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList() : List.of());
            entry.put("prompts", failed ? prompts.stream().map(FieldError::message).toList() : List.of());
            actions.add(entry);
        }
        model.put("actions", actions);
        model.put("share", share(c, locale));
        model.put("pageTitle", c.content(locale).title());
        String path = layout == Layout.EMBED ? "/embed/campaigns/" + c.slug() + "/actions/" + failedAction : "/campaigns/" + c.slug();
        return pages.html(status, c.theme(), layout.template, model, locale, c.languages(), path);
    }

    private Map<String, Object> campaignModel(CampaignSnapshot c, Locale locale) {
        CampaignSnapshot.Content content = c.content(locale);
        String baseUrl = platform.config().baseUrl();
        Map<String, Object> campaign = new HashMap<>();
        campaign.put("slug", c.slug());
        campaign.put("title", content.title());
        campaign.put("summary", content.summary() == null ? "" : content.summary());
        campaign.put("bodyHtml", content.bodyHtml());
        campaign.put("status", c.status());
        campaign.put("takingActions", c.takingActions());
        campaign.put("organizationName", c.organizationName() == null ? platform.config().organizationName() : c.organizationName());
        campaign.put("machineTranslated", content.machineTranslated());
        campaign.put("url", baseUrl + "/campaigns/" + c.slug());
        campaign.put("shareTitle", content.shareTitle() == null ? content.title() : content.shareTitle());
        campaign.put("shareDescription", content.shareDescription() == null ? (content.summary() == null ? "" : content.summary())
                : content.shareDescription());
        campaign.put("shareImage", c.shareImage() == null ? "" : c.shareImage());
        List<Map<String, Object>> alternates = new ArrayList<>();
        for (String l : c.languages()) {
            alternates.add(Map.of("lang", l, "url", baseUrl + "/campaigns/" + c.slug() + "?lang=" + l));
        }
        campaign.put("alternates", alternates);
        campaign.put("privacy", Map.of("discardStreet", c.privacy().discardStreet(),
                "purgeAfterDays", c.privacy().purgeAfterDays()));
        Map<String, Object> model = new HashMap<>();
        model.put("campaign", campaign);
        model.put("privacyNotices", platform.targetFinder().privacyNoticeKeys());
        return model;
    }

    /** Plain share links carrying a source code; no third-party script is ever loaded. */
    private Map<String, Object> share(CampaignSnapshot c, Locale locale) {
        String base = platform.config().baseUrl() + "/campaigns/" + c.slug() + "?src=";
        String title = c.content(locale).title();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("email", "mailto:?subject=" + enc(title) + "&body=" + enc(base + "share-email"));
        s.put("whatsapp", "https://wa.me/?text=" + enc(title + " " + base + "share-whatsapp"));
        s.put("facebook", "https://www.facebook.com/sharer/sharer.php?u=" + enc(base + "share-facebook"));
        s.put("x", "https://x.com/intent/post?text=" + enc(title) + "&url=" + enc(base + "share-x"));
        s.put("link", base + "share-link");
        return s;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String cleanSource(String source) {
        return source != null && SOURCE.matcher(source).matches() ? source : null;
    }

    private static Instant parseLanded(String millis) {
        try {
            Instant landed = Instant.ofEpochMilli(Long.parseLong(millis));
            Instant now = Instant.now();
            return landed.isAfter(now) || landed.isBefore(now.minusSeconds(7 * 86400)) ? null : landed;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Response withLangCookie(Response r, String lang) {
        if (lang == null || Languages.match(lang, Languages.supported()) == null) {
            return r;
        }
        NewCookie cookie = new NewCookie.Builder("lang").value(Languages.match(lang, Languages.supported())).path("/")
                .maxAge(365 * 86400).sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
        return Response.fromResponse(r).cookie(cookie).build();
    }
}
