package org.chorus.plugins.petitions;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * The petition text: staff Markdown to HTML that is safe to embed, configured as the host renders campaign bodies
 * (raw HTML escaped, unsafe link schemes removed). A plugin cannot borrow the host's renderer, so it bundles its own.
 */
final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private Markdown() {
    }

    static String toHtml(String markdown) {
        return markdown == null || markdown.isBlank() ? "" : HTML.render(PARSER.parse(markdown));
    }

    /** The same text, plain, for paper and e-mail. */
    static String toText(String markdown) {
        return markdown == null || markdown.isBlank() ? "" : TEXT.render(PARSER.parse(markdown)).strip();
    }
}
