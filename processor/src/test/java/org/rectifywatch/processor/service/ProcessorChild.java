package org.rectifywatch.processor.service;

import java.time.Duration;
import java.util.Map;
import org.rectifywatch.model.config.ConfigSource;

/**
 * A processor in a JVM of its own, for tests that kill it with SIGKILL: {@code bootstrap applicationId stateDir}.
 * Prints {@code RUNNING} once it runs, then runs until killed.
 */
public final class ProcessorChild {
    private ProcessorChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        ProcessorService service = new ProcessorService(ProcessorConfig.from(new ConfigSource(Map.of(
                "kafka.bootstrap", args[0],
                "processor.application.id", args[1],
                "processor.state.dir", args[2],
                "processor.threads", "1"), Map.of())));
        service.start();
        if (service.awaitRunning(Duration.ofMinutes(2))) {
            System.out.println("RUNNING");
            System.out.flush();
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
