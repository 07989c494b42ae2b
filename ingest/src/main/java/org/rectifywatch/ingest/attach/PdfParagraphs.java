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
 * Chinese text wraps anywhere, and the spaces PDFBox infers from gaps next to Chinese characters are dropped. Page numbers ({@code - 3 -}, {@code 第3页 共5页}) are dropped first, so they never split a paragraph.
 */
final class PdfParagraphs {
    /** A line this much (in ems) right of the left margin is indented. */
    static final float INDENT_EMS = 1.5f;
    /** A line ending this much (in ems) left of the right margin ends its paragraph (ragged right stays within it). */
    static final float SHORT_EMS = 2.0f;
    /** Where PDFBox saw a gap between words (no space character in the file); see {@link #GAP_BY_HAN}. */
    static final char GAP = '\u0001';
    /**
     * A gap next to a Chinese character is the spacing word processors put between Chinese and Latin or digits, or
     * justification: no space in the text. Other gaps are spaces; space characters in the file are kept.
     */
    private static final Pattern GAP_BY_HAN = Pattern.compile(
            "(?<=[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF“”‘’])\u0001+|\u0001+(?=[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF“”‘’])");
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
                char c = l.text().charAt(i);
                if (!Character.isWhitespace(c) && c != '\u3000' && c != GAP) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The lines joined into paragraphs, one per element, each normalised as article text is. */
    static List<String> paragraphs(List<Line> all) {
        List<Line> lines = all.stream().filter(l -> !PAGE_NUMBER.matcher(l.text().replace(GAP, ' ').strip()).matches()).toList();
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
                    && (l.startX() - left >= INDENT_EMS * em || endsShort(previous, l, right, em));
            String text = l.text().strip();
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

    /**
     * True when {@code previous} stopped short of the right margin for no reason but the end of its paragraph. A line
     * breaks between two Chinese characters, never inside a number, a Latin word or an e-mail address (nor before the
     * punctuation that follows): when the next line's first unbreakable piece would not have fitted in the gap, the gap
     * is no paragraph end.
     */
    static boolean endsShort(Line previous, Line next, float right, float em) {
        float gap = right - previous.endX();
        String t = next.text().strip();
        float piece = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            piece += c < 128 ? 0.6f : 1f;
            if (isHan(c) && i + 1 < t.length() && isHan(t.charAt(i + 1))) {
                break;
            }
        }
        return gap >= SHORT_EMS * em && gap > (piece + 1) * em;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
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
        String s = ArticleText.normalizeLine(GAP_BY_HAN.matcher(p).replaceAll("").replace(GAP, ' '));
        if (!s.isEmpty()) {
            out.add(s);
        }
    }

    private static boolean isAsciiLetter(char c) {
        return c < 128 && Character.isLetter(c);
    }

    private static boolean hasHan(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (isHan(s.charAt(i))) {
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
            text.append(GAP);
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
