package org.rectifywatch.processor.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectifywatch.processor.stream.UnitReports.Item.done;
import static org.rectifywatch.processor.stream.UnitReports.Item.ongoing;
import static org.rectifywatch.processor.stream.UnitReports.notice;
import static org.rectifywatch.processor.stream.UnitReports.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.model.wire.AlertKind;
import org.rectifywatch.model.wire.AlertRecord;
import org.rectifywatch.model.wire.AlertState;
import org.rectifywatch.model.wire.DeadLetters;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.processor.classify.IssueClassifier;
import org.rectifywatch.processor.deadline.DeadlineSettings;
import org.rectifywatch.processor.parse.ReportParser;
import org.rectifywatch.processor.report.ReportAnalyzer;
import org.rectifywatch.processor.topology.RecordLimits;

/**
 * What cannot be handled on {@code reports.raw} ends as a dead letter with its reason and its original bytes, and a
 * version is all or nothing: a failure or an output too large for its topic writes nothing but the dead letter.
 */
class DeadLettersTest {
    private static final String PAGE = "https://qc.example.gov.cn/xczg/t1.html";
    private static final String NOTICE = "https://sj.example.gov.cn/xsfk/n1.html";

    private PipelineDriver d;

    @AfterEach
    void close() {
        if (d != null) {
            d.close();
        }
    }

    private static String qingchuan(List<UnitReports.Item> items) {
        return report("中共青川县委", "青川县", "省委第二巡视组", "2025年6月10日", "2025年9月1日", true, items);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theJsonLiteralNullIsADeadLetterNotARetraction() {
        d = new PipelineDriver("2026-01-01");
        d.report(PAGE, qingchuan(List.of(done("农村人居环境整治不到位"), ongoing("选人用人不规范"))), "2025-09-01");
        assertThat(d.reports.readValuesToList()).hasSize(1);
        d.issues.readValuesToList();

        d.rawBytes(PAGE, utf8("null"));

        assertThat(d.reports.isEmpty()).as("the report is not retracted").isTrue();
        assertThat(d.issues.isEmpty()).isTrue();
        assertThat(d.deadLetters.readRecordsToList()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(PAGE);
            assertThat(r.value()).isEqualTo(utf8("null"));
            assertThat(DeadLetters.reason(r.headers())).isEqualTo("NULL_VALUE");
            assertThat(DeadLetters.get(r.headers(), DeadLetters.DETAIL)).contains("JSON literal null");
        });
    }

    @Test
    void undecodableBytesAreADeadLetterWithTheirOriginalBytes() {
        d = new PipelineDriver("2026-01-01");
        byte[] truncated = utf8("{\"url\": \"" + PAGE + "\", \"text\": ");
        byte[] binary = {(byte) 0xff, (byte) 0xfe, 0x00, 0x41, (byte) 0x80};
        byte[] empty = new byte[0];
        d.rawBytes(PAGE, truncated);
        d.rawBytes(PAGE + "?b", binary);
        d.rawBytes(PAGE + "?e", empty);

        List<TestRecord<String, byte[]>> dead = d.deadLetters.readRecordsToList();
        assertThat(dead).extracting(TestRecord::key).containsExactly(PAGE, PAGE + "?b", PAGE + "?e");
        assertThat(dead).extracting(TestRecord::value).containsExactly(truncated, binary, empty);
        assertThat(dead).allSatisfy(r -> {
            assertThat(DeadLetters.reason(r.headers())).isEqualTo("UNDECODABLE");
            assertThat(DeadLetters.get(r.headers(), DeadLetters.STAGE)).isEqualTo("processor");
            assertThat(DeadLetters.get(r.headers(), DeadLetters.DETAIL)).contains("RawReport");
        });
        assertThat(d.metrics.deadLetters.get()).isEqualTo(3);
    }

    @Test
    void aRejectedReportIsDeadLetteredAsItsBytesCameNotReSerialised() {
        d = new PipelineDriver("2026-01-01");
        // field order, spacing and an unknown field that a re-serialisation would change
        String json = "{ \"text\" : \"省委第二巡视组巡视青川县工作动员会召开\\n会议强调,要提高政治站位。\",\n  \"url\": \"" + PAGE
                + "\", \"site\": \"qc\", \"extra\": [1, 2] }";
        d.rawBytes(PAGE, utf8(json));
        assertThat(d.deadLetters.readRecordsToList()).singleElement().satisfies(r -> {
            assertThat(DeadLetters.reason(r.headers())).isEqualTo("NOT_A_REPORT");
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo(json);
        });
    }

