package org.rectifywatch.processor.service;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.rectifywatch.model.TopicInstaller;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.config.KafkaSettings;
import org.rectifywatch.processor.classify.ChineseTokenizer;
import org.rectifywatch.processor.report.ReportAnalyzer;
import org.rectifywatch.processor.report.WireRecords;
import org.rectifywatch.processor.topology.ProcessorTopology;
import org.rectifywatch.processor.topology.RecordLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the processor topology with exactly-once semantics and logs a summary line every interval.
 * <p>
 * Restarts are quick: each instance is a static member of the group ({@code processor.instance.id}), so a restart
 * takes its partitions back without a rebalance, and a killed instance's partitions move after
 * {@code processor.session.timeout}; a clean close leaves the group at once, so another instance takes over without
 * waiting. State changes (rebalancing, records restored, running) are logged at INFO.
 */
public final class ProcessorService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProcessorService.class);
    /** The largest record the processor writes (its producer's max.request.size; every topic it writes takes it). */
    public static final int MAX_RECORD_BYTES = Topics.MAX_RECORD_BYTES;
    /** The topics the processor writes, whose limits its outputs are checked against. */
    static final List<String> OUTPUT_TOPICS = List.of(Topics.REPORTS_PARSED, Topics.ISSUES_CLASSIFIED, Topics.ALERTS_OVERDUE,
            Topics.REPORTS_DLQ, Topics.REPORTS_HANDOVER, Topics.DEADLINE_HANDOVER);

    private final ProcessorConfig config;
    private final ProcessorMetrics metrics = new ProcessorMetrics();
    private final AtomicReference<RecordLimits> limits = new AtomicReference<>(RecordLimits.uniform(MAX_RECORD_BYTES));
    private final StreamsStateLog stateLog = new StreamsStateLog();
    private final KafkaStreams streams;
    private final ScheduledExecutorService summary = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "processor-summary");
        t.setDaemon(true);
        return t;
    });

    private volatile java.util.concurrent.ScheduledFuture<?> summaryTask;

    public ProcessorService(ProcessorConfig config) {
        this(config, ReportAnalyzer.standard());
    }

    /** With another analyzer: tests stand in for a parser upgrade with it. */
    public ProcessorService(ProcessorConfig config, ReportAnalyzer analyzer) {
        this.config = config;
        this.streams = new KafkaStreams(ProcessorTopology.build(analyzer, new WireRecords(ChineseTokenizer.shared()), config.deadlines(),
                metrics, limits::get, config.commitPacing()), streamsProperties(config));
        streams.setUncaughtExceptionHandler(e -> {
            log.error("processor stream thread failed, replacing it: {}", e.toString(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener(stateLog);
        streams.setGlobalStateRestoreListener(stateLog);
    }

    public static Topology topology(ProcessorConfig config, ProcessorMetrics metrics) {
        return topology(config, ReportAnalyzer.standard(), metrics);
    }

    public static Topology topology(ProcessorConfig config, ReportAnalyzer analyzer, ProcessorMetrics metrics) {
        return ProcessorTopology.build(analyzer, new WireRecords(ChineseTokenizer.shared()), config.deadlines(), metrics,
                () -> RecordLimits.uniform(MAX_RECORD_BYTES), config.commitPacing());
    }

    /** About 30 reports of reports.raw, or a few hundred by-unit events, per partition and fetch. */
    static final int MAIN_FETCH_BYTES_PER_PARTITION = 256 * 1024;
    static final int PRODUCER_BATCH_BYTES = 256 * 1024;

    public static Properties streamsProperties(ProcessorConfig config) {
        Properties p = config.kafka().clientProperties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        // Streams commits a backlog this often; the stages ask for a commit every commit.interval while records are fresh
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.backlogCommitInterval().toMillis());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        // static membership: a restart with the same id takes its partitions back without a rebalance; a killed
        // instance is given up after the session timeout (the broker's default, 45 s, would stall the pipeline)
        p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), config.instanceId());
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), (int) config.sessionTimeout().toMillis());
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
                (int) KafkaSettings.heartbeatIntervalMs(config.sessionTimeout()));
        // bad input never stops the application: Kafka Streams' own handlers write what they cover to the DLQ
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.REPORTS_DLQ);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, OversizedRecordHandler.class);
        // generous limits for internal topics and requests, compressed: a long report never wedges a stage; the
        // output topics take the same (Topics.ALL), and outputs are checked against them before they are sent
        p.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), String.valueOf(MAX_RECORD_BYTES));
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), MAX_RECORD_BYTES);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        // batches of up to 256 KiB per partition (the default 16 KiB holds one or two page events): in bench e2e's
        // backfill the broker's CPU per report fell from 1.10–1.66 ms to 0.85 and the producers' network threads'
        // from 0.42–0.56 to 0.25; a commit still sends whatever is batched, so latency does not change
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), PRODUCER_BATCH_BYTES);
        // and a batch waits for the commit (or for being full), not 100 ms: under exactly-once nothing is visible before
        // the commit, which flushes every batch, so lingering costs no latency; each batch sent early is one more
        // produce request and one more compression buffer (two 64 KiB arrays for lz4) for nothing
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), (int) config.backlogCommitInterval().toMillis());
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), 8 * 1024 * 1024);
        // but the main consumer fetches little per partition: the consumer hands out fetched records in the order they
        // were fetched, so a backlog of reports.raw fetched megabytes at a time keeps the by-unit stages' records
        // (and so every output) waiting for minutes in a backfill; a record larger than this still comes whole
        p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), MAIN_FETCH_BYTES_PER_PARTITION);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 50);
        return p;
    }

    public ProcessorMetrics metrics() {
        return metrics;
    }

    public KafkaStreams streams() {
        return streams;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Records restored from changelogs into local stores since the start. */
    public long restoredRecords() {
        return stateLog.restoredRecords();
    }

    /** The largest record each output topic takes, as read from the broker at start. */
    public RecordLimits recordLimits() {
        return limits.get();
    }

    public void start() {
        TopicInstaller.ensure(config.kafka().clientProperties());
        limits.set(readLimits());
        streams.start();
        long every = config.summaryInterval().toMillis();
        summaryTask = summary.scheduleAtFixedRate(() -> log.info("processor: {}", metrics.summary()), every, every, TimeUnit.MILLISECONDS);
        log.info("processor started (application {}, instance {}, {} thread(s), state in {})", config.applicationId(),
                config.instanceId(), config.threads(), config.stateDir());
    }

    /**
     * The limits of the output topics as the broker has them: a topic created by an older version may take less
     * than the producer may send; outputs over it are dead-lettered, and this says how to raise it.
     */
    private RecordLimits readLimits() {
        Map<String, Integer> topics = new HashMap<>();
        try (Admin admin = Admin.create(config.kafka().clientProperties())) {
            List<ConfigResource> resources = OUTPUT_TOPICS.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            configs.forEach((resource, c) -> {
                ConfigEntry e = c.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                if (e != null && e.value() != null) {
                    int bytes = Integer.parseInt(e.value());
                    topics.put(resource.name(), bytes);
                    if (bytes < MAX_RECORD_BYTES) {
                        log.warn("topic {} takes records up to {} bytes (max.message.bytes) while the processor may write {}: larger "
                                        + "outputs go to {} instead; raise it with kafka-configs --alter --entity-type topics --entity-name {} "
                                        + "--add-config max.message.bytes={}", resource.name(), bytes, MAX_RECORD_BYTES, Topics.REPORTS_DLQ,
                                resource.name(), MAX_RECORD_BYTES);
                    }
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("could not read the output topics' max.message.bytes ({}): outputs are checked against {} bytes", e.toString(),
                    MAX_RECORD_BYTES);
        }
        return new RecordLimits(topics, MAX_RECORD_BYTES);
    }

    /** False once the periodic summary has died (a task that threw is never run again). */
    public boolean summaryAlive() {
        java.util.concurrent.ScheduledFuture<?> t = summaryTask;
        return t != null && !t.isDone();
    }

    /** Blocks until the application is RUNNING (or the timeout passes). */
    public boolean awaitRunning(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (streams.state() == KafkaStreams.State.RUNNING) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Stops and leaves the group, so that another instance takes the partitions over at once. */
    @Override
    public void close() {
        close(CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
    }

    /**
     * Stops; with {@code REMAIN_IN_GROUP} the group keeps this instance's partitions for the session timeout, as it
     * does for a killed instance (a restart within it takes them back without a rebalance).
     */
    public void close(CloseOptions.GroupMembershipOperation membership) {
        summary.shutdownNow();
        streams.close(CloseOptions.groupMembershipOperation(membership).withTimeout(Duration.ofSeconds(30)));
        log.info("processor stopped: {}", metrics.summary());
    }
}
