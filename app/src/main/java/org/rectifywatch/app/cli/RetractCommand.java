package org.rectifywatch.app.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.rectifywatch.ingest.fetch.CanonicalUrl;
import org.rectifywatch.ingest.publish.ReportPublisher;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.config.KafkaSettings;
import org.rectifywatch.model.ops.Reachability;
import org.rectifywatch.model.wire.ReportRecord;
import org.rectifywatch.model.wire.WireSerdes;
import org.rectifywatch.processor.report.ReportIds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pipeline retract URL|file:KEY|REPORT_ID}: a tombstone on {@code reports.raw} under the report's key (its
 * canonical URL, or the {@code file:} key of a local file). The processor then deletes the report's issues, withdraws
 * their alerts and marks the report retracted. A report id is looked up on {@code reports.parsed}.
 */
@Command(name = "retract", mixinStandardHelpOptions = true,
        description = {"Retracts a report: writes a tombstone to reports.raw under its key, and the processor deletes its "
                + "issues, withdraws their alerts and marks the report retracted.",
                "REPORT is the page's URL (canonicalised as the crawler does), a local file's key (file:…, as "
                        + "`pipeline ingest files` prints it), or a report id (r + 16 hex digits), whose URL is read from "
                        + "reports.parsed. The crawler publishes a retracted page again only if its text changes."})
public final class RetractCommand implements Callable<Integer> {
    private static final Pattern REPORT_ID = Pattern.compile("r[0-9a-f]{16}");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Parameters(paramLabel = "REPORT", description = "URL, file: key or report id of the report to retract.")
    String report;

    @Option(names = "--bootstrap", description = "Kafka bootstrap servers (kafka.bootstrap).")
    String bootstrap;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() {
        KafkaSettings kafka = KafkaSettings.from(options.source("kafka.bootstrap", bootstrap));
        Reachability.requireKafka(kafka, Reachability.WAIT);
        String arg = report.strip();
        String key;
        String title = null;
        if (REPORT_ID.matcher(arg.toLowerCase(Locale.ROOT)).matches()) {
            String id = arg.toLowerCase(Locale.ROOT);
            Optional<ReportRecord> found;
            try {
                found = find(kafka, id, TIMEOUT);
            } catch (IllegalStateException | org.apache.kafka.common.KafkaException e) {
                System.err.println("pipeline retract: cannot look up " + id + ": " + e.getMessage());
                return 1;
            }
            if (found.isEmpty() || found.get().url() == null) {
                System.err.println("pipeline retract: no report " + id + " on " + Topics.REPORTS_PARSED + " at " + kafka.bootstrap()
                        + ": it was never processed, was already retracted, or the id is mistyped. Check the id "
                        + "(report_id in Elasticsearch/Kibana), or retract by the page's URL or file: key instead.");
                return 1;
            }
            key = found.get().url();
            title = found.get().title();
        } else {
            key = key(arg);
        }
        try (ReportPublisher publisher = new ReportPublisher(kafka)) {
            publisher.retract(key);
        } catch (ReportPublisher.PublishException e) {
            System.err.println("pipeline retract: nothing was retracted: " + e.getMessage());
            return 1;
        }
        System.out.println("retracted " + key + " (report " + ReportIds.reportId(key) + (title == null ? "" : ": " + title)
                + "): tombstone written to " + Topics.REPORTS_RAW + "; the processor deletes its issues and withdraws their alerts");
        return 0;
    }

    /** The reports.raw key of a URL or {@code file:} key: the crawler's canonical URL; a file key as it is. */
    static String key(String urlOrFileKey) {
        if (urlOrFileKey.startsWith("file:")) {
            return urlOrFileKey;
        }
        try {
            return CanonicalUrl.of(urlOrFileKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(urlOrFileKey + " is neither an http(s) URL, a file: key nor a report id "
                    + "(r + 16 hex digits): " + e.getMessage());
        }
    }

    /** The latest record of {@code reportId} on the compacted reports.parsed, read from its beginning to its end. */
    static Optional<ReportRecord> find(KafkaSettings kafka, String reportId, Duration timeout) {
        Properties p = kafka.clientProperties();
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "rectify-retract");
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] latest = null;
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = c.partitionsFor(Topics.REPORTS_PARSED, timeout);
            if (infos == null || infos.isEmpty()) {
                return Optional.empty();
            }
            List<TopicPartition> parts = new ArrayList<>();
            infos.forEach(i -> parts.add(new TopicPartition(i.topic(), i.partition())));
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts, timeout);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.REPORTS_PARSED + " to its end within "
                            + timeout.toSeconds() + " s; is Kafka at " + kafka.bootstrap() + " healthy?");
                }
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (reportId.equals(r.key())) {
                        latest = r.value(); // a later tombstone (null) or retracted record: the report was retracted
                    }
                }
            }
        }
        return latest == null ? Optional.empty()
                : Optional.of(WireSerdes.REPORT.deserializer().deserialize(Topics.REPORTS_PARSED, latest))
                        .filter(r -> r.retractedAt() == null);
    }
}
