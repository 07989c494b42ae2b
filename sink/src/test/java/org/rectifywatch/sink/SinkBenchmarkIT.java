package org.rectifywatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.sink.bench.SinkBenchmark;

/** The benchmark runs end to end (it verifies the document counts itself) and prints its summary line. */
@Tag("integration")
class SinkBenchmarkIT {

    @Test
    void benchmarkComparesTheSinkWithRawBulkRequests() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        SinkBenchmark.run(SharedStack.elasticsearch().url(), SharedStack.kafka().bootstrap(), out);
        String text = buf.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        String last = text.lines().reduce((a, b) -> b).orElse("");
        assertThat(last).matches("bench sink: \\d+ docs/s vs baseline \\d+ docs/s = ratio \\d+\\.\\d\\d");
    }
}
