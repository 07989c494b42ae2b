package org.rectifywatch.app.cli;

import java.util.concurrent.Callable;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.ops.HealthSettings;
import org.rectifywatch.model.ops.Reachability;
import org.rectifywatch.model.ops.ServiceOps;
import org.rectifywatch.sink.ElasticsearchSink;
import org.rectifywatch.sink.config.SinkConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pipeline sink}: indexes the processor's topics into Elasticsearch and delivers alert notifications. */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "Runs the Elasticsearch sink: reports.parsed, issues.classified, alerts.overdue → rectify-reports, "
                + "rectify-issues, rectify-alerts; refused documents → sink.dlq; new and resolved alerts → webhook. "
                + "Sets up templates, indices and aliases at start. Every setting is also read from RECTIFY_<KEY> "
                + "environment variables (e.g. RECTIFY_ES_API_KEY, RECTIFY_SINK_WEBHOOK_URL).")
public final class SinkCommand implements Callable<Integer> {

    @Option(names = "--bootstrap", description = "Kafka bootstrap servers (kafka.bootstrap).")
    String bootstrap;

    @Option(names = "--es", description = "Elasticsearch URL (es.url).")
    String esUrl;

    @Option(names = "--group", description = "Consumer group (sink.group.id).")
    String group;

    @Option(names = "--webhook-format", description = "generic, dingtalk or wecom (sink.webhook.format); the URL is a secret: "
            + "pass it as RECTIFY_SINK_WEBHOOK_URL.")
    String webhookFormat;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws InterruptedException {
        ConfigSource source = config.source(
                "kafka.bootstrap", bootstrap, "es.url", esUrl, "sink.group.id", group, "sink.webhook.format", webhookFormat);
        SinkConfig sinkConfig = SinkConfig.from(source);
        HealthSettings health = HealthSettings.from(source);
        Reachability.requireKafka(sinkConfig.kafka(), Reachability.WAIT);
        Reachability.requireElasticsearch(sinkConfig.elasticsearch(), Reachability.WAIT);
        ServiceOps ops = new ServiceOps("sink", health);
        ElasticsearchSink sink = new ElasticsearchSink(sinkConfig);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sink.close();
            ops.close();
        }, "sink-stop"));
        sink.start();
        ServiceHealth.sink(ops, sink);
        ops.start();
        sink.awaitTermination();
        return sink.failure() == null ? 0 : 1;
    }
}
