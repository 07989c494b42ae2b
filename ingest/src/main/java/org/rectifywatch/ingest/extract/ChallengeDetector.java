package org.rectifywatch.ingest.extract;

import java.util.List;
import java.util.Optional;

/**
 * Recognises anti-bot challenge pages (CCDI and other sites serve them instead of the article) so they
 * are retried later and never parsed as a report: known markers, or a suspiciously small page that
 * yields almost no text.
 */
public final class ChallengeDetector {
    private static final List<String> MARKERS = List.of(
            "captchaPage", "seccaptcha.haplat.net", "comImageValidate", "HOY_TR", "slider-captcha",
            "请开启JavaScript并刷新该页", "WZWS_CONFIRM");
    static final int MIN_TEXT_CHARS = 200;

    private ChallengeDetector() {
    }

    /** True when the page carries a known anti-bot marker. */
    public static boolean hasMarker(String html) {
        return MARKERS.stream().anyMatch(html::contains);
    }

    /**
     * @param html       the decoded page
     * @param byteLength size of the response
     * @param textLength length of the extracted body text
     * @param minBytes   responses under this size are suspect
     */
    public static Optional<String> detect(String html, int byteLength, int textLength, int minBytes) {
        for (String m : MARKERS) {
            if (html.contains(m)) {
                return Optional.of("challenge marker " + m);
            }
        }
        if (byteLength < minBytes && textLength < MIN_TEXT_CHARS) {
            return Optional.of("suspiciously small page (" + byteLength + " bytes, " + textLength + " characters of text)");
        }
        return Optional.empty();
    }
}
