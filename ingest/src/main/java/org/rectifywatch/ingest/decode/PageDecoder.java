package org.rectifywatch.ingest.decode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to text. A profile's charset wins outright; then the byte-order mark; then the declarations, the HTTP
 * Content-Type charset before a {@code <meta charset>} / {@code http-equiv} one in the first bytes; then detection
 * (strict UTF-8, else the statistical {@link CharsetGuess}, else GB18030, else Big5).
 * <p>
 * A declaration is taken as long as it decodes the page cleanly ({@link MojibakeCheck} on the page's visible text).
 * One that garbles the page (a GBK page sent as {@code charset=utf-8}, a UTF-8 page whose template still says
 * gb2312) is clearly wrong when the next declaration or detection gives a clean decode: that one is used instead, and
 * {@link DecodedPage#overridden()} names the declaration set aside. When nothing decodes cleanly the declared charset
 * is kept, and the crawler's mojibake check skips the page as before.
 * <p>
 * Any declared GB2312 or GBK is decoded as GB18030 and any Big5 as Big5-HKSCS, their supersets, because pages that
 * declare the older charset routinely contain characters of the newer one.
 */
public final class PageDecoder {
    public static final Charset GB18030 = Charset.forName("GB18030");
    public static final Charset BIG5 = Charset.forName("Big5-HKSCS");
    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKUP = Pattern.compile(
            "<(script|style)\\b.*?</\\1\\s*>|<!--.*?-->|<[^>]*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final int META_SCAN_BYTES = 4096;
    /** The visible text judged for mojibake: garbling is uniform through a page, so its first part tells. */
    private static final int JUDGED_CHARS = 256 * 1024;

    private PageDecoder() {
    }

    public static DecodedPage decode(byte[] body, String contentType, String profileCharset) {
        Charset forced = lookup(profileCharset);
        if (forced != null) {
            return new DecodedPage(new String(body, forced), forced.name(), "profile");
        }
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            return new DecodedPage(new String(body, 3, body.length - 3, StandardCharsets.UTF_8), "UTF-8", "bom");
        }
        if (startsWith(body, 0xFE, 0xFF)) {
            return new DecodedPage(new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE", "bom");
        }
        if (startsWith(body, 0xFF, 0xFE)) {
            return new DecodedPage(new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE", "bom");
        }
        DecodedPage declared = null;
        String setAside = null;
        String[][] declarations = {{"header", headerLabel(contentType)}, {"meta", metaLabel(body)}};
        for (String[] d : declarations) {
            Charset c = lookup(d[1]);
            if (c == null || (declared != null && declared.charset().equals(c.name()))) {
                continue;
            }
            DecodedPage p = new DecodedPage(new String(body, c), c.name(), d[0], setAside);
            if (isClean(p.text())) {
                return p;
            }
            if (declared == null) {
                declared = p;
                setAside = d[0] + " " + d[1].toLowerCase(Locale.ROOT);
            }
        }
        DecodedPage detected = detect(body, setAside);
        if (declared == null) {
            return detected;
        }
        return !detected.charset().equals(declared.charset()) && isClean(detected.text()) ? detected : declared;
    }

    /**
     * Detection: strict UTF-8 (bytes that are valid UTF-8 are UTF-8), else the statistical guess, else GB18030, else
     * Big5: the first of these that decodes cleanly, or the first of them when none does.
     */
    private static DecodedPage detect(byte[] body, String overridden) {
        String utf8 = strictUtf8(body);
        if (utf8 != null) {
            return new DecodedPage(utf8, "UTF-8", "detected", overridden);
        }
        List<Charset> candidates = new ArrayList<>(3);
        CharsetGuess.of(body).filter(c -> !c.equals(StandardCharsets.UTF_8)).ifPresent(candidates::add);
        for (Charset c : List.of(GB18030, BIG5)) {
            if (!candidates.contains(c)) {
                candidates.add(c);
            }
        }
        DecodedPage first = null;
        for (Charset c : candidates) {
            DecodedPage p = new DecodedPage(new String(body, c), c.name(), "detected", overridden);
            if (isClean(p.text())) {
                return p;
            }
            if (first == null) {
                first = p;
            }
        }
        return first;
    }

    /** True when the page's visible text passes {@link MojibakeCheck}. */
    static boolean isClean(String html) {
        return MojibakeCheck.problem(visibleText(html)).isEmpty();
    }

    /** The page without scripts, styles, comments and tags (as far as the mojibake check needs it). */
    static String visibleText(String html) {
        String head = html.length() > JUDGED_CHARS * 2 ? html.substring(0, JUDGED_CHARS * 2) : html;
        String text = MARKUP.matcher(head).replaceAll(" ");
        return text.length() > JUDGED_CHARS ? text.substring(0, JUDGED_CHARS) : text;
    }

    private static String headerLabel(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = HEADER_CHARSET.matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    private static String metaLabel(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    /** The charset for a label, GB2312/GBK/CP936 mapped to GB18030 and Big5/CP950 to Big5-HKSCS; null when unknown. */
    public static Charset lookup(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String l = label.trim().toLowerCase(Locale.ROOT);
        if (l.equals("gb2312") || l.equals("gbk") || l.equals("x-gbk") || l.equals("cp936") || l.equals("gb_2312-80")
                || l.equals("euc-cn") || l.equals("windows-936") || l.equals("gb18030") || l.equals("csgb2312")) {
            return GB18030;
        }
        if (l.equals("big5") || l.equals("big-5") || l.equals("big5-hkscs") || l.equals("cn-big5") || l.equals("csbig5")
                || l.equals("x-x-big5") || l.equals("cp950") || l.equals("windows-950") || l.equals("x-windows-950")) {
            return BIG5;
        }
        if (l.equals("utf8")) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(l);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
