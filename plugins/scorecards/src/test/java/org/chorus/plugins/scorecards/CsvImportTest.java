package org.chorus.plugins.scorecards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.chorus.api.TargetInfo;
import org.chorus.api.stance.Stance;
import org.chorus.plugins.scorecards.Legislation.Session;
import org.chorus.plugins.scorecards.Rules.Scorecard;
import org.chorus.plugins.scorecards.Scoring.Score;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain CSV import (with its validation report) and the export, over the real 2025 data on H2 and PostgreSQL. */
class CsvImportTest {

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgres"})
    void validRowsAreImportedAndEveryRejectedRowIsNamedWithItsLineAndWhy(String database) {
        try (var db = TestDatabases.of(database)) {
            Fixture f = new Fixture(db);
            f.importReal();
            Session s2025 = f.scorecards.store().session("2025").orElseThrow();
            TargetInfo tarr = f.sitting("Dru Tarr");
            TargetInfo senator = f.directory.sittingTargets().stream().filter(t -> "upper".equals(t.chamber()))
                    .filter(t -> f.scorecards.stance(t.externalId(), "H1954 / S1127") != Stance.COSPONSOR).findFirst().orElseThrow();
            assertThat(f.scorecards.stance(tarr.externalId(), "H2580 / S1681")).isEqualTo(Stance.UNKNOWN);
            String file = "target,item,value,note\n"
                    + tarr.externalId() + ",H.2580 / S.1681,cosponsor,\n"                       // line 2: ok, by pair
                    + tarr.id() + ",H1954,supports,signed our pledge\n"                          // line 3: ok, by target id
                    + senator.externalId() + ",RC-S6,no,\n"                                      // line 4: ok, a Senate roll call
                    + "ocd-person/00000000-0000-0000-0000-000000000000,H2580,cosponsor,\n"       // line 5: unknown target
                    + tarr.externalId() + ",H9999,cosponsor,\n"                                  // line 6: unknown bill
                    + tarr.externalId() + ",RC-H9999,yes,\n"                                     // line 7: unknown roll call
                    + tarr.externalId() + ",H86,maybe,\n"                                        // line 8: not a value
                    + tarr.externalId() + ",H2580,not-cosponsor,\n"                              // line 9: repeats line 2
                    + tarr.externalId() + ",H2580\n"                                             // line 10: too few values
                    + "\n"                                                                       // line 11: blank, skipped
                    + senator.externalId() + ",S1127,cosponsor,\"a note, with a comma\"\n";      // line 12: ok
            ImportReport r = new CsvImport(f.scorecards).importCsv("records.csv", csv(file), s2025, true, "organizer@example.org", Fixture.NOW);
            assertThat(r.refused()).isFalse();
            assertThat(r.counts).containsEntry("rows accepted", 4);
            assertThat(r.rejected).extracting(ImportReport.Rejection::where)
                    .containsExactly("line 5", "line 6", "line 7", "line 8", "line 9", "line 10");
            assertThat(r.rejected.get(0).reason()).contains("unknown target");
            assertThat(r.rejected.get(1).reason()).contains("unknown bill number H9999");
            assertThat(r.rejected.get(2).reason()).contains("unknown roll call").contains("House roll call 9999");
            assertThat(r.rejected.get(3).reason()).contains("\"maybe\" is not a record for a bill");
            assertThat(r.rejected.get(4).reason()).contains("repeats line 2");
            assertThat(r.rejected.get(5).reason()).contains("has 2 values");

            // The next letter reads the new records at once.
            assertThat(f.scorecards.stance(tarr.externalId(), "H2580 / S1681")).isEqualTo(Stance.COSPONSOR);
            assertThat(f.scorecards.stance(tarr.externalId(), "H1954 / S1127")).isEqualTo(Stance.SUPPORTS);
            assertThat(f.scorecards.stance(senator.externalId(), "H1954 / S1127")).isEqualTo(Stance.COSPONSOR);
            RecordBook book = f.scorecards.store().book(s2025.id(), tarr.externalId());
            long h1954 = f.scorecards.store().bills(s2025.id()).stream().filter(b -> b.has("H1954")).findFirst().orElseThrow().id();
            assertThat(book.positionRecord(h1954, tarr.externalId()).note()).isEqualTo("signed our pledge");
            assertThat(book.positionRecord(h1954, tarr.externalId()).source()).isEqualTo(Records.CSV);

            // The same file again: nothing changes.
            ImportReport again = new CsvImport(f.scorecards).importCsv("records.csv", csv(file), s2025, true, "organizer@example.org", Fixture.NOW);
            assertThat(again.counts).containsEntry("co-sponsorship records unchanged", 2).containsEntry("positions unchanged", 1)
                    .containsEntry("votes unchanged", 1);
        }
    }

