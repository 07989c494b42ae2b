package org.rectifywatch.app.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.rectifywatch.model.config.KafkaSettings;
import org.rectifywatch.model.ops.Reachability;
import org.rectifywatch.processor.service.Reprocess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pipeline reprocess}: every stored report through the current parser and classifier again. */
@Command(name = "reprocess", mixinStandardHelpOptions = true,
        description = {"Sends every page's latest record on reports.raw through the processor again, so that a parser or "
                + "classifier upgrade reaches the reports already indexed. The processor emits a new version only where "
                + "the outcome changed (tombstones for issues that vanished, alerts kept consistent); a second run "
                + "changes nothing. Safe while the processor and the crawler run."})
public final class ReprocessCommand implements Callable<Integer> {
    @Option(names = "--bootstrap", description = "Kafka bootstrap servers (kafka.bootstrap).")
    String bootstrap;

    @Option(names = "--timeout", defaultValue = "PT10M", description = "How long reading reports.raw may take (ISO-8601, default PT10M).")
    Duration timeout;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() {
        KafkaSettings kafka = KafkaSettings.from(options.source("kafka.bootstrap", bootstrap));
        Reachability.requireKafka(kafka, Reachability.WAIT);
        try {
            Reprocess.Result r = Reprocess.run(kafka, timeout, System.out);
            System.out.printf("reprocess: %,d pages sent again to the processor (%,d retracted left alone, %,d records read)%n",
                    r.sent(), r.retracted(), r.scanned());
            return 0;
        } catch (RuntimeException e) {
            System.err.println("pipeline reprocess: " + e.getMessage());
            return 1;
        }
    }
}
