package org.rectifywatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectifywatch.app.Pipeline;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.samples.site.SampleSite;
import org.rectifywatch.samples.site.SiteArticle;

/** {@code pipeline extract} on saved files and on the loopback sample site. */
class ExtractCommandTest {
    private static final String PARA = "<p>根据省委统一部署，省委第三巡视组对县委开展了常规巡视，并反馈了巡视意见。县委坚决扛起巡视整改政治责任，"
            + "把巡视整改作为重大政治任务，逐条逐项研究制定整改措施，现将整改进展情况予以公布。</p>\n";

    record Run(int rc, List<JsonNode> lines, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = Pipeline.commandLine().execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        List<JsonNode> lines = out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                .map(l -> Json.read(l, JsonNode.class)).toList();
        return new Run(rc, lines, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aSavedPageIsPrintedAsOneJsonLineReadAtItsUrl(@TempDir Path dir) throws Exception {
        String html = "<html><head><meta charset=\"utf-8\"><title>x</title></head><body><div class=\"Article_61\">"
                + "<h2 class=\"tit\">中共示例县委关于省委巡视整改进展情况的通报</h2><em class=\"e2\">发布时间：2024-11-05</em>"
                + "<div class=\"TRS_Editor\">" + PARA + PARA.replace("根据", "二、") + PARA.replace("根据", "三、") + "<p><a href=\"P020241105.pdf\">附件.pdf</a></p></div></div></body></html>";
        Path page = dir.resolve("report.html");
        Files.writeString(page, html);
        Run r = run("extract", page.toString(), "--url", "https://www.ccdi.gov.cn/xsxcn/202411/t20241105_1.html");
        assertThat(r.rc()).as(r.err()).isZero();
        assertThat(r.lines()).hasSize(1);
        JsonNode v = r.lines().get(0);
        assertThat(v.get("source").asText()).isEqualTo(page.toString());
        assertThat(v.get("kind").asText()).isEqualTo("article");
        assertThat(v.get("title").asText()).isEqualTo("中共示例县委关于省委巡视整改进展情况的通报");
        assertThat(v.get("published").asText()).isEqualTo("2024-11-05");
        assertThat(v.get("body").asText().split("\n")).hasSize(4).endsWith("附件.pdf");
        assertThat(v.at("/attachments/0/url").asText()).isEqualTo("https://www.ccdi.gov.cn/xsxcn/202411/P020241105.pdf");
        assertThat(v.get("links").isArray()).isTrue();
        assertThat(v.get("next_pages").isArray()).isTrue();
        assertThat(v.get("charset").asText()).isEqualTo("UTF-8");
        assertThat(v.get("charset_source").asText()).isEqualTo("meta");
        assertThat(v.get("reasons").toString()).contains("profile ccdi-xsxc");

        // without --url the page is read at its file: URI with the built-in selectors
        Run bare = run("extract", page.toString());
        assertThat(bare.lines().get(0).get("url").asText()).startsWith("file:");
        assertThat(bare.lines().get(0).get("reasons").toString()).contains("no profile", "give --url");
    }

    @Test
    void badInputFailsWithAClearMessage(@TempDir Path dir) throws Exception {
        Run missing = run("extract", dir.resolve("missing.html").toString());
        assertThat(missing.rc()).isEqualTo(1);
        assertThat(missing.err()).contains("cannot read", "missing.html");

        Path page = Files.writeString(dir.resolve("page.html"), "<html><body><p>x</p></body></html>");
        Run unknown = run("extract", page.toString(), "--profile", "nope");
        assertThat(unknown.rc()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown profile 'nope'");

        // a URL no profile allows is read with a profile built from it (as pipeline ingest --url); this one has no server
        Run unreachable = run("extract", "https://www.unknown-site.example/a.html");
        assertThat(unreachable.rc()).isEqualTo(1);
        assertThat(unreachable.err()).contains("https://www.unknown-site.example/a.html not fetched");
    }

    @Test
    void aUrlIsFetchedOnceFromTheProfilesHosts() {
        try (SampleSite site = SampleSite.start()) {
            SiteArticle report = site.reports().get(0);
            Run r = run("extract", "--profile", "sample", "--set", "ingest.host.delay=0s",
                    site.url() + SampleSite.COLUMN, site.urlOf(report.name()));
            assertThat(r.rc()).as(r.err()).isZero();
            assertThat(r.lines()).hasSize(2);
            JsonNode list = r.lines().get(0);
            assertThat(list.get("kind").asText()).isEqualTo("list");
            assertThat(list.get("links").size()).isEqualTo(SampleSite.PER_PAGE);
            assertThat(list.at("/next_pages/0").asText()).isEqualTo(site.url() + "/xsxc/index_1.html");
            JsonNode article = r.lines().get(1);
            assertThat(article.get("source").asText()).isEqualTo(site.urlOf(report.name()));
            assertThat(article.get("kind").asText()).isEqualTo("article");
            assertThat(article.get("title").asText()).isEqualTo(report.title());
            assertThat(article.get("published").asText()).isEqualTo(report.pageDate());
        }
    }

    @Test
    void aOneLineArticleShowsTheReportFileTheCrawlerWouldRead() {
        try (SampleSite site = SampleSite.start()) {
            SiteArticle pointer = site.fileReports().get(0);
            Run r = run("extract", "--profile", "sample", "--set", "ingest.host.delay=0s", site.urlOf(pointer.name()));
            assertThat(r.rc()).as(r.err()).isZero();
            JsonNode article = r.lines().get(0);
            assertThat(article.get("kind").asText()).isEqualTo("article");
            assertThat(article.at("/attachments/0/url").asText()).isEqualTo(site.fileUrlOf(pointer.name()));
            assertThat(article.get("reasons").toString()).contains("the crawler would download and read "
                    + site.fileUrlOf(pointer.name()));
            // extract reads the page only: the file is not downloaded
            assertThat(site.requests(pointer.file().path())).isEmpty();
        }
    }

    @Test
    void aColumnNoProfileDescribesIsReadAsIngestUrlReadsIt() {
        try (SampleSite site = SampleSite.start()) {
            SiteArticle cutShort = site.plainReports().get(0);
            SiteArticle onPageTwo = site.plainReports().get(1);
            Run r = run("extract", "--set", "ingest.host.delay=0s", site.url() + SampleSite.PLAIN_COLUMN, site.urlOf(onPageTwo.name()));
            assertThat(r.rc()).as(r.err()).isZero();
            JsonNode list = r.lines().get(0);
            assertThat(list.get("kind").asText()).isEqualTo("list");
            // of the five entries of page 1, the one report (listed under a title cut short); not the side bar's reports
            assertThat(list.get("links").size()).isEqualTo(1);
            assertThat(list.at("/links/0/url").asText()).isEqualTo(site.urlOf(cutShort.name()));
            assertThat(list.at("/links/0/title").asText()).isEqualTo(cutShort.listTitle()).endsWith("…");
            assertThat(list.at("/links/0/date").asText()).isEqualTo(cutShort.pageDate());
            assertThat(list.at("/next_pages/0").asText()).isEqualTo(site.url() + "/xxgk/tzgg/index_1.html");
            assertThat(list.get("reasons").toString()).contains("profile 127.0.0.1", "5 entries in the page's main list, 1 titled");
            JsonNode article = r.lines().get(1);
            assertThat(article.get("kind").asText()).isEqualTo("article");
            assertThat(article.get("title").asText()).isEqualTo(onPageTwo.title());
            assertThat(article.get("published").asText()).isEqualTo(onPageTwo.pageDate());
            assertThat(article.get("body").asText()).isEqualTo(onPageTwo.text());
        }
    }
}
