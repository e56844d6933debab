package org.chorus.host.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chorus.host.domain.action.ActionWriter;
import org.chorus.host.domain.action.ActionWriter.Duplicate;
import org.chorus.host.domain.action.ActionWriter.Letter;
import org.chorus.host.domain.action.ActionWriter.NewAction;
import org.chorus.host.domain.action.ActionWriter.Repeat;
import org.chorus.host.domain.action.ActionWriter.Stored;
import org.chorus.host.domain.action.ActionWriter.SupporterFields;
import org.chorus.host.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Group commit keeps each action's own outcome: duplicates, repeats, returning supporters and the letter repeat
 * guard are judged against what earlier actions of the same batch stored, a failing action does not fail the others
 * of its batch, and many concurrent request threads all get their action stored once. On H2 and PostgreSQL.
 */
class GroupCommitActionWriterTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final long CAMPAIGN = 1, ACTION = 2, PETITION = 3, SENATOR = 10, REP = 11;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void oneBatchJudgesEachActionAgainstTheOnesBeforeIt(String db) throws Exception {
        try (var d = database(db); var writer = writer(d)) {
            List<Object> out = writer.storeAsOneBatch(List.of(
                    letter("key-a", "Ana@Example.org", "Ana", "12 Elm St", SENATOR, REP),
                    letter("key-a", "ana@example.org", "Ana", "12 Elm St", SENATOR, REP),   // same form again
                    letter("key-b", "ana@example.org", " ", null, SENATOR),                // returning, same target
                    signature("key-c", "bo@example.org", "Bo", "bo-sig"),
                    signature("key-d", "BO@example.org", "Robert", "bo-sig")));            // signed already
            assertThat(out.get(0)).isInstanceOf(Stored.class);
            assertThat(out.get(1)).isInstanceOf(Duplicate.class);
            assertThat(out.get(2)).isInstanceOf(Stored.class);
            assertThat(out.get(3)).isInstanceOf(Stored.class);
            assertThat(out.get(4)).isEqualTo(new Repeat(NOW));
            Stored ana = (Stored) out.get(0);
            assertThat(((Stored) out.get(2)).supporterId()).as("one supporter per e-mail").isEqualTo(ana.supporterId());

            try (Connection c = d.database().dataSource().getConnection()) {
                assertThat(rows(c, "SELECT email || '|' || first_name || '|' || COALESCE(street, '-') FROM supporter ORDER BY email"))
                        .as("blank fields keep what is stored; a repeat still updates the supporter")
                        .containsExactly("ana@example.org|Ana|12 Elm St", "bo@example.org|Robert|-");
                assertThat(rows(c, "SELECT idempotency_key FROM action_record ORDER BY idempotency_key")).containsExactly("key-a", "key-b", "key-c");
                assertThat(rows(c, "SELECT m.target_id || ' ' || m.state FROM outbox_message m JOIN action_record r"
                        + " ON r.id = m.action_record_id WHERE r.idempotency_key = 'key-b'"))
                        .as("the batch's first letter to the senator counts for the repeat guard").containsExactly(SENATOR + " SKIPPED");
                assertThat(rows(c, "SELECT COUNT(*) FROM outbox_message WHERE state = 'QUEUED'")).containsExactly("2");
                assertThat(rows(c, "SELECT COUNT(*) FROM consent")).as("consents of every action but the duplicate").containsExactly("4");
            }

            // The next batch sees the first: the same key is a duplicate, the same letter a repeat, safe mode forgets.
            List<Object> again = writer.storeAsOneBatch(List.of(
                    letter("key-a", "ana@example.org", "Ana", null, SENATOR),
                    new NewAction(CAMPAIGN, ACTION, "c/a", NOW.plusSeconds(60), new SupporterFields("ana@example.org", null,
                            null, null, "Salem", null, "es", true), Map.of(), "key-e", null, null, null, null, "{}",
                            List.of(mail("key-e", REP)), Duration.ofHours(24))));
            assertThat(again.get(0)).isInstanceOf(Duplicate.class);
            assertThat(again.get(1)).isInstanceOf(Stored.class);
            try (Connection c = d.database().dataSource().getConnection()) {
                assertThat(rows(c, "SELECT COALESCE(street, '-') || '|' || town || '|' || locale FROM supporter WHERE email = 'ana@example.org'"))
                        .containsExactly("-|Salem|es");
                assertThat(rows(c, "SELECT m.state FROM outbox_message m JOIN action_record r ON r.id = m.action_record_id"
                        + " WHERE r.idempotency_key = 'key-e'")).containsExactly("SKIPPED");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anActionTheDatabaseRefusesFailsAloneAndTheRestOfItsBatchIsStored(String db) throws Exception {
        try (var d = database(db); var writer = writer(d)) {
            NewAction bad = new NewAction(CAMPAIGN, 999, "c/x", NOW, fields("eve@example.org", "Eve", null), Map.of(),
                    "key-bad", null, null, null, null, "{}", List.of(), Duration.ofHours(24)); // no such campaign action
            List<Object> out = writer.storeAsOneBatch(List.of(
                    letter("key-1", "one@example.org", "One", null, SENATOR), bad, letter("key-2", "two@example.org", "Two", null, REP)));
            assertThat(out.get(0)).isInstanceOf(Stored.class);
            assertThat(out.get(1)).isInstanceOf(jakarta.persistence.PersistenceException.class);
            assertThat(out.get(2)).isInstanceOf(Stored.class);
            try (Connection c = d.database().dataSource().getConnection()) {
                assertThat(rows(c, "SELECT idempotency_key FROM action_record ORDER BY idempotency_key")).containsExactly("key-1", "key-2");
                assertThat(rows(c, "SELECT COUNT(*) FROM supporter WHERE email = 'eve@example.org'")).containsExactly("0");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void manyConcurrentSupportersEachHaveTheirActionStoredOnce(String db) throws Exception {
        int threads = 32, perThread = 30;
        try (var d = database(db); var writer = writer(d)) {
            Map<String, ActionWriter.Written> outcomes = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                    List<Future<?>> work = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        int thread = t;
                        work.add(pool.submit(() -> {
                            for (int i = 0; i < perThread; i++) {
                                String key = "k-" + thread + "-" + i;
                                // Every tenth supporter writes twice (a second key); every action is posted twice.
                                String email = "s" + (thread * perThread + i - (i % 10 == 1 ? 1 : 0)) + "@example.org";
                                NewAction a = letter(key, email, "S", null, SENATOR, REP);
                                outcomes.put(key, writer.write(a));
                                assertThat(writer.write(a)).isInstanceOf(Duplicate.class);
                            }
                        }));
                    }
                    for (Future<?> f : work) {
                        f.get();
                    }
                });
            } finally {
                pool.shutdownNow();
            }
            int actions = threads * perThread;
            assertThat(outcomes).hasSize(actions).allSatisfy((k, w) -> assertThat(w).isInstanceOf(Stored.class));
            assertThat(outcomes.values().stream().map(w -> ((Stored) w).actionRecordId()).distinct()).hasSize(actions);
            try (Connection c = d.database().dataSource().getConnection()) {
                assertThat(rows(c, "SELECT COUNT(*) FROM action_record")).containsExactly(String.valueOf(actions));
                assertThat(rows(c, "SELECT COUNT(*) FROM supporter")).containsExactly(String.valueOf(actions - threads * 3));
                assertThat(rows(c, "SELECT COUNT(*) FROM outbox_message")).containsExactly(String.valueOf(2 * actions));
                assertThat(rows(c, "SELECT COUNT(*) FROM outbox_message WHERE state = 'SKIPPED'"))
                        .as("the second action of a supporter repeats both letters").containsExactly(String.valueOf(2 * threads * 3));
            }
        }
    }

    // ---- fixtures ----------------------------------------------------------------------------------------------------

    static TestDatabases.TestDatabase database(String db) throws SQLException {
        var d = db.equals("h2") ? TestDatabases.h2("writer") : TestDatabases.postgres("writer");
        try (Connection c = d.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO campaign (id, slug, title, theme, status, default_language, languages, created_at, updated_at)"
                    + " VALUES (1, 'c', 'C', 'base', 'PUBLISHED', 'en', 'en', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            for (long a : new long[] {ACTION, PETITION}) {
                s.execute("INSERT INTO campaign_action (id, campaign_id, action_key, action_type, position, settings_json, created_at, updated_at)"
                        + " VALUES (" + a + ", 1, 'a" + a + "', 't', " + a + ", '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            }
            for (long t : new long[] {SENATOR, REP}) {
                s.execute("INSERT INTO target (id, external_id, kind, name, status, created_at, updated_at)"
                        + " VALUES (" + t + ", 'ocd-person/" + t + "', 'legislator', 'T" + t + "', 'SITTING', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            }
        }
        return d;
    }

    static GroupCommitActionWriter writer(TestDatabases.TestDatabase d) {
        return new GroupCommitActionWriter(d.database().dataSource(), new SequenceIds(d.database().dataSource(), d.database().dialect()), 64);
    }

    static SupporterFields fields(String email, String firstName, String street) {
        return new SupporterFields(email, firstName, "Pereira", street, "Boston", "02108", "en", false);
    }

    static NewAction letter(String key, String email, String firstName, String street, long... targets) {
        List<Letter> letters = new ArrayList<>();
        for (long t : targets) {
            letters.add(mail(key + "." + t, t));
        }
        return new NewAction(CAMPAIGN, ACTION, "c/a", NOW, fields(email, firstName, street), Map.of("updates", false), key,
                null, NOW.minusSeconds(30), "src", "https://partner.example", "{}", letters, Duration.ofHours(24));
    }

    static Letter mail(String id, long target) {
        return new Letter("<" + id + "@localhost>", "t" + target + "@malegislature.gov", "T" + target, "Ana via C", null,
                "Please co-sponsor", "Dear …", target, "email-legislators", null);
    }

    static NewAction signature(String key, String email, String firstName, String uniqueKey) {
        return new NewAction(CAMPAIGN, PETITION, "c/p", NOW, fields(email, firstName, null), Map.of("partner-a", true), key,
                uniqueKey, null, null, null, "{}", List.of(), Duration.ofHours(24));
    }

    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
