package org.rectifywatch.app.cli;

import java.util.concurrent.Callable;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.ops.HealthSettings;
import org.rectifywatch.model.ops.Reachability;
import org.rectifywatch.model.ops.ServiceOps;
import org.rectifywatch.processor.service.ProcessorConfig;
import org.rectifywatch.processor.service.ProcessorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pipeline process}: the Kafka Streams processor as a service. */
@Command(name = "process", mixinStandardHelpOptions = true,
        description = "Runs the processor: reports.raw → reports.parsed, issues.classified, alerts.overdue, reports.dlq "
                + "(exactly-once). Every setting is also read from RECTIFY_<KEY> environment variables.")
public final class ProcessCommand implements Callable<Integer> {

    @Option(names = "--bootstrap", description = "Kafka bootstrap servers (kafka.bootstrap).")
    String bootstrap;

    @Option(names = "--application-id", description = "Kafka Streams application id (processor.application.id).")
    String applicationId;

    @Option(names = "--state-dir", description = "Local state directory (processor.state.dir).")
    String stateDir;

    @Option(names = "--threads", description = "Stream threads (processor.threads).")
    Integer threads;

    @Option(names = "--punctuation", description = "How often deadlines are re-evaluated, e.g. 60s (processor.punctuation.interval).")
    String punctuation;

    @Option(names = "--window-months", description = "Rectification window after feedback, in months (processor.rectification.window.months).")
    Integer windowMonths;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws InterruptedException {
        ConfigSource source = config.source(
                "kafka.bootstrap", bootstrap,
                "processor.application.id", applicationId,
                "processor.state.dir", stateDir,
                "processor.threads", threads,
                "processor.punctuation.interval", punctuation,
                "processor.rectification.window.months", windowMonths);
        ProcessorConfig processorConfig = ProcessorConfig.from(source);
        HealthSettings health = HealthSettings.from(source);
        Reachability.requireKafka(processorConfig.kafka(), Reachability.WAIT);
        ServiceOps ops = new ServiceOps("processor", health);
        ProcessorService service = new ProcessorService(processorConfig);
        ServiceHealth.processor(ops, service);
        UntilStopped stopped = UntilStopped.onShutdown("processor-stop", () -> {
            service.close();
            ops.close();
        });
        service.start();
        ops.start();
        stopped.await();
        return 0;
    }
}
