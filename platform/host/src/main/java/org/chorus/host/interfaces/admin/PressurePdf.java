package org.chorus.host.interfaces.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.chorus.host.application.admin.CampaignResults;

/**
 * The constituent-pressure table as a printable PDF (US Letter, landscape): what a lobbyist takes into a meeting.
 * One row per legislator, most constituents first; long cells wrap; the column header repeats on every page.
 * Uses the standard Helvetica, so a character it cannot show (outside Latin-1) prints as '?'.
 */
public final class PressurePdf {

    private static final float MARGIN = 40;
    private static final float SIZE = 10;
    private static final float LEADING = 12.5f;
    private static final String[] HEADERS = {"Legislator", "Party", "Chamber", "District", "Constituents", "Sent", "Pending", "Failed"};
    /** Column widths as shares of the usable width. */
    private static final float[] SHARES = {0.28f, 0.10f, 0.08f, 0.24f, 0.10f, 0.06f, 0.07f, 0.07f};
    private static final boolean[] NUMERIC = {false, false, false, false, true, true, true, true};

    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private PDDocument doc;
    private PDPageContentStream out;
    private float y;
    private float[] widths;
    private int pageNumber;

    public static void write(String campaignTitle, String organization, List<CampaignResults.Pressure> rows,
                             CampaignResults.Totals totals, ZonedDateTime generatedAt, OutputStream sink) throws IOException {
        new PressurePdf().render(campaignTitle, organization, rows, totals, generatedAt, sink);
    }

    private void render(String title, String organization, List<CampaignResults.Pressure> rows, CampaignResults.Totals totals,
                        ZonedDateTime at, OutputStream sink) throws IOException {
        try (PDDocument d = new PDDocument()) {
            doc = d;
            PDDocumentInformation info = d.getDocumentInformation();
            info.setTitle("Constituent pressure: " + title);
            info.setCreator("Chorus");
            d.getDocumentCatalog().setLanguage("en");
            PDRectangle size = new PDRectangle(PDRectangle.LETTER.getHeight(), PDRectangle.LETTER.getWidth());
            float usable = size.getWidth() - 2 * MARGIN;
            widths = new float[SHARES.length];
            for (int i = 0; i < SHARES.length; i++) {
                widths[i] = usable * SHARES[i];
            }
            newPage(size);
            text(bold, 16, MARGIN, "Constituent pressure: " + title);
            y -= 20;
            text(regular, SIZE, MARGIN, (organization == null || organization.isBlank() ? "" : organization + " · ")
                    + totals.actions() + " actions by " + totals.supporters() + " supporters · generated "
                    + at.withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)));
            y -= LEADING;
            text(regular, SIZE, MARGIN, "Constituents: people who wrote to this legislator through the campaign. Letters: sent,"
                    + " still pending, failed.");
            y -= 2 * LEADING;
            header();
            if (rows.isEmpty()) {
                text(regular, SIZE, MARGIN, "No letters to legislators on this campaign yet.");
            }
            for (CampaignResults.Pressure p : rows) {
                String name = (p.title() == null || p.title().isBlank() ? "" : p.title() + " ") + p.name();
                String[] cells = {name, nz(p.party()), nz(p.chamber()), nz(p.district()), Long.toString(p.constituents()),
                        Long.toString(p.sent()), Long.toString(p.pending()), Long.toString(p.dead())};
                List<List<String>> wrapped = new ArrayList<>();
                int lines = 1;
                for (int i = 0; i < cells.length; i++) {
                    List<String> w = wrap(safe(cells[i]), regular, widths[i] - 6);
                    wrapped.add(w);
                    lines = Math.max(lines, w.size());
                }
                float height = lines * LEADING + 4;
                if (y - height < MARGIN + LEADING) {
                    newPage(size);
                    header();
                }
                row(wrapped, regular);
                y -= height;
                line(y + LEADING - 2);
            }
            out.close();
            d.save(sink);
        }
    }

    private void newPage(PDRectangle size) throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(size);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        pageNumber++;
        y = size.getHeight() - MARGIN;
        text(regular, 8, size.getWidth() - MARGIN - 40, "Page " + pageNumber);
        y -= LEADING;
    }

    private void header() throws IOException {
        List<List<String>> cells = new ArrayList<>();
        for (String h : HEADERS) {
            cells.add(List.of(h));
        }
        row(cells, bold);
        y -= LEADING + 4;
        line(y + LEADING - 2);
    }

    private void row(List<List<String>> cells, PDFont font) throws IOException {
        float x = MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            float ly = y;
            for (String s : cells.get(i)) {
                float tx = NUMERIC[i] ? x + widths[i] - 6 - font.getStringWidth(s) / 1000 * SIZE : x;
                out.beginText();
                out.setFont(font, SIZE);
                out.newLineAtOffset(tx, ly);
                out.showText(s);
                out.endText();
                ly -= LEADING;
            }
            x += widths[i];
        }
    }

    private void line(float at) throws IOException {
        out.setLineWidth(0.4f);
        out.moveTo(MARGIN, at);
        out.lineTo(MARGIN + sum(widths), at);
        out.stroke();
    }

    private void text(PDFont font, float size, float x, String s) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(safe(s));
        out.endText();
    }

    /** Greedy word wrap to {@code width} points; a word longer than the column is cut. */
    private static List<String> wrap(String s, PDFont font, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : s.split(" ")) {
            String candidate = current.length() == 0 ? word : current + " " + word;
            if (font.getStringWidth(candidate) / 1000 * SIZE <= width) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (current.length() > 0) {
                lines.add(current.toString());
                current.setLength(0);
            }
            String w = word;
            while (font.getStringWidth(w) / 1000 * SIZE > width && w.length() > 1) {
                int cut = w.length() - 1;
                while (cut > 1 && font.getStringWidth(w.substring(0, cut)) / 1000 * SIZE > width) {
                    cut--;
                }
                lines.add(w.substring(0, cut));
                w = w.substring(cut);
            }
            current.append(w);
        }
        if (current.length() > 0 || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    /** What Helvetica (WinAnsi) can print: Latin-1 and a few more; anything else becomes '?'; no control characters. */
    static String safe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                b.append(' ');
            } else if (cp < 0x100 || cp == '·' || cp == '–' || cp == '—' || cp == '‘' || cp == '’' || cp == '“' || cp == '”') {
                b.appendCodePoint(cp);
            } else {
                b.append('?');
            }
        });
        return b.toString();
    }

    private static float sum(float[] a) {
        float s = 0;
        for (float f : a) {
            s += f;
        }
        return s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
