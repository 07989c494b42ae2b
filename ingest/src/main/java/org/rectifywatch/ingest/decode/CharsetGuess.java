package org.rectifywatch.ingest.decode;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Statistical charset detection (juniversalchardet, the Mozilla universal detector) restricted to the charsets a
 * Chinese official site uses: UTF-8, the GB family (decoded as GB18030), Big5 and EUC-TW. Any other answer (a
 * KOI8-R or windows-1252 guess on a short or binary page) is no answer: the caller falls back to its own order.
 */
public final class CharsetGuess {
    /** The detector reads at most this much of a page: enough for a verdict, bounded on a 10 MB page. */
    static final int MAX_BYTES = 256 * 1024;

    private CharsetGuess() {
    }

    /** The detector's charset for these bytes, when it has one and it is one of ours. */
    public static Optional<Charset> of(byte[] body) {
        UniversalDetector d = new UniversalDetector();
        d.handleData(body, 0, Math.min(body.length, MAX_BYTES));
        d.dataEnd();
        return map(d.getDetectedCharset());
    }

    /** The detector's label as a charset of ours, or empty. */
    static Optional<Charset> map(String label) {
        if (label == null) {
            return Optional.empty();
        }
        return switch (label.toUpperCase(Locale.ROOT)) {
            case "UTF-8", "US-ASCII" -> Optional.of(StandardCharsets.UTF_8);
            case "GB18030", "GBK", "GB2312" -> Optional.of(PageDecoder.GB18030);
            case "BIG5" -> Optional.of(PageDecoder.BIG5);
            case "EUC-TW" -> Optional.ofNullable(PageDecoder.lookup("x-EUC-TW"));
            default -> Optional.empty();
        };
    }
}
