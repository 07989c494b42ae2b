package org.rectifywatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.report.Contact;
import org.rectifywatch.model.report.ReportMeta;
import org.rectifywatch.model.wire.ReportRecord;
import org.rectifywatch.model.wire.WireSerdes;
import org.rectifywatch.processor.report.ReportIds;

/** {@code pipeline retract} on a real broker: the tombstone lands on reports.raw under the report's key. */
@Tag("integration")
class RetractCommandIT {

    @Test
    void aUrlIsRetractedUnderItsCanonicalForm() {
        LocalKafka kafka = SharedStack.kafka();
        long n = System.nanoTime();
        String canonical = "http://www.example.gov.cn/xsxc/" + n + ".html";

        CliRun run = CliRun.of("retract", "--bootstrap", kafka.bootstrap(), "HTTP://WWW.Example.gov.cn:80/xsxc/" + n + ".html?spm=a1#top");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("retracted " + canonical + " (report " + ReportIds.reportId(canonical) + ")");
        List<ConsumerRecord<String, byte[]>> records = CliRun.records(kafka.bootstrap(), Topics.REPORTS_RAW, canonical);
        assertThat(records).singleElement().satisfies(r -> assertThat(r.value()).isNull());
    }

    @Test
    void aReportIdIsRetractedUnderTheUrlItHasOnReportsParsed() {
        LocalKafka kafka = SharedStack.kafka();
        String fileKey = "file:archive-" + System.nanoTime() + "/2025/关于整改进展情况的通报.txt";
        String id = ReportIds.reportId(fileKey);
        writeParsed(kafka, id, report(id, 1, fileKey, "旧标题"));
        writeParsed(kafka, id, report(id, 2, fileKey, "关于巡视整改进展情况的通报"));

        CliRun run = CliRun.of("retract", "--bootstrap", kafka.bootstrap(), id.toUpperCase().replace('R', 'r'));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("retracted " + fileKey + " (report " + id + ": 关于巡视整改进展情况的通报)");
        assertThat(CliRun.records(kafka.bootstrap(), Topics.REPORTS_RAW, fileKey))
                .singleElement().satisfies(r -> assertThat(r.value()).isNull());
    }

    @Test
    void anUnknownOrAlreadyRetractedIdFailsNamingItAndWritesNothing() {
        LocalKafka kafka = SharedStack.kafka();
        String url = "https://www.example.gov.cn/gone/" + System.nanoTime() + ".html";
        String retracted = ReportIds.reportId(url);
        writeParsed(kafka, retracted, report(retracted, 1, url, "已撤回的报告"));
        writeParsed(kafka, retracted, null);
        String unknown = ReportIds.reportId(url + "?never");

        for (String id : List.of(unknown, retracted)) {
            long before = CliRun.endOffsets(kafka.bootstrap(), Topics.REPORTS_RAW);
            CliRun run = CliRun.of("retract", "--bootstrap", kafka.bootstrap(), id);
            assertThat(run.exitCode()).as(id).isNotZero();
            assertThat(run.err()).contains("no report " + id + " on reports.parsed").contains("retract by the page's URL");
            assertThat(run.out()).doesNotContain("retracted");
            assertThat(CliRun.endOffsets(kafka.bootstrap(), Topics.REPORTS_RAW)).isEqualTo(before);
        }
    }

    @Test
    void somethingThatIsNeitherAUrlNorAnIdIsRefused() {
        CliRun run = CliRun.of("retract", "--bootstrap", SharedStack.kafka().bootstrap(), "r12345");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("r12345 is neither an http(s) URL, a file: key nor a report id");
    }

    private static ReportRecord report(String id, int version, String url, String title) {
        ReportMeta meta = new ReportMeta("某县", null, null, "县委第一巡察组", "县委", "巡察", null, null, null, null, null, title,
                Contact.NONE);
        return new ReportRecord(id, version, url, "files", title, null, "0".repeat(64), Instant.now(), Instant.now(), meta,
                Map.of(), 0, Map.of(), Map.of(), 0, 100, List.of(), List.of(), "parser-3", "classifier-x", List.of(), null);
    }

    private static void writeParsed(LocalKafka kafka, String id, ReportRecord value) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrap());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            byte[] bytes = value == null ? null : WireSerdes.REPORT.serializer().serialize(Topics.REPORTS_PARSED, value);
            producer.send(new ProducerRecord<>(Topics.REPORTS_PARSED, id, bytes)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
