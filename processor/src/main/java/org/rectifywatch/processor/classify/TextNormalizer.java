package org.rectifywatch.processor.classify;

/**
 * The one normalisation every text gets before segmentation, classification and lexicon matching:
 * quote characters removed (so 村“两委”, 村"两委" and 村‘两委’ all read 村两委 and match the dictionary),
 * full-width ASCII folded to half-width, Latin letters lower-cased, runs of white space collapsed.
 */
public final class TextNormalizer {
    private TextNormalizer() {
    }

    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        if (isNormal(text)) {
            return text; // the usual case on the hot path: the text was normalised already
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean lastSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isQuote(c)) {
                continue;
            }
            if (c == '\u3000' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (!lastSpace && out.length() > 0) {
                    out.append(' ');
                }
                lastSpace = true;
                continue;
            }
            lastSpace = false;
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            out.append(Character.toLowerCase(c));
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        return out.substring(0, end);
    }

    /** True when {@link #normalize} would return the text unchanged. */
    static boolean isNormal(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '\u4E00' && c <= '\u9FFF') {
                continue; // CJK ideographs: no quote, no space, no full-width ASCII, no case
            }
            if (c == ' ') {
                if (i == 0 || i == n - 1 || text.charAt(i + 1) == ' ') {
                    return false; // leading, trailing or doubled space
                }
                continue;
            }
            if (isQuote(c) || c == '\u3000' || Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || c >= '\uFF01' && c <= '\uFF5E' || Character.toLowerCase(c) != c) {
                return false;
            }
        }
        return true;
    }

    /** True when the text holds at least one CJK ideograph: without one there is nothing to classify. */
    public static boolean hasChinese(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (isHan(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    public static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    static boolean isQuote(char c) {
        return switch (c) {
            case '"', '\'', '“', '”', '‘', '’', '「', '」', '『', '』', '〝', '〞', '＂', '＇', '`', '´' -> true;
            default -> false;
        };
    }
}
