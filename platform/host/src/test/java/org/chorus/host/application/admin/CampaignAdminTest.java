package org.chorus.host.application.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.chorus.api.TargetInfo;
import org.chorus.api.action.TargetPreview;
import org.chorus.host.TestDatabases;
import org.chorus.host.TestPlatforms;
import org.chorus.host.application.ActionService;
import org.chorus.host.application.CampaignImporter;
import org.chorus.host.application.CampaignSnapshot;
import org.chorus.host.application.Platform;
import org.chorus.host.application.admin.CampaignAdmin.Content;
import org.chorus.host.application.admin.CampaignAdmin.ContentForm;
import org.chorus.host.application.admin.CampaignAdmin.Invalid;
import org.chorus.host.domain.campaign.CampaignStatus;
import org.chorus.host.domain.staff.Role;
import org.chorus.host.domain.staff.StaffUser;
import org.chorus.host.infrastructure.yaml.CampaignFiles;
import org.chorus.host.testsupport.SharedData;
import org.chorus.testplugins.TestPluginJars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Staff running campaigns through {@link CampaignAdmin} on a real platform (H2 and PostgreSQL) with a test action
 * type the host knows nothing about: templates, validation with field errors, content and translations, confirmed
 * statuses with their blockers, actions, the audit trail, the public page following each change, and campaign files.
 */
class CampaignAdminTest {

    @TempDir
    Path dir;
    Map<String, String> config;
    Platform platform;
    StaffUser organizer;

    CampaignAdmin start(String db) throws Exception {
        return start(db, false);
    }

