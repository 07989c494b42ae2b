package org.rectifywatch.ingest.decode;

/**
 * A page as text.
 *
 * @param text       the decoded characters
 * @param charset    the charset used (GB18030 for any declared GB2312/GBK, Big5-HKSCS for any Big5)
 * @param source     where the charset came from: profile, bom, header, meta, detected
 * @param overridden the declaration set aside because it garbled the page while {@code source} decoded it cleanly,
 *                   as where and what (e.g. {@code header utf-8}, {@code meta gb2312}); null when none was
 */
public record DecodedPage(String text, String charset, String source, String overridden) {

    public DecodedPage(String text, String charset, String source) {
        this(text, charset, source, null);
    }

    /** How the charset was decided, for logs: {@code meta}, or {@code detected over header utf-8}. */
    public String how() {
        return overridden == null ? source : source + " over " + overridden;
    }
}
