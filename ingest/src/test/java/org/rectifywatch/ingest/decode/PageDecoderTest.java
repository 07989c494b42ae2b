package org.rectifywatch.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rectifywatch.samples.SampleReports;

class PageDecoderTest {
    private static final Charset GBK = Charset.forName("GBK");
    // 镕 and 堃 are GBK characters outside GB2312: a page declaring gb2312 still uses them.
    private static final String TEXT = "中共示例县委关于省委巡视整改情况的通报：朱镕基、王堃同志参加。";

    private static String html(String meta, String body) {
        return "<html><head>" + meta + "<title>t</title></head><body><p>" + body + "</p></body></html>";
    }

    @Test
    void declaredGb2312IsDecodedAsGb18030SoGbkOnlyCharactersSurvive() {
        byte[] bytes = html("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">", TEXT).getBytes(GBK);
        DecodedPage p = PageDecoder.decode(bytes, "text/html", null);
        assertThat(p.charset()).isEqualTo("GB18030");
        assertThat(p.source()).isEqualTo("meta");
        assertThat(p.text()).contains(TEXT);
        assertThat(MojibakeCheck.problem(p.text())).isEmpty();
    }

    @Test
    void headerCharsetWinsOverMetaAndBomWinsOverHeader() {
        byte[] utf8 = html("<meta charset=\"gbk\">", TEXT).getBytes(StandardCharsets.UTF_8);
        assertThat(PageDecoder.decode(utf8, "text/html; charset=UTF-8", null).text()).contains(TEXT);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        DecodedPage p = PageDecoder.decode(withBom, "text/html; charset=gbk", null);
        assertThat(p.source()).isEqualTo("bom");
        assertThat(p.text()).contains(TEXT);
    }

    @Test
    void profileOverrideWinsOverAWrongDeclaration() {
        byte[] gbk = html("<meta charset=\"utf-8\">", TEXT).getBytes(GBK);
        assertThat(PageDecoder.decode(gbk, "text/html; charset=utf-8", "gbk").text()).contains(TEXT);
    }

    @Test
    void undeclaredPagesAreDetected() {
        assertThat(PageDecoder.decode(html("", TEXT).getBytes(StandardCharsets.UTF_8), "text/html", null))
                .extracting(DecodedPage::charset, DecodedPage::source).containsExactly("UTF-8", "detected");
        DecodedPage gbk = PageDecoder.decode(html("", TEXT).getBytes(GBK), null, null);
        assertThat(gbk.charset()).isEqualTo("GB18030");
        assertThat(gbk.text()).contains(TEXT);
    }

    @Test
    void mojibakeIsCaughtInEveryDirection() {
        String report = SampleReports.all().get(0).text();
        assertThat(MojibakeCheck.problem(report)).isEmpty();
        // UTF-8 bytes read as GBK: replacement characters and, even without them, rare characters
        String misread = new String(report.getBytes(StandardCharsets.UTF_8), PageDecoder.GB18030);
        assertThat(MojibakeCheck.problem(misread)).isPresent();
        assertThat(MojibakeCheck.problem(misread.replace("\uFFFD", ""))).get().asString().contains("common");
        // GBK bytes read as UTF-8: replacement characters
        assertThat(MojibakeCheck.problem(new String(report.getBytes(GBK), StandardCharsets.UTF_8)))
                .get().asString().contains("replacement");
        // GBK bytes read as Latin-1
        assertThat(MojibakeCheck.problem(new String(report.getBytes(GBK), StandardCharsets.ISO_8859_1)))
                .get().asString().contains("Latin-1");
    }

    @Test
    void everySampleReportPassesTheMojibakeCheck() {
        SampleReports.all().forEach(s -> assertThat(MojibakeCheck.problem(s.text())).as(s.name()).isEmpty());
    }

    @Test
    void publishedReportsOfTheSharedCorpusPassTheMojibakeCheck() throws java.io.IOException {
        var dir = org.rectifywatch.ingest.testutil.SharedCorpus.reports();
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.isPresent(), "../shared/corpus is absent");
        try (var files = java.nio.file.Files.list(dir.get())) {
            for (var f : files.filter(x -> x.toString().endsWith(".txt")).toList()) {
                assertThat(MojibakeCheck.problem(java.nio.file.Files.readString(f))).as(f.toString()).isEmpty();
            }
        }
    }
}
