package org.rectifywatch.app.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.rectifywatch.model.ops.CrashPoint;

/**
 * One {@code pipeline} service (process, sink, ingest) in a JVM of its own, so that it can be killed the way a crash or
 * the OOM-killer kills a service: SIGKILL (or a {@link CrashPoint} halt at a chosen window), no shutdown hook, no close,
 * open transactions and unacknowledged writes left behind. {@link #stop()} is the operator's clean stop (SIGTERM: the
 * shutdown hook closes the service). Settings go as {@code --set key=value}; secrets (the webhook URL) in the
 * environment, as in production.
 */
final class ChildPipeline implements AutoCloseable {
    /** A JVM's exit status after SIGTERM once its shutdown hooks have run (128 + 15). */
    static final int SIGTERM_STATUS = 143;
    private final String name;
    private final Process process;
    private final Path log;

    private ChildPipeline(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** What a child runs: its subcommand and arguments, settings, environment and, optionally, an armed crash point. */
    record Spec(String name, List<String> args, Map<String, String> settings, Map<String, String> env, String crashAt) {
        Spec armed(String point) {
            return new Spec(name, args, settings, env, point);
        }

        Spec named(String newName) {
            return new Spec(newName, args, settings, env, crashAt);
        }
    }

    /** {@code pipeline process} with the scenario's settings and its own state dir. */
    static Spec processor(Stages stages, Path stateDir) {
        return new Spec("processor", List.of("process", "--state-dir", stateDir.toString()), settings(stages, "processor."), Map.of(), null);
    }

    /** {@code pipeline sink} with the scenario's settings; the webhook URL (a secret) in the environment. */
    static Spec sink(Stages stages) {
        Map<String, String> settings = settings(stages, "es.", "sink.");
        String webhook = settings.remove("sink.webhook.url");
        return new Spec("sink", List.of("sink"), settings, webhook == null ? Map.of() : Map.of("RECTIFY_SINK_WEBHOOK_URL", webhook), null);
    }

    /** {@code pipeline ingest --once} over the profiles file. */
    static Spec crawler(Stages stages, Path profiles) {
        return new Spec("ingest", List.of("ingest", "--once", "--profiles", profiles.toString()), settings(stages, "ingest."), Map.of(), null);
    }

    /** {@code pipeline ingest --site-list}: one crawler instance of the group that shares the site list. */
    static Spec siteListCrawler(String name, String bootstrap, Map<String, String> ingestSettings) {
        Map<String, String> settings = new java.util.LinkedHashMap<>(ingestSettings);
        settings.put("kafka.bootstrap", bootstrap);
        return new Spec(name, List.of("ingest", "--site-list"), settings, Map.of(), null);
    }

    /** The Kafka settings and those of one service: a service is given no key of another. */
    private static Map<String, String> settings(Stages stages, String... prefixes) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        stages.settings().forEach((k, v) -> {
            if (k.startsWith("kafka.") || java.util.Arrays.stream(prefixes).anyMatch(k::startsWith)) {
                m.put(k, v);
            }
        });
        return m;
    }

    static ChildPipeline start(Spec spec) {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xmx512m", "-Dfile.encoding=UTF-8"));
        if (spec.crashAt() != null) {
            cmd.add("-D" + CrashPoint.PROPERTY + "=" + spec.crashAt());
        }
        cmd.addAll(List.of("-cp", classPath(), "org.rectifywatch.app.Pipeline"));
        cmd.addAll(spec.args());
        spec.settings().forEach((k, v) -> cmd.addAll(List.of("--set", k + "=" + v)));
        Path logFile = ReliabilityRow.DEFAULT_DIR.resolve("child-" + spec.name() + ".log");
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            pb.environment().keySet().removeIf(k -> k.startsWith("RECTIFY_"));
            pb.environment().putAll(spec.env());
            Files.writeString(logFile, "---- " + Instant.now() + " start " + spec.args() + (spec.crashAt() == null ? ""
                    : " armed at " + spec.crashAt()) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new ChildPipeline(spec.name(), pb.start(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the child " + spec.name() + ": " + e.getMessage(), e);
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

    /** SIGKILL, and wait until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM without waiting, so that several children stop at once. */
    void signalStop() {
        process.destroy();
    }

    /** SIGTERM (the service's shutdown hook closes it cleanly); waits for the exit and returns its status. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child " + name + " did not stop within 90 s of SIGTERM: " + tail());
        }
        return process.exitValue();
    }

    /** Waits for the child to exit by itself (a crash point, the end of a pass); its status, or -1 if it still runs. */
    int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The last lines of the log, for assertion messages. */
    String tail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
