package org.chorus.host.infrastructure.openstates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.chorus.host.infrastructure.openstates.OpenStatesPeople.Batch;
import org.chorus.host.infrastructure.openstates.OpenStatesPeople.Legislator;
import org.chorus.host.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenStatesPeopleTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @TempDir
    Path tmp;

    private static Map<String, Legislator> byId(Batch b) {
        return b.legislators().stream().collect(Collectors.toMap(Legislator::id, Function.identity()));
    }

    @Test
    void readsAllMassachusettsLegislatorsFromYaml() throws IOException {
        Batch b = OpenStatesPeople.readYamlFolder(SharedData.legislatorsYaml(), TODAY);
        assertThat(b.rejected()).isEmpty();
        assertThat(b.legislators()).hasSize(198);
        assertThat(b.legislators()).filteredOn(l -> l.chamber().equals("upper")).hasSize(40);
        assertThat(b.legislators()).filteredOn(l -> l.chamber().equals("lower")).hasSize(158);
        Map<String, Long> senate = b.legislators().stream().filter(l -> l.chamber().equals("upper"))
                .collect(Collectors.groupingBy(Legislator::party, Collectors.counting()));
        Map<String, Long> house = b.legislators().stream().filter(l -> l.chamber().equals("lower"))
                .collect(Collectors.groupingBy(Legislator::party, Collectors.counting()));
        assertThat(senate).containsExactlyInAnyOrderEntriesOf(Map.of("Democratic", 35L, "Republican", 5L));
        assertThat(house).containsExactlyInAnyOrderEntriesOf(Map.of("Democratic", 132L, "Republican", 25L, "Independent", 1L));

        Map<String, Legislator> all = byId(b);
        Legislator moore = all.get("ocd-person/7b48bd48-8d27-4dd8-958d-703571efe150");
        assertThat(moore.name()).isEqualTo("Mike Moore");
        assertThat(moore.givenName()).isEqualTo("Mike");
        assertThat(moore.familyName()).isEqualTo("Moore");
        assertThat(moore.chamber()).isEqualTo("upper");
        assertThat(moore.district()).isEqualTo("Second Worcester");
        assertThat(moore.party()).isEqualTo("Democratic");
        assertThat(moore.email()).isEqualTo("michael.moore@masenate.gov");
        assertThat(moore.phone()).isEqualTo("617-722-1485");
        assertThat(moore.photoUrl()).isEqualTo("https://malegislature.gov/Legislators/Profile/170/MOM0.jpg");
        assertThat(moore.extras()).containsEntry(OpenStatesPeople.MEMBER_CODE, "MOM0")
                .containsEntry(OpenStatesPeople.DISTRICT_PHONE, "508-757-0323 ext. 13")
                .containsEntry(OpenStatesPeople.CAPITOL_ADDRESS, "Room 109-B, State House 24 Beacon St., Boston, MA 02133")
                .containsEntry(OpenStatesPeople.PROFILE_URL, "https://malegislature.gov/Legislators/Profile/MOM0");
        assertThat(moore.location()).isEqualTo("Michael-O-Moore-7b48bd48-8d27-4dd8-958d-703571efe150.yml");

        // Moved from the House (17th Middlesex) to the Senate in March 2026
        Legislator howard = all.get("ocd-person/053aae1e-ae76-41b0-912c-39f27f3f6d6f");
        assertThat(howard.chamber()).isEqualTo("upper");
        assertThat(howard.district()).isEqualTo("First Middlesex");
        // An ended House role next to the current Senate one
        Legislator crighton = all.get("ocd-person/77994b2c-f88c-4a5f-bf9d-7abd1875d8dc");
        assertThat(crighton.chamber()).isEqualTo("upper");
        assertThat(crighton.district()).isEqualTo("Third Essex");
        // No phone in the source
        Legislator field = all.get("ocd-person/0a14e19e-3761-4aa2-887f-8b335d6e3eed");
        assertThat(field.phone()).isNull();
        // The vacant seats have nobody
        assertThat(b.legislators()).extracting(Legislator::district).doesNotContain("17th Middlesex", "1st Franklin");
    }

    @Test
    void theFlatCsvSaysTheSameAsTheYaml() throws IOException {
        Map<String, Legislator> yaml = byId(OpenStatesPeople.readYamlFolder(SharedData.legislatorsYaml(), TODAY));
        Batch csv = OpenStatesPeople.readCsv(SharedData.legislatorsFlatCsv());
        assertThat(csv.rejected()).isEmpty();
        assertThat(csv.legislators()).hasSize(198);
        for (Legislator c : csv.legislators()) {
            Legislator y = yaml.get(c.id());
            assertThat(c).as(c.location()).usingRecursiveComparison().ignoringFields("location").isEqualTo(y);
        }
        assertThat(csv.legislators().get(0).location()).isEqualTo("legislators_flat.csv:2");
    }

    @Test
    void readsTheOpenStatesPeopleCsv() throws IOException {
        Path f = tmp.resolve("ma.csv");
        Files.writeString(f, String.join("\n",
                "id,name,current_party,current_district,current_chamber,given_name,family_name,gender,email,biography,"
                        + "birth_date,death_date,image,links,sources,capitol_address,capitol_voice,capitol_fax,district_address,"
                        + "district_voice,district_fax,twitter,youtube,instagram,facebook,wikidata",
                "ocd-person/7b48bd48-8d27-4dd8-958d-703571efe150,Mike Moore,Democratic,Second Worcester,upper,Mike,Moore,Male,"
                        + "michael.moore@masenate.gov,,1963-01-17,,https://malegislature.gov/Legislators/Profile/170/MOM0.jpg,"
                        + "https://www.senatormikemoore.com/;https://malegislature.gov/Legislators/Profile/MOM0,https://ballotpedia.org/x,"
                        + "\"Room 109-B, State House 24 Beacon St., Boston, MA 02133\",617-722-1485,,MA,508-757-0323 ext. 13,,,,,,",
                "ocd-person/00000000-0000-0000-0000-000000000001,Nobody,Democratic,1st Nowhere,governor,,,,,,,,,,,,,,,,,,,,,",
                "ocd-person/00000000-0000-0000-0000-000000000002,Short Row,Democratic",
                ""));
        Batch b = OpenStatesPeople.readCsv(f);
        assertThat(b.legislators()).singleElement().satisfies(l -> {
            assertThat(l.chamber()).isEqualTo("upper");
            assertThat(l.district()).isEqualTo("Second Worcester");
            assertThat(l.phone()).isEqualTo("617-722-1485");
            assertThat(l.extras()).doesNotContainKey(OpenStatesPeople.MEMBER_CODE)
                    .containsEntry(OpenStatesPeople.PROFILE_URL, "https://malegislature.gov/Legislators/Profile/MOM0")
                    .containsEntry(OpenStatesPeople.DISTRICT_PHONE, "508-757-0323 ext. 13");
            assertThat(l.location()).isEqualTo("ma.csv:2");
        });
        assertThat(b.rejected()).hasSize(2);
        assertThat(b.rejected().get(0).location()).isEqualTo("ma.csv:3");
        assertThat(b.rejected().get(0).reason()).contains("governor");
        assertThat(b.rejected().get(0).id()).isEqualTo("ocd-person/00000000-0000-0000-0000-000000000001");
        assertThat(b.rejected().get(1).location()).isEqualTo("ma.csv:4");
        assertThat(b.rejected().get(1).reason()).contains("3 fields");
    }

    @Test
    void aCsvWithAnotherHeaderIsRefused() throws IOException {
        Path f = tmp.resolve("other.csv");
        Files.writeString(f, "first,last\nA,B\n");
        assertThatThrownBy(() -> OpenStatesPeople.readCsv(f)).isInstanceOf(IOException.class)
                .hasMessageContaining("other.csv").hasMessageContaining("current_chamber");
    }

    @Test
    void badYamlRejectsThatPersonWithTheLineAndKeepsTheirId() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("people"));
        Files.writeString(dir.resolve("Broken-Person-11111111-2222-3333-4444-555555555555.yml"),
                "id: ocd-person/11111111-2222-3333-4444-555555555555\nname: [unclosed\n");
        Files.writeString(dir.resolve("Gone-Person-11111111-2222-3333-4444-666666666666.yml"), """
                id: ocd-person/11111111-2222-3333-4444-666666666666
                name: Gone Person
                roles:
                - start_date: 2019-01-02
                  end_date: 2025-01-01
                  type: lower
                  district: 9th Suffolk
                """);
        Files.writeString(dir.resolve("notes.txt"), "not a person");
        Batch b = OpenStatesPeople.readYamlFolder(dir, TODAY);
        assertThat(b.legislators()).isEmpty();
        assertThat(b.rejected()).hasSize(2);
        assertThat(b.rejected().get(0).location()).startsWith("Broken-Person-11111111-2222-3333-4444-555555555555.yml:");
        assertThat(b.rejected().get(0).reason()).contains("not valid YAML");
        assertThat(b.rejected().get(0).id()).isEqualTo("ocd-person/11111111-2222-3333-4444-555555555555");
        assertThat(b.rejected().get(1).reason()).contains("no current");
        assertThat(b.rejected().get(1).id()).isEqualTo("ocd-person/11111111-2222-3333-4444-666666666666");
    }

    @Test
    void aRoleEndingLaterIsStillCurrent() throws Exception {
        String yaml = """
                id: ocd-person/11111111-2222-3333-4444-777777777777
                name: Leaving Soon
                party:
                - name: Republican
                  end_date: 2020-01-01
                - name: Independent
                roles:
                - start_date: 2019-01-02
                  end_date: 2026-12-31
                  type: lower
                  district: 9th Suffolk
                """;
        Legislator l = OpenStatesPeople.parseYaml(yaml, "x.yml", TODAY);
        assertThat(l.district()).isEqualTo("9th Suffolk");
        assertThat(l.party()).isEqualTo("Independent");
        assertThatThrownBy(() -> OpenStatesPeople.parseYaml(yaml, "x.yml", LocalDate.of(2027, 1, 1)))
                .hasMessageContaining("no current");
    }
}
