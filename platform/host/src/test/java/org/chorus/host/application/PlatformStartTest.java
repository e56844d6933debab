package org.chorus.host.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.chorus.host.TestPlatforms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformStartTest {

    @TempDir
    Path dir;

    @Test
    void importsTheSeedCampaignsOnceAndKeepsThemAcrossRestarts() {
        var cfg = TestPlatforms.h2Config(dir);
        try (Platform p = TestPlatforms.start(cfg)) {
            // The letters campaign and the demo petition.
            assertThat(p.startupImport().count(CampaignImporter.Result.CREATED)).isEqualTo(2);
            assertThat(p.campaigns().publicCampaign("stand-with-immigrant-families").orElseThrow().actions())
                    .extracting(CampaignSnapshot.ActionSnapshot::type).containsExactly("petition");
            CampaignSnapshot c = p.campaigns().publicCampaign("safe-communities-act").orElseThrow();
            assertThat(c.theme()).isEqualTo("safe-communities");
            assertThat(c.languages()).containsExactly("en", "es", "pt-BR", "ht", "zh-CN", "vi");
            assertThat(c.actions()).extracting(CampaignSnapshot.ActionSnapshot::type).containsExactly("email-legislators");
            assertThat(c.content(Locale.ENGLISH).bodyHtml()).contains("336 percent").contains("H.2580 / S.1681");
            assertThat(c.content(Locale.forLanguageTag("es")).title()).startsWith("Diga");
        }
        try (Platform p = TestPlatforms.start(cfg)) {
            assertThat(p.startupImport().count(CampaignImporter.Result.UNCHANGED)).isEqualTo(2);
            assertThat(p.startupImport().count(CampaignImporter.Result.CREATED)).isZero();
            assertThat(p.campaigns().allCampaigns()).hasSize(2);
        }
    }

    @Test
    void rendersTheSeedCampaignThroughItsThemeChain() {
        try (Platform p = TestPlatforms.start(TestPlatforms.h2Config(dir))) {
            var model = new java.util.HashMap<String, Object>();
            var c = p.campaigns().publicCampaign("safe-communities-act").orElseThrow();
            model.put("campaign", java.util.Map.of("slug", c.slug(), "title", c.content(Locale.ENGLISH).title(),
                    "summary", "", "organizationName", "Coalition", "bodyHtml", c.content(Locale.ENGLISH).bodyHtml(),
                    "status", "published", "takingActions", true, "machineTranslated", false, "url", "http://x/",
                    "shareDescription", "d"));
            model.put("actions", java.util.List.of());
            model.put("share", java.util.Map.of("email", "mailto:", "whatsapp", "w", "facebook", "f", "x", "x", "link", "l"));
            model.put("languages", java.util.List.of());
            model.put("path", "/campaigns/safe-communities-act");
            var campaign = new java.util.HashMap<String, Object>((java.util.Map<String, Object>) model.get("campaign"));
            campaign.put("shareImage", "");
            campaign.put("shareTitle", "t");
            campaign.put("alternates", java.util.List.of());
            model.put("campaign", campaign);
            String html = p.themes().render("safe-communities", "campaign.ftlh", model, Locale.ENGLISH);
            assertThat(html).contains("Takes less than 60 seconds"); // safe-communities override of campaign-hero
            assertThat(html).contains("/theme/safe-communities/css/chorus.css")
                    .contains("/theme/safe-communities/css/safe-communities.css");
            assertThat(html).contains("Safe Communities Massachusetts"); // theme message overrides base site.name
        }
    }
}
