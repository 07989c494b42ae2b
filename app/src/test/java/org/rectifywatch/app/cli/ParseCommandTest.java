package org.rectifywatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectifywatch.app.Pipeline;
import org.rectifywatch.model.json.Json;
import java.time.Instant;
import org.rectifywatch.ingest.extract.ArticleText;
import org.rectifywatch.ingest.publish.LocalFiles;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.model.report.WarningCode;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.processor.parse.ReportInput;
import org.rectifywatch.processor.parse.ReportParser;
import org.rectifywatch.processor.report.ReportAnalyzer;
import org.rectifywatch.samples.SampleReports;

/**
 * {@code pipeline parse} reads files as {@code ingest files} publishes them (HTML through the crawler's decoding and
 * extraction, text in UTF-8 or GBK) and gives the processor's verdict.
 */
class ParseCommandTest {

    @Test
    void aGbkHtmlPageIsDecodedExtractedAndParsedLikeItsText(@TempDir Path dir) throws Exception {
        SampleReports.Sample sample = SampleReports.byName("s01_tongxi_county_2025");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" "
                + "content=\"text/html; charset=gb2312\"><title>" + sample.title() + "</title></head><body>"
                + "<div class=\"nav\">首页 &gt; 巡视巡察</div><div class=\"TRS_Editor\">");
        for (String line : sample.text().split("\n")) {
            html.append("<p>").append(line).append("</p>\n");
        }
        html.append("</div><div class=\"footer\">主办单位：示例 ICP备00000000号</div></body></html>");
        Path page = dir.resolve("report.html");
        Files.write(page, html.toString().getBytes(Charset.forName("GB18030")));

        LocalFiles.Read read = LocalFiles.read(page);
        assertThat(read.file().text()).contains("桐溪县").doesNotContain("\uFFFD");
        assertThat(read.file().title()).isEqualTo(sample.title());

        JsonNode expected = Json.read(sample.expectedJson(), JsonNode.class);
        JsonNode out = runParse(page);
        assertThat(out.get("file").asText()).isEqualTo("report.html");
        assertThat(out.get("issue_count").asInt()).isEqualTo(expected.get("issue_count").asInt());
        assertThat(out.at("/meta/target").asText()).isEqualTo(expected.at("/meta/target").asText());
        assertThat(out.at("/issues/0/topic").isNull()).as("parse classifies issues").isFalse();
        assertThat(out.at("/issues/0/pillar").asText()).isIn("D", "S", "O", "R");
        assertThat(out.get("verdict").asText()).isEqualTo("accepted");
    }

    @Test
    void aGbkTextFileParsesAsThePipelineReadsIt(@TempDir Path dir) throws Exception {
        SampleReports.Sample sample = SampleReports.byName("s01_tongxi_county_2025");
        Path gbk = dir.resolve("gbk.txt");
        Files.write(gbk, sample.text().getBytes(Charset.forName("GBK")));

        // what the processor gets for this file from `ingest files`, analysed as the processor analyses it
        LocalFiles.FileText published = LocalFiles.read(gbk).file();
        assertThat(published.charset()).isEqualTo("GB18030");
        RawReport raw = new RawReport("file:gbk.txt", "files", published.title(), published.pageDate(), Instant.now(),
                published.charset(), null, published.text(), published.attachments());
        ParsedReport processor = ReportAnalyzer.standard().analyze(raw);

        JsonNode out = runParse(gbk);
        assertThat(out.get("verdict").asText()).isEqualTo("accepted");
        assertThat(out.get("issue_count").asInt()).isEqualTo(processor.issueCount())
                .isEqualTo(Json.read(sample.expectedJson(), JsonNode.class).get("issue_count").asInt());
        assertThat(out.at("/meta/target").asText()).isEqualTo(processor.meta().target()).contains("桐溪县");
        assertThat(out.get("issues")).isEqualTo(Json.MAPPER.valueToTree(processor.issues()));
    }

    @Test
    void anOversizedFileGetsTheProcessorsTooLargeVerdict(@TempDir Path dir) throws Exception {
        // in the published form already (one paragraph per line), so its length is the length the processor sees
        String text = ArticleText.normalize(SampleReports.byName("s01_tongxi_county_2025").text());
        StringBuilder huge = new StringBuilder();
        while (huge.length() <= ReportParser.MAX_CHARS) {
            huge.append(text).append('\n');
        }
        Path big = dir.resolve("big.txt");
        Files.writeString(big, huge);

        LocalFiles.FileText published = LocalFiles.read(big).file();
        assertThat(published.text().length()).isGreaterThan(ReportParser.MAX_CHARS);
        ParsedReport processor = new ReportParser().parse(new ReportInput(published.text(), published.title(), "file:big.txt",
                published.pageDate(), null));
        assertThat(processor.warnings()).filteredOn(w -> w.code().rejects()).first()
                .satisfies(w -> assertThat(w.code()).isEqualTo(WarningCode.TOO_LARGE));

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        JsonNode out = runParse(err, "--no-classify", big.toString());
        assertThat(out.get("verdict").asText()).isEqualTo("TOO_LARGE");
        assertThat(out.get("issue_count").asInt()).isZero();
        assertThat(out.get("issues")).isEmpty();
        assertThat(out.get("warnings").findValuesAsText("code")).contains("TOO_LARGE");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("big.txt").contains("reports.dlq as TOO_LARGE");
    }

    @Test
    void aTextFileIsReadAsUtf8(@TempDir Path dir) throws Exception {
        SampleReports.Sample sample = SampleReports.byName("s03_chengchuan_energy_central_2025");
        Path txt = dir.resolve("s03.txt");
        Files.writeString(txt, sample.text(), StandardCharsets.UTF_8);
        JsonNode out = runParse(txt);
        assertThat(out.get("issue_count").asInt()).isEqualTo(Json.read(sample.expectedJson(), JsonNode.class).get("issue_count").asInt());
    }

    @Test
    void anUnreadableFileFailsWithAClearMessage(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int rc = Pipeline.commandLine().execute("parse", dir.resolve("missing.txt").toString());
            assertThat(rc).isEqualTo(1);
        } finally {
            System.setErr(old);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read").contains("missing.txt");
    }

    private static JsonNode runParse(Path file) {
        return runParse(new ByteArrayOutputStream(), file.toString());
    }

    private static JsonNode runParse(ByteArrayOutputStream err, String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 1];
            all[0] = "parse";
            System.arraycopy(args, 0, all, 1, args.length);
            assertThat(Pipeline.commandLine().execute(all)).isZero();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return Json.read(buf.toString(StandardCharsets.UTF_8).strip(), JsonNode.class);
    }
}
