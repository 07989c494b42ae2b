package org.rectifywatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.app.Pipeline;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.model.wire.WireSerdes;
import org.rectifywatch.samples.site.SampleSite;
import org.rectifywatch.samples.site.SiteArticle;

/**
 * {@code pipeline ingest --url URL --once}: the sample site's 通知公告 column, which no profile describes, crawled from
 * its URL into the real local Kafka; a second run publishes nothing (the same crawl state as profiled sites).
 */
@Tag("integration")
class IngestUrlIT {

    record Run(int rc, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = Pipeline.commandLine().execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<RawReport> raw(String bootstrap, String keyPrefix) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<RawReport> out = new ArrayList<>();
        try (KafkaConsumer<String, RawReport> c = new KafkaConsumer<>(p, new StringDeserializer(),
                WireSerdes.RAW_REPORT.deserializer())) {
            List<TopicPartition> parts = c.partitionsFor(Topics.REPORTS_RAW).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.currentTimeMillis() + 30_000;
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, RawReport> r : c.poll(Duration.ofMillis(200))) {
                    if (r.key().startsWith(keyPrefix)) {
                        out.add(r.value());
                    }
                }
            }
        }
        return out;
    }

    @Test
    void aColumnUrlIsCrawledWithoutAProfileAndPublishedToReportsRaw() {
        String bootstrap = SharedStack.kafka().bootstrap();
        try (SampleSite site = SampleSite.start()) {
            String column = site.url() + SampleSite.PLAIN_COLUMN;
            Run first = run("ingest", "--url", column, "--once", "--bootstrap", bootstrap, "--max-pages", "5",
                    "--set", "ingest.host.delay=20ms");
            assertThat(first.rc()).as(first.err()).isZero();
            assertThat(first.out()).contains("new " + site.plainReports().size() + ",", "errors 0");

            Map<String, RawReport> byUrl = raw(bootstrap, site.url()).stream()
                    .collect(Collectors.toMap(RawReport::url, Function.identity(), (a, b) -> b));
            assertThat(byUrl.keySet()).containsExactlyInAnyOrderElementsOf(
                    site.plainReports().stream().map(a -> site.url() + a.path()).toList());
            for (SiteArticle a : site.plainReports()) {
                RawReport r = byUrl.get(site.url() + a.path());
                assertThat(r.site()).isEqualTo("127.0.0.1");
                assertThat(r.kind()).isEqualTo(RawReport.REPORT);
                assertThat(r.title()).isEqualTo(a.title());
                assertThat(r.text()).isEqualTo(a.text());
            }
            // nothing of the profiled 巡视巡察 column was fetched, though the column's side bar links two of its reports
            assertThat(site.requests()).extracting(SampleSite.Request::path).noneMatch(p -> p.startsWith("/xsxc/"));

            Run second = run("ingest", "--url", column, "--once", "--bootstrap", bootstrap, "--set", "ingest.host.delay=20ms");
            assertThat(second.rc()).as(second.err()).isZero();
            assertThat(second.out()).contains("304s 2, new 0, changed 0");
            assertThat(raw(bootstrap, site.url())).hasSize(site.plainReports().size());
        }
    }

    @Test
    void urlDoesNotGoWithSiteOrAMalformedUrl() {
        Run withSite = run("ingest", "--url", "http://www.example.gov.cn/tzgg/", "--site", "ccdi-xsxc", "--once");
        assertThat(withSite.rc()).isNotZero();
        assertThat(withSite.err()).contains("--url crawls columns without a profile");
        Run relative = run("ingest", "--url", "tzgg/index.html", "--once");
        assertThat(relative.rc()).isNotZero();
        assertThat(relative.err()).contains("not an absolute http(s) URL");
    }
}