    @Test
    void aFileThatIsNotCsvIsRefusedAsAWholeWithTheLineAndACheckWritesNothing() {
        try (var db = TestDatabases.h2()) {
            Fixture f = new Fixture(db);
            f.importReal();
            Session s2025 = f.scorecards.store().session("2025").orElseThrow();
            CsvImport importer = new CsvImport(f.scorecards);
            TargetInfo tarr = f.sitting("Dru Tarr");

            ImportReport unclosed = importer.importCsv("x.csv", csv("target,item,value\n" + tarr.externalId() + ",H2580,cosponsor\n"
                    + tarr.externalId() + ",\"H86,cosponsor\n"), s2025, true, "o", Fixture.NOW);
            assertThat(unclosed.refused).isEqualTo("line 3: a quoted value is never closed");
            ImportReport strayQuote = importer.importCsv("x.csv", csv("target,item,value\nab\"c,H2580,yes\n"), s2025, true, "o", Fixture.NOW);
            assertThat(strayQuote.refused).startsWith("line 2: a quote inside an unquoted value");
            byte[] latin1 = "target,item,value\nJos\u00e9,H2580,yes\n".getBytes(StandardCharsets.ISO_8859_1);
            assertThat(importer.importCsv("x.csv", latin1, s2025, true, "o", Fixture.NOW).refused).startsWith("line 2: the file is not UTF-8");
            assertThat(importer.importCsv("x.csv", csv("who,what\n1,2\n"), s2025, true, "o", Fixture.NOW).refused)
                    .startsWith("line 1: the first line must name the columns target, item and value");
            assertThat(importer.importCsv("x.csv", csv(""), s2025, true, "o", Fixture.NOW).refused).contains("empty");
            assertThat(f.scorecards.stance(tarr.externalId(), "H2580")).as("nothing of a refused file is written").isEqualTo(Stance.UNKNOWN);

            ImportReport check = importer.importCsv("x.csv", csv("\uFEFFTarget,Item,Value\r\n" + tarr.externalId() + ",H2580,cosponsor\r\n"),
                    s2025, false, "o", Fixture.NOW);
            assertThat(check.counts).containsEntry("rows accepted", 1).doesNotContainKey("co-sponsorship records created");
            assertThat(f.scorecards.stance(tarr.externalId(), "H2580")).as("a check writes nothing").isEqualTo(Stance.UNKNOWN);
        }
    }

    @Test
    void theExportHoldsTheWholeScorecardAndImportsBackWithoutChangingAnyScore() throws Exception {
        try (var db = TestDatabases.h2()) {
            Fixture f = new Fixture(db);
            f.importReal();
            Scorecard card = f.scorecards.card("pm-2025").orElseThrow();
            String csv = new String(CsvExport.export(f.scorecards, card), StandardCharsets.UTF_8);
            List<CsvFiles.Row> rows = CsvFiles.read(csv);
            assertThat(rows.get(0).values()).isEqualTo(CsvExport.HEADER);
            TargetInfo edwards = f.sitting("Lydia Edwards");
            List<CsvFiles.Row> hers = rows.stream().filter(r -> r.values().get(1).equals(edwards.externalId())).toList();
            // 22 bills and the scorecard's Senate roll calls (those with a bill number), each once.
            long senateRollCalls = card.items().stream().filter(i -> !i.isBill())
                    .filter(i -> f.scorecards.computed(card).rollCalls().get(i.rollCallId()).chamber().equals("upper")).count();
            assertThat(hers).hasSize(22 + (int) senateRollCalls);
            Score score = f.scorecards.scoreOf(card, edwards.externalId(), "upper");
            assertThat(hers).allSatisfy(r -> {
                assertThat(r.values().get(2)).isEqualTo("Lydia Edwards");
                assertThat(r.values().get(12)).isEqualTo(score.percent().toPlainString());
                assertThat(r.values().get(13)).isEqualTo(score.grade());
            });
            assertThat(hers).anySatisfy(r -> assertThat(r.values().subList(7, 10)).containsExactly("H2580 / S1681", "Safe Communities Act",
                    f.scorecards.stance(edwards.externalId(), "H2580") == Stance.COSPONSOR ? "cosponsor" : "not-cosponsor"));

            Map<String, java.math.BigDecimal> before = new java.util.HashMap<>();
            f.scorecards.board(card).rows().forEach(r -> before.put(r.personId(), r.score().percent()));
            Session s2025 = f.scorecards.store().session("2025").orElseThrow();
            ImportReport back = new CsvImport(f.scorecards).importCsv("export.csv", csv.getBytes(StandardCharsets.UTF_8), s2025, true, "o", Fixture.NOW);
            assertThat(back.refused()).isFalse();
            // Every row imports, except those of people the file knows but the host has no target for (a member who
            // left before the legislators' data was taken): reported as unknown targets, as any import would.
            assertThat(back.rejected).isNotEmpty().allSatisfy(x -> {
                assertThat(x.reason()).contains("unknown target");
                assertThat(f.directory.targetByExternalId(x.row().split(",")[1])).isEmpty();
            });
            f.scorecards.board(card).rows().forEach(r -> assertThat(r.score().percent()).as(r.personId()).isEqualTo(before.get(r.personId())));
        }
    }

    @Test
    void csvValuesAreQuotedWhereNeededAndFormulasDefused() throws Exception {
        StringBuilder out = new StringBuilder();
        CsvFiles.appendRow(out, List.of("a,b", "say \"hi\"", "=HYPERLINK(1)", "-5", "plain"));
        assertThat(out.toString()).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"'=HYPERLINK(1)\",-5,plain\r\n");
        assertThat(CsvFiles.read(out.toString()).get(0).values()).containsExactly("a,b", "say \"hi\"", "'=HYPERLINK(1)", "-5", "plain");
        assertThat(CsvFiles.read("a,\"multi\nline\"\nb,c").get(1).line()).isEqualTo(3);
    }
}
