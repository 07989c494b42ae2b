package org.rectifywatch.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.rectifywatch.app.demo.DemoRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pipeline demo}: the whole product on the sample site, end to end, on this machine. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Starts local Kafka and Elasticsearch, the sample site with the sample reports shipped with the project, "
                + "and crawler + processor + sink in one process; waits until every report's issues are searchable and "
                + "prints a summary read back from Elasticsearch.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--keep-running", description = "Leave the stack up for exploring (Ctrl-C stops it).")
    boolean keepRunning;

    @Option(names = "--data", paramLabel = "DIR", description = "Keep Kafka/Elasticsearch/processor state in DIR (default: temporary).")
    Path data;

    @Option(names = "--timeout", defaultValue = "PT4M", description = "Give up when the pipeline has not settled after this long (ISO-8601, default PT4M).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        DemoRunner demo = new DemoRunner(System.out, data);
        DemoRunner.Result result;
        try {
            result = demo.run(timeout);
        } catch (RuntimeException | Error e) {
            demo.close();
            throw e;
        }
        if (keepRunning) {
            System.out.println("the stack keeps running (Kafka " + result.bootstrap() + ", Elasticsearch " + result.esUrl()
                    + "); press Ctrl-C to stop everything");
            UntilStopped stopped = UntilStopped.onShutdown("demo-stop", demo::close);
            System.out.println(result.lastLine());
            stopped.await();
            return 0;
        }
        demo.close();
        System.out.println(result.lastLine());
        return 0;
    }
}