    @Test
    void aTombstoneForAPageNeverSeenIsACountedSkipAndATombstoneWithoutKeyADeadLetter() {
        d = new PipelineDriver("2026-01-01");
        d.retract(PAGE);
        assertThat(d.deadLetters.isEmpty()).isTrue();
        assertThat(d.reports.isEmpty()).isTrue();
        assertThat(d.metrics.retractionsUnknown.get()).isEqualTo(1);
        assertThat(d.metrics.summary()).contains("unknown retractions skipped 1");

        d.rawBytes(null, null);
        assertThat(d.deadLetters.readRecordsToList()).singleElement().satisfies(r -> {
            assertThat(r.key()).isNull();
            assertThat(r.value()).isNull();
            assertThat(DeadLetters.reason(r.headers())).isEqualTo("NO_KEY");
        });
    }

    /** A page that was a feedback notice comes back as a report the analyzer fails on. */
    @Test
    void aFailureAfterAPageStartedToTakeBackWhatItSaidWritesNothingButTheDeadLetter() {
        ReportAnalyzer failing = new ReportAnalyzer(new ReportParser(), IssueClassifier.shared()) {
            @Override
            public ParsedReport analyze(RawReport raw) {
                throw new IllegalStateException("classifier model missing");
            }
        };
        d = new PipelineDriver("2025-12-01", DeadlineSettings.defaults().withZone(PipelineDriver.SHANGHAI), failing);
        d.notice(NOTICE, "省委第二巡视组向青川县委反馈巡视情况", notice("省委第二巡视组", "中共青川县委", "2025年6月10日"), "2025-06-11");
        d.advanceTo("2025-12-11");
        assertThat(d.read()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.report_overdue);
            assertThat(a.state()).isEqualTo(AlertState.raised);
        });

        d.report(NOTICE, qingchuan(List.of(done("农村人居环境整治不到位"))), "2025-12-11");

        assertThat(d.read()).as("the notice's feedback is not withdrawn by a version that failed").isEmpty();
        assertThat(d.deadLetters.readRecordsToList()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(NOTICE);
            assertThat(DeadLetters.reason(r.headers())).isEqualTo("PROCESSING_ERROR");
            assertThat(DeadLetters.get(r.headers(), DeadLetters.DETAIL)).contains("classifier model missing");
        });
        // the page is still the notice: the same notice again is unchanged, and its alert stays raised
        d.notice(NOTICE, "省委第二巡视组向青川县委反馈巡视情况", notice("省委第二巡视组", "中共青川县委", "2025年6月10日"), "2025-06-11");
        Map<String, AlertRecord> current = d.current();
        assertThat(current.values()).singleElement().satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.raised));
    }

    @Test
    void aVersionWithAnIssueTooLargeForItsTopicIsDeadLetteredWholeAndTheNextReportGoesOn() {
        RecordLimits limits = new RecordLimits(Map.of(Topics.ISSUES_CLASSIFIED, 40_000), Topics.MAX_RECORD_BYTES);
        d = new PipelineDriver("2026-01-01", DeadlineSettings.defaults().withZone(PipelineDriver.SHANGHAI), ReportAnalyzer.standard(),
                limits);
        String longAnswer = "修订完善相关制度,开展专项检查,逐项整改到位。".repeat(1200);
        d.report(PAGE, qingchuan(List.of(done("农村人居环境整治不到位"), new UnitReports.Item("选人用人不规范", longAnswer),
                ongoing("落实中央八项规定精神不严"))), "2025-09-01");

        assertThat(d.reports.isEmpty()).as("no report record of a version that cannot be written whole").isTrue();
        assertThat(d.issues.isEmpty()).isTrue();
        assertThat(d.read()).isEmpty();
        assertThat(d.deadLetters.readRecordsToList()).singleElement().satisfies(r -> {
            assertThat(DeadLetters.reason(r.headers())).isEqualTo("OUTPUT_TOO_LARGE");
            assertThat(DeadLetters.get(r.headers(), DeadLetters.DETAIL))
                    .contains(PAGE).contains("issue ").contains("for issues.classified is ").contains("limit of 40000 bytes");
            assertThat(DeadLetters.get(r.headers(), DeadLetters.SOURCE)).contains("pages-by-unit");
        });
        assertThat(d.metrics.oversized.get()).isEqualTo(1);

        String other = "https://gy.example.gov.cn/xczg/t2.html";
        d.report(other, report("中共广元县委", "广元县", "省委第三巡视组", "2025年6月10日", "2025年9月1日", true,
                List.of(done("基层党建工作薄弱"), ongoing("财经纪律执行不严"))), "2025-09-01");
        assertThat(d.reports.readValuesToList()).singleElement().satisfies(r -> assertThat(r.url()).isEqualTo(other));
        assertThat(d.issues.readValuesToList()).hasSize(2);
        assertThat(d.deadLetters.isEmpty()).isTrue();
    }
}
