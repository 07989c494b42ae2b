package org.rectifywatch.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.app.reliability.ReliabilityRow.Builder;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.json.Json;

/**
 * The restart pause of the processor and the sink (each its own JVM), after a clean stop (SIGTERM) and after a kill
 * (SIGKILL): the time from the stop to the first new output of the instance started right after it, with input
 * waiting. The processor's output is a new wave of reports on {@code issues.classified}; the sink's, documents from
 * topics of its own that the test fills, so its figure does not include the processor's pause. The figures are
 * printed always and held to {@code -Dreliability.restart.bar=SECONDS} only when that is given.
 */
@Tag("integration")
class RestartPauseIT {
    private static final String PREFIX = "http://backfill.test/pause/";
    private static final String[] SINK_TOPICS = {"pause.reports", "pause.issues", "pause.alerts"};

    @Test
    void restartPausesOfTheProcessorAndTheSinkAfterACleanStopAndAKill() throws Exception {
        Builder row = new Builder("p1-restart-pause", "Faults",
                "Processor and sink (each its own JVM) stopped cleanly (SIGTERM), then killed (SIGKILL), each restarted at once with input waiting");
        List<Backfill> waves = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            waves.add(Backfill.of(PREFIX, w, 1, name -> !name.startsWith("s02")));
        }
        try (LocalKafka kafka = LocalKafka.startTemporary();
             Stages stages = new Stages("pause", kafka.bootstrap(), SharedStack.elasticsearch().url())
                     .with("sink.topic.reports", SINK_TOPICS[0]).with("sink.topic.issues", SINK_TOPICS[1]).with("sink.topic.alerts", SINK_TOPICS[2])) {
            kafka.createPipelineTopics();
            kafka.createTopics(List.of(new Topics.Spec(SINK_TOPICS[0], 3, Map.of()), new Topics.Spec(SINK_TOPICS[1], 3, Map.of()),
                    new Topics.Spec(SINK_TOPICS[2], 3, Map.of())));
            ChildPipeline processor = ChildPipeline.start(ChildPipeline.processor(stages, Files.createTempDirectory("rel-pause-")).named("p1-processor"));
            ChildPipeline sink = ChildPipeline.start(ChildPipeline.sink(stages).named("p1-sink"));
            // published while the services start: straight after the topics are created a loaded broker can refuse
            // the idempotent producer's retries (OUT_OF_ORDER_SEQUENCE_NUMBER) until the batch expires
            waves.get(0).publish(kafka.bootstrap());
            List<ConsumerRecord<String, byte[]>> feed = new ArrayList<>();
            double[] processorPause = new double[2];
            double[] sinkPause = new double[2];
            long[] waveIssues = new long[3];
            int[] cleanExits = new int[2];
            try {
                waveIssues[0] = Stages.awaitStable(() -> issuesOnTopic(kafka, wave(0)), waves.get(0).expectedIssues(), Duration.ofMinutes(3));
                // the sink's input: the first wave's issue records, fed to it a third at a time
                feed.addAll(TopicReader.all(kafka.bootstrap(), Topics.ISSUES_CLASSIFIED).stream()
                        .filter(r -> r.value() != null && reportUrl(r).startsWith(wave(0))).toList());
                int third = feed.size() / 3;
                copy(kafka, feed.subList(0, third));
                long sinkDocs = Stages.awaitStable(() -> sinkDocuments(stages), third, Duration.ofMinutes(2));
                assertThat(sinkDocs).as("the sink's first third: %s", sink.tail()).isEqualTo(third);

                for (int round = 0; round < 2; round++) {
                    boolean clean = round == 0;
                    long stoppedAt;
                    if (clean) {
                        processor.signalStop();
                        sink.signalStop();
                        cleanExits[0] = processor.stop();
                        cleanExits[1] = sink.stop();
                    } else {
                        processor.kill();
                        sink.kill();
                    }
                    stoppedAt = System.nanoTime();
                    Backfill next = waves.get(round + 1);
                    next.publish(kafka.bootstrap());
                    List<ConsumerRecord<String, byte[]>> chunk = round == 0 ? feed.subList(third, 2 * third) : feed.subList(2 * third, feed.size());
                    copy(kafka, chunk);
                    long docsBefore = sinkDocuments(stages);
                    processor = ChildPipeline.start(ChildPipeline.processor(stages, Files.createTempDirectory("rel-pause-")).named("p1-processor"));
                    sink = ChildPipeline.start(ChildPipeline.sink(stages).named("p1-sink"));
                    String wave = wave(round + 1);
                    CompletableFuture<Double> p = measure(() -> issuesOnTopic(kafka, wave), 0, stoppedAt);
                    CompletableFuture<Double> s = measure(() -> sinkDocuments(stages), docsBefore, stoppedAt);
                    processorPause[round] = p.get();
                    sinkPause[round] = s.get();
                    System.out.printf("restart pause after a %s: processor %.1f s, sink %.1f s%n", clean ? "clean stop" : "kill",
                            processorPause[round], sinkPause[round]);
                    waveIssues[round + 1] = Stages.awaitStable(() -> issuesOnTopic(kafka, wave), next.expectedIssues(), Duration.ofMinutes(3));
                    long expectedDocs = docsBefore + chunk.size();
                    assertThat(Stages.awaitStable(() -> sinkDocuments(stages), expectedDocs, Duration.ofMinutes(2)))
                            .as("sink documents after round %d: %s", round, sink.tail()).isEqualTo(expectedDocs);
                }
            } finally {
                processor.close();
                sink.close();
            }
            String figures = String.format("processor %.1f s after a clean stop, %.1f s after a kill; sink %.1f s after a clean stop, %.1f s after a kill",
                    processorPause[0], processorPause[1], sinkPause[0], sinkPause[1]);
            System.out.println("restart pauses (target ≤ 10 s): " + figures);
            row.outcome("Time from the stop to the first new output of the instance started at once in its place: " + figures
                    + ". It includes the new JVM's start. " + (RestartPause.BAR == null ? "Measured, not held to a bar in this run (-Dreliability.restart.bar=10 holds it)."
                    : "Held to " + RestartPause.BAR + " s."))
                    .count("processor exit status after SIGTERM (shutdown hooks run)", ChildPipeline.SIGTERM_STATUS, cleanExits[0])
                    .count("sink exit status after SIGTERM (shutdown hooks run)", ChildPipeline.SIGTERM_STATUS, cleanExits[1])
                    .count("pauses measured (output resumed within 3 minutes)", 4,
                            java.util.stream.DoubleStream.of(processorPause[0], processorPause[1], sinkPause[0], sinkPause[1]).filter(x -> x >= 0).count());
            for (int w = 0; w < 3; w++) {
                row.count("issue records of wave " + (w + 1) + " on issues.classified", waves.get(w).expectedIssues(), waveIssues[w]);
            }
            row.count("issue documents the sink indexed from its input", feed.size(), sinkDocuments(stages));
            RestartPause.holdTo(row, "processor clean-stop", processorPause[0]);
            RestartPause.holdTo(row, "processor kill", processorPause[1]);
            RestartPause.holdTo(row, "sink clean-stop", sinkPause[0]);
            RestartPause.holdTo(row, "sink kill", sinkPause[1]);
            ReliabilityRow r = row.build(getClass().getSimpleName() + "#restartPausesOfTheProcessorAndTheSinkAfterACleanStopAndAKill");
            r.write(ReliabilityRow.DEFAULT_DIR);
            assertThat(r.counts()).allSatisfy(c -> assertThat(c.actual()).as(c.what()).isEqualTo(c.expected()));
        }
    }

    private static String wave(int w) {
        return PREFIX + "c" + w + "/";
    }

    private static String reportUrl(ConsumerRecord<String, byte[]> r) {
        return Json.read(r.value(), JsonNode.class).path("report_url").asText();
    }

    private static long issuesOnTopic(LocalKafka kafka, String prefix) {
        return TopicReader.all(kafka.bootstrap(), Topics.ISSUES_CLASSIFIED).stream()
                .filter(r -> r.value() != null && reportUrl(r).startsWith(prefix)).count();
    }

    private static long sinkDocuments(Stages stages) {
        return stages.issues(PREFIX);
    }

    /** Copies records, key and value, onto the sink's own issues topic. */
    private static void copy(LocalKafka kafka, List<ConsumerRecord<String, byte[]>> records) throws Exception {
        try (KafkaProducer<String, byte[]> producer = Backfill.producer(kafka.bootstrap())) {
            for (ConsumerRecord<String, byte[]> r : records) {
                producer.send(new ProducerRecord<>(SINK_TOPICS[1], r.key(), r.value()));
            }
            producer.flush();
        }
    }

    private static CompletableFuture<Double> measure(java.util.function.LongSupplier output, long before, long since) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return RestartPause.firstChange(output, before, since, Duration.ofMinutes(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1.0;
            }
        });
    }
}
