package org.rectifywatch.processor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.report.Issue;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.samples.SampleReports;
import org.rectifywatch.samples.SampleReports.Sample;

/** Every sample report of our own making parses exactly to its expected JSON (topics excluded). */
class SampleReportsParserTest {
    private static final ReportParser PARSER = new ReportParser();

    @Test
    void thereAreAtLeastTenSamples() {
        assertThat(SampleReports.all()).hasSizeGreaterThanOrEqualTo(10);
    }

    @TestFactory
    Stream<DynamicTest> everySampleEqualsItsExpectedOutput() {
        return SampleReports.all().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> check(s)));
    }

    private static void check(Sample s) throws Exception {
        JsonNode expected = Json.MAPPER.readTree(s.expectedJson());
        ParsedReport r = PARSER.parse(ReportInput.ofText(s.text()).withFile(s.file()));
        JsonNode meta = Json.MAPPER.valueToTree(r.meta());
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.path("meta").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertThat(meta.path(e.getKey())).as("meta.%s", e.getKey()).isEqualTo(e.getValue());
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        r.figures().forEach((k, v) -> figures.put(k, v.doubleValue()));
        Map<String, Double> expectedFigures = new LinkedHashMap<>();
        expected.path("figures").fields().forEachRemaining(e -> expectedFigures.put(e.getKey(), e.getValue().asDouble()));
        assertThat(figures).as("figures").isEqualTo(expectedFigures);

        assertThat(r.issueCount()).as("issue_count").isEqualTo(expected.path("issue_count").asInt());
        List<String> actual = new ArrayList<>();
        for (Issue i : r.issues()) {
            actual.add(describe(Json.MAPPER.valueToTree(i)));
        }
        List<String> wanted = new ArrayList<>();
        for (JsonNode i : expected.path("issues")) {
            wanted.add(describe(i));
        }
        assertThat(actual).as("issues").containsExactlyElementsOf(wanted);
        assertThat(r.warnings()).as("warnings").isEmpty();
    }

    /** The compared fields of one issue as one line (everything but the topics). */
    private static String describe(JsonNode i) {
        return i.path("seq").asInt() + " | " + i.path("label").asText(null) + " | " + i.path("path") + " | "
                + i.path("problem").asText() + " | line " + i.path("line").asInt() + " | "
                + i.path("status").asText() + " | " + i.path("commitments");
    }
}
