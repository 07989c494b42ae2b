package org.rectifywatch.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.processor.service.ProcessorConfig;
import org.rectifywatch.processor.service.ProcessorService;
import picocli.CommandLine.Command;
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

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any configuration key, e.g. --set processor.time.zone=Asia/Shanghai.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> o = new LinkedHashMap<>(settings);
        putIf(o, "kafka.bootstrap", bootstrap);
        putIf(o, "processor.application.id", applicationId);
        putIf(o, "processor.state.dir", stateDir);
        putIf(o, "processor.threads", threads);
        putIf(o, "processor.punctuation.interval", punctuation);
        putIf(o, "processor.rectification.window.months", windowMonths);
        ProcessorService service = new ProcessorService(ProcessorConfig.from(ConfigSource.of(o)));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "processor-stop"));
        service.start();
        stopped.await();
        return 0;
    }

    static void putIf(Map<String, String> map, String key, Object value) {
        if (value != null) {
            map.put(key, value.toString());
        }
    }
}
