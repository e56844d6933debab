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
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.host.application.CampaignService;
import org.chorus.host.application.CampaignSnapshot;
import org.chorus.host.application.Platform;

/**
 * The embeddable widget: one campaign action alone, for a partner site's iframe. These are the only routes that
 * may be framed ({@link SecurityHeaders} allows it under {@code /embed/} and nowhere else); the form posts back
 * into the frame and its thank-you page stays there. {@code chorus-embed.js} (base theme) sizes the frame.
 */
@ApplicationScoped
@Path("embed/campaigns/{slug}/actions/{actionId}")
@Produces(MediaType.TEXT_HTML)
public class EmbedPages {

    @Inject
    Platform platform;
    @Inject
    CampaignPages campaigns;
    @Context
    HttpHeaders headers;

    @GET
    public Response form(@PathParam("slug") String slug, @PathParam("actionId") String actionId,
                         @QueryParam("lang") String lang, @QueryParam("src") String source) {
        CampaignSnapshot c = platform.campaigns().publicCampaign(slug)
                .orElseThrow(() -> new CampaignService.NotFound("no campaign '" + slug + "'"));
        if (c.action(actionId).isEmpty()) {
            throw new CampaignService.NotFound("campaign '" + slug + "' has no action '" + actionId + "'");
        }
        Locale locale = Languages.choose(lang, headers, c.languages(), c.defaultLanguage());
        // A partner's page gives no referrer worth keeping and no cookie: the source code says where it ran.
        String src = CampaignPages.cleanSource(source == null ? "embed" : source);
        return campaigns.renderCampaign(200, c, locale, actionId, Map.of(), List.of(), List.of(), src, Instant.now(),
                CampaignPages.Layout.EMBED);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("slug") String slug, @PathParam("actionId") String actionId,
                           MultivaluedMap<String, String> form) {
        return campaigns.submit(slug, actionId, form, CampaignPages.Layout.EMBED);
    }

    @GET
    @Path("thanks/{token}")
    public Response thanks(@PathParam("slug") String slug, @PathParam("actionId") String actionId,
                           @PathParam("token") String token, @QueryParam("lang") String lang) {
        return campaigns.thanks(slug, actionId, token, lang, CampaignPages.Layout.EMBED);
    }
}
