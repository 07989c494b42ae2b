package org.rectifywatch.processor.service;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.rectifywatch.model.TopicInstaller;
import org.rectifywatch.model.Topics;
import org.rectifywatch.processor.classify.ChineseTokenizer;
import org.rectifywatch.processor.report.ReportAnalyzer;
import org.rectifywatch.processor.report.WireRecords;
import org.rectifywatch.processor.topology.ProcessorTopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the processor topology with exactly-once semantics and logs a summary line every interval. */
public final class ProcessorService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProcessorService.class);
    /** The largest record the processor writes to its internal topics. */
    public static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

    private final ProcessorConfig config;
    private final ProcessorMetrics metrics = new ProcessorMetrics();
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
        this.streams = new KafkaStreams(topology(config, analyzer, metrics), streamsProperties(config));
        streams.setUncaughtExceptionHandler(e -> {
            log.error("processor stream thread failed, replacing it: {}", e.toString(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    public static Topology topology(ProcessorConfig config, ProcessorMetrics metrics) {
        return topology(config, ReportAnalyzer.standard(), metrics);
    }

    public static Topology topology(ProcessorConfig config, ReportAnalyzer analyzer, ProcessorMetrics metrics) {
        return ProcessorTopology.build(analyzer, new WireRecords(ChineseTokenizer.shared()), config.deadlines(), metrics);
    }

    public static Properties streamsProperties(ProcessorConfig config) {
        Properties p = config.kafka().clientProperties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        // bad input never stops the application: Kafka Streams' own handlers write what they cover to the DLQ
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.REPORTS_DLQ);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, OversizedRecordHandler.class);
        // generous limits for internal topics and requests, compressed: a long report never wedges a stage
        p.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), String.valueOf(MAX_RECORD_BYTES));
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), MAX_RECORD_BYTES);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), 8 * 1024 * 1024);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 50);
        return p;
    }

    public ProcessorMetrics metrics() {
        return metrics;
    }

    public KafkaStreams streams() {
        return streams;
    }

    public void start() {
        TopicInstaller.ensure(config.kafka().clientProperties());
        streams.start();
        long every = config.summaryInterval().toMillis();
        summaryTask = summary.scheduleAtFixedRate(() -> log.info("processor: {}", metrics.summary()), every, every, TimeUnit.MILLISECONDS);
        log.info("processor started (application {}, {} thread(s), state in {})", config.applicationId(), config.threads(), config.stateDir());
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

    @Override
    public void close() {
        summary.shutdownNow();
        streams.close(Duration.ofSeconds(30));
        log.info("processor stopped: {}", metrics.summary());
    }
}
