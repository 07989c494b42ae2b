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
import org.rectifywatch.processor.parse.ReportInput;
import org.rectifywatch.samples.SampleReports;

/** {@code pipeline parse} on text and on HTML pages, which go through the crawler's decoding and extraction. */
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

        ReportInput input = ParseCommand.input(Files.readAllBytes(page), "report.html", page);
        assertThat(input.text()).contains("桐溪县").doesNotContain("\uFFFD");
        assertThat(input.title()).isEqualTo(sample.title());

        JsonNode expected = Json.read(sample.expectedJson(), JsonNode.class);
        JsonNode out = runParse(page);
        assertThat(out.get("file").asText()).isEqualTo("report.html");
        assertThat(out.get("issue_count").asInt()).isEqualTo(expected.get("issue_count").asInt());
        assertThat(out.at("/meta/target").asText()).isEqualTo(expected.at("/meta/target").asText());
        assertThat(out.at("/issues/0/topic").isNull()).as("parse classifies issues").isFalse();
        assertThat(out.at("/issues/0/pillar").asText()).isIn("D", "S", "O", "R");
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
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertThat(Pipeline.commandLine().execute("parse", file.toString())).isZero();
        } finally {
            System.setOut(old);
        }
        return Json.read(buf.toString(StandardCharsets.UTF_8).strip(), JsonNode.class);
    }
}
