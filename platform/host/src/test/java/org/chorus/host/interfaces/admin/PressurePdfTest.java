package org.chorus.host.interfaces.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chorus.host.application.admin.CampaignResults;
import org.junit.jupiter.api.Test;

/** The printable constituent-pressure table, read back by a PDF parser. */
class PressurePdfTest {

    @Test
    void thePressureTableIsAReadablePdfWithTheHeaderOnEveryPage() throws Exception {
        List<CampaignResults.Pressure> rows = new ArrayList<>();
        rows.add(new CampaignResults.Pressure(1, "Lydia Edwards", "Senator", "Democratic", "upper", "Third Suffolk", 42, 40, 1, 1));
        rows.add(new CampaignResults.Pressure(2, "José Ñúñez-Łukasiewicz 李", "Representative", "Republican", "lower",
                "Second Essex and Middlesex, a district with a very long name indeed", 7, 7, 0, 0));
        for (int i = 0; i < 60; i++) {
            rows.add(new CampaignResults.Pressure(10 + i, "Member " + i, "Representative", "Democratic", "lower", "District " + i, 1, 1, 0, 0));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PressurePdf.write("Safe Communities Act", "Safe Communities Coalition", rows, new CampaignResults.Totals(120, 95),
                ZonedDateTime.parse("2025-03-05T14:30:00Z"), out);
        byte[] pdf = out.toByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Constituent pressure: Safe Communities Act");
            PDFTextStripper text = new PDFTextStripper();
            String all = text.getText(doc);
            assertThat(all).contains("Constituent pressure: Safe Communities Act")
                    .contains("Safe Communities Coalition · 120 actions by 95 supporters · generated 5 March 2025, 14:30 UTC")
                    .contains("Senator Lydia Edwards").contains("Third Suffolk").contains("42")
                    .contains("-?ukasiewicz") // outside Latin-1: shown as "?", never a failure
                    .contains("Member 59");
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                text.setStartPage(page);
                text.setEndPage(page);
                assertThat(text.getText(doc)).as("page %d", page).contains("Legislator").contains("Constituents").contains("Page " + page);
            }
        }
    }

    @Test
    void anEmptyTableSaysSo() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PressurePdf.write("Petition", null, List.of(), new CampaignResults.Totals(0, 0), ZonedDateTime.parse("2025-03-05T14:30:00Z"), out);
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("No letters to legislators on this campaign yet.");
        }
    }

    @Test
    void durationsAndChartAxesReadNaturally() {
        assertThat(AdminResults.duration(42.4)).isEqualTo("42 s");
        assertThat(AdminResults.duration(185)).isEqualTo("3 min 5 s");
        assertThat(AdminResults.duration(120)).isEqualTo("2 min");
        assertThat(AdminResults.duration(7800)).isEqualTo("2 h 10 min");
        assertThat(AdminResults.DayChart.niceCeiling(0)).isEqualTo(1);
        assertThat(AdminResults.DayChart.niceCeiling(3)).isEqualTo(5);
        assertThat(AdminResults.DayChart.niceCeiling(11)).isEqualTo(20);
        assertThat(AdminResults.DayChart.niceCeiling(500)).isEqualTo(500);
        var chart = AdminResults.DayChart.of(List.of(new CampaignResults.Day(java.time.LocalDate.of(2025, 3, 1), 4),
                new CampaignResults.Day(java.time.LocalDate.of(2025, 3, 2), 0), new CampaignResults.Day(java.time.LocalDate.of(2025, 3, 3), 5)));
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> bars = (List<java.util.Map<String, Object>>) chart.get("bars");
        assertThat(bars).hasSize(3);
        assertThat(bars.get(1).get("h")).isEqualTo("0.0");
        assertThat(bars.get(2).get("label")).isEqualTo("2025-03-03: 5 actions");
        assertThat(chart.get("total")).isEqualTo(9L);
    }
}
