package org.rectifywatch.processor.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectifywatch.processor.stream.UnitReports.Item.done;
import static org.rectifywatch.processor.stream.UnitReports.Item.due;
import static org.rectifywatch.processor.stream.UnitReports.Item.ongoing;
import static org.rectifywatch.processor.stream.UnitReports.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.model.wire.AlertRecord;
import org.rectifywatch.model.wire.AlertState;
import org.rectifywatch.model.wire.IssueRecord;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.model.wire.ReportRecord;
import org.rectifywatch.processor.deadline.DeadlineSettings;
import org.rectifywatch.processor.report.ReportAnalyzer;

/** One report however many pages publish it, edits that replace, retraction, and re-analysis after a parser upgrade. */
class ReportIdentityTest {
    private static final String OWN_SITE = "https://qc.example.gov.cn/xczg/t1.html";
    private static final String MIRROR = "https://jw.example.gov.cn/xsgz/zgqk/t2.html";
    private static final String TOILETS = "农村人居环境整治不到位";
    private static final String CADRES = "选人用人不规范";
    private static final String FRUGALITY = "落实中央八项规定精神不严";

    private PipelineDriver d;

    @AfterEach
    void close() {
        if (d != null) {
            d.close();
        }
    }

    private static String text(String unit, String place, UnitReports.Item... items) {
        return report(unit, place, "省委第二巡视组", "2025年6月10日", "2025年9月1日", true, List.of(items));
    }

    private static final String FIRST = text("中共青川县委", "青川县", due(TOILETS, "2025年12月31日"), done(CADRES), ongoing(FRUGALITY));

    /** The latest record of each key, in key order; null for a key whose last record is a tombstone. */
    private static <V> Map<String, V> latest(List<TestRecord<String, V>> records) {
        Map<String, V> m = new LinkedHashMap<>();
        records.forEach(r -> m.put(r.key(), r.value()));
        return m;
    }

    @Test
    void theSameReportOnTwoSitesIsOneReportWithAMirror() {
        d = new PipelineDriver("2026-01-10");
        d.report(OWN_SITE, "qc-county", FIRST, "2025-09-01");
        // the mirror: other page furniture, ASCII punctuation, same report
        String copy = "首页 > 巡视巡察 > 整改情况\n来源：市纪委监委  发布时间：2025-09-03\n"
                + FIRST.replace("，", ",").replace("。", ". ").replace("：", ":") + "\n【打印本页】【关闭窗口】\n";
        d.report(MIRROR, "city-commission", copy, "2025-09-03");
        Map<String, ReportRecord> reports = latest(d.reports.readRecordsToList());
        assertThat(reports).hasSize(1);
        ReportRecord r = reports.values().iterator().next();
        assertThat(r.url()).isEqualTo(OWN_SITE);
        assertThat(r.mirrors()).singleElement().satisfies(m -> {
            assertThat(m.url()).isEqualTo(MIRROR);
            assertThat(m.site()).isEqualTo("city-commission");
            assertThat(m.firstSeen()).isNotNull();
        });
        assertThat(latest(d.issues.readRecordsToList())).hasSize(3);
        assertThat(d.read()).hasSize(2).extracting(AlertRecord::reportUrl).containsOnly(OWN_SITE);
        assertThat(d.metrics.mirrors.get()).isEqualTo(1);
    }

    @Test
    void renamedCopiesStayReportsOfTheirOwn() {
        d = new PipelineDriver("2026-01-10");
        String[] places = {"青川县", "白水县", "柳林县", "石门县", "桃源县", "松溪县", "云和县", "安福县", "永和县", "泰顺县"};
        for (int i = 0; i < places.length; i++) {
            String county = places[i];
            d.report("https://sj.example.gov.cn/zg/t" + i + ".html", "province",
                    FIRST.replace("青川县", county), "2025-09-01");
        }
        Map<String, ReportRecord> reports = latest(d.reports.readRecordsToList());
        assertThat(reports).hasSize(10);
        assertThat(reports.values()).allSatisfy(r -> assertThat(r.mirrors()).isEmpty());
        assertThat(reports.values()).extracting(r -> r.meta().target()).containsExactlyInAnyOrder(places);
        assertThat(latest(d.issues.readRecordsToList())).hasSize(30);
    }

