package org.rectifywatch.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Elasticsearch started as a child process on loopback (security off: it listens on
 * loopback only). When this JVM is root, ES runs as an unprivileged user. Readiness is checked with cluster
 * health — this distribution has no {@code GET /}. {@link #close()} stops the whole process tree; a node left
 * behind by a killed JVM is found by its pid file and stopped on the next start on the same data dir.
 */
public final class LocalElasticsearch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalElasticsearch.class);
    private static final String PORTS_FILE = "localstack-es.properties";

    private final Path home;
    private final Path nodeDir;
    private final boolean temporary;
    private final int httpPort;
    private final int transportPort;
    private final String user;
    private final String heap;
    private Process process;
    /** Set by {@link #superviseRestarts()}: a node that dies unasked is reported and started again. */
    private volatile boolean supervised;
    private final Thread shutdownHook = new Thread(this::stopQuietly, "local-es-stop");

    private LocalElasticsearch(Path home, Path nodeDir, boolean temporary, int httpPort, int transportPort, String user, String heap) {
        this.home = home;
        this.nodeDir = nodeDir;
        this.temporary = temporary;
        this.httpPort = httpPort;
        this.transportPort = transportPort;
        this.user = user;
        this.heap = heap;
    }

    public static LocalElasticsearch startTemporary() {
        try {
            Path base = ElasticsearchUser.runningAsRoot() ? Path.of("/var/tmp/rectify-watch") : Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(base);
            ElasticsearchDistribution.makeTraversable(base);
            return start(Files.createTempDirectory(base, "es-node-"), true, 0);
        } catch (IOException e) {
            throw new StartupException("cannot create a temporary directory for Elasticsearch (" + e + "): check free disk space");
        }
    }

    /** Starts a node whose data, logs and config live in {@code nodeDir}; port 0 = recorded or free port. */
    public static LocalElasticsearch start(Path nodeDir, boolean deleteOnClose, int port) {
        Path dir = nodeDir.toAbsolutePath();
        Path home = ElasticsearchDistribution.home();
        Path java = JavaRuntimeFinder.findForElasticsearch();
        String user = null;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StartupException("cannot create the Elasticsearch data dir " + dir + " (" + e + "): choose a writable --data dir");
        }
        if (ElasticsearchUser.runningAsRoot()) {
            user = ElasticsearchUser.name();
            ElasticsearchUser.ensureExists(user);
            ElasticsearchUser.requireReachable(dir, user);
        }
        stopLeftover(dir);
        Properties recorded = readProps(dir.resolve(PORTS_FILE));
        int http = port != 0 ? port : Integer.parseInt(recorded.getProperty("http.port", "0"));
        int transport = Integer.parseInt(recorded.getProperty("transport.port", "0"));
        http = http == 0 ? Ports.free() : Ports.requireFree(http, "Elasticsearch HTTP");
        transport = transport == 0 ? Ports.free() : Ports.requireFree(transport, "Elasticsearch transport");
        String heap = Optional.ofNullable(System.getenv("RECTIFY_ES_HEAP")).filter(s -> !s.isBlank()).orElse("768m");
        LocalElasticsearch es = new LocalElasticsearch(home, dir, deleteOnClose, http, transport, user, heap);
        es.writePorts();
        es.launch(java);
        return es;
    }

    public String url() {
        return "http://" + Ports.LOOPBACK + ":" + httpPort;
    }

    /** The file the node writes its own process id to (the server JVM, not the launcher). */
    public Path pidFile() {
        return nodeDir.resolve("es.pid");
    }

    public int port() {
        return httpPort;
    }

    /** CPU time used so far by the node's process tree (launcher and server), for benchmarks; zero when stopped. */
    public synchronized Duration cpuTime() {
        if (process == null) {
            return Duration.ZERO;
        }
        Duration total = process.info().totalCpuDuration().orElse(Duration.ZERO);
        for (ProcessHandle h : process.descendants().toList()) {
            total = total.plus(h.info().totalCpuDuration().orElse(Duration.ZERO));
        }
        return total;
    }

    /** The node's process and its descendants (the launcher and the JVM it starts); empty when stopped. */
    public synchronized List<Long> pids() {
        if (process == null) {
            return List.of();
        }
        List<Long> pids = new ArrayList<>();
        pids.add(process.pid());
        process.descendants().forEach(h -> pids.add(h.pid()));
        return pids;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the node (data kept) — fault tests restart it with {@link #startAgain()} on the same port. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        Process p = process;
        process = null;
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        p.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // already running the hook
        }
        log.info("Elasticsearch at {} stopped", url());
    }

    /**
     * From now on a node that exits without {@link #stop()} is reported at once (one ERROR line) and started again on
     * the same data dir and port.
     */
    public synchronized void superviseRestarts() {
        supervised = true;
        if (process != null) {
            watch(process);
        }
    }

    private void watch(Process p) {
        p.onExit().thenRunAsync(() -> {
            synchronized (this) {
                if (!supervised || process != p) {
                    return; // stopped on purpose, or already replaced
                }
                process = null;
            }
            log.error("Elasticsearch at {} exited unexpectedly (code {}, log {}): restarting it on the same data",
                    url(), p.exitValue(), nodeDir.resolve("logs"));
            try {
                startAgain();
                log.info("Elasticsearch at {} is back", url());
            } catch (RuntimeException e) {
                log.error("Elasticsearch at {} could not be restarted: {}", url(), e.getMessage());
            }
        });
    }

    public synchronized void startAgain() {
        if (!isRunning()) {
            launch(JavaRuntimeFinder.findForElasticsearch());
        }
    }

    @Override
    public synchronized void close() {
        stop();
        if (temporary) {
            LocalKafka.deleteRecursively(nodeDir);
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException ignored) {
            // best effort at JVM exit
        }
    }

    private void launch(Path java) {
        Path data = nodeDir.resolve("data");
        Path logs = nodeDir.resolve("logs");
        Path conf = nodeDir.resolve("config");
        Path tmp = nodeDir.resolve("tmp");
        try {
            for (Path d : List.of(data, logs, conf, tmp)) {
                Files.createDirectories(d);
            }
            copyConfig(conf, logs);
        } catch (IOException e) {
            throw new StartupException("cannot prepare the Elasticsearch dirs in " + nodeDir + " (" + e + "): choose a writable --data dir");
        }
        if (user != null) {
            ElasticsearchUser.handOver(nodeDir, user);
        }
        Path watchdog = writeWatchdog();
        List<String> cmd = new ArrayList<>();
        if (user != null) {
            cmd.addAll(List.of("setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups", "--"));
        }
        // the watchdog stops the node when this JVM dies in any way (its stdin, a pipe from here, closes)
        cmd.addAll(List.of("/bin/sh", watchdog.toString(), nodeDir.resolve("es.pid").toString()));
        cmd.add(home.resolve("bin/elasticsearch").toString());
        cmd.add("-p");
        cmd.add(nodeDir.resolve("es.pid").toString());
        for (String setting : List.of(
                "cluster.name=rectify-local",
                "node.name=rectify-local",
                "path.data=" + data,
                "path.logs=" + logs,
                "network.host=" + Ports.LOOPBACK,
                "http.port=" + httpPort,
                "transport.port=" + transportPort,
                "discovery.type=single-node",
                "xpack.security.enabled=false",
                "cluster.routing.allocation.disk.threshold_enabled=false",
                "action.auto_create_index=false")) {
            cmd.add("-E");
            cmd.add(setting);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(nodeDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(nodeDir.resolve("console.log").toFile()));
        pb.environment().put("ES_JAVA_HOME", java.toString());
        pb.environment().put("ES_PATH_CONF", conf.toString());
        pb.environment().put("ES_TMPDIR", tmp.toString());
        pb.environment().put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
        pb.environment().put("HOME", nodeDir.toString());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new StartupException("cannot run " + cmd.get(0) + " (" + e.getMessage()
                    + "): " + (user != null ? "install util-linux (setpriv) or run as a non-root user" : "check that " + home + " is intact"));
        }
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalArgumentException alreadyRegistered) {
            // a restart after an unexpected exit: the hook of the first start still stands
        }
        awaitReady(Duration.ofSeconds(Long.parseLong(Optional.ofNullable(System.getenv("RECTIFY_ES_START_TIMEOUT_S")).orElse("180"))));
        if (supervised) {
            watch(process);
        }
        log.info("Elasticsearch {} ready at {} (data {}{})", ElasticsearchDistribution.VERSION, url(), nodeDir,
                user == null ? "" : ", running as user " + user);
    }

    private Path writeWatchdog() {
        Path script = nodeDir.resolve("es-watchdog.sh");
        try (var in = LocalElasticsearch.class.getResourceAsStream("es-watchdog.sh")) {
            if (in == null) {
                throw new StartupException("es-watchdog.sh is missing from the localstack jar: rebuild it");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            script.toFile().setReadable(true, false);
            return script;
        } catch (IOException e) {
            throw new StartupException("cannot write " + script + " (" + e + "): choose a writable --data dir");
        }
    }

    private void copyConfig(Path conf, Path logs) throws IOException {
        for (String f : List.of("log4j2.properties", "elasticsearch.yml")) {
            Files.copy(home.resolve("config").resolve(f), conf.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        // our own jvm.options: no GC log or heap dumps in a relative path the ES user may not write to
        String options = String.join("\n", Files.readAllLines(home.resolve("config/jvm.options")).stream()
                .filter(l -> !l.startsWith("-Xlog:") && !l.startsWith("-XX:+HeapDumpOnOutOfMemoryError")
                        && !l.startsWith("-XX:ErrorFile"))
                .toList()) + "\n-XX:ErrorFile=" + logs.resolve("hs_err_pid%p.log") + "\n";
        Files.writeString(conf.resolve("jvm.options"), options);
        Files.createDirectories(conf.resolve("jvm.options.d"));
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=2s");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String tail = tail(nodeDir.resolve("console.log"), 15);
                process = null;
                throw new StartupException("Elasticsearch exited during start-up with code " + exitCode() + " (log: "
                        + nodeDir.resolve("console.log") + "):\n" + tail);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupException("interrupted while waiting for Elasticsearch");
            }
            LocalKafka.sleep(300);
        }
        stop();
        throw new StartupException("Elasticsearch did not become ready at " + url() + " within " + timeout.toSeconds()
                + " s (log: " + nodeDir.resolve("console.log") + "): check free memory, or raise RECTIFY_ES_START_TIMEOUT_S");
    }

    private int exitCode() {
        try {
            return process.exitValue();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** A node from an earlier run whose JVM died without stopping it would hold the data dir lock. */
    private static void stopLeftover(Path dir) {
        Path pidFile = dir.resolve("es.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).filter(h -> h.info().command().orElse("").contains("java")).ifPresent(h -> {
                log.warn("stopping Elasticsearch pid {} left over from an earlier run on {}", pid, dir);
                h.destroy();
                try {
                    h.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    h.destroyForcibly();
                }
            });
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            // unreadable pid file: nothing to stop
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static Properties readProps(Path f) {
        Properties p = new Properties();
        if (Files.exists(f)) {
            try (var in = Files.newInputStream(f)) {
                p.load(in);
            } catch (IOException e) {
                // start afresh with free ports
            }
        }
        return p;
    }

    private void writePorts() {
        Properties p = new Properties();
        p.setProperty("http.port", String.valueOf(httpPort));
        p.setProperty("transport.port", String.valueOf(transportPort));
        try (var out = Files.newOutputStream(nodeDir.resolve(PORTS_FILE))) {
            p.store(out, "ports of the local Elasticsearch node; kept so a restart keeps its address");
        } catch (IOException e) {
            throw new StartupException("cannot write to the Elasticsearch data dir " + nodeDir + " (" + e + "): choose a writable --data dir");
        }
    }
}
