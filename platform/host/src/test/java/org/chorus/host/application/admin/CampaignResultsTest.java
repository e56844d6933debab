package org.chorus.host.application.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.chorus.host.MutableClock;
import org.chorus.host.domain.outbox.OutboxState;
import org.chorus.host.domain.staff.Role;
import org.chorus.host.domain.staff.StaffUser;
import org.chorus.host.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A campaign's results, supporter search and exports, and the privacy deletion, against H2 and PostgreSQL with the
 * real migrations: every figure is checked against rows whose times and states the test chose.
 */
class CampaignResultsTest {

    static Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    private static TestDatabases.TestDatabase db(String name) {
        return "h2".equals(name) ? TestDatabases.h2("results") : TestDatabases.postgres("results");
    }

    static Instant at(String s) {
        return Instant.parse(s);
    }

    /** Two campaigns; the first one has five actions by four supporters, letters to two legislators, one digest. */
    static final class World {
        final ResultsFixture f;
        final long campaign;
        final long other;
        final long senator;
        final long rep;
        final long jane;
        final long raj;
        final long ana;
        final long zoe;
        final long rajQueuedLetter;
        final long digest;
        final long rajRecord;

        World(ResultsFixture f) {
            this.f = f;
            campaign = f.campaign("sca", "Safe Communities");
            other = f.campaign("other", "Another campaign");
            long letter = f.action(campaign, "email", "email-legislators", 0);
            long petition = f.action(campaign, "sign", "petition", 1);
            long elsewhere = f.action(other, "email", "email-legislators", 0);
            senator = f.target("Lydia Edwards", "Senator", "Democratic", "upper", f.division("Third Suffolk", "upper"));
            rep = f.target("Aaron Michlewitz", "Representative", "Democratic", "lower", f.division("Third Suffolk (House)", "lower"));
            jane = f.supporter("jane@example.org", "Jane", "Doe", "Boston", "02133");
            raj = f.supporter("raj@example.org", "Raj", "Patel", "Chelsea", "02150");
            ana = f.supporter("ana@example.org", "=HYPERLINK(\"http://evil\")", "Silva", "Revere", "02151");
            zoe = f.supporter("zoe@example.org", "Zoe", "Doe, Jr.", "Boston", "02134");
            f.consent(jane, campaign, "newsletter", true, at("2025-03-01T10:00:30Z"));
            f.consent(jane, campaign, "newsletter", false, at("2025-03-02T10:00:00Z"));
            f.consent(jane, campaign, "sms", true, at("2025-03-01T10:00:30Z"));
            f.consent(raj, campaign, "newsletter", true, at("2025-03-01T11:01:00Z"));

            long r1 = f.record(letter, jane, at("2025-03-01T10:00:30Z"), at("2025-03-01T10:00:00Z"), "email", "{\"letters\":[]}");
            rajRecord = f.record(letter, raj, at("2025-03-01T11:01:00Z"), at("2025-03-01T11:00:00Z"), "email",
                    "{\"letters\":[{\"body\":\"Raj's words\"}]}");
            long r3 = f.record(letter, ana, at("2025-03-03T09:02:00Z"), at("2025-03-03T09:00:00Z"), null, "{}");
            f.record(petition, jane, at("2025-03-03T12:00:00Z"), null, "fb", "{}");
            f.record(petition, zoe, at("2025-03-03T13:00:00Z"), at("2025-03-03T13:05:00Z"), "fb", "{}"); // a wrong clock
            f.record(elsewhere, raj, at("2025-03-01T12:00:00Z"), at("2025-03-01T11:00:00Z"), "email", "{}");

            f.letter(r1, campaign, jane, senator, "SENT", "jane@example.org", "Dear Senator, Jane", at("2025-03-01T10:00:30Z"));
            f.letter(r1, campaign, jane, rep, "SENT", "jane@example.org", "Dear Rep, Jane", at("2025-03-01T10:00:30Z"));
            f.letter(rajRecord, campaign, raj, senator, "DEAD", "raj@example.org", "Dear Senator, Raj", at("2025-03-01T11:01:00Z"));
            rajQueuedLetter = f.letter(rajRecord, campaign, raj, rep, "QUEUED", "raj@example.org", "Dear Rep, Raj", at("2025-03-01T11:01:00Z"));
            f.letter(r3, campaign, ana, senator, "SKIPPED", "ana@example.org", "Dear Senator, Ana", at("2025-03-03T09:02:00Z"));
            String rule = "-".repeat(72) + "\n";
            digest = f.digest(campaign, rep, "2 constituents wrote to you on Saturday 1 March 2025 through Test.\n\n"
                    + rule + "1. Raj Patel, Chelsea <raj@example.org>\n   Subject: Please act\n\nDear Rep, Raj\n\n"
                    + rule + "2. Jane Doe, Boston <jane@example.org>\n   Subject: Please act\n\nDear Rep, Jane\n\n" + rule,
                    "QUEUED", at("2025-03-02T07:00:00Z"));
            f.fold(rajQueuedLetter, digest);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void resultsAreAggregatedPerCampaign(String name) {
        try (var db = db(name)) {
            World w = new World(new ResultsFixture(db.database().dataSource()));
            CampaignResults r = new CampaignResults(db.database().dataSource());

            assertThat(r.campaignId("sca")).contains(w.campaign);
            assertThat(r.campaignId("nope")).isEmpty();
            assertThat(r.totals(w.campaign)).isEqualTo(new CampaignResults.Totals(5, 4));
            assertThat(r.perDay(w.campaign)).containsExactly(
                    new CampaignResults.Day(LocalDate.of(2025, 3, 1), 2), new CampaignResults.Day(LocalDate.of(2025, 3, 3), 3));
            assertThat(CampaignResults.fillDays(r.perDay(w.campaign), 366)).extracting(CampaignResults.Day::actions)
                    .containsExactly(2L, 0L, 3L);
            assertThat(CampaignResults.fillDays(r.perDay(w.campaign), 2)).extracting(CampaignResults.Day::day)
                    .containsExactly(LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 3));
            assertThat(r.bySource(w.campaign)).containsExactly(new CampaignResults.Source("email", 2),
                    new CampaignResults.Source("fb", 2), new CampaignResults.Source(null, 1));
            assertThat(r.byAction(w.campaign)).extracting(CampaignResults.PerAction::actionKey, CampaignResults.PerAction::actions)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("email", 3L), org.assertj.core.groups.Tuple.tuple("sign", 2L));

            // Constituent pressure: the senator heard from Jane, Raj and Ana (Ana's letter was a skipped repeat);
            // the representative from Jane and Raj (Raj's letter waits in a digest).
            List<CampaignResults.Pressure> p = r.pressure(w.campaign);
            assertThat(p).extracting(CampaignResults.Pressure::name, CampaignResults.Pressure::district,
                            CampaignResults.Pressure::constituents, CampaignResults.Pressure::sent,
                            CampaignResults.Pressure::pending, CampaignResults.Pressure::dead)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Lydia Edwards", "Third Suffolk", 3L, 1L, 0L, 1L),
                            org.assertj.core.groups.Tuple.tuple("Aaron Michlewitz", "Third Suffolk (House)", 2L, 1L, 1L, 0L));

