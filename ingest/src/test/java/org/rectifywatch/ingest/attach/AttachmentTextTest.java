package org.rectifywatch.ingest.attach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.rectifywatch.ingest.extract.ArticleText;
import org.rectifywatch.samples.SampleReports;
import org.rectifywatch.samples.site.ReportFiles;

/** Report files read back to their text: every sample report as a PDF and as a DOCX, scans, and what is no report file. */
class AttachmentTextTest {

    private static List<String> lines(SampleReports.Sample s) {
        return ArticleText.normalize(s.text()).lines().toList();
    }

    @TestFactory
    Stream<DynamicTest> everySampleReportAsAPdfReadsBackToItsTextParagraphPerLine() {
        return SampleReports.all().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            byte[] pdf = ReportFiles.pdf(lines(s));
            AttachmentText.Result r = AttachmentText.read(pdf);
            assertThat(r.status()).as(r.detail()).isEqualTo(AttachmentText.Status.TEXT);
            assertThat(r.format()).isEqualTo(AttachmentText.Format.PDF);
            assertThat(r.text()).isEqualTo(ArticleText.normalize(s.text()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everySampleReportAsADocxReadsBackToItsTextParagraphPerLine() {
        return SampleReports.all().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            AttachmentText.Result r = AttachmentText.read(ReportFiles.docx(lines(s)));
            assertThat(r.status()).as(r.detail()).isEqualTo(AttachmentText.Status.TEXT);
            assertThat(r.format()).isEqualTo(AttachmentText.Format.DOCX);
            assertThat(r.text()).isEqualTo(ArticleText.normalize(s.text()));
        }));
    }

    @Test
    void aLongReportRunsOverPagesAndItsParagraphsGoOnAcrossThem() {
        SampleReports.Sample longest = SampleReports.all().stream()
                .max((a, b) -> Integer.compare(a.text().length(), b.text().length())).orElseThrow();
        AttachmentText.Result r = AttachmentText.read(ReportFiles.pdf(lines(longest)));
        assertThat(r.pages()).isGreaterThan(1);
        assertThat(r.text()).isEqualTo(ArticleText.normalize(longest.text())).doesNotContain("- 1 -", "- 2 -");
    }

    @Test
    void aTitleSetOverTwoCentredLinesIsOneParagraph() {
        String title = "中共某某省某某市某某县某某乡镇人民政府机关委员会关于市委第三轮巡察反馈意见集中整改进展情况的通报";
        List<String> text = List.of(title, "根据市委统一部署,2025年3月至5月,市委第三巡察组对某某乡镇开展了常规巡察,并于7月反馈了巡察意见。"
                        + "现将整改进展情况予以公布。", "一、关于落实主体责任不到位问题",
                "整改情况:乡镇党委召开专题会议研究部署整改工作,制定整改方案,明确责任领导和完成时限,实行清单化管理。",
                "中共某某委员会", "2026年1月5日");
        AttachmentText.Result r = AttachmentText.read(ReportFiles.pdf(text));
        assertThat(r.text()).isEqualTo(String.join("\n", text));
    }

    @Test
    void aScannedPdfNeedsOcr() {
        AttachmentText.Result r = AttachmentText.read(ReportFiles.scannedPdf(3, 7));
        assertThat(r.status()).isEqualTo(AttachmentText.Status.NEEDS_OCR);
        assertThat(r.pages()).isEqualTo(3);
        assertThat(r.detail()).contains("3 pages", "0 characters");
    }

    @Test
    void aPdfWithTooLittleTextPerPageNeedsOcr() {
        // a scan with an OCR'd page number and a stamp is still a scan
        AttachmentText.Result r = AttachmentText.read(ReportFiles.pdf(List.of("扫描件", "第1页")));
        assertThat(r.status()).isEqualTo(AttachmentText.Status.NEEDS_OCR);
    }

    @Test
    void whatIsNoReportFileIsUnreadableWithTheReason() throws Exception {
        assertThat(AttachmentText.read("<!DOCTYPE html><html><body>文件不存在</body></html>".getBytes(StandardCharsets.UTF_8)))
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(AttachmentText.Status.UNREADABLE);
                    assertThat(r.detail()).contains("an HTML page");
                });
        assertThat(AttachmentText.read(new byte[0]).status()).isEqualTo(AttachmentText.Status.UNREADABLE);
        AttachmentText.Result brokenPdf = AttachmentText.read("%PDF-1.4\n1 0 obj << >> endobj\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(brokenPdf.status()).isEqualTo(AttachmentText.Status.UNREADABLE);
        assertThat(brokenPdf.format()).isEqualTo(AttachmentText.Format.PDF);

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("OFD.xml"));
            z.write("<ofd:OFD/>".getBytes(StandardCharsets.UTF_8));
        }
        AttachmentText.Result notWord = AttachmentText.read(zip.toByteArray());
        assertThat(notWord.status()).isEqualTo(AttachmentText.Status.UNREADABLE);
        assertThat(notWord.detail()).contains("not a Word document");

        ByteArrayOutputStream ole = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[64]), "Workbook");
            fs.writeFilesystem(ole);
        }
        AttachmentText.Result sheet = AttachmentText.read(ole.toByteArray());
        assertThat(sheet.format()).isEqualTo(AttachmentText.Format.DOC);
        assertThat(sheet.status()).isEqualTo(AttachmentText.Status.UNREADABLE);
        assertThat(sheet.detail()).contains("not a Word or WPS document");
    }

    @Test
    void theFormatIsTakenFromTheBytesNotTheName() {
        assertThat(AttachmentText.sniff(ReportFiles.pdf(List.of("标题", "正文。")))).isEqualTo(AttachmentText.Format.PDF);
        assertThat(AttachmentText.sniff(ReportFiles.docx(List.of("标题", "正文。")))).isEqualTo(AttachmentText.Format.DOCX);
        assertThat(AttachmentText.sniff("junk before %PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isEqualTo(AttachmentText.Format.PDF);
        assertThat(AttachmentText.sniff("PK".getBytes(StandardCharsets.US_ASCII))).isEqualTo(AttachmentText.Format.UNKNOWN);
    }
}
