package org.chorus.plugins.scorecards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chorus.api.TargetInfo;
import org.chorus.api.stance.Stance;
import org.chorus.kit.Json;
import org.chorus.plugins.scorecards.Legislation.Bill;
import org.chorus.plugins.scorecards.Legislation.Session;
import org.chorus.plugins.scorecards.Records.Sponsorship;
import org.chorus.plugins.scorecards.Rules.Absences;
import org.chorus.plugins.scorecards.Rules.Item;
import org.chorus.plugins.scorecards.Rules.Scorecard;
import org.chorus.plugins.scorecards.Rules.Unknowns;
import org.chorus.plugins.scorecards.ScorecardStore.Kind;
import org.chorus.plugins.scorecards.ScorecardStore.Write;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real Progressive Massachusetts file (2017–2026) imported on H2 and on PostgreSQL. */
class PmImportTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgres"})
    void theRealFileImportsWithEveryRejectedRowNamedAndTheCampaignBillsCountsRight(String database) throws Exception {
        try (var db = TestDatabases.of(database)) {
            Fixture f = new Fixture(db);
            ImportReport report = f.importReal();
            assertThat(report.refused()).isFalse();
            assertThat(report.counts).containsEntry("sessions", 5).containsEntry("scorecards", 5);
            // 2017 has rows whose legislator the spreadsheet could not find, and 2019 one empty vote: reported, not dropped.
            assertThat(report.rejected).anySatisfy(r -> {
                assertThat(r.where()).startsWith("2017.");
                assertThat(r.row()).isEqualTo("NOT FOUND");
                assertThat(r.reason()).contains("Open States person id");
            });
            assertThat(report.rejected).anySatisfy(r -> {
                assertThat(r.where()).startsWith("2019.");
                assertThat(r.reason()).contains("not a vote");
            });

            ScorecardStore store = f.scorecards.store();
            Session s2025 = store.session("2025").orElseThrow();
            assertThat(s2025.name()).isEqualTo("194th General Court (2025–2026)");
            List<Bill> bills = store.bills(s2025.id());
            assertThat(bills).hasSize(22);
            Bill safe = bills.stream().filter(b -> b.key().equals("H2580 / S1681")).findFirst().orElseThrow();
            Bill defense = bills.stream().filter(b -> b.key().equals("H1954 / S1127")).findFirst().orElseThrow();
            assertThat(safe.name()).isEqualTo("Safe Communities Act");
            assertThat(safe.houseUrl()).startsWith("https://malegislature.gov/Bills/194/");
            assertThat(store.rollCalls(s2025.id())).hasSize(46);

            RecordBook book = store.book(s2025.id());
            assertThat(book.sponsorshipCounts(safe.id())).containsEntry(Sponsorship.COSPONSOR, 84);
            assertThat(book.sponsorshipCounts(defense.id())).containsEntry(Sponsorship.COSPONSOR, 68);

            // Over every sitting legislator: the stance the letter variants read, in every spelling a campaign may use.
            List<TargetInfo> sitting = f.directory.sittingTargets();
            assertThat(sitting).hasSize(198);
            assertThat(count(f, sitting, "H2580 / S1681")).isEqualTo(84);
            assertThat(count(f, sitting, "H.2580")).isEqualTo(84);
            assertThat(count(f, sitting, "S1681")).isEqualTo(84);
            assertThat(count(f, sitting, "H1954 / S1127")).isEqualTo(68);
            assertThat(count(f, sitting, "H.1954/S.1127")).isEqualTo(68);
            // A member the file does not know yet (elected after it was made) is unknown, not "no".
            TargetInfo tarr = f.sitting("Dru Tarr");
            assertThat(f.scorecards.stance(tarr.externalId(), "H2580 / S1681")).isEqualTo(Stance.UNKNOWN);
            assertThat(f.scorecards.stance(tarr.externalId(), "H9999")).isEqualTo(Stance.UNKNOWN);
            assertThat(f.scorecards.stance(tarr.externalId(), "not a bill")).isEqualTo(Stance.UNKNOWN);
        }
    }

    private static long count(Fixture f, List<TargetInfo> targets, String bill) {
        return targets.stream().filter(t -> f.scorecards.stance(t.externalId(), bill) == Stance.COSPONSOR).count();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgres"})
    void formerMembersNeverAppearAsSittingLegislators(String database) {
        try (var db = TestDatabases.of(database)) {
            // Members with 2025 records who are no longer sitting: as the host lists them (sitting=false), with no name
            // in the public data we have, so their Open States id stands for it.
            List<TargetInfo> targets = new ArrayList<>(RealData.sittingLegislators());
            Fixture f = new Fixture(db, targets);
            f.importReal();
            Session s2025 = f.scorecards.store().session("2025").orElseThrow();
            RecordBook book = f.scorecards.store().book(s2025.id());
            List<String> sittingIds = targets.stream().map(TargetInfo::externalId).toList();
            List<String> former = book.people().stream().filter(p -> !sittingIds.contains(p)).toList();
            assertThat(former).as("the 2025 file has a senator who left during the session").isNotEmpty();
            long id = 10_000;
            for (String p : former) {
                f.context.targets.add(new TargetInfo(id++, p, p, null, null, "Senator", "upper", null, null, null, null, null, null, false));
            }
            Scorecard card = f.scorecards.card(null).orElseThrow();
            assertThat(card.slug()).isEqualTo("pm-2025");
            Scorecards.Board board = f.scorecards.board(card);
            assertThat(board.rows()).hasSize(198).allMatch(r -> r.target().sitting());
            assertThat(board.rows()).extracting(Scorecards.Row::personId).doesNotContainAnyElementsOf(former);
            assertThat(f.scorecards.targetsByExternalId().get(former.get(0)).sitting()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgres"})
    void importingAgainChangesNothingAndKeepsWhatStaffCorrected(String database) throws Exception {
        try (var db = TestDatabases.of(database)) {
            Fixture f = new Fixture(db);
            f.importReal();
            ScorecardStore store = f.scorecards.store();
            assertThat(new PmImport(store).importIfChanged(RealData.pmFile(), List.of(), Fixture.NOW, "test")).as("unchanged file").isEmpty();

            Session s2025 = store.session("2025").orElseThrow();
            Bill safe = store.bills(s2025.id()).stream().filter(b -> b.key().equals("H2580 / S1681")).findFirst().orElseThrow();
            TargetInfo tarr = f.sitting("Dru Tarr");
            TargetInfo someone = f.directory.sittingTargets().stream()
                    .filter(t -> f.scorecards.stance(t.externalId(), "H2580") != Stance.COSPONSOR && !t.equals(tarr)).findFirst().orElseThrow();
            store.inTransaction(c -> store.write(c, Kind.SPONSORSHIP, List.of(new Write<>(safe.id(), someone.externalId(), Sponsorship.COSPONSOR, null)),
                    store.existing(c, Kind.SPONSORSHIP, s2025.id()), Records.STAFF, "organizer@example.org", Fixture.NOW, false));
            assertThat(f.scorecards.stance(someone.externalId(), "H2580 / S1681")).as("at once, no cache").isEqualTo(Stance.COSPONSOR);

            // The same content again, forced: nothing created or updated, the staff correction kept.
            byte[] content = Files.readAllBytes(RealData.pmFile());
            ImportReport again = new PmImport(store).importContent("legislation.json", content, "forced", List.of(), Fixture.NOW, "test");
            assertThat(again.counts).containsEntry("co-sponsorship records created", 0).containsEntry("co-sponsorship records updated", 0)
                    .containsEntry("votes created", 0).containsEntry("votes updated", 0)
                    .containsEntry("co-sponsorship records kept (edited by staff)", 1);
            assertThat(f.scorecards.stance(someone.externalId(), "H2580 / S1681")).isEqualTo(Stance.COSPONSOR);
            assertThat(store.bills(s2025.id())).hasSize(22);
            assertThat(store.scorecards()).hasSize(5);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgres"})
    @SuppressWarnings("unchecked")
    void rulesLikeProgressiveMassachusettsReproduceTheirPublishedVoteScores(String database) throws Exception {
        try (var db = TestDatabases.of(database)) {
            Fixture f = new Fixture(db);
            f.importReal();
            ScorecardStore store = f.scorecards.store();
            Session s2025 = store.session("2025").orElseThrow();
            // Their vote score: every scored roll call (including their derived co-sponsorship rows), absences against.
            Scorecard pm = f.scorecards.card("pm-2025").orElseThrow();
            List<Item> votesOnly = store.rollCalls(s2025.id()).stream().map(r -> Item.rollCall(r.id(), BigDecimal.ONE)).toList();
            Scorecard votes = pm.with(Absences.AGAINST, Unknowns.EXCLUDE, votesOnly, pm.bands(), "staff", Fixture.NOW, "test");
            Map<String, Object> file;
            try (InputStream in = Files.newInputStream(RealData.pmFile())) {
                file = (Map<String, Object>) ((Map<String, Object>) Json.read(in)).get("2025");
            }
            int compared = 0;
            for (String list : List.of("houseVotes", "senateVotes")) {
                for (Object o : (List<Object>) file.get(list)) {
                    Map<String, Object> row = (Map<String, Object>) o;
                    String id = (String) row.get("id");
                    if (!id.startsWith("ocd-person/")) {
                        continue;
                    }
                    String chamber = list.startsWith("house") ? "lower" : "upper";
                    Scoring.Score ours = Scoring.score(votes, id, chamber, store.book(s2025.id(), id),
                            ScorecardStore.byId(store.bills(s2025.id()), Bill::id),
                            ScorecardStore.byId(store.rollCalls(s2025.id()), Legislation.RollCall::id));
                    double theirs = (Double) row.get("score");
                    assertThat(ours.percent().doubleValue()).as(id).isCloseTo(theirs, org.assertj.core.data.Offset.offset(0.5));
                    compared++;
                }
            }
            assertThat(compared).isEqualTo(198);
        }
    }
}
