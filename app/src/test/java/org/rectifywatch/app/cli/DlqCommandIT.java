package org.rectifywatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.app.dlq.DeadLetter;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.wire.DeadLetters;

/**
 * {@code pipeline dlq} on a real broker, with a dead-letter and a source topic of its own: list, show, replay by
 * reason, no second replay of a replay that failed again, and a replay of a fixed value from a file.
 */
@Tag("integration")
class DlqCommandIT {

    @Test
    void listsShowsAndReplaysDeadLettersWithoutLooping() throws Exception {
        LocalKafka kafka = SharedStack.kafka();
        String bootstrap = kafka.bootstrap();
        long n = System.nanoTime();
        String dlq = "it-dlq-" + n;
        String source = "it-source-" + n;
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(dlq, 1, (short) 1), new NewTopic(source, 2, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> p = producer(bootstrap)) {
            RecordMetadata bad = p.send(new ProducerRecord<>(source, "page-1", "{\"broken\":")).get();
            deadLetter(p, dlq, "page-1", "{\"broken\":", "DESERIALIZATION", "processor", "unexpected end of JSON",
                    source + "-" + bad.partition() + "@" + bad.offset());
            deadLetter(p, dlq, "page-2", "not a report at all", "NOT_A_REPORT", "processor", "no issues found", source + "-0@999");
            // Kafka Streams' own dead letter: the source is in its error headers
            ProducerRecord<String, String> streams = new ProducerRecord<>(dlq, "page-3", "\u0000\u0001garbage");
            streams.headers().add("__streams.errors.exception", bytes("org.apache.kafka.common.errors.SerializationException"));
            streams.headers().add("__streams.errors.message", bytes("Size of data received is not 8"));
            streams.headers().add("__streams.errors.topic", bytes(source));
            streams.headers().add("__streams.errors.partition", bytes("1"));
            streams.headers().add("__streams.errors.offset", bytes("0"));
            p.send(streams).get();
        }

        CliRun list = CliRun.of("dlq", "list", dlq, "--bootstrap", bootstrap);
        assertThat(list.exitCode()).isZero();
        assertThat(list.out().lines().toList()).hasSize(4);
        assertThat(list.out()).contains("0\tpage-1\tprocessor\tDESERIALIZATION\t")
                .contains("1\tpage-2\tprocessor\tNOT_A_REPORT\t")
                .contains("2\tpage-3\tstreams\torg.apache.kafka.common.errors.SerializationException\t")
                .contains(dlq + ": 3 dead letter(s) — ");

        CliRun show = CliRun.of("dlq", "show", dlq, "1", "--bootstrap", bootstrap);
        assertThat(show.exitCode()).isZero();
        assertThat(show.out()).contains("position: " + dlq + "-0@1").contains("key:      page-2")
                .contains("  rectify.dlq.detail: no issues found").contains("not a report at all");
        assertThat(CliRun.of("dlq", "show", dlq, "7", "--bootstrap", bootstrap).exitCode()).isEqualTo(2);

        long before = CliRun.endOffsets(bootstrap, source);
        CliRun replay = CliRun.of("dlq", "replay", dlq, "--reason", "DESERIALIZATION", "--bootstrap", bootstrap);
        assertThat(replay.exitCode()).isZero();
        assertThat(replay.out()).contains("replay: 1 sent, 0 skipped");
        List<ConsumerRecord<String, byte[]>> replayed = CliRun.records(bootstrap, source, "page-1");
        assertThat(replayed).hasSize(2);
        ConsumerRecord<String, byte[]> copy = replayed.get(1);
        assertThat(new String(copy.value(), StandardCharsets.UTF_8)).isEqualTo("{\"broken\":");
        assertThat(DeadLetters.get(copy.headers(), DeadLetter.REPLAYED_FROM)).isEqualTo(dlq + "-0@0");
        assertThat(copy.headers().lastHeader(DeadLetters.REASON)).as("dead-letter headers are not replayed").isNull();
        assertThat(CliRun.endOffsets(bootstrap, source)).isEqualTo(before + 1);

        // the replayed record fails again: its new dead letter points at the replay, and is not replayed by --all
        try (KafkaProducer<String, String> p = producer(bootstrap)) {
            deadLetter(p, dlq, "page-1", "{\"broken\":", "DESERIALIZATION", "processor", "unexpected end of JSON",
                    source + "-" + copy.partition() + "@" + copy.offset());
        }
        CliRun again = CliRun.of("dlq", "replay", dlq, "--all", "--bootstrap", bootstrap);
        assertThat(again.out()).contains("skipped " + dlq + "-0@3: a replay that failed again (DESERIALIZATION)")
                .contains("--offset 3 --from-file FILE").contains("replay: 3 sent, 1 skipped");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(CliRun.records(bootstrap, source, "page-1")).hasSize(3); // the original dead letter, once more; not the failed replay

        Path fixed = Files.createTempFile("fixed-", ".json");
        Files.writeString(fixed, "{\"fixed\":true}");
        CliRun fromFile = CliRun.of("dlq", "replay", dlq, "--offset", "3", "--from-file", fixed.toString(), "--bootstrap", bootstrap);
        assertThat(fromFile.exitCode()).isZero();
        List<ConsumerRecord<String, byte[]>> last = CliRun.records(bootstrap, source, "page-1");
        assertThat(new String(last.get(last.size() - 1).value(), StandardCharsets.UTF_8)).isEqualTo("{\"fixed\":true}");

        CliRun none = CliRun.of("dlq", "replay", dlq, "--bootstrap", bootstrap);
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("exactly one of --all, --reason R or --offset N");
    }

    private static void deadLetter(KafkaProducer<String, String> p, String dlq, String key, String value, String reason,
                                   String stage, String detail, String source) throws Exception {
        ProducerRecord<String, String> r = new ProducerRecord<>(dlq, key, value);
        DeadLetters.add(r.headers(), reason, stage, detail, source);
        p.send(r).get();
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
