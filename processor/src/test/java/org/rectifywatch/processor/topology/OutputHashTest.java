package org.rectifywatch.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.processor.report.ReportAnalyzer;
import org.rectifywatch.processor.report.ReportIds;
import org.rectifywatch.samples.SampleReports;

/**
 * Entries in state carry the hash of their last analysis: however it is computed, it must stay the hash earlier
 * versions stored (SHA-256 of the canonical JSON text in UTF-8), or every report would be re-emitted once.
 */
class OutputHashTest {
    private static final ObjectMapper CANONICAL_TEXT = Json.MAPPER.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private static String storedByEarlierVersions(ParsedReport parsed) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("meta", parsed.meta());
        out.put("figures", parsed.figures());
        out.put("issues", parsed.issues());
        out.put("warnings", parsed.warnings());
        return ReportIds.sha256Hex(CANONICAL_TEXT.writeValueAsString(out));
    }

    @Test
    void theHashOfEveryAnalysisIsTheOneEarlierVersionsStored() throws Exception {
        ReportAnalyzer analyzer = ReportAnalyzer.standard();
        int checked = 0;
        for (SampleReports.Sample s : SampleReports.all()) {
            // and the same text with characters JSON escapes or that need surrogate pairs in its problems
            for (String text : List.of(s.text(), s.text().replace("问题", "问题\"\\\u2028\t𠀀😀"))) {
                ParsedReport parsed = analyzer.analyze(new RawReport("https://example.gov.cn/" + s.name(), "example", s.title(), s.pageDate(),
                        Instant.EPOCH, "UTF-8", null, text, List.of()));
                assertThat(ReportIdentifier.outputHash(parsed)).as(s.name()).isEqualTo(storedByEarlierVersions(parsed));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10);
    }
}
