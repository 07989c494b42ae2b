package org.rectifywatch.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.ingest.extract.PageInspector;
import org.rectifywatch.ingest.extract.PageView;
import org.rectifywatch.ingest.profile.SampleSiteProfile;
import org.rectifywatch.ingest.profile.SiteProfile;
import org.rectifywatch.ingest.testutil.StubSite;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.wire.RawReport;

/**
 * Feedback announcements on a loopback column: published as {@code feedback_notice} even when their list title is
 * noise to the title filter, not published again while unchanged, published again when edited; plain noise and a
 * page about 整改 are still skipped; and {@code pipeline extract}'s inspector says of every page what the crawler did.
 */
@Tag("integration")
class CrawlerNoticeIntegrationTest {
    /** Closing paragraphs: with them every page has enough text not to look like a challenge page. */
    private static final String CLOSING = "会议要求，要切实扛起主体责任，把抓好整改作为重大政治任务，制定整改方案，明确责任分工和完成时限，"
            + "按规定报送整改情况并向社会公开。会议强调，要坚持问题导向，举一反三，建立健全长效机制，以整改实效推动各项工作高质量发展。"
            + "会议指出，各级党组织要把思想和行动统一到上级部署要求上来，对照问题清单逐项研究，明确牵头领导和责任单位，实行销号管理，"
            + "做到问题不解决不松劲、整改不到位不收兵。有关负责同志表示，完全认同反馈意见，坚决抓好整改落实，确保件件有着落、事事有回音。";

