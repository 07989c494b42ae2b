package org.rectifywatch.processor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectifywatch.processor.service.ProcessorItSupport.config;
import static org.rectifywatch.processor.service.ProcessorItSupport.pollUntil;
import static org.rectifywatch.processor.service.ProcessorItSupport.publish;
import static org.rectifywatch.processor.service.ProcessorItSupport.reader;
import static org.rectifywatch.processor.service.ProcessorItSupport.report;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.wire.DeadLetters;
import org.rectifywatch.model.wire.IssueRecord;

/**
 * Exactly-once and an output the broker would refuse: on a broker whose {@code issues.classified} takes at most
 * 40,000 bytes (as a topic created by an older version might), a report with a larger issue becomes one dead
 * letter and the next report on the same partition is processed; no transaction aborts, no thread is replaced.
 */
@Tag("integration")
class OversizedOutputIT {

    @Test
    void anOversizedIssueBecomesADeadLetterAndTheNextReportIsProcessed() throws Exception {
        try (LocalKafka kafka = LocalKafka.startTemporary()) {
            kafka.createTopics(List.of(new Topics.Spec(Topics.ISSUES_CLASSIFIED, 3,
                    Map.of("cleanup.policy", "compact", "max.message.bytes", "40000"))));
            kafka.createPipelineTopics();
            String run = ProcessorItSupport.run();
            String big = "https://big.example.gov.cn/" + run + "/t1.html";
            String next = "https://next.example.gov.cn/" + run + "/t2.html";
            publish(kafka.bootstrap(), 0, big, report(run, 0, "修订完善相关制度,开展专项检查,逐项整改到位。".repeat(1500)));
            String nextId = publish(kafka.bootstrap(), 0, next, report(run, 1, "修订干部选拔任用工作规程,该问题已全部整改到位。"));

            try (ProcessorService service = new ProcessorService(config(kafka.bootstrap(), "it-oversize-" + run, Map.of()));
                 KafkaConsumer<String, byte[]> out = reader(kafka.bootstrap(), Topics.ISSUES_CLASSIFIED, Topics.REPORTS_DLQ)) {
                service.start();
                assertThat(service.recordLimits().of(Topics.ISSUES_CLASSIFIED)).isEqualTo(40_000);
                List<ConsumerRecord<String, byte[]>> seen = pollUntil(out, Duration.ofSeconds(90),
                        rs -> rs.stream().filter(r -> r.topic().equals(Topics.ISSUES_CLASSIFIED) && r.key().startsWith(nextId)).count() == 2
                                && rs.stream().anyMatch(r -> r.topic().equals(Topics.REPORTS_DLQ)));

                List<IssueRecord> issues = seen.stream().filter(r -> r.topic().equals(Topics.ISSUES_CLASSIFIED))
                        .map(r -> Json.read(r.value(), IssueRecord.class)).toList();
                assertThat(issues).as("the next report's issues, and none of the oversized one's").hasSize(2)
                        .allSatisfy(i -> assertThat(i.reportUrl()).isEqualTo(next));
                List<ConsumerRecord<String, byte[]>> dead = seen.stream().filter(r -> r.topic().equals(Topics.REPORTS_DLQ)).toList();
                assertThat(dead).singleElement().satisfies(d -> {
                    assertThat(DeadLetters.reason(d.headers())).isEqualTo("OUTPUT_TOO_LARGE");
                    assertThat(DeadLetters.get(d.headers(), DeadLetters.DETAIL)).contains(big).contains("issues.classified")
                            .contains("limit of 40000 bytes");
                });
                assertThat(service.metrics().oversized.get()).isEqualTo(1);
                assertThat(service.streams().metadataForLocalThreads()).as("the one stream thread was never replaced")
                        .singleElement().satisfies(t -> assertThat(t.threadName()).endsWith("StreamThread-1"));
            }
        }
    }
}
