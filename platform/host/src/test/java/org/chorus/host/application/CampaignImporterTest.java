package org.chorus.host.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.chorus.host.TestPlatforms;
import org.chorus.host.domain.campaign.CampaignStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignImporterTest {

    @TempDir
    Path dir;

    static final String V1 = """
            slug: rent-relief
            title: Rent relief now
            theme: default
            status: draft
            body: First version.
            actions:
              - { id: sign, type: petition, title: Sign }
            """;

    @Test
    void importIsIdempotentUpdatesUneditedCampaignsAndReportsConflicts() throws Exception {
        Path campaigns = Files.createDirectories(dir.resolve("campaigns"));
        Files.writeString(campaigns.resolve("rent.yaml"), V1);
        var cfg = TestPlatforms.withCampaigns(TestPlatforms.h2Config(dir), campaigns);
        try (Platform p = TestPlatforms.start(cfg)) {
            assertThat(p.startupImport().files()).extracting(CampaignImporter.FileOutcome::result)
                    .containsExactly(CampaignImporter.Result.CREATED);
            assertThat(p.campaigns().publicCampaign("rent-relief")).as("a draft is not public").isEmpty();

            assertThat(p.importer().importFolder(campaigns).count(CampaignImporter.Result.UNCHANGED)).isEqualTo(1);

            Files.writeString(campaigns.resolve("rent.yaml"), V1.replace("First version.", "Second version.")
                    .replace("status: draft", "status: published"));
            assertThat(p.importer().importFolder(campaigns).count(CampaignImporter.Result.UPDATED)).isEqualTo(1);
            p.campaigns().invalidate("rent-relief");
            assertThat(p.campaigns().publicCampaign("rent-relief").orElseThrow().content(java.util.Locale.ENGLISH).bodyHtml())
                    .contains("Second version.");

            p.campaigns().changeStatus("rent-relief", CampaignStatus.CLOSED); // staff edit in the console
            Files.writeString(campaigns.resolve("rent.yaml"), V1.replace("First version.", "Third version."));
            var report = p.importer().importFolder(campaigns);
            assertThat(report.files()).singleElement().satisfies(f -> {
                assertThat(f.result()).isEqualTo(CampaignImporter.Result.CONFLICT);
                assertThat(f.detail()).contains("staff edited");
            });
            assertThat(p.campaigns().snapshot("rent-relief").orElseThrow().status()).isEqualTo("closed");
        }
    }

    @Test
    void invalidFilesAreRejectedWithWhatToFix() throws Exception {
        Path campaigns = Files.createDirectories(dir.resolve("campaigns"));
        Files.writeString(campaigns.resolve("a-broken.yaml"), "slug: x\ntitle: [unclosed\n");
        Files.writeString(campaigns.resolve("b-theme.yaml"), V1.replace("theme: default", "theme: nonexistent"));
        Files.writeString(campaigns.resolve("c-slug.yaml"), V1.replace("slug: rent-relief", "slug: Rent Relief!"));
        Files.writeString(campaigns.resolve("d-status.yaml"), V1.replace("status: draft", "status: maybe"));
        try (Platform p = TestPlatforms.start(TestPlatforms.withCampaigns(TestPlatforms.h2Config(dir), campaigns))) {
            var files = p.startupImport().files();
            assertThat(files).allSatisfy(f -> assertThat(f.result()).isEqualTo(CampaignImporter.Result.REJECTED));
            assertThat(files.get(0).detail()).contains("a-broken.yaml line");
            assertThat(files.get(1).detail()).contains("theme 'nonexistent' is not installed");
            assertThat(files.get(2).detail()).contains("not a valid slug");
            assertThat(files.get(3).detail()).contains("unknown campaign status 'maybe'");
            assertThat(p.campaigns().allCampaigns()).isEmpty();
        }
    }
}
