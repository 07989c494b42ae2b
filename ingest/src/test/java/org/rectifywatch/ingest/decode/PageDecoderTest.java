package org.rectifywatch.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rectifywatch.samples.SampleReports;

class PageDecoderTest {
    private static final Charset GBK = Charset.forName("GBK");
    // 镕 and 堃 are GBK characters outside GB2312: a page declaring gb2312 still uses them.
    private static final String TEXT = "中共示例县委关于省委巡视整改情况的通报：朱镕基、王堃同志参加。";
    private static final Charset BIG5 = Charset.forName("Big5");
    /** A report's opening in traditional characters, as a Hong Kong or Taiwan mirror would publish it (Big5). */
    private static final String TRADITIONAL = "中共示例縣委關於省委巡視整改進展情況的通報。根據省委統一部署，省委第三巡視組於2024年3月至5月"
            + "對示例縣開展了常規巡視，並於7月向縣委反饋了巡視意見。縣委高度重視，召開專題會議研究部署整改工作，制定整改方案，"
            + "明確責任單位和完成時限。截至目前，反饋的問題已完成整改大部分，其餘問題正在持續推進。歡迎廣大幹部群眾對巡視整改"
            + "落實情況進行監督。";
    /** A whole sample report, long enough for every statistic. */
    private static final String REPORT = SampleReports.all().get(8).text();

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
    void aGbkPageWithoutAnyDeclarationIsDetected() {
        DecodedPage p = PageDecoder.decode(html("", REPORT).getBytes(GBK), "text/html", null);
        assertThat(p).extracting(DecodedPage::charset, DecodedPage::source, DecodedPage::overridden)
                .containsExactly("GB18030", "detected", null);
        assertThat(p.text()).contains(REPORT);
    }

    @Test
    void gb18030OnlyCharactersSurviveWithAndWithoutADeclaration() {
        // 䶮 (CJK extension A) and 𠀾 (extension B) have four-byte GB18030 codes, outside GBK
        String text = REPORT + "\n附：王䶮、李𠀾同志参加。";
        byte[] undeclared = html("", text).getBytes(PageDecoder.GB18030);
        assertThat(PageDecoder.decode(undeclared, null, null).text()).contains(text);
        byte[] declared = html("<meta charset=\"gb18030\">", text).getBytes(PageDecoder.GB18030);
        assertThat(PageDecoder.decode(declared, null, null)).extracting(DecodedPage::source, DecodedPage::charset)
                .containsExactly("meta", "GB18030");
        assertThat(PageDecoder.decode(declared, null, null).text()).contains(text);
    }

    @Test
    void big5PagesDecodeWithOrWithoutADeclarationAndPassTheMojibakeCheck() {
        String text = TRADITIONAL.repeat(3);
        DecodedPage undeclared = PageDecoder.decode(html("", text).getBytes(BIG5), "text/html", null);
        assertThat(undeclared).extracting(DecodedPage::charset, DecodedPage::source).containsExactly("Big5-HKSCS", "detected");
        assertThat(undeclared.text()).contains(text);
        DecodedPage declared = PageDecoder.decode(html("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\">", text)
                .getBytes(BIG5), null, null);
        assertThat(declared).extracting(DecodedPage::charset, DecodedPage::source).containsExactly("Big5-HKSCS", "meta");
        assertThat(declared.text()).contains(text);
        assertThat(MojibakeCheck.problem(text)).isEmpty();
    }

    @Test
    void aUtf8PageWithoutADeclarationIsUtf8() {
        DecodedPage p = PageDecoder.decode(html("", REPORT).getBytes(StandardCharsets.UTF_8), null, null);
        assertThat(p).extracting(DecodedPage::charset, DecodedPage::source).containsExactly("UTF-8", "detected");
        assertThat(p.text()).contains(REPORT);
    }

