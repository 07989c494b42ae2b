package org.rectifywatch.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rectifywatch.localstack.LocalStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pipeline local}: the local Kafka and Elasticsearch, until interrupted. */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "Starts a local Kafka broker and Elasticsearch node on loopback, creates the topics, prints "
                + "their addresses and runs until interrupted (Ctrl-C stops both). An Elasticsearch node that dies is reported "
                + "and started again on the same data; Elasticsearch never outlives this process, however it ends.")
public final class LocalCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Keep topics, offsets, indices and ports in DIR between runs (default: temporary). "
                    + "When run as root, DIR must be reachable by the Elasticsearch user (e.g. under /var/tmp).")
    Path data;

    @Option(names = "--kafka-port", defaultValue = "0", description = "Kafka broker port (0 = free port or the one recorded in --data).")
    int kafkaPort;

    @Option(names = "--es-port", defaultValue = "0", description = "Elasticsearch HTTP port (0 = free port or the one recorded in --data).")
    int esPort;

    @Override
    public Integer call() throws InterruptedException {
        LocalStack stack = LocalStack.start(data, kafkaPort, esPort);
        stack.elasticsearch().superviseRestarts();
        UntilStopped stopped = UntilStopped.onShutdown("local-stack-stop", () -> {
            System.err.println("stopping local Kafka and Elasticsearch …");
            stack.close();
        });
        System.out.println("kafka.bootstrap=" + stack.kafka().bootstrap());
        System.out.println("elasticsearch.url=" + stack.elasticsearch().url());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
