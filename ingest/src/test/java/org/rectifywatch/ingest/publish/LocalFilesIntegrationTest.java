package org.rectifywatch.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectifywatch.ingest.extract.ArticleText;
import org.rectifywatch.ingest.state.CrawlStateStore;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.config.KafkaSettings;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.model.wire.WireSerdes;
import org.rectifywatch.samples.SampleReports;

/** {@code ingest files} on a real broker: keys by path, edits as new versions, oversized files skipped. */
@Tag("integration")
class LocalFilesIntegrationTest {

    @Test
    void anEditedFileKeepsItsKeyAndBecomesANewVersion(@TempDir Path dir) throws Exception {
        LocalKafka kafka = SharedStack.kafka();
        Path archive = Files.createDirectories(dir.resolve("archive-" + System.nanoTime()));
        Path file = Files.createDirectories(archive.resolve("2025")).resolve("report.txt");
        String original = SampleReports.all().get(2).text();
        Files.writeString(file, original);
        String key = "file:" + archive.getFileName() + "/2025/report.txt";

        LocalFiles.Result first = run(kafka, archive);
        assertThat(first.published()).isEqualTo(1);

        String edited = original.lines().limit(original.lines().count() - 1).reduce((a, b) -> a + "\n" + b).orElseThrow()
                + "\n（此件已更正）";
        Files.writeString(file, edited);
        LocalFiles.Result second = run(kafka, archive); // a new run: the state is read back from crawl.state
        assertThat(second.changed()).isEqualTo(1);
        assertThat(second.published()).isZero();

        LocalFiles.Result third = run(kafka, archive);
        assertThat(third.unchanged()).isEqualTo(1);
        assertThat(third.published() + third.changed()).isZero();

        List<ConsumerRecord<String, RawReport>> records = raw(kafka.bootstrap(), "file:" + archive.getFileName() + "/");
        assertThat(records).extracting(ConsumerRecord::key).containsExactly(key, key);
        assertThat(records.get(0).value().text()).isEqualTo(ArticleText.normalize(original));
        assertThat(records.get(1).value().text()).isEqualTo(ArticleText.normalize(edited));
        assertThat(records).allSatisfy(r -> assertThat(r.value().url()).isEqualTo(key));
    }

    @Test
    void anOversizedFileIsSkippedByPathAndTheFilesAfterItArePublished(@TempDir Path dir) throws Exception {
        LocalKafka kafka = SharedStack.kafka();
        Path folder = Files.createDirectories(dir.resolve("batch-" + System.nanoTime()));
        Files.writeString(folder.resolve("a.txt"), SampleReports.all().get(0).text());
        // larger than the producer's 8 MiB request limit (and reports.raw's max.message.bytes) once serialised
        String text = SampleReports.all().get(1).text();
        StringBuilder huge = new StringBuilder();
        while (huge.length() < 4_000_000) {
            huge.append(text).append('\n');
        }
        Path big = folder.resolve("b-huge.txt");
        Files.writeString(big, huge);
        assertThat(Files.size(big)).isGreaterThan(8L * 1024 * 1024);
        Files.writeString(folder.resolve("c.txt"), SampleReports.all().get(2).text());

        LocalFiles.Result r = run(kafka, folder);

        assertThat(r.published()).isEqualTo(2);
        assertThat(r.skipped()).isEqualTo(Map.of(LocalFiles.TOO_LARGE, 1));
        assertThat(r.skips()).singleElement().satisfies(s -> {
            assertThat(s.path()).isEqualTo(big);
            assertThat(s.detail()).contains("larger than");
        });
        assertThat(r.line()).contains("skipped {too_large=1}");
        String prefix = "file:" + folder.getFileName() + "/";
        assertThat(raw(kafka.bootstrap(), prefix)).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(prefix + "a.txt", prefix + "c.txt");
    }

    private static LocalFiles.Result run(LocalKafka kafka, Path path) {
        KafkaSettings settings = KafkaSettings.local(kafka.bootstrap());
        CrawlStateStore state = CrawlStateStore.load(settings, Duration.ofSeconds(30));
        try (ReportPublisher publisher = new ReportPublisher(settings)) {
            return LocalFiles.publish(List.of(path), publisher, state);
        }
    }

    /** Records of reports.raw whose key starts with {@code prefix}, in offset order (one partition per key). */
    static List<ConsumerRecord<String, RawReport>> raw(String bootstrap, String prefix) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        List<ConsumerRecord<String, RawReport>> out = new ArrayList<>();
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
                    if (r.key() != null && r.key().startsWith(prefix)) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }
}