    CampaignAdmin start(String db, boolean legislators) throws Exception {
        Path plugins = dir.resolve("plugins");
        TestPluginJars.calls(plugins);
        TestPluginJars.greeting(plugins);
        config = TestPlatforms.withPlugins(TestPlatforms.withCampaigns(TestPlatforms.h2Config(dir),
                Files.createDirectories(dir.resolve("campaigns"))), plugins);
        if (legislators) {
            config.put("platform.reference.data.dir", SharedData.dir().toString());
        }
        config.put("platform.admin.time.zone", "America/New_York");
        TestDatabases.configure(db, config);
        platform = TestPlatforms.start(config);
        organizer = platform.staff().createUser(null, "org-" + UUID.randomUUID() + "@example.org", "Olga Organizer",
                Role.ORGANIZER, "organizer password 1");
        return platform.campaignAdmin();
    }

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.close();
        }
        if (config != null) {
            TestDatabases.cleanUp(config);
        }
    }

    String create(CampaignAdmin admin, String slug, String title) {
        return admin.create(organizer, new CampaignAdmin.NewCampaign("call-script/call-in-day", slug, title, "en", "default"));
    }

    /** The edit form as the page would send it: the campaign's settings as they are, one language's text. */
    ContentForm content(CampaignAdmin.Editable e, String lang, Content text) {
        return content(e, e.languages(), lang, text);
    }

    ContentForm content(CampaignAdmin.Editable e, List<String> languages, String lang, Content text) {
        CampaignAdmin admin = platform.campaignAdmin();
        return new ContentForm(e.slug(), e.theme(), e.organization(), languages, admin.local(e.startsAt()),
                admin.local(e.endsAt()), e.shareImage(), lang, text);
    }

    static CampaignAdmin.ActionRow action(CampaignAdmin admin, String slug, String key) {
        return admin.get(slug).actions().stream().filter(a -> a.key().equals(key)).findFirst().orElseThrow();
    }

    List<StaffSecurity.AuditEntry> audit(String action) {
        return platform.staff().auditLog(500).stream().filter(a -> a.action().equals(action)).toList();
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void aTemplateMakesADraftWithItsActionAndBadInputIsExplainedPerField(String db) throws Exception {
        CampaignAdmin admin = start(db);
        assertThat(admin.templates()).extracting(CampaignAdmin.TemplateOption::key, CampaignAdmin.TemplateOption::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("call-script/call-in-day", "Call-in day"));
        assertThat(admin.publicThemes()).contains("default", "safe-communities").doesNotContain("admin", "base");

        String slug = create(admin, "call-in-day", "Call your senator today");
        CampaignAdmin.Editable c = admin.get(slug);
        assertThat(c.status()).isEqualTo("draft");
        assertThat(c.title()).isEqualTo("Call your senator today");
        assertThat(c.content().get("en").body()).contains("Calls are counted");
        assertThat(c.actions()).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo("call-in-day");
            assertThat(a.type()).isEqualTo("call-script");
            assertThat(a.typeName()).isEqualTo("Call your legislator");
            assertThat(a.settings()).containsEntry("tone", "polite");
        });
        assertThat(platform.campaigns().publicCampaign(slug)).as("a draft is not public").isEmpty();
        assertThat(audit("campaign.create")).singleElement().satisfies(a -> {
            assertThat(a.actorEmail()).isEqualTo(organizer.email());
            assertThat(a.subject()).isEqualTo("campaign:call-in-day");
            assertThat(a.after()).contains("call-script/call-in-day");
        });

        assertThatThrownBy(() -> admin.create(organizer, new CampaignAdmin.NewCampaign("nope/x", "Call In Day", "", "xx", "admin")))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors()).containsOnlyKeys("template", "slug", "title",
                        "language", "theme"));
        assertThatThrownBy(() -> create(admin, "call-in-day", "Again"))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors().get("slug")).contains("Another campaign"));
        assertThatThrownBy(() -> create(admin, "import", "Reserved"))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors().get("slug")).contains("reserved"));
        assertThat(audit("campaign.create")).as("refused changes leave no audit entry").hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void contentTranslationsAndSettingsAreSavedAuditedAndReachThePublicPageAtOnce(String db) throws Exception {
        CampaignAdmin admin = start(db);
        String slug = create(admin, "rent-relief", "Rent relief now");
        admin.changeStatus(organizer, slug, CampaignStatus.PUBLISHED);
        assertThat(platform.campaigns().publicCampaign(slug)).map(s -> s.content(Locale.ENGLISH).title()).contains("Rent relief now");

        CampaignAdmin.Editable c = admin.get(slug);
        ContentForm edit = new ContentForm(slug, "safe-communities", "Tenants United", List.of("en", "es"), "2026-03-01T09:00",
                "2026-04-01T17:30", "https://example.org/share.png", "en",
                new Content("Rent relief for every family", "Tell them today.", "## Why\n\nBecause <script>x</script>.",
                        "Share me", "Share text", false));
        admin.updateContent(organizer, slug, edit);
        CampaignSnapshot live = platform.campaigns().publicCampaign(slug).orElseThrow();
        assertThat(live.content(Locale.ENGLISH).title()).as("no stale snapshot after a change").isEqualTo("Rent relief for every family");
        assertThat(live.content(Locale.ENGLISH).bodyHtml()).contains("<h2>Why</h2>").contains("&lt;script&gt;");
        assertThat(live.theme()).isEqualTo("safe-communities");
        assertThat(live.startsAt()).isEqualTo(Instant.parse("2026-03-01T14:00:00Z")); // 09:00 in Boston (EST)
        assertThat(admin.local(live.endsAt())).isEqualTo("2026-04-01T17:30");
        assertThat(live.languages()).containsExactly("en", "es");

        admin.updateContent(organizer, slug, content(admin.get(slug), "es",
                new Content("Alivio del alquiler", null, "Texto en español.", null, null, true)));
        CampaignSnapshot es = platform.campaigns().publicCampaign(slug).orElseThrow();
        assertThat(es.content(Locale.forLanguageTag("es")).title()).isEqualTo("Alivio del alquiler");
        assertThat(es.content(Locale.forLanguageTag("es")).machineTranslated()).isTrue();
        assertThat(es.content(Locale.forLanguageTag("es")).summary()).as("falls back to the main text").isEqualTo("Tell them today.");
        assertThat(audit("campaign.update")).hasSize(2).satisfiesExactly(es2 -> {
            assertThat(es2.before()).doesNotContain("Alivio");
            assertThat(es2.after()).contains("Alivio del alquiler");
        }, en -> {
            assertThat(en.before()).contains("Rent relief now").doesNotContain("Rent relief for every family");
            assertThat(en.after()).contains("Rent relief for every family").contains("safe-communities");
        });

        // Every problem at once, by field; nothing saved.
        ContentForm bad = new ContentForm("renamed", "admin", "x".repeat(201), List.of("en", "xx"), "2026-05-01T10:00", "yesterday",
                "javascript:alert(1)", "en", new Content("", null, null, null, null, false));
        assertThatThrownBy(() -> admin.updateContent(organizer, slug, bad)).isInstanceOfSatisfying(Invalid.class, e ->
                assertThat(e.errors()).containsOnlyKeys("slug", "theme", "organization", "languages", "endsAt", "shareImage", "title")
                        .hasEntrySatisfying("slug", m -> assertThat(m).contains("cannot change")));
        ContentForm backwards = new ContentForm(slug, "default", null, List.of("en"), "2026-05-01T10:00", "2026-04-01T10:00",
                null, "en", new Content("T", null, null, null, null, false));
        assertThatThrownBy(() -> admin.updateContent(organizer, slug, backwards)).isInstanceOfSatisfying(Invalid.class, e ->
                assertThat(e.errors()).containsOnlyKeys("endsAt"));
        assertThat(admin.get(slug).title()).isEqualTo("Rent relief for every family");

        // Unticking a language drops its text; a draft may change its address.
        admin.changeStatus(organizer, slug, CampaignStatus.DRAFT);
        CampaignAdmin.Editable now = admin.get(slug);
        String renamed = admin.updateContent(organizer, slug, new ContentForm("rent-relief-2026", now.theme(), null, List.of("en"),
                "", "", null, "en", now.content().get("en")));
        assertThat(renamed).isEqualTo("rent-relief-2026");
        assertThat(admin.find(slug)).isEmpty();
        assertThat(admin.get(renamed).languages()).containsExactly("en");
        assertThat(platform.campaigns().snapshot(slug)).as("old address forgotten").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void publishingIsBlockedByInvalidActionSettingsAndEveryMoveFollowsTheRules(String db) throws Exception {
        CampaignAdmin admin = start(db);
        String slug = create(admin, "call-in", "Call in");
        Map<String, Object> broken = new LinkedHashMap<>(admin.get(slug).actions().get(0).settings());
        broken.put("script", "Hello."); // the type wants {{target.name}} in it
        assertThatThrownBy(() -> admin.saveAction(organizer, slug, "call-in-day", "Call now", broken))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors())
                        .containsEntry("script", "must greet the legislator with {{target.name}}"));

        // An action added with its schema's defaults lacks its required script: publishing waits for it.
        admin.addAction(organizer, slug, "call-script", "Second call");
        assertThat(admin.blockers(slug, CampaignStatus.PUBLISHED)).singleElement().asString()
                .isEqualTo("Action \u201cSecond call\u201d: script: is required");
        assertThatThrownBy(() -> admin.changeStatus(organizer, slug, CampaignStatus.PUBLISHED))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors().get("")).contains("script: is required"));
        assertThat(admin.get(slug).status()).isEqualTo("draft");
        admin.removeAction(organizer, slug, "call-script");

        assertThat(admin.blockers(slug, CampaignStatus.VICTORY)).singleElement().asString().contains("cannot become victory");
        assertThatThrownBy(() -> admin.changeStatus(organizer, slug, CampaignStatus.CLOSED)).isInstanceOf(Invalid.class);
        assertThat(admin.warnings(slug, CampaignStatus.PUBLISHED)).isEmpty();
        admin.changeStatus(organizer, slug, CampaignStatus.PUBLISHED);
        admin.changeStatus(organizer, slug, CampaignStatus.VICTORY);
        assertThat(platform.campaigns().publicCampaign(slug)).map(CampaignSnapshot::takingActions).contains(false);
        admin.changeStatus(organizer, slug, CampaignStatus.ARCHIVED);
        assertThat(platform.campaigns().publicCampaign(slug)).isEmpty();
        assertThat(audit("campaign.status")).extracting(StaffSecurity.AuditEntry::after).containsExactly(
                "{\"status\":\"archived\"}", "{\"status\":\"victory\"}", "{\"status\":\"published\"}");
        assertThat(audit("campaign.status").get(2).before()).isEqualTo("{\"status\":\"draft\"}");
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void actionsAreAddedOrderedConfiguredAndRemovedUnlessSupportersTookThem(String db) throws Exception {
        CampaignAdmin admin = start(db);
        String slug = create(admin, "greetings", "Greetings");
        assertThat(admin.actionTypes()).extracting(CampaignAdmin.TypeOption::typeId).containsExactly("call-script", "greeting");
        assertThat(admin.addAction(organizer, slug, "greeting", "")).isEqualTo("greeting");
        assertThat(admin.addAction(organizer, slug, "greeting", "Say hi")).isEqualTo("greeting-2");
        assertThatThrownBy(() -> admin.addAction(organizer, slug, "not-installed", "x"))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors()).containsOnlyKeys("type"));
        assertThat(admin.get(slug).actions()).extracting(CampaignAdmin.ActionRow::key)
                .containsExactly("call-in-day", "greeting", "greeting-2");
        assertThat(admin.get(slug).actions().get(1).title()).isEqualTo("Greeting");

        admin.moveAction(organizer, slug, "greeting-2", -1);
        admin.moveAction(organizer, slug, "greeting-2", -1);
        admin.moveAction(organizer, slug, "greeting-2", -1); // first already: nothing happens
        admin.moveAction(organizer, slug, "call-in-day", 1);
        assertThat(admin.get(slug).actions()).extracting(CampaignAdmin.ActionRow::key)
                .containsExactly("greeting-2", "greeting", "call-in-day");
        assertThat(audit("campaign.action.move")).hasSize(4);

        assertThatThrownBy(() -> admin.saveAction(organizer, slug, "greeting", "Hi", Map.of("recipient", "not an address")))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors()).containsEntry("recipient", "must be an e-mail address"));
        admin.saveAction(organizer, slug, "greeting", "Hi", Map.of("recipient", "office@example.org", "once", true));
        admin.saveAction(organizer, slug, "greeting-2", "Say hi", Map.of("recipient", "office@example.org"));
        assertThat(action(admin, slug, "greeting").settings()).containsEntry("recipient", "office@example.org");
        assertThat(audit("campaign.action.settings")).hasSize(2).allSatisfy(a -> assertThat(a.after()).contains("office@example.org"));

        admin.changeStatus(organizer, slug, CampaignStatus.PUBLISHED);
        var taken = platform.actions().submit(new ActionService.SubmitCommand(slug, "greeting", Map.of("first_name", List.of("Ana"),
                "email", List.of("ana@example.org"), "message", List.of("Hi")), UUID.randomUUID().toString(), null, null, null,
                Locale.ENGLISH));
        assertThat(taken).isInstanceOf(ActionService.Outcome.Taken.class);
        assertThat(action(admin, slug, "greeting").records()).isEqualTo(1);
        assertThatThrownBy(() -> admin.removeAction(organizer, slug, "greeting"))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors().get("")).contains("already taken"));
        admin.removeAction(organizer, slug, "greeting-2");
        assertThat(admin.get(slug).actions()).extracting(CampaignAdmin.ActionRow::key).containsExactly("greeting", "call-in-day");
        assertThat(platform.campaigns().publicCampaign(slug).orElseThrow().actions()).extracting(CampaignSnapshot.ActionSnapshot::key)
                .as("the public page follows").containsExactly("greeting", "call-in-day");
        assertThat(audit("campaign.action.remove")).singleElement().satisfies(a -> assertThat(a.before()).contains("greeting-2"));
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void aDuplicateIntoAnotherLanguageCarriesTheTextForTranslation(String db) throws Exception {
        CampaignAdmin admin = start(db);
        String slug = create(admin, "vote-yes", "Vote yes");
        admin.updateContent(organizer, slug, content(admin.get(slug), List.of("en", "pt-BR"), "en",
                new Content("Vote yes", "Soon.", "Body.", null, null, false)));
        admin.updateContent(organizer, slug, content(admin.get(slug), "pt-BR",
                new Content("Vote sim", null, "Corpo.", null, null, true)));
        admin.addAction(organizer, slug, "greeting", "Hello");

        String same = admin.duplicate(organizer, slug, new CampaignAdmin.Duplicate("vote-yes-again", "", ""));
        CampaignAdmin.Editable copy = admin.get(same);
        assertThat(copy.languages()).containsExactly("en", "pt-BR");
        assertThat(copy.content().get("pt-BR").title()).isEqualTo("Vote sim");
        assertThat(copy.actions()).extracting(CampaignAdmin.ActionRow::key).containsExactly("call-in-day", "greeting");
        assertThat(copy.status()).isEqualTo("draft");

        String es = admin.duplicate(organizer, slug, new CampaignAdmin.Duplicate("vota-si", "", "es"));
        CampaignAdmin.Editable spanish = admin.get(es);
        assertThat(spanish.defaultLanguage()).isEqualTo("es");
        assertThat(spanish.languages()).containsExactly("es");
        assertThat(spanish.title()).isEqualTo("Vote yes");
        assertThat(spanish.content().get("es").body()).isEqualTo("Body.");
        assertThat(spanish.needsTranslation()).isTrue();
        assertThat(admin.search("", null)).filteredOn(r -> r.slug().equals(es)).singleElement()
                .satisfies(r -> assertThat(r.needsTranslation()).isTrue());
        assertThat(admin.warnings(es, CampaignStatus.PUBLISHED)).anySatisfy(w -> assertThat(w).contains("needing translation"));

        String pt = admin.duplicate(organizer, slug, new CampaignAdmin.Duplicate("vote-sim", "", "pt-BR"));
        assertThat(admin.get(pt).title()).as("the source's own translation").isEqualTo("Vote sim");
        assertThat(admin.get(pt).content().get("pt-BR").summary()).isEqualTo("Soon.");
        assertThat(admin.get(pt).needsTranslation()).as("it was machine translated").isTrue();
        assertThat(audit("campaign.duplicate")).hasSize(3);

        assertThat(admin.search("VOTE", null)).extracting(CampaignAdmin.Row::slug).containsExactlyInAnyOrder(slug, same, es, pt);
        assertThat(admin.search("sim", null)).extracting(CampaignAdmin.Row::slug).as("titles in any language")
                .containsExactlyInAnyOrder(slug, same, pt);
        assertThat(admin.search("", "published")).isEmpty();
        assertThatThrownBy(() -> admin.search("", "launched")).isInstanceOf(Invalid.class);
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void anExportedCampaignImportsBackTheSame(String db) throws Exception {
        CampaignAdmin admin = start(db);
        String slug = create(admin, "round-trip", "Round trip");
        admin.updateContent(organizer, slug, new ContentForm(slug, "safe-communities", "Coalition", List.of("en", "es", "vi"),
                "2026-03-01T09:00", "2026-04-01T17:30", "/theme/safe-communities/img/clock.svg", "en",
                new Content("Round trip", "Summary: with a colon", "## Body\n\n- one\n- two\n", "Share", "Share text", false)));
        admin.updateContent(organizer, slug, content(admin.get(slug), "es", new Content("Ida y vuelta", "Resumen", "Cuerpo", null, null, true)));
        admin.addAction(organizer, slug, "greeting", "Say hello");
        admin.saveAction(organizer, slug, "greeting", "Say hello", Map.of("recipient", "office@example.org", "once", true));
        Map<String, Object> settings = new LinkedHashMap<>(admin.get(slug).actions().get(0).settings());
        settings.put("scripts", List.of(Map.of("name", "senate", "chamber", "upper", "text", "Dear {{target.name}}")));
        settings.put("talking_points", List.of("one", "two: three"));
        admin.saveAction(organizer, slug, "call-in-day", "Call", settings);
        admin.changeStatus(organizer, slug, CampaignStatus.PUBLISHED);

        String yaml = admin.exportYaml(slug);
        assertThat(yaml).contains("slug: round-trip").contains("status: published").contains("translations:");
        var original = CampaignImporter.definitionOf(platform.transactions().inTransaction(
                () -> platform.transactions().em().createQuery("SELECT c FROM Campaign c WHERE c.slug = 'round-trip'",
                        org.chorus.host.domain.campaign.Campaign.class).getSingleResult()));
        assertThat(CampaignFiles.parse(yaml, "x")).isEqualTo(original);

        // Into a new address: a draft with everything else equal.
        var copy = admin.importYaml(organizer, yaml.replace("slug: round-trip", "slug: round-trip-copy"), false);
        assertThat(copy.result()).isEqualTo(CampaignImporter.Result.CREATED);
        String copied = admin.exportYaml("round-trip-copy");
        assertThat(copied.replace("slug: round-trip-copy", "slug: round-trip").replace("status: draft", "status: published"))
                .isEqualTo(yaml);

        // Over an existing campaign only when asked; its status stays.
        assertThatThrownBy(() -> admin.importYaml(organizer, yaml.replace("Round trip", "Changed"), false))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors()).containsOnlyKeys("replace"));
        assertThat(admin.importYaml(organizer, yaml.replace("title: Round trip", "title: Changed"), true).result())
                .isEqualTo(CampaignImporter.Result.UPDATED);
        assertThat(admin.get(slug).title()).isEqualTo("Changed");
        assertThat(admin.get(slug).status()).isEqualTo("published");
        assertThat(platform.campaigns().publicCampaign(slug)).map(s -> s.content(Locale.ENGLISH).title()).contains("Changed");
        assertThat(audit("campaign.import")).hasSize(2).first().satisfies(a -> assertThat(a.before()).contains("Round trip"));

        assertThatThrownBy(() -> admin.importYaml(organizer, "slug: [broken", false))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors().get("yaml")).contains("line"));
        assertThatThrownBy(() -> admin.importYaml(organizer, yaml.replace("slug: round-trip", "slug: other")
                .replace("recipient: office@example.org", "recipient: nobody"), false))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors().get("yaml")).contains("recipient"));
        assertThat(admin.find("other")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void aConsoleImportOverACampaignFileIsAStaffEditTheChangedFileDoesNotOverwrite(String db) throws Exception {
        Path campaigns = Files.createDirectories(dir.resolve("campaigns"));
        String file = """
                slug: from-a-file
                title: As the file says
                status: published
                actions:
                  - { id: greet, type: greeting, settings: { recipient: office@example.org } }
                """;
        Files.writeString(campaigns.resolve("from-a-file.yaml"), file);
        CampaignAdmin admin = start(db);
        assertThat(admin.get("from-a-file").sourceFile()).isEqualTo("from-a-file.yaml");

        admin.importYaml(organizer, file.replace("As the file says", "As staff say"), true);
        Files.writeString(campaigns.resolve("from-a-file.yaml"), file.replace("As the file says", "The file, changed later"));
        var report = platform.importer().importFolder(campaigns);
        assertThat(report.files()).singleElement().satisfies(o -> assertThat(o.result()).isEqualTo(CampaignImporter.Result.CONFLICT));
        assertThat(admin.get("from-a-file").title()).isEqualTo("As staff say");
        assertThat(admin.get("from-a-file").status()).isEqualTo("published");
    }

    @ParameterizedTest
    @MethodSource("org.chorus.host.TestDatabases#names")
    void twoOrganizersCreatingTheSameAddressAtOnceGetOneCampaignAndOneExplanation(String db) throws Exception {
        CampaignAdmin admin = start(db);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String title = "Race " + i;
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return create(admin, "same-address", title);
                    } catch (Invalid e) {
                        return "refused: " + e.errors();
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new java.util.ArrayList<>();
            for (var r : results) {
                outcomes.add(r.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn("same-address"::equals).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o.startsWith("refused")).singleElement().asString()
                    .containsAnyOf("Another campaign has the address", "at the same moment");
            assertThat(audit("campaign.create")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eachChosenLegislatorsPreviewComesFromTheActionTypeWithTheUnsavedSettings() throws Exception {
        CampaignAdmin admin = start("h2", true);
        String slug = create(admin, "call-legislators", "Call your legislators");
        List<TargetInfo> sitting = admin.sittingTargets();
        assertThat(sitting).hasSizeGreaterThan(190);
        TargetInfo senator = sitting.stream().filter(t -> "Lydia Edwards".equals(t.name())).findFirst().orElseThrow();
        TargetInfo rep = sitting.stream().filter(t -> "Jay Livingstone".equals(t.name())).findFirst().orElseThrow();

        Map<String, Object> draft = new LinkedHashMap<>(admin.get(slug).actions().get(0).settings());
        draft.put("scripts", List.of(Map.of("name", "senate", "chamber", "upper", "text", "Senator {{target.name}}, please.")));
        List<TargetPreview> previews = admin.previewForTargets(slug, "call-in-day", draft, List.of(senator.id(), rep.id()));
        assertThat(previews).extracting(TargetPreview::variant).containsExactly("senate", "default");
        assertThat(previews.get(0).body()).isEqualTo("Senator Lydia Edwards, please.");
        assertThat(previews.get(1).subject()).isEqualTo("Call Representative Jay Livingstone about Call your legislators");
        assertThat(admin.get(slug).actions().get(0).settings()).as("nothing saved").doesNotContainKey("scripts");
    }
}
