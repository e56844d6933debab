package org.chorus.host.application;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.chorus.host.domain.action.ActionRecordRepository;
import org.chorus.host.domain.campaign.Campaign;
import org.chorus.host.domain.campaign.CampaignAction;
import org.chorus.host.domain.campaign.CampaignRepository;
import org.chorus.host.domain.campaign.CampaignSlug;
import org.chorus.host.domain.campaign.CampaignStatus;
import org.chorus.host.domain.campaign.CampaignTranslation;
import org.chorus.host.infrastructure.json.Json;
import org.chorus.host.infrastructure.persistence.Transactions;
import org.chorus.host.infrastructure.yaml.CampaignDefinition;
import org.chorus.host.infrastructure.yaml.CampaignFiles;

/**
 * Campaign as code: imports {@code config/campaigns/*.yaml} at start, idempotently. A file seen before with
 * the same content changes nothing; a changed file updates its campaign unless staff edited that campaign in
 * the console since the last import, which is reported as a conflict and left for staff to resolve.
 */
public class CampaignImporter {

    private static final Logger LOG = Logger.getLogger(CampaignImporter.class.getName());

    public enum Result { CREATED, UPDATED, UNCHANGED, CONFLICT, REJECTED }

    /** One file's outcome. */
    public record FileOutcome(String file, String slug, Result result, String detail) {
    }

    /** All files' outcomes. */
    public record Report(List<FileOutcome> files) {
        public long count(Result r) {
            return files.stream().filter(f -> f.result() == r).count();
        }

        @Override
        public String toString() {
            return "created " + count(Result.CREATED) + ", updated " + count(Result.UPDATED) + ", unchanged "
                    + count(Result.UNCHANGED) + ", conflicts " + count(Result.CONFLICT) + ", rejected " + count(Result.REJECTED);
        }
    }

    private final Transactions tx;
    private final CampaignRepository campaigns;
    private final ActionRecordRepository actionRecords;
    private final Clock clock;
    private final Predicate<String> themeExists;
    private final java.util.function.BiFunction<String, Map<String, Object>, List<String>> settingsCheck;

    /**
     * @param settingsCheck problems with an action's settings, judged by its installed action type (none when the
     *                      type is not installed: it may be added later, and the page then shows it unavailable)
     */
    public CampaignImporter(Transactions tx, CampaignRepository campaigns, ActionRecordRepository actionRecords,
                            Clock clock, Predicate<String> themeExists,
                            java.util.function.BiFunction<String, Map<String, Object>, List<String>> settingsCheck) {
        this.settingsCheck = settingsCheck;
        this.tx = tx;
        this.campaigns = campaigns;
        this.actionRecords = actionRecords;
        this.clock = clock;
        this.themeExists = themeExists;
    }

    public Report importFolder(Path dir) {
        List<FileOutcome> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            LOG.info(() -> "No campaign folder at " + dir + ": nothing imported");
            return new Report(out);
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
                String text;
                try {
                    text = Files.readString(f, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    out.add(new FileOutcome(f.getFileName().toString(), null, Result.REJECTED, "cannot read: " + e.getMessage()));
                    continue;
                }
                out.add(importText(text, f.getFileName().toString(), false));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list campaign folder " + dir, e);
        }
        Report report = new Report(out);
        for (FileOutcome o : out) {
            if (o.result() == Result.CONFLICT || o.result() == Result.REJECTED) {
                LOG.warning("Campaign file " + o.file() + ": " + o.result() + " — " + o.detail());
            }
        }
        LOG.info(() -> "Campaign files in " + dir + ": " + report);
        return report;
    }

