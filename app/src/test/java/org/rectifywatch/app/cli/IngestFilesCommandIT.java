package org.rectifywatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.model.wire.WireSerdes;
import org.rectifywatch.samples.SampleReports;

/** {@code pipeline ingest files} on a real broker: keys by path or --key, edits, and a file too large to publish. */
@Tag("integration")
class IngestFilesCommandIT {

    @Test
    void anEditedFileKeepsTheKeyNamedByKey(@TempDir Path dir) throws Exception {
        LocalKafka kafka = SharedStack.kafka();
        Path file = dir.resolve("download (1).txt");
        Files.writeString(file, SampleReports.all().get(0).text());
        String name = "archive-" + System.nanoTime() + "/tongxi-2025.txt";

        CliRun first = CliRun.of("ingest", "--bootstrap", kafka.bootstrap(), "files", "--key", name, file.toString());
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("files: new 1, changed 0, unchanged 0, skipped {}");

        Files.writeString(file, SampleReports.all().get(0).text() + "\n特此通报。");
        CliRun second = CliRun.of("ingest", "--bootstrap", kafka.bootstrap(), "files", "--key", name, file.toString());
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("files: new 0, changed 1, unchanged 0");

        List<ConsumerRecord<String, byte[]>> records = CliRun.records(kafka.bootstrap(), Topics.REPORTS_RAW, "file:" + name);
        assertThat(records).hasSize(2);
        RawReport latest = WireSerdes.RAW_REPORT.deserializer().deserialize(Topics.REPORTS_RAW, records.get(1).value());
        assertThat(latest.url()).isEqualTo("file:" + name);
        assertThat(latest.text()).endsWith("特此通报。");
    }

    @Test
    void keyNamesOnePathOnly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), SampleReports.all().get(0).text());
        Files.writeString(dir.resolve("b.txt"), SampleReports.all().get(1).text());
        CliRun run = CliRun.of("ingest", "--bootstrap", SharedStack.kafka().bootstrap(), "files", "--key", "x",
                dir.resolve("a.txt").toString(), dir.resolve("b.txt").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--key applies to one PATH only");
    }

    @Test
    void anOversizedFileIsSkippedByPathTheRunGoesOnAndExitsTwo(@TempDir Path dir) throws Exception {
        LocalKafka kafka = SharedStack.kafka();
        Path folder = Files.createDirectories(dir.resolve("batch-" + System.nanoTime()));
        Files.writeString(folder.resolve("1.txt"), SampleReports.all().get(0).text());
        StringBuilder huge = new StringBuilder();
        while (huge.length() < 4_000_000) {
            huge.append(SampleReports.all().get(1).text()).append('\n');
        }
        Path big = folder.resolve("2-huge.txt");
        Files.writeString(big, huge);
        Files.writeString(folder.resolve("3.txt"), SampleReports.all().get(2).text());

        CliRun run = CliRun.of("ingest", "--bootstrap", kafka.bootstrap(), "files", folder.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("files: new 2, changed 0, unchanged 0, skipped {too_large=1}");
        assertThat(run.err()).contains("skipped " + big + ": too_large").doesNotContain("\tat org.");
        String prefix = "file:" + folder.getFileName() + "/";
        assertThat(CliRun.records(kafka.bootstrap(), Topics.REPORTS_RAW, prefix + "1.txt")).hasSize(1);
        assertThat(CliRun.records(kafka.bootstrap(), Topics.REPORTS_RAW, prefix + "3.txt")).hasSize(1);
        assertThat(CliRun.records(kafka.bootstrap(), Topics.REPORTS_RAW, prefix + "2-huge.txt")).isEmpty();
    }
}
