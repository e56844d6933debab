package org.chorus.plugins.scorecards;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.chorus.api.PluginContext;
import org.chorus.api.PluginSettings;
import org.chorus.api.TargetDirectory;
import org.chorus.api.TargetInfo;
import org.chorus.api.stance.Stance;
import org.chorus.plugins.scorecards.Legislation.Bill;
import org.chorus.plugins.scorecards.Legislation.RollCall;
import org.chorus.plugins.scorecards.Legislation.Session;
import org.chorus.plugins.scorecards.Records.Position;
import org.chorus.plugins.scorecards.Records.Sponsorship;
import org.chorus.plugins.scorecards.Rules.Scorecard;
import org.chorus.plugins.scorecards.Scoring.Score;

/**
 * The scorecards of one plugin start, shared by its extensions (the host builds each extension with a context of
 * its own; they meet here through the plugin's class loader). Reads go to the database; what is computed from a
 * scorecard's tables is kept only until the tables' revision changes, so an import or a staff edit shows at once,
 * on every node.
 */
final class Scorecards {

    static final String DEFAULT_FEATURED = "H2580 / S1681, H1954 / S1127";
    static final String PM_FILE = "pm-scorecard/legislation.json";

    private static final Map<Object, Scorecards> STARTED = new ConcurrentHashMap<>();

    private final ScorecardStore store;
    private final TargetDirectory targets;
    private final PluginSettings settings;
    private final Clock clock;
    private final Logger log;
    private final Optional<Path> referenceData;
    private final Map<Long, Computed> computed = new ConcurrentHashMap<>();

    Scorecards(ScorecardStore store, TargetDirectory targets, PluginSettings settings, Clock clock, Logger log,
               Optional<Path> referenceData) {
        this.store = store;
        this.targets = targets;
        this.settings = settings;
        this.clock = clock;
        this.log = log;
        this.referenceData = referenceData;
    }

    /**
     * The plugin's shared instance; the first extension built at a start imports the Progressive Massachusetts file
     * when it changed since the last import. A plugin's statics live in its own class loader, so each plugin start
     * gets its own; the key (the host's DataSource) keeps platforms apart even where they share a loader (tests).
     */
    static Scorecards of(PluginContext context) {
        return STARTED.computeIfAbsent(context.dataSource(), ds -> {
            Scorecards s = new Scorecards(new ScorecardStore(context.dataSource()), context.targets(), context.settings(),
                    context.clock(), context.logger(), context.referenceData());
            s.importAtStart();
            return s;
        });
    }

    ScorecardStore store() {
        return store;
    }

    TargetDirectory targets() {
        return targets;
    }

    Clock clock() {
        return clock;
    }

    PluginSettings settings() {
        return settings;
    }

    // ---------------------------------------------------------------- the Progressive Massachusetts file

    /** {@code pm.file}, else {@code <reference data>/pm-scorecard/legislation.json}; empty when neither is set. */
    Optional<Path> pmFile() {
        Optional<String> configured = settings.get("pm.file").map(String::strip).filter(s -> !s.isEmpty());
        if (configured.isPresent()) {
            return configured.map(Path::of);
        }
        return referenceData.map(d -> d.resolve(PM_FILE));
    }

    List<String> featuredBills() {
        String value = settings.get("featured.bills", DEFAULT_FEATURED);
        return Arrays.stream(value.split("[,;]")).map(String::strip).filter(s -> !BillNumbers.parse(s).isEmpty()).toList();
    }

