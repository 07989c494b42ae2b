package org.rectifywatch.ingest.attach;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.rectifywatch.ingest.extract.ArticleText;

/**
 * The text of a PDF as paragraphs. PDFBox gives the printed lines with their positions; a paragraph of a report
 * runs over several of them, so they are joined again:
 * a line starts a new paragraph when it is indented (首行缩进, a centred title, a right-aligned signature) or when
 * the line before it stopped short of the right margin; otherwise it continues the paragraph, also across a page
 * break. Consecutive lines in the same font larger than the body's are one title. Lines are joined without a space, as
 * Chinese text wraps anywhere. Page numbers ({@code - 3 -}, {@code 第3页 共5页}) are dropped first, so they never split a paragraph.
 */
final class PdfParagraphs {
    /** A line this much (in ems) right of the left margin is indented. */
    static final float INDENT_EMS = 1.5f;
    /** A line ending this much (in ems) left of the right margin ends its paragraph. */
    static final float SHORT_EMS = 1.5f;
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "[-—–－\\s]*\\d{1,4}[-—–－\\s]*|第\\s*\\d{1,4}\\s*页(\\s*[,，/]?\\s*共\\s*\\d{1,4}\\s*页)?|\\d{1,4}\\s*/\\s*\\d{1,4}");

    /** One printed line. */
    record Line(int page, String text, float startX, float endX, float em) {
    }

    private PdfParagraphs() {
    }

    /** The printed lines of the document, page by page, in content order. */
    static List<Line> lines(PDDocument doc) throws IOException {
        Collector c = new Collector();
        c.getText(doc);
        c.flush();
        return c.lines;
    }

    /** Characters of text other than whitespace, over all lines. */
    static int characters(List<Line> lines) {
        int n = 0;
        for (Line l : lines) {
            for (int i = 0; i < l.text().length(); i++) {
                if (!Character.isWhitespace(l.text().charAt(i)) && l.text().charAt(i) != '\u3000') {
                    n++;
                }
            }
        }
        return n;
    }

    /** The lines joined into paragraphs, one per element, each normalised as article text is. */
    static List<String> paragraphs(List<Line> all) {
        List<Line> lines = all.stream().filter(l -> !PAGE_NUMBER.matcher(l.text().strip()).matches()).toList();
        List<String> out = new ArrayList<>();
        if (lines.isEmpty()) {
            return out;
        }
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        for (Line l : lines) {
            left = Math.min(left, l.startX());
            right = Math.max(right, l.endX());
        }
        float em = Math.max(1f, bodySize(lines));
        StringBuilder p = new StringBuilder();
        Line previous = null;
        for (Line l : lines) {
            // a title set over several centred lines in a larger size is one paragraph
            boolean titleGoesOn = previous != null && previous.em() > em * 1.1f && Math.abs(l.em() - previous.em()) < 0.5f;
            boolean starts = previous == null || !titleGoesOn
                    && (l.startX() - left >= INDENT_EMS * em || right - previous.endX() >= SHORT_EMS * em);
            String text = ArticleText.normalizeLine(l.text());
            if (starts) {
                add(out, p);
                p.setLength(0);
            } else if (p.length() > 0 && !text.isEmpty() && isAsciiLetter(p.charAt(p.length() - 1))
                    && isAsciiLetter(text.charAt(0)) && !hasHan(p) && !hasHan(text)) {
                p.append(' '); // English text wraps at its spaces; Chinese wraps anywhere, an e-mail address too
            }
            p.append(text);
            previous = l;
        }
        add(out, p);
        return out;
    }

    /** The font size most of the text is set in. */
    static float bodySize(List<Line> lines) {
        Map<Float, Integer> chars = new HashMap<>();
        for (Line l : lines) {
            chars.merge(Math.round(l.em() * 2) / 2f, l.text().length(), Integer::sum);
        }
        return chars.entrySet().stream().max(Map.Entry.<Float, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(12f);
    }

    private static void add(List<String> out, StringBuilder p) {
        String s = ArticleText.normalizeLine(p.toString());
        if (!s.isEmpty()) {
            out.add(s);
        }
    }

    private static boolean isAsciiLetter(char c) {
        return c < 128 && Character.isLetter(c);
    }

    private static boolean hasHan(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.HAN) {
                return true;
            }
        }
        return false;
    }

    /** Collects PDFBox's lines with where they start and end on the page. */
    private static final class Collector extends PDFTextStripper {
        final List<Line> lines = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private float startX = Float.NaN;
        private float endX;
        private float em;
        private int page;

        Collector() {
            // getText() writes to a buffer that is thrown away: the lines are taken from the callbacks below
        }

        @Override
        protected void startPage(PDPage p) throws IOException {
            flush();
            page++;
            super.startPage(p);
        }

        @Override
        protected void writeString(String s, List<TextPosition> positions) {
            for (TextPosition t : positions) {
                if (Float.isNaN(startX)) {
                    startX = t.getXDirAdj();
                }
                endX = Math.max(endX, t.getXDirAdj() + t.getWidthDirAdj());
                em = Math.max(em, t.getFontSizeInPt());
            }
            text.append(s);
        }

        @Override
        protected void writeWordSeparator() {
            text.append(' ');
        }

        @Override
        protected void writeLineSeparator() {
            flush();
        }

        @Override
        protected void writePageEnd() {
            flush();
        }

        void flush() {
            if (!text.toString().isBlank() && !Float.isNaN(startX)) {
                lines.add(new Line(page, text.toString(), startX, endX, em));
            }
            text.setLength(0);
            startX = Float.NaN;
            endX = 0;
            em = 0;
        }
    }
}
