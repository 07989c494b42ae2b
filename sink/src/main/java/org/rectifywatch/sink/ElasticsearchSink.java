package org.rectifywatch.sink;

import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.rectifywatch.model.config.KafkaSettings;
import org.rectifywatch.sink.config.RestClients;
import org.rectifywatch.sink.config.SinkConfig;
import org.rectifywatch.sink.index.IndexNames;
import org.rectifywatch.sink.index.IndexSetup;
import org.rectifywatch.sink.index.LogicalIndex;
import org.rectifywatch.sink.notify.AlertNotifier;
import org.rectifywatch.sink.notify.NotifiedLedger;
import org.rectifywatch.sink.write.Backoff;
import org.rectifywatch.sink.write.BulkWriter;
import org.rectifywatch.sink.write.DeadLetterPublisher;
import org.rectifywatch.sink.write.InputProbe;
import org.rectifywatch.sink.write.MemberSlot;
import org.rectifywatch.sink.write.Misconfigured;
import org.rectifywatch.sink.write.RecordRouter;
import org.rectifywatch.sink.write.Refresher;
import org.rectifywatch.sink.write.SinkCounters;
import org.rectifywatch.sink.write.SinkLoop;
import org.rectifywatch.sink.write.SourcePartitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink as a service: indexes reports, issues and alerts from their topics into Elasticsearch and
 * delivers alert notifications. {@link #start()} sets up the indices and starts the two loops in
 * background threads; {@link #close()} drains and commits what is known. Usable in-process (demo, tests).
 */
public final class ElasticsearchSink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ElasticsearchSink.class);

    private final SinkConfig config;
    private final SinkCounters counters = new SinkCounters();
    private Rest5Client client;
    private DeadLetterPublisher deadLetters;
    private NotifiedLedger ledger;
    private SinkLoop loop;
    private AlertNotifier notifier;
    private Thread loopThread;
    private Thread notifierThread;
    private KafkaConsumer<byte[], byte[]> consumer;
    private ScheduledExecutorService summary;
    private MemberSlot slot;
    private BulkWriter writer;
    /** Looks at the input's ends (whether a backlog has run out); null when the drain check is off. */
    private Admin admin;

    public ElasticsearchSink(SinkConfig config) {
        this.config = config;
    }

    public SinkCounters counters() {
        return counters;
    }

    public synchronized ElasticsearchSink start() {
        if (loopThread != null) {
            throw new IllegalStateException("sink already started");
        }
        log.info("starting sink: {}", config);
        client = RestClients.build(config.elasticsearch());
        IndexNames names = new IndexNames(config.indexPrefix());
        try {
            if (config.setupIndices()) {
                // waits for the cluster rather than failing fast, so a sink started beside Elasticsearch does not crash-loop
                IndexSetup.ensure(client, names, config.startupTimeout());
            } else {
                IndexSetup.requireCurrent(client, names);
            }
            try (Admin admin = Admin.create(config.kafka().clientProperties())) {
                SourcePartitions.check(admin, client, Map.of(config.reportsTopic(), names.alias(LogicalIndex.REPORTS),
                        config.issuesTopic(), names.alias(LogicalIndex.ISSUES), config.alertsTopic(), names.alias(LogicalIndex.ALERTS)));
            }
        } catch (RuntimeException e) {
            closeQuietly(client);
            if (e instanceof Misconfigured) {
                log.error("sink not started: {}", e.getMessage());
            }
            throw e;
        }
        Backoff backoff = new Backoff(config.backoffInitial(), config.backoffMax());
        deadLetters = new DeadLetterPublisher(config.kafka(), config.dlqTopic(), backoff, counters);
        ledger = NotifiedLedger.load(config.kafka(), config.notifyStateTopic());

        Properties p = config.kafka().clientProperties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(config.pollMaxRecords()));
        // a bulk request's worth per partition and round trip: at the 1 MiB default the fetches, not Elasticsearch,
        // set the pace during a backfill
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(Math.max(1 << 20, config.bulkMaxBytes())));
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "rectify-sink");
        // restarts within seconds: a member that dies is replaced after the session timeout (broker minimum 6 s by
        // default) instead of 45 s, and a static member restarted under the same id takes its partitions back at once
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, String.valueOf(config.sessionTimeout().toMillis()));
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, String.valueOf(KafkaSettings.heartbeatIntervalMs(config.sessionTimeout())));
        String instanceId = config.memberInstanceId(() -> {
            slot = MemberSlot.claim(config.groupId());
            return slot.instanceId();
        });
        if (instanceId != null) {
            p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        }
        log.info("joining consumer group {} as {}", config.groupId(), instanceId == null ? "a dynamic member" : instanceId);
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        loop = new SinkLoop(consumer, List.of(config.reportsTopic(), config.issuesTopic(), config.alertsTopic()),
                new RecordRouter(config), writer = new BulkWriter(client, backoff, counters), deadLetters,
                new Refresher(client, config.refresh(), counters).start(), inputProbe(), counters,
                config.bulkMaxActions(), config.bulkMaxBytes(), config.bulkLinger(), config.maxInFlight(),
                config.revocationTimeout());
        notifier = new AlertNotifier(config, ledger, counters, deadLetters);
        loopThread = new Thread(loop, "sink-loop");
        notifierThread = new Thread(notifier, "sink-notify");
        loopThread.start();
        notifierThread.start();
        summary = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sink-summary");
            t.setDaemon(true);
            return t;
        });
        long every = config.summaryInterval().toMillis();
        summary.scheduleAtFixedRate(() -> log.info("sink summary: {}", counters.summary()), every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    /** The notifier (null before {@link #start()}): {@code alive()} and {@code stats()} for the sink's health. */
    public AlertNotifier notifier() {
        return notifier;
    }

    /** True while the indexing loop runs; false after {@link #close()} or an unexpected failure. */
    public boolean isRunning() {
        return loopThread != null && loopThread.isAlive();
    }

    /** True while the notifier thread runs (health: a dead notifier makes the sink not live). */
    public boolean isNotifierRunning() {
        Thread t = notifierThread;
        return t != null && t.isAlive();
    }

    /** The indexing consumer, for its client metrics (consumer lag); null before {@link #start()}. */
    public KafkaConsumer<byte[], byte[]> consumer() {
        return consumer;
    }

    /** Whether Elasticsearch answers a cluster health request now (health: readiness). */
    public boolean isElasticsearchReachable() {
        Rest5Client c = client;
        try {
            return c != null && c.performRequest(new co.elastic.clients.transport.rest5_client.low_level.Request(
                    "GET", "/_cluster/health")).getStatusCode() == 200;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** For a liveness probe: both loops (indexing and notifications) run. */
    public boolean isAlive() {
        return isRunning() && notifierThread != null && notifierThread.isAlive();
    }

    /** For a readiness probe: alive, and the last bulk request reached Elasticsearch. */
    public boolean isReady() {
        return isAlive() && writer != null && writer.available();
    }

    public Throwable failure() {
        return loop == null ? null : loop.failure();
    }

    /** Blocks until the indexing loop ends (the CLI waits here). */
    public void awaitTermination() throws InterruptedException {
        if (loopThread != null) {
            loopThread.join();
        }
    }

    @Override
    public synchronized void close() {
        if (loopThread != null) {
            loop.requestStop();
            stop();
        }
    }

    /**
     * Stops like {@link #close()} but stays in the consumer group, as a crash would: the partitions wait for an
     * instance with the same {@code group.instance.id} (restarted within {@code sink.session.timeout}) or move to
     * the other members when the session times out.
     */
    public synchronized void closeRemainingInGroup() {
        if (loopThread != null) {
            loop.requestStopRemainingInGroup();
            stop();
        }
    }

    private void stop() {
        notifier.requestStop();
        join(loopThread);
        join(notifierThread);
        summary.shutdownNow();
        deadLetters.close();
        ledger.close();
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(5));
            admin = null;
        }
        closeQuietly(client);
        if (slot != null) {
            slot.close();
        }
        log.info("sink stopped: {}", counters.summary());
        loopThread = null;
    }

    /** Asks the broker; with the drain check off the loop never looks, and the probe only says so. */
    private InputProbe inputProbe() {
        if (!config.refresh().drainCheck().enabled()) {
            return (positions, at) -> java.util.concurrent.CompletableFuture.failedFuture(
                    new IllegalStateException("the drain check is off"));
        }
        admin = Admin.create(config.kafka().clientProperties());
        return InputProbe.of(admin, config.refresh().drainCheck());
    }

    private static void closeQuietly(Rest5Client client) {
        try {
            client.close();
        } catch (IOException e) {
            log.debug("closing the Elasticsearch client: {}", e.toString());
        }
    }

    private static void join(Thread t) {
        try {
            t.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
