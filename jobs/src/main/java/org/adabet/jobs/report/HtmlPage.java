package org.adabet.jobs.report;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to one self-contained HTML page: commonmark-java with GitHub-style tables renders the
 * body; the page around it carries its own style sheet and nothing that loads from the network.
 */
final class HtmlPage {
    private HtmlPage() {}

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private static final String STYLE =
            """
            body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; margin: 0; color: #222; }
            main { max-width: 1200px; margin: 0 auto; padding: 1em 2em 4em; }
            h1 { font-size: 1.6em; border-bottom: 2px solid #0072b2; padding-bottom: .3em; }
            h2 { font-size: 1.3em; margin-top: 2em; border-bottom: 1px solid #ccc; }
            table { border-collapse: collapse; font-size: .82em; margin: .8em 0; display: block;
                    overflow-x: auto; }
            th, td { border: 1px solid #ccc; padding: .25em .5em; text-align: left; }
            th { background: #f0f4f8; }
            tr:nth-child(even) td { background: #fafafa; }
            img { max-width: 100%; height: auto; border: 1px solid #ddd; }
            code, pre { font-family: "DejaVu Sans Mono", monospace; font-size: .85em; }
            pre { background: #f6f6f6; padding: .8em; overflow-x: auto; }
            """;

    /** The page: {@code title} (plain text, escaped here) and the body rendered from Markdown. */
    static String render(String title, String markdown) {
        Parser parser = Parser.builder().extensions(EXTENSIONS).build();
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();
        String body = renderer.render(parser.parse(markdown));
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>"
                + escape(title)
                + "</title>\n<style>\n"
                + STYLE
                + "</style>\n</head>\n<body>\n<main>\n"
                + body
                + "</main>\n</body>\n</html>\n";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
