package org.rectifywatch.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.rectifywatch.model.TopicInstaller;
import org.rectifywatch.model.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker+controller) running in this JVM on loopback.
 * The data dir keeps the formatted storage and the chosen ports, so a restart on the same dir keeps the
 * same bootstrap address and every topic and offset. Settings are the single-broker ones that consumer
 * groups and exactly-once transactions need (replication factor 1, min ISR 1).
 */
public final class LocalKafka implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);
    private static final String PORTS_FILE = "localstack-kafka.properties";

    private final Path dataDir;
    private final boolean temporary;
    private final int brokerPort;
    private final int controllerPort;
    private KafkaRaftServer server;

    private LocalKafka(Path dataDir, boolean temporary, int brokerPort, int controllerPort) {
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
    }

    /** Starts a broker in a fresh temporary directory that is deleted on close. */
    public static LocalKafka startTemporary() {
        try {
            return start(Files.createTempDirectory("rectify-kafka-"), true, 0);
        } catch (IOException e) {
            throw new StartupException("cannot create a temporary directory for Kafka (" + e.getMessage() + "): check free space in " + System.getProperty("java.io.tmpdir"));
        }
    }

    /**
     * Starts a broker on {@code dataDir} (created and formatted when new). {@code port} 0 picks a free port,
     * or reuses the port recorded in the data dir by an earlier run.
     */
    public static LocalKafka start(Path dataDir, boolean deleteOnClose, int port) {
        Path dir = dataDir.toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StartupException("cannot create the Kafka data dir " + dir + " (" + e + "): choose a writable --data dir");
        }
        Properties recorded = readPorts(dir);
        int broker = port != 0 ? port : Integer.parseInt(recorded.getProperty("broker.port", "0"));
        int controller = Integer.parseInt(recorded.getProperty("controller.port", "0"));
        broker = broker == 0 ? Ports.free() : Ports.requireFree(broker, "Kafka broker");
        controller = controller == 0 ? Ports.free() : Ports.requireFree(controller, "Kafka controller");
        LocalKafka kafka = new LocalKafka(dir, deleteOnClose, broker, controller);
        kafka.writePorts();
        kafka.startServer();
        return kafka;
    }

    public String bootstrap() {
        return Ports.LOOPBACK + ":" + brokerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Creates the topics that do not exist yet. */
    public void createTopics(Collection<Topics.Spec> specs) {
        try (Admin admin = admin()) {
            TopicInstaller.ensure(admin, specs);
        }
    }

    public void createPipelineTopics() {
        createTopics(Topics.ALL);
    }

    public Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        return Admin.create(p);
    }

    /** Stops the broker (data kept) — for fault tests; {@link #restart()} brings it back on the same port. */
    public synchronized void stopBroker() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    public synchronized void restart() {
        stopBroker();
        startServer();
    }

    @Override
    public synchronized void close() {
        stopBroker();
        if (temporary) {
            deleteRecursively(dataDir);
        }
    }

    private synchronized void startServer() {
        Path logDir = dataDir.resolve("kraft-logs");
        Properties props = brokerProperties(logDir);
        KafkaConfig config = new KafkaConfig(props, false);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(logDir);
        }
        KafkaRaftServer s = new KafkaRaftServer(config, Time.SYSTEM);
        s.startup();
        server = s;
        awaitReady(Duration.ofSeconds(60));
        log.info("Kafka broker ready at {} (data {})", bootstrap(), dataDir);
    }

    private Properties brokerProperties(Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + Ports.LOOPBACK + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + brokerPort + ",CONTROLLER://" + Ports.LOOPBACK + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "false");
        // single broker: every internal topic with one replica, transactions with min ISR 1
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("default.replication.factor", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        return p;
    }

    private void format(Path logDir) {
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setControllerListenerName("CONTROLLER")
                    .run();
        } catch (Exception e) {
            throw new StartupException("formatting Kafka storage in " + logDir + " failed (" + e.getMessage()
                    + "): delete that directory or choose another --data dir", e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try (Admin admin = admin()) {
                if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            sleep(200);
        }
        throw new StartupException("the local Kafka broker at " + bootstrap() + " did not become ready within "
                + timeout.toSeconds() + " s (" + last + "): check the log above and free memory");
    }

    private static Properties readPorts(Path dir) {
        Properties p = new Properties();
        Path f = dir.resolve(PORTS_FILE);
        if (Files.exists(f)) {
            try (var in = Files.newInputStream(f)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    private void writePorts() {
        Properties p = new Properties();
        p.setProperty("broker.port", String.valueOf(brokerPort));
        p.setProperty("controller.port", String.valueOf(controllerPort));
        try (var out = Files.newOutputStream(dataDir.resolve(PORTS_FILE))) {
            p.store(out, "ports of the local Kafka broker; kept so a restart keeps its address");
        } catch (IOException e) {
            throw new StartupException("cannot write to the Kafka data dir " + dataDir + " (" + e + "): choose a writable --data dir");
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete {}: {}", dir, e.toString());
        }
    }
}