    /** A declaration that garbles the page is set aside for the one that decodes it cleanly. */
    @ParameterizedTest(name = "{0} bytes sent with header [{1}] and meta [{2}] decode as {3} ({4})")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // header says UTF-8, the bytes are GBK (a gateway's default)
            "GBK     | text/html; charset=utf-8   | -                | GB18030    | detected over header utf-8",
            // the template says gb2312, the site moved to UTF-8
            "UTF-8   | text/html                  | gb2312           | UTF-8      | detected over meta gb2312",
            "UTF-8   | text/html; charset=gbk     | gbk              | UTF-8      | detected over header gbk",
            // a server default of ISO-8859-1 before a right meta
            "GBK     | text/html; charset=ISO-8859-1 | gb2312        | GB18030    | meta over header iso-8859-1",
            "GBK     | -                          | big5             | GB18030    | detected over meta big5",
            "Big5    | -                          | gb2312           | Big5-HKSCS | detected over meta gb2312",
            "Big5    | text/html; charset=utf-8   | -                | Big5-HKSCS | detected over header utf-8",
            // right declarations are kept as they are
            "GBK     | -                          | gb2312           | GB18030    | meta",
            "UTF-8   | text/html; charset=UTF-8   | -                | UTF-8      | header",
            "Big5    | text/html; charset=big5    | -                | Big5-HKSCS | header"})
    void aClearlyWrongDeclarationIsOverriddenAndTheOverrideRecorded(String bytes, String header, String meta, String charset,
                                                                     String how) {
        String text = bytes.equals("Big5") ? TRADITIONAL.repeat(3) : REPORT;
        String metaTag = meta == null ? "" : "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=" + meta + "\">";
        DecodedPage p = PageDecoder.decode(html(metaTag, text).getBytes(Charset.forName(bytes)), header, null);
        assertThat(p.text()).contains(text);
        assertThat(p.charset()).isEqualTo(charset);
        assertThat(p.how()).isEqualTo(how);
        assertThat(p.overridden() == null).isEqualTo(!how.contains(" over "));
    }

    @Test
    void theProfileCharsetWinsEvenWhenItGarblesThePage() {
        DecodedPage p = PageDecoder.decode(html("<meta charset=\"gbk\">", REPORT).getBytes(GBK), "text/html; charset=gbk", "utf-8");
        assertThat(p).extracting(DecodedPage::charset, DecodedPage::source, DecodedPage::overridden)
                .containsExactly("UTF-8", "profile", null);
        assertThat(PageDecoder.isClean(p.text())).isFalse();
    }

    @Test
    void shortPagesDecodeRightWhenUndeclaredAndKeepTheirDeclarationWhenTooShortToJudge() {
        String shortText = "关于巡视整改情况的通报";
        assertThat(PageDecoder.decode(html("", shortText).getBytes(GBK), null, null).text()).contains(shortText);
        assertThat(PageDecoder.decode(html("", shortText).getBytes(StandardCharsets.UTF_8), null, null).text()).contains(shortText);
        assertThat(PageDecoder.decode(html("", "關於巡視整改情況的通報").getBytes(BIG5), null, null).text())
                .contains("關於巡視整改情況的通報");
        // UTF-8 read as GB18030 gives no replacement character and too few hanzi to judge: the declaration stands
        DecodedPage declared = PageDecoder.decode(html("<meta charset=\"gb2312\">", "整改通报").getBytes(StandardCharsets.UTF_8), null, null);
        assertThat(declared).extracting(DecodedPage::charset, DecodedPage::source).containsExactly("GB18030", "meta");
        // GBK read as UTF-8 gives replacement characters at once: even a short page is overridden
        DecodedPage wrong = PageDecoder.decode(html("", shortText).getBytes(GBK), "text/html; charset=utf-8", null);
        assertThat(wrong.how()).isEqualTo("detected over header utf-8");
        assertThat(wrong.text()).contains(shortText);
        assertThat(PageDecoder.decode(new byte[0], "text/html; charset=utf-8", null).text()).isEmpty();
    }

    @Test
    void bytesNothingDecodesCleanlyKeepTheirDeclarationForTheMojibakeGuard() {
        byte[] junk = new byte[64 * 1024];
        new Random(42).nextBytes(junk);
        DecodedPage declared = PageDecoder.decode(junk, "text/html; charset=utf-8", null);
        assertThat(declared).extracting(DecodedPage::charset, DecodedPage::source, DecodedPage::overridden)
                .containsExactly("UTF-8", "header", null);
        assertThat(MojibakeCheck.problem(declared.text())).isPresent();
        DecodedPage undeclared = PageDecoder.decode(junk, "text/html", null);
        assertThat(undeclared.source()).isEqualTo("detected");
        assertThat(MojibakeCheck.problem(undeclared.text())).isPresent();
    }

    @Test
    void markupDoesNotHideMojibake() {
        // a GBK page sent as ISO-8859-1 with a large script: judged on its visible text, it is Latin-1 garbage
        String script = "<script>" + "var a = 'x';\n".repeat(4000) + "</script>";
        byte[] page = html(script, "<style>p{color:red}</style>" + TEXT).getBytes(GBK);
        assertThat(PageDecoder.isClean(new String(page, StandardCharsets.ISO_8859_1))).isFalse();
        assertThat(PageDecoder.decode(page, "text/html; charset=iso-8859-1", null).charset()).isEqualTo("GB18030");
        assertThat(PageDecoder.visibleText("<p>甲</p><script>乙</script><!-- 丙 --><style>丁</style>戊").replaceAll("\\s", "")).isEqualTo("甲戊");
    }

    @Test
    void traditionalTextPassesAndItsMisreadingsAreCaught() {
        String text = TRADITIONAL.repeat(3);
        assertThat(MojibakeCheck.problem(text)).isEmpty();
        // Big5 bytes read as GBK: no replacement characters, but hardly any common character
        assertThat(MojibakeCheck.problem(new String(text.getBytes(BIG5), PageDecoder.GB18030))).get().asString().contains("common");
        // GBK bytes read as Big5
        assertThat(MojibakeCheck.problem(new String(REPORT.getBytes(GBK), BIG5))).isPresent();
        // UTF-8 bytes read as Big5
        assertThat(MojibakeCheck.problem(new String(text.getBytes(StandardCharsets.UTF_8), BIG5))).isPresent();
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
