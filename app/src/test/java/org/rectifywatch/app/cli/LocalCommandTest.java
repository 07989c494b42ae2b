package org.rectifywatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rectifywatch.app.Pipeline;
import picocli.CommandLine;

/** A start-up failure of {@code pipeline local} is one sentence on stderr and a non-zero exit, not a stack trace. */
class LocalCommandTest {

    @Test
    void takenPortsEndWithOneClearSentence() throws Exception {
        try (ServerSocket kafka = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             ServerSocket es = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CommandLine cl = Pipeline.commandLine();
            cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
            int rc = cl.execute("local", "--kafka-port", String.valueOf(kafka.getLocalPort()),
                    "--es-port", String.valueOf(es.getLocalPort()), "--data", java.nio.file.Files.createTempDirectory("local-cmd-").toString());
            String message = err.toString(StandardCharsets.UTF_8).strip();
            assertThat(rc).isEqualTo(2);
            assertThat(message).startsWith("pipeline local: ").contains("already taken").doesNotContain("\tat ");
            assertThat(message.lines()).hasSize(1);
        }
    }
}