    /** A page in the sample site's TRS layout (what {@link SampleSiteProfile#column} reads). */
    static String page(String title, String date, String... paragraphs) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\">")
                .append("<meta name=\"ArticleTitle\" content=\"").append(title).append("\">")
                .append("<meta name=\"PubDate\" content=\"").append(date).append(" 17:00\">")
                .append("<title>").append(title).append("_示例网</title></head><body>")
                .append("<div class=\"Article_61\"><h2 class=\"tit\">").append(title).append("</h2>")
                .append("<em class=\"e2\">发布时间：").append(date).append(" 17:00</em><div class=\"TRS_Editor\">");
        for (String p : paragraphs) {
            b.append("<p>").append(p).append("</p>\n");
        }
        return b.append("</div></div></body></html>").toString();
    }

    private record Item(String path, String title, String date, String html) {
    }

    @Test
    void noticesArePublishedAsFeedbackNoticesOnceAndTheInspectorAgrees() {
        LocalKafka kafka = SharedStack.kafka();
        assertThat(CLOSING.length()).isGreaterThan(200);
        Map<String, Item> items = new LinkedHashMap<>();
        // the list title is noise to the title filter (反馈会), and the page is a feedback announcement
        items.put("meeting", new Item("/n/202501/t20250117_1.html", "示例县召开巡察反馈会", "2025-01-17",
                page("示例县召开巡察反馈会", "2025-01-17", "1月16日，示例县召开县委巡察反馈会，县委第一巡察组向示例县水务局党组反馈巡察情况。", CLOSING)));
        // a report
        items.put("report", new Item("/n/202501/t20250118_2.html", "中共示例县委关于市委巡察整改情况的通报", "2025-01-18",
                page("中共示例县委关于市委巡察整改情况的通报", "2025-01-18",
                        "根据市委统一部署，2024年9月至10月，市委第二巡察组对示例县开展了常规巡察。11月20日，市委巡察组向示例县委反馈了巡察意见。",
                        "一、关于“落实主体责任不到位”问题的整改情况", "制定整改方案，明确整改措施32项。该问题已整改完成。", CLOSING)));
        // plain noise: skipped on its list title, never fetched
        items.put("noise", new Item("/n/202501/t20250119_3.html", "市委第二巡察组巡察示例县工作动员会召开", "2025-01-19",
                page("市委第二巡察组巡察示例县工作动员会召开", "2025-01-19", "1月19日，市委第二巡察组巡察示例县工作动员会召开。", CLOSING)));
        // an unremarkable list title whose page opens with the feedback: a notice by its lead
        items.put("lead", new Item("/n/202501/t20250120_4.html", "示例县委召开常委会会议", "2025-01-20",
                page("示例县委召开常委会会议", "2025-01-20", "1月20日，市委第三巡察组向中共示例县委反馈巡察情况。随后县委召开常委会会议研究部署。", CLOSING)));
        // the same lead under a title about 整改 that the filter does not know: never a notice, not a report either
        items.put("rectification", new Item("/n/202501/t20250121_5.html", "示例县巡察整改工作情况", "2025-01-21",
                page("示例县巡察整改工作情况", "2025-01-21", "1月21日，市委第三巡察组向中共示例县委反馈巡察意见后，县委迅速行动。", CLOSING)));

        try (StubSite stub = StubSite.start()) {
            StringBuilder list = new StringBuilder("<html><head><meta charset=\"utf-8\"></head><body><ul class=\"list_news_dl2\">");
            items.values().forEach(i -> list.append("<li><a href=\"").append(i.path()).append("\" title=\"").append(i.title()).append("\">")
                    .append(i.title()).append("</a><span class=\"more\">").append(i.date()).append("</span></li>"));
            stub.html("/n/index.html", list.append("</ul></body></html>").toString());
            items.values().forEach(i -> stub.html(i.path(), i.html()));
            SiteProfile profile = SampleSiteProfile.column("notice-stub", stub.url(), "/n/index.html", 1);
            String url = stub.url();
            String prefix = url + "/";

            try (Crawler crawler = new Crawler(CrawlerIntegrationTest.config(kafka.bootstrap()), List.of(profile))) {
                PassSummary first = crawler.runOnce();
                assertThat(first.published()).isEqualTo(1);
                assertThat(first.notices()).isEqualTo(2);
                assertThat(first.noticesChanged()).isZero();
                assertThat(first.skipped()).containsExactlyEntriesOf(Map.of("not_a_report", 2));
                assertThat(first.line()).contains("new 1, changed 0, notices new 2, notices changed 0");
                assertThat(stub.requests()).doesNotContain(items.get("noise").path())
                        .contains(items.get("meeting").path(), items.get("rectification").path());

                Map<String, RawReport> byUrl = latest(kafka, prefix);
                assertThat(byUrl).containsOnlyKeys(url + items.get("meeting").path(), url + items.get("report").path(),
                        url + items.get("lead").path());
                RawReport meeting = byUrl.get(url + items.get("meeting").path());
                assertThat(meeting.kind()).isEqualTo(RawReport.FEEDBACK_NOTICE);
                assertThat(RawReport.isFeedbackNotice(meeting)).isTrue();
                assertThat(meeting.title()).isEqualTo("示例县召开巡察反馈会");
                assertThat(meeting.pageDate()).isEqualTo("2025-01-17");
                assertThat(meeting.site()).isEqualTo("notice-stub");
                assertThat(meeting.text()).startsWith("1月16日，示例县召开县委巡察反馈会").endsWith("事事有回音。");
                assertThat(meeting.sha256()).isEqualTo(Hashes.sha256(meeting.text()));
                assertThat(byUrl.get(url + items.get("lead").path()).kind()).isEqualTo(RawReport.FEEDBACK_NOTICE);
                assertThat(byUrl.get(url + items.get("report").path()).kind()).isEqualTo(RawReport.REPORT);

                // unchanged: fetched again (the stub has no validators) and not republished
                int records = KafkaRecords.raw(kafka.bootstrap(), prefix).size();
                PassSummary second = crawler.runOnce();
                assertThat(second.notices() + second.noticesChanged() + second.published() + second.changed()).isZero();
                assertThat(second.unchanged()).isEqualTo(3);
                assertThat(KafkaRecords.raw(kafka.bootstrap(), prefix)).hasSize(records);

                // edited: published once more, counted as a changed notice
                Item m = items.get("meeting");
                stub.html(m.path(), page(m.title(), m.date(), "1月16日，示例县召开县委巡察反馈会，县委第一巡察组向示例县水务局党组反馈巡察情况。",
                        "巡察组指出了巡察发现的问题。", CLOSING));
                PassSummary third = crawler.runOnce();
                assertThat(third.noticesChanged()).isEqualTo(1);
                assertThat(third.notices() + third.published() + third.changed()).isZero();
                assertThat(KafkaRecords.raw(kafka.bootstrap(), prefix)).hasSize(records + 1);
                assertThat(latest(kafka, prefix).get(url + m.path()).text()).contains("巡察组指出了巡察发现的问题。");
            }

            // the inspector, on the same bytes and profile, says what the crawler did
            Map<String, PageView.Kind> expected = Map.of("meeting", PageView.Kind.FEEDBACK_NOTICE, "lead", PageView.Kind.FEEDBACK_NOTICE,
                    "report", PageView.Kind.ARTICLE, "noise", PageView.Kind.NOT_A_REPORT, "rectification", PageView.Kind.NOT_A_REPORT);
            items.forEach((name, i) -> {
                PageView v = PageInspector.inspect(i.html().getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", url + i.path(), profile);
                assertThat(v.kind()).as(name).isEqualTo(expected.get(name));
            });
        }
    }

    private static Map<String, RawReport> latest(LocalKafka kafka, String prefix) {
        return KafkaRecords.raw(kafka.bootstrap(), prefix).stream()
                .collect(Collectors.toMap(RawReport::url, Function.identity(), (a, b) -> b));
    }
}
