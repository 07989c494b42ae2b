package org.rectifywatch.processor.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.processor.parse.ReportInput;
import org.rectifywatch.processor.parse.ReportParser;
import org.rectifywatch.samples.SampleReports;

class EvaluatorTest {
    private final ReportParser parser = new ReportParser();

    @Test
    void perfectAndDegradedPredictions() throws Exception {
        var sample = SampleReports.byName("s01_tongxi_county_2025");
        JsonNode gold = Json.MAPPER.readTree(sample.expectedJson());
        ParsedReport parsed = parser.parse(ReportInput.ofText(sample.text()));
        FileScore perfect = Evaluator.compare(parsed, gold);
        assertThat(perfect.f1()).isEqualTo(1.0);
        assertThat(perfect.commitmentRecall()).isEqualTo(1.0);

        ParsedReport halved = parsed.withIssues(parsed.issues().subList(0, 6));
        FileScore degraded = Evaluator.compare(halved, gold);
        assertThat(degraded.recall()).isEqualTo(0.5);
        assertThat(degraded.precision()).isEqualTo(1.0);
        assertThat(degraded.commitmentRecall()).isLessThan(1.0);
    }

    @Test
    void evaluatesAnyParserFunction() {
        var samples = SampleReports.all().stream()
                .map(s -> new Evaluator.GoldReport(s.file(), s.text(), read(s.expectedJson()))).toList();
        EvalSummary summary = Evaluator.evaluate(samples, in -> parser.parse(in));
        assertThat(summary.files()).hasSize(samples.size());
        assertThat(summary.total().f1()).isGreaterThan(0.95);
        EvalSummary empty = Evaluator.evaluate(List.of(samples.get(0)),
                in -> parser.parse(ReportInput.ofText("")));
        assertThat(empty.total().recall()).isZero();
    }

    private static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
