package org.rectifywatch.ingest.crawl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.model.wire.WireSerdes;

/** Reads everything on reports.raw (to the current end) whose key starts with a prefix. */
final class KafkaRecords {
    private KafkaRecords() {
    }

    static List<RawReport> raw(String bootstrap, String keyPrefix) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
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
}