            Map<OutboxState, Long> states = r.deliveryStates(w.campaign);
            assertThat(states).containsEntry(OutboxState.SENT, 2L).containsEntry(OutboxState.DEAD, 1L)
                    .containsEntry(OutboxState.QUEUED, 1L).containsEntry(OutboxState.SKIPPED, 1L).containsEntry(OutboxState.FAILED, 0L);

            // 30 s, 60 s, 120 s; the action without a landing time and the one that "landed" after it are left out.
            assertThat(r.medianLandingToAction(w.campaign)).isEqualTo(new CampaignResults.Median(60.0, 3));
            assertThat(r.medianLandingToAction(w.other)).isEqualTo(new CampaignResults.Median(3600.0, 1));
            assertThat(r.medianLandingToAction(-1)).isEqualTo(new CampaignResults.Median(null, 0));
            assertThat(r.perDay(-1)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void supportersAreFoundByEmailNameTownOrZipAndOnePersonHasTheirHistory(String name) {
        try (var db = db(name)) {
            World w = new World(new ResultsFixture(db.database().dataSource()));
            SupporterAdmin s = admin(db, new MutableClock(Instant.now()), new ArrayList<>());
            assertThat(s.search("", 10, 0).total()).isEqualTo(4);
            assertThat(s.search("DOE", 10, 0).rows()).extracting(SupporterAdmin.Summary::email)
                    .containsExactly("zoe@example.org", "jane@example.org");
            assertThat(s.search("chelsea", 10, 0).rows()).extracting(SupporterAdmin.Summary::id).containsExactly(w.raj);
            assertThat(s.search("02151", 10, 0).rows()).extracting(SupporterAdmin.Summary::id).containsExactly(w.ana);
            assertThat(s.search("100%", 10, 0).total()).as("LIKE wildcards are literal").isZero();
            assertThat(s.search("", 2, 2).rows()).hasSize(2);

            SupporterAdmin.Person jane = s.person(w.jane).orElseThrow();
            assertThat(jane.summary().actions()).isEqualTo(2);
            assertThat(jane.actions()).extracting(SupporterAdmin.ActionLine::actionKey).containsExactly("sign", "email");
            assertThat(jane.letters()).hasSize(2).allMatch(l -> l.state().equals("sent"));
            assertThat(jane.consents()).extracting(SupporterAdmin.ConsentLine::key, SupporterAdmin.ConsentLine::granted)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("newsletter", false),
                            org.assertj.core.groups.Tuple.tuple("sms", true), org.assertj.core.groups.Tuple.tuple("newsletter", true));
            assertThat(s.person(-5)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void exportsAreCsvWithFormulasDefusedAndCurrentConsents(String name) throws IOException {
        try (var db = db(name)) {
            World w = new World(new ResultsFixture(db.database().dataSource()));
            SupporterAdmin s = admin(db, new MutableClock(Instant.now()), new ArrayList<>());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(s.exportSupporters("", out)).isEqualTo(4);
            String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
            assertThat(lines[0]).isEqualTo(String.join(",", SupporterAdmin.SUPPORTER_COLUMNS));
            assertThat(lines).hasSize(5);
            assertThat(lines[1]).startsWith(w.jane + ",jane@example.org,Jane,Doe,1 Main St,Boston,02133,en,2025-03-01T00:00:00Z,")
                    .endsWith(",2,sms"); // newsletter was withdrawn later
            assertThat(lines[2]).endsWith(",2,newsletter"); // one action here, one on the other campaign
            assertThat(lines[3]).contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",Silva,"); // a formula would run: defused, quoted
            assertThat(lines[4]).contains(",Zoe,\"Doe, Jr.\",");

            out.reset();
            assertThat(s.exportSupporters("boston", out)).isEqualTo(2);

            out.reset();
            assertThat(s.countCampaignActions(w.campaign)).isEqualTo(5);
            assertThat(s.exportCampaignActions(w.campaign, out)).isEqualTo(5);
            String[] actions = out.toString(StandardCharsets.UTF_8).split("\r\n");
            assertThat(actions[0]).isEqualTo(String.join(",", SupporterAdmin.ACTION_COLUMNS));
            assertThat(actions[2]).contains(",email,email-legislators,email,https://news.example/story," + w.raj + ",raj@example.org,Raj,Patel,")
                    .endsWith(",\"{\"\"letters\"\":[{\"\"body\"\":\"\"Raj's words\"\"}]}\"");
        }
    }

    @Test
    void cellsStartingLikeAFormulaAreDefused() {
        assertThat(CsvStream.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvStream.cell("+1")).isEqualTo("'+1");
        assertThat(CsvStream.cell("-2")).isEqualTo("'-2");
        assertThat(CsvStream.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvStream.cell("\tx")).isEqualTo("'\tx");
        assertThat(CsvStream.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvStream.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvStream.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvStream.cell("plain")).isEqualTo("plain");
        assertThat(CsvStream.cell("")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aLargeExportStreamsAndAClientThatLeavesReturnsItsConnection(String name) throws Exception {
        try (var db = db(name)) {
            var ds = db.database().dataSource();
            try (var c = ds.getConnection(); var ps = c.prepareStatement("INSERT INTO supporter (id, email, first_name, town,"
                    + " created_at, updated_at) VALUES (?, ?, 'Bulk', 'Lowell', ?, ?)")) {
                var now = ResultsFixture.ts(Instant.parse("2025-01-01T00:00:00Z"));
                for (int i = 0; i < 3000; i++) {
                    ps.setLong(1, 1_000_000 + i);
                    ps.setString(2, "bulk" + i + "@example.org");
                    ps.setTimestamp(3, now);
                    ps.setTimestamp(4, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            SupporterAdmin s = admin(db, new MutableClock(Instant.now()), new ArrayList<>());
            // Bytes reach the client while rows are still being read: the first flush comes after one fetch.
            List<Integer> seenAtFlush = new ArrayList<>();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            OutputStream client = new OutputStream() {
                @Override
                public void write(int b) {
                    all.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    all.write(b, off, len);
                }

                @Override
                public void flush() {
                    seenAtFlush.add(all.size());
                }
            };
            assertThat(s.exportSupporters("", client)).isEqualTo(3000);
            assertThat(all.toString(StandardCharsets.UTF_8).split("\r\n")).hasSize(3001);
            assertThat(seenAtFlush).hasSizeGreaterThanOrEqualTo(6); // 3000 rows / 500 per fetch, then the end
            assertThat(seenAtFlush.get(0)).isPositive().isLessThan(all.size() / 3);

            // A browser that goes away mid-download: the export stops and its connection goes back to the pool
            // (four connections; ten aborted exports would exhaust a leaking pool).
            for (int i = 0; i < 10; i++) {
                OutputStream gone = new OutputStream() {
                    int n;

                    @Override
                    public void write(int b) throws IOException {
                        if (++n > 20_000) {
                            throw new IOException("Broken pipe");
                        }
                    }
                };
                assertThatThrownBy(() -> s.exportSupporters("", gone)).isInstanceOf(IOException.class);
            }
            assertThat(s.count("")).isEqualTo(3000);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void deletingASupporterRemovesTheirPersonalDataAndKeepsTheCounts(String name) {
        try (var db = db(name)) {
            World w = new World(new ResultsFixture(db.database().dataSource()));
            MutableClock clock = new MutableClock(Instant.parse("2025-03-05T00:00:00Z"));
            List<Long> forgotten = new ArrayList<>();
            SupporterAdmin s = admin(db, clock, forgotten);
            StaffSecurity security = security(db, clock);
            StaffUser owner = security.createUser(null, "owner@example.org", "Owner", Role.OWNER, "a long enough password");
            CampaignResults r = new CampaignResults(db.database().dataSource());
            List<CampaignResults.Pressure> pressureBefore = r.pressure(w.campaign);

            SupporterAdmin.Deletion d = s.delete(owner, w.raj).orElseThrow();
            assertThat(d).isEqualTo(new SupporterAdmin.Deletion(2, 1, 2, 1, 1)); // both campaigns' actions; one letter cancelled
            assertThat(s.delete(owner, w.raj)).isEmpty();

            ResultsFixture f = w.f;
            assertThat(f.one("SELECT COUNT(*) FROM supporter WHERE email = 'raj@example.org'", Long.class)).isZero();
            assertThat(f.one("SELECT COUNT(*) FROM consent WHERE supporter_id = ?", Long.class, w.raj)).isZero();
            assertThat(f.one("SELECT COUNT(*) FROM action_record WHERE supporter_id = ?", Long.class, w.raj)).isZero();
            assertThat(f.one("SELECT payload_json FROM action_record WHERE id = ?", String.class, w.rajRecord)).isEqualTo("{\"removed\":true}");
            assertThat(f.one("SELECT referrer FROM action_record WHERE id = ?", String.class, w.rajRecord)).isNull();
            assertThat(f.one("SELECT COUNT(*) FROM outbox_message WHERE body LIKE '%Raj%' OR reply_to = 'raj@example.org'"
                    + " OR subject LIKE '%Raj%'", Long.class)).isZero();
            assertThat(f.one("SELECT state FROM outbox_message WHERE id = ?", String.class, w.rajQueuedLetter)).isEqualTo("SKIPPED");
            assertThat(f.one("SELECT digest_id FROM outbox_message WHERE id = ?", Long.class, w.rajQueuedLetter)).isNull();
            String digest = f.one("SELECT body FROM outbox_message WHERE id = ?", String.class, w.digest);
            assertThat(digest).doesNotContain("Raj").doesNotContain("raj@example.org")
                    .contains("1. " + SupporterAdmin.REMOVED).contains("2. Jane Doe, Boston <jane@example.org>").contains("Dear Rep, Jane");
            assertThat(forgotten).hasSize(2); // the sink copies of both letters

            // The figures stay: the same actions, the same people counted, the same pressure per legislator.
            assertThat(r.totals(w.campaign)).isEqualTo(new CampaignResults.Totals(5, 4));
            assertThat(r.pressure(w.campaign)).extracting(CampaignResults.Pressure::constituents)
                    .containsExactlyElementsOf(pressureBefore.stream().map(CampaignResults.Pressure::constituents).toList());
            assertThat(r.perDay(w.campaign)).extracting(CampaignResults.Day::actions).containsExactly(2L, 3L);

            // Audited, without saying who the person was.
            StaffSecurity.AuditEntry audit = security.auditLog(1).get(0);
            assertThat(audit.action()).isEqualTo("supporter.delete");
            assertThat(audit.subject()).isEqualTo("supporter:" + w.raj);
            assertThat(audit.actorEmail()).isEqualTo("owner@example.org");
            assertThat(audit.before() + audit.after()).doesNotContain("raj").contains("\"actionRecords\":2");
        }
    }

    static StaffSecurity security(TestDatabases.TestDatabase db, MutableClock clock) {
        return new StaffSecurity(db.database().dataSource(), db.database().dialect(), clock, new PasswordHasher(),
                new LoginThrottle(clock), Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofHours(24));
    }

    private static SupporterAdmin admin(TestDatabases.TestDatabase db, MutableClock clock, List<Long> forgotten) {
        return new SupporterAdmin(db.database().dataSource(), security(db, clock), clock, forgotten::add);
    }
}