    /** Imports the file at start when it changed; a missing or broken file is logged, never fatal to the plugin. */
    void importAtStart() {
        if (!settings.getBoolean("pm.import", true)) {
            return;
        }
        Optional<Path> file = pmFile();
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            log.info(() -> "No Progressive Massachusetts scorecard file " + file.map(Path::toString).orElse("(no reference data folder)")
                    + ": nothing imported (set chorus.plugin.scorecards.pm.file)");
            return;
        }
        try {
            long t0 = System.nanoTime();
            new PmImport(store).importIfChanged(file.get(), featuredBills(), clock.instant(), "import at start").ifPresentOrElse(
                    r -> log.log(r.refused() ? Level.WARNING : Level.INFO, () -> "Scorecard import of " + file.get() + " in "
                            + (System.nanoTime() - t0) / 1_000_000 + " ms: " + r.summary()),
                    () -> log.fine(() -> "Scorecard file " + file.get() + " unchanged since its last import"));
        } catch (IOException | RuntimeException e) {
            log.log(Level.SEVERE, "Importing the scorecard file " + file.get() + " failed: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- scorecards and sessions

    /** The scorecards and sessions as of one revision of the tables (a page asks for them several times). */
    private record Catalog(long revision, List<Scorecard> cards, List<Session> sessions) {
    }

    private volatile Catalog catalog;

    private Catalog catalog() {
        long revision = store.revision();
        Catalog c = catalog;
        if (c == null || c.revision() != revision) {
            List<Session> sessions = store.sessions();
            List<Scorecard> cards = new ArrayList<>(store.scorecards());
            Map<Long, Integer> years = new HashMap<>();
            sessions.forEach(s -> years.put(s.id(), s.startYear()));
            cards.sort(Comparator.comparing((Scorecard x) -> years.getOrDefault(x.sessionId(), 0)).reversed().thenComparing(Scorecard::slug));
            c = new Catalog(revision, List.copyOf(cards), sessions);
            catalog = c;
        }
        return c;
    }

    /** Every scorecard, the latest session's first. */
    List<Scorecard> cards() {
        return catalog().cards();
    }

    List<Session> sessions() {
        return catalog().sessions();
    }

    /** The scorecard a page asks for, or the default one ({@code default.scorecard}, else the latest session's). */
    Optional<Scorecard> card(String slug) {
        List<Scorecard> cards = cards();
        if (slug != null && !slug.isBlank()) {
            return cards.stream().filter(c -> c.slug().equals(slug)).findFirst();
        }
        String preferred = settings.get("default.scorecard", "");
        return cards.stream().filter(c -> c.slug().equals(preferred)).findFirst().or(() -> cards.stream().findFirst());
    }

    /** The session stances are answered for: {@code session} (e.g. "2025"), else the latest. */
    Optional<Session> currentSession() {
        return currentSession(sessions());
    }

    private Optional<Session> currentSession(List<Session> sessions) {
        String configured = settings.get("session", "");
        return sessions.stream().filter(s -> s.key().equals(configured)).findFirst()
                .or(() -> sessions.stream().max(Comparator.comparingInt(Session::startYear)));
    }

    // ---------------------------------------------------------------- stances

    /**
     * Where a person stands on a bill of the current session, named by a number or a House/Senate pair in any usual
     * spelling. A pair is one piece of legislation: co-sponsoring either version is co-sponsoring it. Co-sponsorship
     * is a fact of record and wins; otherwise a position staff recorded; otherwise unknown (a legislator who has not
     * co-sponsored has not thereby opposed).
     */
    Stance stance(String personId, String billText) {
        if (personId == null || billText == null) {
            return Stance.UNKNOWN;
        }
        // Every letter asks this for each of its targets: answers are kept for as long as the tables' revision holds
        // (one cheap query per call instead of parsing and a join), so a staff edit still shows in the next letter.
        Catalog catalog = catalog();
        StanceMemo memo = stanceMemo;
        if (memo.revision() != catalog.revision() || memo.answers().size() > 20_000) {
            memo = new StanceMemo(catalog.revision(), new ConcurrentHashMap<>());
            stanceMemo = memo;
        }
        return memo.answers().computeIfAbsent(personId + "\u0000" + billText + "\u0000" + settings.get("session", ""),
                k -> stanceOfRecord(personId, BillNumbers.parse(billText), currentSession(catalog.sessions())));
    }

    private record StanceMemo(long revision, Map<String, Stance> answers) {
    }

    private volatile StanceMemo stanceMemo = new StanceMemo(-1, Map.of());

    private Stance stanceOfRecord(String personId, List<String> numbers, Optional<Session> session) {
        if (numbers.isEmpty() || session.isEmpty()) {
            return Stance.UNKNOWN;
        }
        return store.read(c -> {
            StringBuilder in = new StringBuilder();
            List<Object> args = new ArrayList<>();
            args.add(personId);
            args.add(personId);
            args.add(session.get().id());
            for (String n : numbers) {
                in.append(in.length() == 0 ? "" : " OR ").append("b.house_number = ? OR b.senate_number = ?");
                args.add(n);
                args.add(n);
            }
            Stance[] answer = {Stance.UNKNOWN};
            ScorecardStore.each(c, "SELECT s.record, p.position FROM p_scorecards_bill b"
                    + " LEFT JOIN p_scorecards_sponsorship s ON s.bill_id = b.id AND s.person_id = ?"
                    + " LEFT JOIN p_scorecards_position p ON p.bill_id = b.id AND p.person_id = ?"
                    + " WHERE b.session_id = ? AND (" + in + ") ORDER BY b.id", rs -> {
                        String record = rs.getString(1);
                        String position = rs.getString(2);
                        if (record != null && Sponsorship.valueOf(record).signedOn()) {
                            answer[0] = Stance.COSPONSOR;
                        } else if (answer[0] == Stance.UNKNOWN && position != null && !Position.UNKNOWN.name().equals(position)) {
                            answer[0] = Position.valueOf(position) == Position.SUPPORTS ? Stance.SUPPORTS : Stance.OPPOSES;
                        }
                    }, args.toArray());
            return answer[0];
        });
    }

    /**
     * What a legislator's record says about a bill, for pages: cosponsor (or sponsor), supports, opposes,
     * not-cosponsor (recorded as not having signed on), or unknown (no record).
     */
    static String stanceCode(RecordBook book, long billId, String person) {
        Sponsorship s = book.sponsorship(billId, person);
        if (s.signedOn()) {
            return s == Sponsorship.SPONSOR ? "sponsor" : "cosponsor";
        }
        Position p = book.position(billId, person);
        if (p != Position.UNKNOWN) {
            return p == Position.SUPPORTS ? "supports" : "opposes";
        }
        return s == Sponsorship.NOT_COSPONSOR ? "not-cosponsor" : "unknown";
    }

    // ---------------------------------------------------------------- computed boards

    /** A scorecard's session, items and records as of one revision of the tables. */
    record Computed(long revision, Scorecard card, Session session, Map<Long, Bill> bills, Map<Long, RollCall> rollCalls,
                    RecordBook book) {
    }

    /** One legislator on a board: the target (null when the person is not among the host's targets) and score. */
    record Row(String personId, TargetInfo target, String chamber, Score score) {
        String name() {
            return target == null ? personId : target.name();
        }
    }

    /** A scorecard's table: its sitting legislators' scores and each chamber's median. */
    record Board(Computed data, List<Row> rows, Map<String, BigDecimal> medians) {
    }

    Computed computed(Scorecard card) {
        long revision = store.revision();
        Computed c = computed.get(card.id());
        if (c != null && c.revision() == revision && c.card().equals(card)) {
            return c;
        }
        Session session = sessions().stream().filter(x -> x.id() == card.sessionId()).findFirst().orElseThrow();
        c = new Computed(revision, card, session, ScorecardStore.byId(store.bills(session.id()), Bill::id),
                ScorecardStore.byId(store.rollCalls(session.id()), RollCall::id), store.book(session.id()));
        computed.put(card.id(), c);
        return c;
    }

    /** The board of sitting legislators (former members never appear as sitting); ordered by name. */
    Board board(Scorecard card) {
        Computed data = computed(card);
        List<Row> rows = new ArrayList<>();
        for (TargetInfo t : targets.sittingTargets()) {
            if (t.externalId() == null) {
                continue;
            }
            String chamber = data.book().chamberOf(t.externalId(), t.chamber());
            rows.add(new Row(t.externalId(), t, t.chamber(), Scoring.score(card, t.externalId(), chamber, data.book(), data.bills(),
                    data.rollCalls())));
        }
        rows.sort(Comparator.comparing((Row r) -> sortName(r.target())).thenComparing(Row::personId));
        Map<String, BigDecimal> medians = new LinkedHashMap<>();
        for (String chamber : card.chambers()) {
            medians.put(chamber, Scoring.median(rows.stream().filter(r -> chamber.equals(r.chamber()))
                    .map(r -> r.score().percent()).toList()));
        }
        return new Board(data, rows, medians);
    }

    /** A person's score on one scorecard, from their own records only. */
    Score scoreOf(Scorecard card, String person, String chamber) {
        Computed data = computed(card);
        return Scoring.score(card, person, data.book().chamberOf(person, chamber), data.book(), data.bills(), data.rollCalls());
    }

    static String sortName(TargetInfo t) {
        if (t == null) {
            return "";
        }
        String family = t.familyName() == null ? t.name() : t.familyName();
        return (family + " " + (t.givenName() == null ? "" : t.givenName())).toLowerCase(java.util.Locale.ROOT);
    }

    /** Every target, sitting and former, by external id (for joining imported records). */
    Map<String, TargetInfo> targetsByExternalId() {
        Map<String, TargetInfo> out = new HashMap<>();
        for (TargetInfo t : targets.allTargets()) {
            if (t.externalId() != null) {
                out.merge(t.externalId(), t, (a, b) -> a.sitting() ? a : b);
            }
        }
        return out;
    }
}
