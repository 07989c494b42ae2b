package org.rectifywatch.samples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rectifywatch.samples.SampleReports;

/** The sample site's report files are the same bytes every time, and laid out as the reader expects. */
class ReportFilesTest {
    private static final List<String> S15 = SampleReports.byName("s15_yungang_natural_resources_2025").text().lines().toList();

    @Test
    void theFilesAreTheSameBytesEveryTime() {
        assertThat(ReportFiles.pdf(S15)).isEqualTo(ReportFiles.pdf(S15));
        assertThat(ReportFiles.docx(S15)).isEqualTo(ReportFiles.docx(S15));
        assertThat(ReportFiles.scannedPdf(2, 5)).isEqualTo(ReportFiles.scannedPdf(2, 5));
    }

    @Test
    void aPdfIsAPdfWithAToUnicodeMapAndNoFontProgram() {
        String pdf = new String(ReportFiles.pdf(S15), StandardCharsets.ISO_8859_1);
        assertThat(pdf).startsWith("%PDF-1.4").endsWith("%%EOF\n").contains("/ToUnicode", "/UniGB-UCS2-H")
                .doesNotContain("/FontFile");
        // every offset of the cross-reference table points at its object
        String xref = pdf.substring(pdf.lastIndexOf("\nxref\n") + 1);
        List<String> entries = xref.lines().skip(3).takeWhile(l -> l.endsWith(" n ")).toList();
        assertThat(entries).isNotEmpty();
        for (int i = 0; i < entries.size(); i++) {
            int offset = Integer.parseInt(entries.get(i).substring(0, 10));
            assertThat(pdf.substring(offset)).startsWith((i + 1) + " 0 obj");
        }
    }

    @Test
    void paragraphsWrapAtTheRightMarginAndTheSignatureIsSetApart() {
        assertThat(ReportFiles.wrap("一二三四五六七八九十", 4, 6)).containsExactly("一二三四", "五六七八九十");
        assertThat(ReportFiles.wrap("ab一二三cd", 2, 2)).containsExactly("ab一", "二三", "cd");
        assertThat(ReportFiles.signatureLines(S15)).isEqualTo(2);
        assertThat(ReportFiles.signatureLines(List.of("标题", "正文。", "二〇二三年四月十八日"))).isEqualTo(1);
        assertThat(ReportFiles.signatureLines(List.of("标题", "正文。"))).isZero();
    }

    @Test
    void aDocxHoldsTheTextInWordsMainPart() {
        byte[] docx = ReportFiles.docx(S15);
        assertThat(docx[0]).isEqualTo((byte) 'P');
        assertThat(docx[1]).isEqualTo((byte) 'K');
    }
}