    @Test
    void anEditReplacesTheReportAndAnInsertedIssueLeavesTheOthersTheirIds() {
        d = new PipelineDriver("2026-01-10");
        d.report(OWN_SITE, "qc-county", text("中共青川县委", "青川县", due(TOILETS, "2025年12月31日"), done(CADRES)), "2025-09-01");
        Map<String, IssueRecord> v1 = latest(d.issues.readRecordsToList());
        d.reports.readRecordsToList();
        assertThat(d.read()).singleElement().satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.raised));

        // version 2: a new first item, the completed one dropped
        d.report(OWN_SITE, "qc-county", text("中共青川县委", "青川县", ongoing(FRUGALITY), due(TOILETS, "2025年12月31日")), "2025-09-01");
        Map<String, IssueRecord> v2 = latest(d.issues.readRecordsToList());
        String toiletsId = idOf(v1, TOILETS);
        assertThat(idOf(v2, TOILETS)).as("the same problem keeps its id at another position").isEqualTo(toiletsId);
        assertThat(v2.get(idOf(v1, CADRES))).as("the removed issue is deleted").isNull();
        assertThat(v2).containsKey(idOf(v2, FRUGALITY));
        assertThat(d.reports.readValuesToList()).singleElement().satisfies(r -> assertThat(r.version()).isEqualTo(2));
        assertThat(d.read()).as("the open alert is not repeated; the new issue is overdue since the window ended")
                .singleElement().satisfies(a -> assertThat(a.problem()).contains(FRUGALITY));
    }

    @Test
    void aRetractedReportIsMarkedRetractedAndARetractedOwnerHandsTheReportToItsMirror() {
        d = new PipelineDriver("2026-01-10");
        d.report(OWN_SITE, "qc-county", FIRST, "2025-09-01");
        d.report(MIRROR, "city-commission", FIRST, "2025-09-03");
        d.reports.readRecordsToList();
        d.read();

        d.retract(OWN_SITE);
        ReportRecord carried = d.reports.readValuesToList().get(0);
        assertThat(carried.url()).isEqualTo(MIRROR);
        assertThat(carried.mirrors()).isEmpty();
        assertThat(carried.retractedAt()).isNull();
        assertThat(d.read()).as("the report lives on: its alerts stay").isEmpty();

        d.retract(MIRROR);
        ReportRecord retracted = d.reports.readValuesToList().get(0);
        assertThat(retracted.retractedAt()).isNotNull();
        assertThat(retracted.issueCount()).isZero();
        assertThat(latest(d.issues.readRecordsToList()).values()).hasSize(3).containsOnlyNulls();
        assertThat(d.read()).hasSize(2).allSatisfy(a -> {
            assertThat(a.state()).isEqualTo(AlertState.withdrawn);
            assertThat(a.reason()).contains("retracted");
        });
    }

    @Test
    void aMirrorEditedIntoAnotherTextBecomesAReportOfItsOwn() {
        d = new PipelineDriver("2026-01-10");
        d.report(OWN_SITE, "qc-county", FIRST, "2025-09-01");
        d.report(MIRROR, "city-commission", FIRST, "2025-09-03");
        d.reports.readRecordsToList();
        String rewritten = text("中共青川县委", "青川县", done(TOILETS), done(CADRES), done(FRUGALITY),
                ongoing("基层党组织建设薄弱"), ongoing("意识形态工作责任制落实不到位"));
        d.report(MIRROR, "city-commission", rewritten, "2025-12-20");
        List<ReportRecord> out = d.reports.readValuesToList();
        assertThat(out).extracting(ReportRecord::url).containsExactly(OWN_SITE, MIRROR);
        assertThat(out.get(0).mirrors()).isEmpty();
        assertThat(out.get(1).reportId()).isNotEqualTo(out.get(0).reportId());
    }

    /** Stands in for a parser upgrade: once upgraded, a new version string, and the last issue is no longer read. */
    static final class UpgradableAnalyzer extends ReportAnalyzer {
        private final ReportAnalyzer base = ReportAnalyzer.standard();
        boolean upgraded;

        UpgradableAnalyzer(boolean upgraded) {
            super(null, null);
            this.upgraded = upgraded;
        }

        @Override
        public String version() {
            return base.version() + (upgraded ? "+upgrade" : "");
        }

        @Override
        public ParsedReport analyze(RawReport raw) {
            ParsedReport p = base.analyze(raw);
            if (!upgraded || p.issues().size() < 3) {
                return p;
            }
            return p.withIssues(new ArrayList<>(p.issues().subList(0, p.issues().size() - 1)));
        }
    }

    private static final String SECOND = text("中共白河区委", "白河区", due(TOILETS, "2025年12月31日"), done(CADRES));
    private static final String SECOND_URL = "https://bh.example.gov.cn/t9.html";

    private static void publishBoth(PipelineDriver d, boolean reprocess) {
        if (reprocess) {
            d.reprocess(OWN_SITE, "qc-county", FIRST, "2025-09-01");
            d.reprocess(SECOND_URL, "bh-district", SECOND, "2025-09-01");
        } else {
            d.report(OWN_SITE, "qc-county", FIRST, "2025-09-01");
            d.report(SECOND_URL, "bh-district", SECOND, "2025-09-01");
        }
    }

    @Test
    void aParserUpgradeReachesStoredReportsWhereTheOutcomeChangesAndLeavesWhatAFreshRunWould() {
        UpgradableAnalyzer analyzer = new UpgradableAnalyzer(false);
        d = new PipelineDriver("2026-01-10", DeadlineSettings.defaults().withZone(PipelineDriver.SHANGHAI), analyzer);
        publishBoth(d, false);
        publishBoth(d, true);
        assertThat(d.reports.readValuesToList()).as("a reprocess under the same parser changes nothing").hasSize(2);

        analyzer.upgraded = true;
        publishBoth(d, true);
        List<ReportRecord> versions = d.reports.readValuesToList();
        assertThat(versions).as("only the report the new parser reads differently gets a version")
                .singleElement().satisfies(r -> {
                    assertThat(r.url()).isEqualTo(OWN_SITE);
                    assertThat(r.version()).isEqualTo(2);
                    assertThat(r.issueCount()).isEqualTo(2);
                });
        assertThat(d.metrics.reportsSameOutcome.get()).isEqualTo(1);
        publishBoth(d, true);
        assertThat(d.reports.readValuesToList()).as("a second reprocess changes nothing").isEmpty();
        Map<String, IssueRecord> reprocessed = latest(d.issues.readRecordsToList());
        reprocessed.values().removeIf(java.util.Objects::isNull);
        Map<String, AlertState> reprocessedAlerts = openOrResolved(d.current());

        try (PipelineDriver fresh = new PipelineDriver("2026-01-10", DeadlineSettings.defaults().withZone(PipelineDriver.SHANGHAI),
                new UpgradableAnalyzer(true))) {
            publishBoth(fresh, false);
            Map<String, IssueRecord> freshIssues = latest(fresh.issues.readRecordsToList());
            assertThat(reprocessed.keySet()).isEqualTo(freshIssues.keySet()).hasSize(4);
            assertThat(reprocessedAlerts).isEqualTo(openOrResolved(fresh.current()));
        }
    }

    /** Alerts as a fresh run would have them: one withdrawn because its issue left in the new reading never was. */
    private static Map<String, AlertState> openOrResolved(Map<String, AlertRecord> alerts) {
        Map<String, AlertState> m = new java.util.TreeMap<>();
        alerts.forEach((id, a) -> {
            if (a.state() != AlertState.withdrawn) {
                m.put(id, a.state());
            }
        });
        return m;
    }

    private static String idOf(Map<String, IssueRecord> issues, String problem) {
        return issues.entrySet().stream().filter(e -> e.getValue() != null && e.getValue().problem().contains(problem))
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no issue about " + problem + " in " + issues));
    }
}
