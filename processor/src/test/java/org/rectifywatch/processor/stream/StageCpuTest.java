package org.rectifywatch.processor.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectifywatch.processor.stream.UnitReports.Item.done;
import static org.rectifywatch.processor.stream.UnitReports.Item.ongoing;
import static org.rectifywatch.processor.stream.UnitReports.notice;
import static org.rectifywatch.processor.stream.UnitReports.report;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectifywatch.processor.topology.ProcessorTopology;

/** The thread CPU counted per stage: every step a report and a notice pass is counted, under the names the benchmark prints. */
class StageCpuTest {
    private PipelineDriver d;

    @AfterEach
    void close() {
        if (d != null) {
            d.close();
        }
    }

    @Test
    void everyStageAReportAndANoticePassIsCountedAndTheAnalysisIsPartOfThePageStage() {
        d = new PipelineDriver("2026-01-01");
        assertThat(d.metrics.stageCpuNanos().values()).as("nothing counted before any record").allMatch(n -> n == 0);

        d.notice("https://qc.example.gov.cn/xsfk/n1.html", "省委第二巡视组向青川县委反馈巡视情况",
                notice("省委第二巡视组", "中共青川县委", "2025年6月10日"), "2025-06-11");
        d.report("https://qc.example.gov.cn/xczg/t1.html", report("中共青川县委", "青川县", "省委第二巡视组", "2025年6月10日",
                "2025年9月1日", true, List.of(done("农村人居环境整治不到位"), ongoing("选人用人不规范"))), "2025-09-01");
        assertThat(d.issues.readValuesToList()).hasSize(2);

        Map<String, Long> cpu = d.metrics.stageCpuNanos();
        assertThat(cpu.keySet()).containsExactlyInAnyOrderElementsOf(ProcessorTopology.TIMED_STAGES);
        assertThat(cpu).allSatisfy((stage, nanos) -> assertThat(nanos).as(stage).isPositive());
        assertThat(cpu.get("version-reports")).as("the page stage includes the analysis it times itself")
                .isGreaterThanOrEqualTo(d.metrics.analysisCpuNanos.get());
    }
}
