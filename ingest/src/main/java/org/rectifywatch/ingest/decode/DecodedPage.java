package org.rectifywatch.ingest.decode;

/**
 * A page as text.
 *
 * @param text    the decoded characters
 * @param charset the charset used (GB18030 for any declared GB2312/GBK)
 * @param source  where the charset came from: profile, bom, header, meta, detected
 */
public record DecodedPage(String text, String charset, String source) {
}
