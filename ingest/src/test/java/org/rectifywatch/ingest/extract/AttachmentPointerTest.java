package org.rectifywatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rectifywatch.ingest.profile.TitleFilter;
import org.rectifywatch.model.wire.Attachment;

/** Which articles are only pointers to their report file, and which file is the report. */
class AttachmentPointerTest {
    private static final TitleFilter FILTER = TitleFilter.defaults();
    private static final String REPORT_TITLE = "中共示例县委关于市委巡察整改情况的通报";
    private static final String ONE_LINE = "现将《中共示例县委关于市委巡察整改情况的通报》予以公布（见附件）。";
    private static final Attachment REPORT_PDF = new Attachment("http://www.example.gov.cn/xsxc/202510/P0201.pdf",
            REPORT_TITLE + ".pdf", "pdf");
    private static final Attachment HANDBOOK = new Attachment("http://www.example.gov.cn/help/manual.pdf", "网站使用说明.pdf", "pdf");
    private static final Attachment LEDGER = new Attachment("http://www.example.gov.cn/xsxc/202510/P0202.xls", "整改台账.xls", "xls");

    private static String longBody() {
        return "根据市委统一部署,市委第二巡察组对县委开展了常规巡察。现将整改情况通报如下。\n".repeat(8);
    }

    @Test
    void aOneLineArticleUnderAReportTitleIsAPointerToItsReportFile() {
        var p = AttachmentPointer.find(FILTER, REPORT_TITLE, REPORT_TITLE, ONE_LINE, List.of(REPORT_PDF));
        assertThat(p).isPresent();
        assertThat(p.get().attachment()).isEqualTo(REPORT_PDF);
        assertThat(p.get().verdict().kind()).isEqualTo(PageClass.Kind.REPORT);
        assertThat(p.get().reason()).contains(REPORT_TITLE + ".pdf", "names an attachment");
    }

    @Test
    void anArticleWithItsOwnTextIsNoPointerEvenWithAFileAttached() {
        assertThat(AttachmentPointer.find(FILTER, REPORT_TITLE, null, longBody(), List.of(REPORT_PDF))).isEmpty();
        // up to 600 characters when the body speaks of the attachment, 200 when it does not
        String medium = "根据市委统一部署,现将整改情况予以公布。".repeat(15);
        assertThat(medium.length()).isBetween(201, 600);
        assertThat(AttachmentPointer.find(FILTER, REPORT_TITLE, null, medium, List.of(REPORT_PDF))).isEmpty();
        assertThat(AttachmentPointer.find(FILTER, REPORT_TITLE, null, medium + "全文见附件。", List.of(REPORT_PDF))).isPresent();
    }

    @Test
    void theFileWhoseNameIsAReportTitleIsChosenAndMakesTheArticleAReport() {
        var p = AttachmentPointer.find(FILTER, "巡察整改信息公开", null, "详见附件。", List.of(HANDBOOK, REPORT_PDF));
        assertThat(p).isPresent();
        assertThat(p.get().attachment()).isEqualTo(REPORT_PDF);
        assertThat(p.get().verdict().kind()).isEqualTo(PageClass.Kind.REPORT);
        assertThat(p.get().verdict().reason()).contains("attachment's name");
    }

    @Test
    void underAReportTitleTheOnlyReadableFileIsTheReportAndSeveralUnnamedOnesAreNot() {
        Attachment doc = new Attachment("http://www.example.gov.cn/a/1.doc", "1.doc", "doc");
        Attachment wps = new Attachment("http://www.example.gov.cn/a/2.wps", "2.wps", "wps");
        assertThat(AttachmentPointer.find(FILTER, REPORT_TITLE, null, "", List.of(wps, LEDGER)))
                .map(AttachmentPointer::attachment).contains(wps);
        assertThat(AttachmentPointer.find(FILTER, REPORT_TITLE, null, "", List.of(doc, wps))).isEmpty();
        Attachment named = new Attachment("http://www.example.gov.cn/a/3.docx", "县委整改情况.docx", "docx");
        assertThat(AttachmentPointer.find(FILTER, REPORT_TITLE, null, "", List.of(doc, named)))
                .map(AttachmentPointer::attachment).contains(named);
    }

    @Test
    void noReadableFileNoReportTitleANoticeOrNoiseIsNoPointer() {
        assertThat(AttachmentPointer.find(FILTER, REPORT_TITLE, null, ONE_LINE, List.of(LEDGER))).isEmpty();
        assertThat(AttachmentPointer.find(FILTER, REPORT_TITLE, null, ONE_LINE, List.of())).isEmpty();
        assertThat(AttachmentPointer.find(FILTER, "示例县开展廉政教育", null, "详见附件。", List.of(HANDBOOK))).isEmpty();
        assertThat(AttachmentPointer.find(FILTER, "市委第二巡察组向示例县委反馈巡察情况", null, "详见附件。", List.of(HANDBOOK))).isEmpty();
        assertThat(AttachmentPointer.find(FILTER, "示例县召开巡察整改推进会", null, "详见附件。", List.of(REPORT_PDF))).isEmpty();
    }

    @Test
    void extractShowsTheFileTheCrawlerWouldRead() {
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + REPORT_TITLE + "</title></head><body>"
                + "<div class=\"title\"><h1>" + REPORT_TITLE + "</h1></div><span class=\"date\">2025-10-20</span>"
                + "<div class=\"TRS_Editor\"><p>" + ONE_LINE + "</p><p>附件：<a href=\"./P0201.pdf\">" + REPORT_TITLE
                + ".pdf</a></p></div></body></html>";
        PageView v = PageInspector.inspect(html.getBytes(StandardCharsets.UTF_8), null,
                "http://www.example.gov.cn/xsxc/202510/t20251020_1.html", null);
        assertThat(v.kind()).isEqualTo(PageView.Kind.ARTICLE);
        assertThat(v.attachments()).extracting(Attachment::url).containsExactly(REPORT_PDF.url());
        assertThat(v.reasons()).anySatisfy(r -> assertThat(r).startsWith(PageInspector.READS_ATTACHMENT + REPORT_PDF.url()))
                .noneSatisfy(r -> assertThat(r).contains("suspiciously small", "no article text"));
    }
}
