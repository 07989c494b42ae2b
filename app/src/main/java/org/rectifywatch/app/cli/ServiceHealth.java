package org.rectifywatch.app.cli;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.EnumSet;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.rectifywatch.ingest.crawl.Crawler;
import org.rectifywatch.model.ops.HealthChecks;
import org.rectifywatch.model.ops.ServiceOps;
import org.rectifywatch.processor.service.ProcessorMetrics;
import org.rectifywatch.processor.service.ProcessorService;
import org.rectifywatch.sink.ElasticsearchSink;
import org.rectifywatch.sink.write.SinkCounters;

/**
 * What each long-running service reports on {@code health.port}: its liveness and readiness checks and its
 * metrics (Kafka client/Streams metrics, consumer lag, bulk latency, the service's own counters).
 */
public final class ServiceHealth {
    private static final EnumSet<KafkaStreams.State> DEAD = EnumSet.of(
            KafkaStreams.State.ERROR, KafkaStreams.State.PENDING_ERROR, KafkaStreams.State.NOT_RUNNING);

    private ServiceHealth() {
    }

    /** Live: Streams not failed and the summary alive; ready: RUNNING, or REBALANCING with stream threads. */
    public static void processor(ServiceOps ops, ProcessorService service) {
        KafkaStreams streams = service.streams();
        ops.checks()
                .live("streams", () -> !DEAD.contains(streams.state()))
                .live("summary-thread", service::summaryAlive)
                .ready("streams", () -> streams.state() == KafkaStreams.State.RUNNING
                        || streams.state() == KafkaStreams.State.REBALANCING && !streams.metadataForLocalThreads().isEmpty());
        new KafkaStreamsMetrics(streams).bindTo(ops.registry());
        ProcessorMetrics m = service.metrics();
        ops.counter("rectify.reports.in", "report versions read from reports.raw", m.reportsIn)
                .counter("rectify.reports.parsed", "reports parsed and published", m.reportsParsed)
                .counter("rectify.reports.retracted", "reports retracted", m.reportsRetracted)
                .counter("rectify.issues.out", "issue records published", m.issuesOut)
                .counter("rectify.alerts.raised", "overdue alerts raised", m.alertsRaised)
                .counter("rectify.alerts.resolved", "overdue alerts resolved", m.alertsResolved)
                .counter("rectify.dead.letters", "records sent to the dead-letter topic", m.deadLetters);
    }

    /** Live: the indexing loop and the notifier run; ready: consuming and Elasticsearch answers. */
    public static void sink(ServiceOps ops, ElasticsearchSink sink) {
        ops.checks()
                .live("sink-loop", sink::isRunning)
                .live("notifier", sink::isNotifierRunning)
                .ready("consuming", sink::isRunning)
                .ready("elasticsearch", HealthChecks.within(Duration.ofSeconds(3), sink::isElasticsearchReachable));
        new KafkaClientMetrics(sink.consumer()).bindTo(ops.registry());
        SinkCounters c = sink.counters();
        ops.counter("rectify.sink.consumed", "records consumed", c.consumed)
                .counter("rectify.sink.indexed", "documents indexed", c.indexed)
                .counter("rectify.sink.deleted", "documents deleted", c.deleted)
                .counter("rectify.dead.letters", "records sent to the dead-letter topic", c.dlq)
                .counter("rectify.sink.bulk.retries", "bulk requests retried", c.retries)
                .counter("rectify.webhook.deliveries", "alert notifications delivered", c.notified)
                .counter("rectify.webhook.failures", "alert notification attempts that failed", c.notifyFailures)
                .timer("rectify.sink.bulk", "bulk requests to Elasticsearch and their time", c,
                        x -> x.bulkRequests.get(), x -> x.bulkNanos.get());
    }

    /** Live and ready: the crawl loop runs. */
    public static void ingest(ServiceOps ops, Crawler crawler, Supplier<Thread> loop) {
        ops.checks().live("crawl-loop", HealthChecks.alive(loop)).ready("crawl-loop", HealthChecks.alive(loop));
        ops.counter("rectify.ingest.fetched", "pages fetched", crawler, x -> x.totals().fetched())
                .counter("rectify.reports.published", "report versions published to reports.raw", crawler,
                        x -> x.totals().published())
                .counter("rectify.ingest.skipped", "pages skipped (with a reason in the log)", crawler,
                        x -> x.totals().skippedTotal())
                .counter("rectify.ingest.errors", "fetch or parse failures", crawler, x -> x.totals().errors());
    }
}
