package org.rectifywatch.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rectifywatch.ingest.testutil.RealHtml;

/**
 * The real pages of {@code ../shared/real-html} decode exactly as they did before detection and overrides came in
 * (meta, else strict UTF-8, else GB18030), with and without a Content-Type header; skipped when the folder is absent.
 */
class PageDecoderRealHtmlTest {
    private static final Pattern META = Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)", Pattern.CASE_INSENSITIVE);

    /** The decoder as it was: a declaration always won, and detection was strict UTF-8 else GB18030. */
    private static String before(byte[] body, String headerCharset) {
        Charset declared = PageDecoder.lookup(headerCharset);
        if (declared == null) {
            Matcher m = META.matcher(new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1));
            declared = m.find() ? PageDecoder.lookup(m.group(1)) : null;
        }
        if (declared != null) {
            return new String(body, declared);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new String(body, PageDecoder.GB18030);
        }
    }

    @Test
    void everyRealPageDecodesAsBeforeWithNothingOverridden() {
        Path dir = RealHtml.dir();
        List<RealHtml.Entry> entries = RealHtml.manifest(dir);
        assertThat(entries).hasSizeGreaterThan(100);
        List<String> differ = new ArrayList<>();
        int clean = 0;
        for (RealHtml.Entry e : entries) {
            byte[] bytes = RealHtml.bytes(dir, e.file());
            for (String contentType : new String[] {null, "text/html", "text/html; charset=utf-8"}) {
                DecodedPage now = PageDecoder.decode(bytes, contentType, null);
                String header = contentType != null && contentType.contains("charset=") ? "utf-8" : null;
                if (!now.text().equals(before(bytes, header)) || now.overridden() != null) {
                    differ.add(e.file() + " (" + contentType + "): " + now.charset() + " " + now.how());
                }
            }
            clean += PageDecoder.isClean(PageDecoder.decode(bytes, null, null).text()) ? 1 : 0;
        }
        assertThat(differ).isEmpty();
        // every saved page is a correctly decoded one: the override never had a reason to act
        assertThat(clean).isEqualTo(entries.size());
    }
}
