package org.rectifywatch.app.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code pipeline ingest --site-list} in a separate JVM, one crawler instance of a group, so that it can be killed the
 * way a crash kills a service: SIGKILL, no shutdown hook, its group membership left to time out.
 */
final class ChildCrawler implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ChildCrawler(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ChildCrawler start(String bootstrap, Map<String, String> settings, Path log) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-Dfile.encoding=UTF-8", "-cp", classPath(),
                "org.rectifywatch.app.Pipeline", "ingest", "--site-list", "--bootstrap", bootstrap));
        settings.forEach((k, v) -> cmd.addAll(List.of("--set", k + "=" + v)));
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("RECTIFY_"));
            return new ChildCrawler(pb.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the child crawler: " + e.getMessage(), e);
        }
    }

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
