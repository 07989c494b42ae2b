package org.rectifywatch.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns an HTML subtree into text with one paragraph per line: block elements and {@code <br>} end a
 * line, whitespace from the HTML source collapses to single spaces, each line is trimmed (ideographic and
 * no-break spaces included), and empty lines are dropped.
 */
public final class ArticleText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
            "h6", "tr", "table", "tbody", "thead", "section", "article", "blockquote", "pre", "center", "dd", "dt", "dl",
            "hr", "header", "footer", "form", "figure", "figcaption", "caption", "address", "main", "nav", "aside");

    private ArticleText() {
    }

    public static List<String> lines(Element root) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        walk(root, current, lines);
        flush(current, lines);
        return lines;
    }

    private static void walk(Node node, StringBuilder current, List<String> lines) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                current.append(t.getWholeText());
            } else if (child instanceof Element e) {
                boolean block = BLOCKS.contains(e.normalName());
                if (block) {
                    flush(current, lines);
                }
                if (!e.normalName().equals("br")) {
                    walk(e, current, lines);
                }
                if (block) {
                    flush(current, lines);
                }
            }
        }
    }

    private static void flush(StringBuilder current, List<String> lines) {
        String line = normalizeLine(current.toString());
        if (!line.isEmpty()) {
            lines.add(line);
        }
        current.setLength(0);
    }

    /** Collapses runs of ASCII whitespace and no-break spaces to one space and trims (ideographic spaces too). */
    public static String normalizeLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00A0' || c == '\u200B';
            if (ws) {
                space = true;
                continue;
            }
            if (space && b.length() > 0) {
                b.append(' ');
            }
            space = false;
            b.append(c);
        }
        int start = 0;
        int end = b.length();
        while (start < end && isTrim(b.charAt(start))) {
            start++;
        }
        while (end > start && isTrim(b.charAt(end - 1))) {
            end--;
        }
        return b.substring(start, end);
    }

    private static boolean isTrim(char c) {
        return c == ' ' || c == '\u3000' || c == '\uFEFF';
    }

    /** A whole text in the published form: each line normalised, empty lines dropped, joined with newlines. */
    public static String normalize(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\r?\n|\r")) {
            String n = normalizeLine(l);
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        return String.join("\n", out);
    }
}
