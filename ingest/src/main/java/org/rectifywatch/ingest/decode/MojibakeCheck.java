package org.rectifywatch.ingest.decode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.BitSet;
import java.util.Optional;

/**
 * Catches text decoded with the wrong charset before it is published. Three symptoms: replacement
 * characters (GBK read as UTF-8), Latin-1 letters where Chinese was expected (GBK read as ISO-8859-1),
 * and Chinese characters that are mostly rare ones (UTF-8 read as GBK: the byte pairs land outside the
 * 3,755 common characters of GB2312 level 1, which cover well over 95% of any real report). Traditional text is
 * judged against the 5,401 common characters of Big5 level 1 instead: a correctly decoded page reaches 98% in one of
 * the two sets, a page decoded with the wrong one of GBK, Big5 and UTF-8 stays near or below 60% in both.
 */
public final class MojibakeCheck {
    private static final BitSet COMMON_HANZI = commonHanzi();
    private static final BitSet COMMON_TRADITIONAL = commonTraditional();
    static final double MAX_REPLACEMENT_RATIO = 0.001;
    static final double MAX_LATIN1_RATIO = 0.05;
    static final double MIN_COMMON_HANZI_RATIO = 0.80;

    private MojibakeCheck() {
    }

    /** Empty when the text looks like correctly decoded Chinese (or has too little Chinese to judge), else the problem. */
    public static Optional<String> problem(String text) {
        int total = 0;
        int replacement = 0;
        int latin1 = 0;
        int hanzi = 0;
        int common = 0;
        int commonTraditional = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            total++;
            if (c == '\uFFFD') {
                replacement++;
            } else if (c >= '\u00C0' && c <= '\u00FF') {
                latin1++;
            } else if (c >= '\u4E00' && c <= '\u9FFF') {
                hanzi++;
                if (COMMON_HANZI.get(c)) {
                    common++;
                }
                if (COMMON_TRADITIONAL.get(c)) {
                    commonTraditional++;
                }
            }
        }
        if (total == 0) {
            return Optional.empty();
        }
        if (replacement > 0 && (double) replacement / total > MAX_REPLACEMENT_RATIO) {
            return Optional.of(replacement + " replacement characters in " + total);
        }
        if ((double) latin1 / total > MAX_LATIN1_RATIO) {
            return Optional.of(String.format("%.0f%% Latin-1 letters where Chinese text was expected", 100.0 * latin1 / total));
        }
        int best = Math.max(common, commonTraditional);
        if (hanzi >= 20 && (double) best / hanzi < MIN_COMMON_HANZI_RATIO) {
            return Optional.of(String.format("only %.0f%% of the Chinese characters are common ones", 100.0 * best / hanzi));
        }
        return Optional.empty();
    }

    /** The GB2312 level-1 characters (rows 0xB0–0xD7), i.e. the 3,755 most frequent simplified hanzi. */
    private static BitSet commonHanzi() {
        return decodable("GB2312", 0xB0A1, 0xD7FE);
    }

    /** The Big5 level-1 characters (0xA440–0xC67E), i.e. the 5,401 frequently used traditional hanzi. */
    private static BitSet commonTraditional() {
        return decodable("Big5", 0xA440, 0xC67E);
    }

    /** Every character at the double-byte positions from {@code first} to {@code last} inclusive. */
    private static BitSet decodable(String charset, int first, int last) {
        BitSet set = new BitSet(0x10000);
        var decoder = Charset.forName(charset).newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int hi = first >> 8; hi <= last >> 8; hi++) {
            for (int lo = 0x40; lo <= 0xFE; lo++) {
                int position = hi << 8 | lo;
                if (position < first || position > last) {
                    continue;
                }
                try {
                    String s = decoder.decode(ByteBuffer.wrap(new byte[] {(byte) hi, (byte) lo})).toString();
                    if (s.length() == 1) {
                        set.set(s.charAt(0));
                    }
                } catch (CharacterCodingException ignored) {
                    // an unassigned position
                }
            }
        }
        return set;
    }
}
