package org.chorus.plugins.petitions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A printable petition for one target (US Letter): the petition, how many signed, then the signers section by
 * section (the target's constituents first), numbered, with their towns, dates and comments, and "page n of m" on
 * every page.
 *
 * <p>Text is set in Liberation Sans, embedded as a subset (it ships inside PDFBox and covers Latin, including
 * Vietnamese and Haitian Creole, Greek and Cyrillic). Characters it lacks (Chinese names, say) are set in the
 * first of the operator's extra fonts that has them ({@code chorus.plugin.petitions.pdf.fonts}: TrueType files),
 * and as "?" when none has.
 */
final class SignaturePdf {

    private static final String BUNDLED_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 54;
    private static final float BODY = 10;
    private static final float LEADING = 1.35f;

    private final PDDocument doc;
    private final List<PDFont> fonts = new ArrayList<>();
    private final Map<PDFont, Map<Integer, Boolean>> encodable = new HashMap<>();
    private PDPage page;
    private PDPageContentStream out;
    private float y;

    private SignaturePdf(PDDocument doc, List<Path> extraFonts) throws IOException {
        this.doc = doc;
        try (InputStream in = SignaturePdf.class.getResourceAsStream(BUNDLED_FONT)) {
            if (in == null) {
                throw new IOException("the font bundled with PDFBox is missing: " + BUNDLED_FONT);
            }
            fonts.add(PDType0Font.load(doc, in));
        }
        for (Path p : extraFonts) {
            if (Files.isRegularFile(p)) {
                fonts.add(PDType0Font.load(doc, p.toFile()));
            }
        }
    }

    static byte[] render(Delivery d, List<Path> extraFonts) {
        try (PDDocument doc = new PDDocument()) {
            SignaturePdf pdf = new SignaturePdf(doc, extraFonts);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(clean(d.title() + " — " + d.target().name()));
            info.setAuthor(clean(d.organization()));
            info.setCreator("Chorus petitions");
            pdf.write(d);
            pdf.out.close();
            pdf.numberPages(d);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Delivery d) throws IOException {
        newPage();
        paragraph(d.title(), 18, 0);
        String to = "A petition to " + d.target().name();
        if (d.target().hasDistrict()) {
            to += " (" + (d.target().divisionName() == null ? d.target().divisionOcdId() : d.target().divisionName()) + ")";
        }
        paragraph(to, 13, 0);
        paragraph("Delivered by " + d.organization() + " on " + Delivery.DATE.format(d.at()), BODY, 0);
        gap(8);
        for (String p : d.text().strip().split("\n")) {
            if (!p.isBlank()) {
                paragraph(p, 11, 0);
                gap(4);
            }
        }
        gap(4);
        String count = d.total() + (d.total() == 1 ? " person signed" : " people signed");
        if (d.target().hasDistrict()) {
            count += ", " + d.constituents() + " of them from the district";
        }
        paragraph(count + ".", 12, 0);
        for (Delivery.Section section : d.sections()) {
            gap(10);
            paragraph(section.heading() + " (" + section.signatures().size() + ")", 13, 0);
            gap(2);
            int n = 0;
            for (Signature s : section.signatures()) {
                n++;
                String line = n + ". " + s.fullName() + (s.town().isBlank() ? "" : ", " + s.town()) + " — "
                        + Delivery.DATE.format(s.signedAt());
                paragraph(line, BODY, 0);
                if (!s.comment().isBlank()) {
                    String[] lines = s.comment().split("\n");
                    for (int i = 0; i < lines.length; i++) {
                        paragraph((i == 0 ? "“" : "") + lines[i] + (i == lines.length - 1 ? "”" : ""), BODY - 1, 18);
                    }
                }
            }
            if (section.signatures().isEmpty()) {
                paragraph("None yet.", BODY, 0);
            }
        }
    }

    /** Wraps a paragraph to the page width, starting new pages as needed. */
    private void paragraph(String text, float size, float indent) throws IOException {
        float width = page.getMediaBox().getWidth() - 2 * MARGIN - indent;
        for (String line : wrap(clean(text), size, width)) {
            if (y - size * LEADING < MARGIN + 20) {
                newPage();
            }
            y -= size * LEADING;
            show(line, MARGIN + indent, y, size);
        }
    }

    private void gap(float points) {
        y -= points;
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        page = new PDPage(PDRectangle.LETTER);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = page.getMediaBox().getHeight() - MARGIN;
    }

    /** "Title — page n of m" at the foot of every page, once the number of pages is known. */
    private void numberPages(Delivery d) throws IOException {
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            page = doc.getPage(i);
            try (PDPageContentStream foot = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
                out = foot;
                show(clean(d.title()) + " — page " + (i + 1) + " of " + total, MARGIN, MARGIN - 14, 8);
            }
        }
    }

    /** Sets a line in runs of one font each: the first font that has the character, else "?". */
    private void show(String line, float x, float y, float size) throws IOException {
        out.beginText();
        out.newLineAtOffset(x, y);
        for (Run r : runs(line)) {
            out.setFont(r.font(), size);
            out.showText(r.text());
        }
        out.endText();
    }

    private record Run(PDFont font, String text) {
    }

    private List<Run> runs(String line) {
        List<Run> runs = new ArrayList<>();
        PDFont current = null;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            i += Character.charCount(cp);
            PDFont font = fontFor(cp);
            String ch = font == null ? "?" : new String(Character.toChars(cp));
            if (font == null) {
                font = fonts.get(0);
            }
            if (font != current && text.length() > 0) {
                runs.add(new Run(current, text.toString()));
                text.setLength(0);
            }
            current = font;
            text.append(ch);
        }
        if (text.length() > 0) {
            runs.add(new Run(current, text.toString()));
        }
        return runs;
    }

    private PDFont fontFor(int codePoint) {
        for (PDFont f : fonts) {
            Boolean ok = encodable.computeIfAbsent(f, k -> new HashMap<>()).computeIfAbsent(codePoint, cp -> {
                try {
                    f.encode(new String(Character.toChars(cp)));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            if (ok) {
                return f;
            }
        }
        return null;
    }

    private float width(String s, float size) {
        float w = 0;
        for (Run r : runs(s)) {
            try {
                w += r.font().getStringWidth(r.text()) / 1000 * size;
            } catch (IOException | IllegalArgumentException e) {
                w += r.text().length() * size * 0.6f;
            }
        }
        return w;
    }

    /** Greedy wrapping on spaces; a word wider than the line (or text without spaces, as in Chinese) breaks anywhere. */
    List<String> wrap(String text, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                String next = line.toString() + new String(Character.toChars(cp));
                if (width(next, size) > width && line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** No control characters reach the page (they have no glyphs and mean nothing on paper). */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT ? ' ' : cp));
        return b.toString();
    }
}
