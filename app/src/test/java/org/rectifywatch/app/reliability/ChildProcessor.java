package org.rectifywatch.app.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pipeline process} in a separate JVM, so that it can be killed the way a crash or an OOM-killer kills a
 * service: SIGKILL, no shutdown hook, no close, open transactions left behind.
 */
final class ChildProcessor implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ChildProcessor(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ChildProcessor start(String bootstrap, String applicationId, Path stateDir, Path log) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-Dfile.encoding=UTF-8", "-cp", classPath(),
                "org.rectifywatch.app.Pipeline", "process", "--bootstrap", bootstrap, "--application-id", applicationId,
                "--state-dir", stateDir.toString(), "--punctuation", "1s"));
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("RECTIFY_"));
            return new ChildProcessor(pb.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the child processor: " + e.getMessage(), e);
        }
    }

    /** Surefire names the test class path in a property; outside it, this JVM's class path. */
    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        return String.join(File.pathSeparator, cp.split(File.pathSeparator));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL, and wait until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