    /**
     * Imports one campaign document.
     *
     * @param byStaff true when staff upload it in the console: it then overrides their own edits, but not the
     *                status (a new campaign starts as a draft, an existing one keeps its status), because in the
     *                console every status change is a confirmed step of its own
     */
    public FileOutcome importText(String text, String fileName, boolean byStaff) {
        CampaignDefinition def;
        try {
            def = CampaignFiles.parse(text, fileName);
            validate(def);
        } catch (CampaignFiles.InvalidCampaignFile | IllegalArgumentException e) {
            return new FileOutcome(fileName, null, Result.REJECTED, e.getMessage());
        }
        String hash = sha256(text);
        Instant now = clock.instant();
        return tx.inTransaction(() -> {
            var existing = campaigns.findBySlug(def.slug());
            if (existing.isEmpty()) {
                Campaign c = new Campaign(def.slug(), def.title(), def.theme(), def.language(), now);
                apply(c, def, now, !byStaff);
                record(c, byStaff, fileName, hash, now);
                campaigns.add(c);
                return new FileOutcome(fileName, def.slug(), Result.CREATED, "");
            }
            Campaign c = existing.get();
            if (hash.equals(c.getSourceHash()) && !byStaff) {
                return new FileOutcome(fileName, def.slug(), Result.UNCHANGED, "");
            }
            if (c.editedByStaffSinceImport() && !byStaff) {
                return new FileOutcome(fileName, def.slug(), Result.CONFLICT,
                        "the file changed, but staff edited '" + def.slug() + "' in the console on " + c.getStaffEditedAt()
                                + "; their version is kept (export it, merge, and import again)");
            }
            List<String> kept = apply(c, def, now, !byStaff);
            record(c, byStaff, fileName, hash, now);
            return new FileOutcome(fileName, def.slug(), Result.UPDATED,
                    kept.isEmpty() ? "" : "actions kept because supporters already took them: " + kept);
        });
    }

