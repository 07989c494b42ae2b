package org.rectifywatch.ingest.decode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to text, in the order browsers use: a profile override, then the byte-order mark, then the HTTP
 * Content-Type charset, then a {@code <meta charset>} / {@code http-equiv} declaration in the first bytes,
 * then detection (strict UTF-8, else GB18030). Any declared GB2312 or GBK is decoded as GB18030, their
 * superset, because pages that declare GB2312 routinely contain GBK-only characters.
 */
public final class PageDecoder {
    public static final Charset GB18030 = Charset.forName("GB18030");
    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final int META_SCAN_BYTES = 4096;

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
        if (contentType != null) {
            Matcher m = HEADER_CHARSET.matcher(contentType);
            Charset c = m.find() ? lookup(m.group(1)) : null;
            if (c != null) {
                return new DecodedPage(new String(body, c), c.name(), "header");
            }
        }
        String head = new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (m.find()) {
            Charset c = lookup(m.group(1));
            if (c != null) {
                return new DecodedPage(new String(body, c), c.name(), "meta");
            }
        }
        String utf8 = strictUtf8(body);
        if (utf8 != null) {
            return new DecodedPage(utf8, "UTF-8", "detected");
        }
        return new DecodedPage(new String(body, GB18030), GB18030.name(), "detected");
    }

    /** The charset for a label, GB2312/GBK/CP936 mapped to GB18030; null when unknown. */
    public static Charset lookup(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String l = label.trim().toLowerCase(Locale.ROOT);
        if (l.equals("gb2312") || l.equals("gbk") || l.equals("x-gbk") || l.equals("cp936") || l.equals("gb_2312-80")
                || l.equals("euc-cn") || l.equals("windows-936") || l.equals("gb18030") || l.equals("csgb2312")) {
            return GB18030;
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
