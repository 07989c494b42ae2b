package org.rectifywatch.processor.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectifywatch.processor.stream.UnitReports.Item.done;
import static org.rectifywatch.processor.stream.UnitReports.Item.due;
import static org.rectifywatch.processor.stream.UnitReports.Item.ongoing;
import static org.rectifywatch.processor.stream.UnitReports.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.rectifywatch.model.wire.AlertKind;
import org.rectifywatch.model.wire.AlertRecord;
import org.rectifywatch.model.wire.AlertState;

/**
 * The final alerts of a unit do not depend on the order in which its notices, reports and report edits arrive
 * (the edits of one report keep their order). An alert withdrawn because it should never have been raised (a
 * report published on time, found after the alert) counts as an alert never raised.
 */
class AlertOrderPropertyTest {
    private static final String TEAM = "省委第二巡视组";
    private static final String FEEDBACK = "2025年6月10日";
    private static final String A = "农村人居环境整治不到位";
    private static final String B = "落实中央八项规定精神不严";
    private static final String B_EDITED = "落实中央八项规定精神不严,违规吃喝问题仍有发生";
    private static final String C = "选人用人不规范";

    /** The first report's versions, in order: a due date revised, a problem reworded, an issue removed and re-added. */
    private static final List<String> FIRST_REPORT = List.of(
            first(due(A, "2025年12月31日"), ongoing(B), done(C)),
            first(due(A, "2026年3月31日"), ongoing(B_EDITED)),
            first(due(A, "2026年3月31日"), ongoing(B_EDITED), ongoing(C)));

    private static String first(UnitReports.Item... items) {
        return report("中共青川县委", "青川县", TEAM, FEEDBACK, "2025年9月1日", true, List.of(items));
    }

    @Provide
    Arbitrary<List<String>> orders() {
        return Arbitraries.shuffle("R1", "R1", "R1", "R2", "N1", "N3", "N4");
    }

    @Property(tries = 40)
    void finalAlertStatesAreTheSameForEveryOrder(@ForAll("orders") List<String> order) {
        Map<String, AlertState> finals = run(order);
        assertThat(finals).isEqualTo(run(List.of("R1", "R1", "R1", "R2", "N1", "N3", "N4")));
        assertThat(finals.values()).containsExactlyInAnyOrder(
                AlertState.superseded,  // A's first due date, revised
                AlertState.resolved,    // A's revised due date, completed after it by the follow-up
                AlertState.raised,      // B, in progress past the window, reworded
                AlertState.raised,      // C, removed and back in progress: a new alert
                AlertState.raised,      // the second inspection's report never came
                AlertState.raised);     // the other unit of the round notice published nothing
    }

    private static Map<String, AlertState> run(List<String> order) {
        try (PipelineDriver d = new PipelineDriver("2026-12-01")) {
            int version = 0;
            for (String step : order) {
                switch (step) {
                    case "R1" -> d.report("https://qc.example.gov.cn/t1.html", FIRST_REPORT.get(version++), "2025-09-01");
                    case "R2" -> d.report("https://qc.example.gov.cn/t2.html", report("青川县人民政府", "青川县", TEAM, FEEDBACK,
                            "2026年6月15日", false, List.of(done(A))), "2026-06-15");
                    case "N1" -> d.notice("https://sj.example.gov.cn/n1.html", "省委第二巡视组向青川县委反馈巡视情况",
                            UnitReports.notice(TEAM, "中共青川县委", FEEDBACK), "2025-06-11");
                    case "N3" -> d.notice("https://sj.example.gov.cn/n3.html", "省委第四巡视组向青川县委反馈巡视“回头看”情况",
                            UnitReports.notice("省委第四巡视组", "中共青川县委", "2026年3月2日"), "2026-03-03");
                    case "N4" -> d.notice("https://sj.example.gov.cn/n4.html", "十三届省委第五轮巡视反馈情况",
                            "2025年6月10日," + TEAM + "向青川县委反馈巡视情况;省委第三巡视组向中共白河区委反馈巡视情况。\n", "2025-06-12");
                    default -> throw new IllegalArgumentException(step);
                }
            }
            d.advanceTo("2026-12-02");
            Map<String, AlertState> finals = new TreeMap<>();
            d.current().forEach((id, a) -> {
                if (a.state() != AlertState.withdrawn) {
                    finals.put(id, a.state());
                }
            });
            List<AlertKind> kinds = new ArrayList<>();
            d.current().values().forEach(a -> kinds.add(a.kind()));
            assertThat(kinds).contains(AlertKind.report_overdue);
            return finals;
        }
    }
}