    private void validate(CampaignDefinition def) {
        CampaignSlug.require(def.slug());
        CampaignStatus.parse(def.status());
        if (!themeExists.test(def.theme())) {
            throw new IllegalArgumentException("theme '" + def.theme() + "' is not installed");
        }
        if (!def.languages().contains(def.language())) {
            throw new IllegalArgumentException("languages must include the campaign language '" + def.language() + "'");
        }
        Set<String> ids = new HashSet<>();
        for (CampaignDefinition.ActionDefinition a : def.actions()) {
            if (!CampaignSlug.isValid(a.id())) {
                throw new IllegalArgumentException("action id '" + a.id() + "' must be lower-case letters, digits and hyphens");
            }
            if (!ids.add(a.id())) {
                throw new IllegalArgumentException("action id '" + a.id() + "' appears twice");
            }
            Map<String, Object> own = a.settings() == null ? Map.of() : a.settings();
            List<String> problems = settingsCheck.apply(a.type(), own);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("action '" + a.id() + "' settings: " + String.join("; ", problems));
            }
            for (var t : a.translations().entrySet()) {
                if (!def.languages().contains(t.getKey())) {
                    throw new IllegalArgumentException("action '" + a.id() + "' translation '" + t.getKey()
                            + "' is not one of the campaign's languages " + def.languages());
                }
                // A translated letter must be as valid as the original (e.g. no misspelt merge field).
                List<String> translated = settingsCheck.apply(a.type(), LocalizedSettings.merge(own, t.getValue().settings()));
                if (!translated.isEmpty()) {
                    throw new IllegalArgumentException("action '" + a.id() + "' settings in " + t.getKey() + ": "
                            + String.join("; ", translated));
                }
            }
        }
        for (String locale : def.translations().keySet()) {
            if (!def.languages().contains(locale)) {
                throw new IllegalArgumentException("translation '" + locale + "' is not one of the campaign's languages " + def.languages());
            }
        }
    }

    /**
     * A file from the campaign folder is remembered as the campaign's source. A file staff import in the console is a
     * staff edit like any other: the campaign's own file (if it has one) then no longer overwrites it at the next start.
     */
    private static void record(Campaign c, boolean byStaff, String fileName, String hash, Instant now) {
        if (byStaff) {
            c.markEditedByStaff(now);
        } else {
            c.markImported(fileName, hash, now);
        }
    }

    /** Applies a definition; returns the keys of actions the file dropped but which must stay (they have records). */
    private List<String> apply(Campaign c, CampaignDefinition def, Instant now, boolean withStatus) {
        c.setTitle(def.title());
        c.setSummary(def.summary());
        c.setBodyMarkdown(def.body());
        c.setTheme(def.theme());
        c.setOrganizationName(def.organization());
        c.setDefaultLanguage(def.language());
        c.setLanguageList(def.languages());
        c.setStartsAt(def.starts());
        c.setEndsAt(def.ends());
        c.setShareTitle(def.share().title());
        c.setShareDescription(def.share().description());
        c.setShareImage(def.share().image());
        c.setPrivacy(def.privacy().discardStreet(), def.privacy().keepReferrer(), def.privacy().purgeAfterDays());
        c.setNeedsTranslation(def.needsTranslation());
        if (withStatus) {
            c.importStatus(CampaignStatus.parse(def.status()), now);
        }

        c.getTranslations().removeIf(t -> !def.translations().containsKey(t.getLocale()));
        def.translations().forEach((locale, t) -> {
            CampaignTranslation tr = c.translation(locale).orElseGet(() -> {
                CampaignTranslation fresh = new CampaignTranslation(c, locale);
                c.getTranslations().add(fresh);
                return fresh;
            });
            tr.setTitle(t.title());
            tr.setSummary(t.summary());
            tr.setBodyMarkdown(t.body());
            tr.setShareTitle(t.shareTitle());
            tr.setShareDescription(t.shareDescription());
            tr.setMachineTranslated(t.machineTranslated());
        });

        List<String> kept = new ArrayList<>();
        Set<String> wanted = new HashSet<>();
        int position = 0;
        for (CampaignDefinition.ActionDefinition a : def.actions()) {
            wanted.add(a.id());
            int pos = position++;
            CampaignAction action = c.action(a.id()).orElseGet(() -> {
                CampaignAction fresh = new CampaignAction(c, a.id(), a.type(), pos, now);
                c.getActions().add(fresh);
                return fresh;
            });
            action.setActionType(a.type());
            action.setTitle(a.title());
            action.setPosition(pos);
            action.setSettingsJson(Json.write(a.settings() == null ? Map.of() : a.settings()), now);
            Map<String, Object> translations = new java.util.LinkedHashMap<>();
            a.translations().forEach((locale, t) -> {
                Map<String, Object> tm = new java.util.LinkedHashMap<>();
                if (t.title() != null) {
                    tm.put("title", t.title());
                }
                tm.put("settings", t.settings() == null ? Map.of() : t.settings());
                translations.put(locale, tm);
            });
            action.setTranslationsJson(translations.isEmpty() ? null : Json.write(translations), now);
        }
        c.getActions().removeIf(a -> {
            if (wanted.contains(a.getActionKey())) {
                return false;
            }
            if (a.getId() != null && actionRecords.countByCampaignAction(a.getId()) > 0) {
                kept.add(a.getActionKey());
                a.setPosition(Integer.MAX_VALUE / 2 + a.getPosition());
                return false;
            }
            return true;
        });
        return kept;
    }

    /** A campaign as a definition, the mirror of {@link #apply}: what an export writes (see {@link CampaignFiles#write}). */
    public static CampaignDefinition definitionOf(Campaign c) {
        Map<String, CampaignDefinition.Translation> translations = new java.util.LinkedHashMap<>();
        c.getTranslations().stream().sorted(java.util.Comparator.comparing(t -> c.languageList().indexOf(t.getLocale())))
                .forEach(t -> translations.put(t.getLocale(), new CampaignDefinition.Translation(t.getTitle(), t.getSummary(),
                        t.getBodyMarkdown(), t.getShareTitle(), t.getShareDescription(), t.isMachineTranslated())));
        List<CampaignDefinition.ActionDefinition> actions = c.getActions().stream()
                .sorted(java.util.Comparator.comparingInt(CampaignAction::getPosition))
                .map(a -> new CampaignDefinition.ActionDefinition(a.getActionKey(), a.getActionType(), a.getTitle(),
                        Json.readObject(a.getSettingsJson()), actionTranslations(a.getTranslationsJson())))
                .toList();
        return new CampaignDefinition(c.getSlug(), c.getTitle(), c.getSummary(), c.getBodyMarkdown() == null ? "" : c.getBodyMarkdown(),
                c.getTheme(), c.getStatus().name().toLowerCase(java.util.Locale.ROOT), c.getOrganizationName(),
                c.getDefaultLanguage(), c.languageList(), c.getStartsAt(), c.getEndsAt(),
                new CampaignDefinition.Share(c.getShareTitle(), c.getShareDescription(), c.getShareImage()),
                translations, actions, new CampaignDefinition.Privacy(c.isPrivacyDiscardStreet(), c.isPrivacyKeepReferrer(),
                        c.getPrivacyPurgeDays()), c.isNeedsTranslation());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, CampaignDefinition.ActionTranslation> actionTranslations(String json) {
        Map<String, CampaignDefinition.ActionTranslation> out = new java.util.LinkedHashMap<>();
        Json.readObject(json).forEach((locale, t) -> {
            if (t instanceof Map<?, ?> m) {
                Object settings = m.get("settings");
                out.put(locale, new CampaignDefinition.ActionTranslation((String) m.get("title"),
                        settings instanceof Map<?, ?> sm ? (Map<String, Object>) sm : Map.of()));
            }
        });
        return out;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
