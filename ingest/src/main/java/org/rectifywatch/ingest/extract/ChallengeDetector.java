package org.rectifywatch.ingest.extract;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Recognises anti-bot challenge pages (CCDI and other sites serve them instead of the article or list) so
 * they are retried later and never parsed as a report or taken for an empty list.
 *
 * <p>Three signs, any one suffices:
 * <ul>
 *   <li>a marker that only challenge pages carry: captcha/slider pages ({@code captchaPage},
 *       {@code seccaptcha.haplat.net}, {@code comImageValidate} …), CCDI's cookie page ({@code C3VK=}), the
 *       Jiasule/WZWS/Ruishu cookie pages;</li>
 *   <li>a <em>script wall</em>: a page with (almost) no visible text whose scripts set a cookie and redirect or
 *       reload — the shape of CCDI's ~1 KB {@code C3VK} page and its relatives, whatever the cookie is called;</li>
 *   <li>a suspiciously small response with almost no text.</li>
 * </ul>
 * Firewall cookie scripts also run on <em>normal</em> pages (CCDI sets {@code HOY_TR}, {@code HBB_HC},
 * {@code HMY_JC} on real articles and result pages), so a cookie script alone is never a sign.
 */
public final class ChallengeDetector {
    /** Markers seen only on challenge pages. Never add a marker that also appears on normal pages. */
    private static final List<String> MARKERS = List.of(
            "captchaPage", "seccaptcha.haplat.net", "comImageValidate", "slider-captcha",
            "请开启JavaScript并刷新该页", "WZWS_CONFIRM", "C3VK=", "__jsl_clearance", "$_ts=window");
    static final int MIN_TEXT_CHARS = 200;
    /** A script wall shows fewer visible characters than this. */
    static final int SCRIPT_WALL_TEXT = 50;
    private static final Pattern SETS_COOKIE = Pattern.compile("\\.cookie\\s*=|\\[\\s*[\"']cookie[\"']\\s*]\\s*=");
    private static final Pattern REDIRECTS = Pattern.compile(
            "window\\.open\\s*\\(|location\\s*\\.\\s*(?:href\\s*=|replace\\s*\\(|assign\\s*\\(|reload\\s*\\()"
                    + "|(?:window|document|self|top)\\s*\\.\\s*location\\s*=|http-equiv\\s*=\\s*[\"']?refresh",
            Pattern.CASE_INSENSITIVE);

    private ChallengeDetector() {
    }

    /** True when the page carries a marker only challenge pages carry. */
    public static boolean hasMarker(String html) {
        return MARKERS.stream().anyMatch(html::contains);
    }

    /** True when the page is surely a challenge (a marker or a script wall), whatever its size. */
    public static boolean isCertain(String html) {
        return markerOrScriptWall(html, -1).isPresent();
    }

    /**
     * Verdict on an article page.
     *
     * @param html       the decoded page
     * @param byteLength size of the response
     * @param textLength length of the extracted body text
     * @param minBytes   responses under this size are suspect
     */
    public static Optional<String> detect(String html, int byteLength, int textLength, int minBytes) {
        Optional<String> sure = markerOrScriptWall(html, -1);
        if (sure.isPresent()) {
            return sure;
        }
        if (byteLength < minBytes && textLength < MIN_TEXT_CHARS) {
            return Optional.of("suspiciously small page (" + byteLength + " bytes, " + textLength + " characters of text)");
        }
        return Optional.empty();
    }

    /**
     * Verdict on a page that has no article body to measure (a list or search result page that yielded no links):
     * the visible text is measured here.
     */
    public static Optional<String> detectPage(String html, int byteLength, int minBytes) {
        int visible = visibleTextLength(html);
        Optional<String> sure = markerOrScriptWall(html, visible);
        if (sure.isPresent()) {
            return sure;
        }
        if (byteLength < minBytes && visible < MIN_TEXT_CHARS) {
            return Optional.of("suspiciously small page (" + byteLength + " bytes, " + visible + " characters of text)");
        }
        return Optional.empty();
    }

    private static Optional<String> markerOrScriptWall(String html, int knownVisible) {
        for (String m : MARKERS) {
            if (html.contains(m)) {
                return Optional.of("challenge marker " + m);
            }
        }
        if (html.contains("<script") || html.contains("<SCRIPT")) {
            if (SETS_COOKIE.matcher(html).find() && REDIRECTS.matcher(html).find()) {
                int visible = knownVisible >= 0 ? knownVisible : visibleTextLength(html);
                if (visible < SCRIPT_WALL_TEXT) {
                    return Optional.of("script wall: sets a cookie and redirects, " + visible + " characters of text");
                }
            }
        }
        return Optional.empty();
    }

    static int visibleTextLength(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, noscript, template").remove();
        return doc.body() == null ? 0 : doc.body().text().strip().length();
    }
}
