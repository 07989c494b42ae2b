package org.rectifywatch.app.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.rectifywatch.app.demo.SearchClient;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.config.ElasticsearchSettings;
import org.rectifywatch.processor.service.ProcessorConfig;
import org.rectifywatch.processor.service.ProcessorService;
import org.rectifywatch.sink.ElasticsearchSink;
import org.rectifywatch.sink.config.SinkConfig;

/**
 * The processor and the sink of one scenario, in this JVM, against a given Kafka and Elasticsearch. Each scenario
 * has its own application id, sink group and index prefix, so scenarios sharing an Elasticsearch never meet.
 */
final class Stages implements AutoCloseable {
    final String name;
    final String bootstrap;
    final String esUrl;
    final SearchClient search;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private ProcessorService processor;
    private ElasticsearchSink sink;

    Stages(String name, String bootstrap, String esUrl) {
        this.name = name;
        this.bootstrap = bootstrap;
        this.esUrl = esUrl;
        settings.put("kafka.bootstrap", bootstrap);
        settings.put("es.url", esUrl);
        settings.put("processor.application.id", applicationId());
        settings.put("processor.punctuation.interval", "1s");
        settings.put("processor.summary.interval", "10s");
        settings.put("sink.group.id", "rel-" + name + "-sink");
        settings.put("sink.index.prefix", indexPrefix());
        settings.put("sink.bulk.linger", "100ms");
        settings.put("sink.backoff.max", "2s");
        settings.put("sink.summary.interval", "10s");
        settings.put("sink.startup.timeout", "2m");
        this.search = new SearchClient(ElasticsearchSettings.local(esUrl));
    }

    String applicationId() {
        return "rel-" + name;
    }

    String indexPrefix() {
        return "rel-" + name;
    }

    String index(String logical) {
        return indexPrefix() + "-" + logical;
    }

    Stages with(String key, String value) {
        settings.put(key, value);
        return this;
    }

    /** The scenario's settings (keys as in the README), for a service started in a child JVM. */
    Map<String, String> settings() {
        return Map.copyOf(settings);
    }

    ConfigSource config() {
        return ConfigSource.of(settings);
    }

    ProcessorService startProcessor() throws IOException {
        return startProcessor(org.rectifywatch.processor.report.ReportAnalyzer.standard());
    }

    ProcessorService startProcessor(org.rectifywatch.processor.report.ReportAnalyzer analyzer) throws IOException {
        Path state = Files.createTempDirectory("rel-" + name + "-streams-");
        processor = new ProcessorService(ProcessorConfig.from(config().with("processor.state.dir", state.toString())), analyzer);
        processor.start();
        return processor;
    }

    ElasticsearchSink startSink() {
        sink = new ElasticsearchSink(SinkConfig.from(config())).start();
        return sink;
    }

    ProcessorService processor() {
        return processor;
    }

    ElasticsearchSink sink() {
        return sink;
    }

    /** Documents in one of this scenario's indices whose URL field starts with {@code prefix}. */
    long count(String logical, String urlField, String prefix) {
        search.refresh(index(logical));
        return search.count(index(logical), "{\"prefix\":{\"" + urlField + "\":\"" + prefix + "\"}}");
    }

    long issues(String urlPrefix) {
        return count("issues", "report_url", urlPrefix);
    }

    long reports(String urlPrefix) {
        return count("reports", "url", urlPrefix);
    }

    long alerts(String urlPrefix, String state) {
        search.refresh(index("alerts"));
        return search.count(index("alerts"), "{\"bool\":{\"filter\":[{\"term\":{\"state\":\"" + state
                + "\"}},{\"prefix\":{\"report_url\":\"" + urlPrefix + "\"}}]}}");
    }

    long issuesOf(String reportUrl) {
        return search.count(index("issues"), "{\"term\":{\"report_url\":\"" + reportUrl + "\"}}");
    }

    /**
     * Waits until {@code count} equals {@code expected} on three polls in a row (a second apart) or the timeout
     * passes; returns the last value, so the caller asserts on what was really there.
     */
    static long awaitStable(LongSupplier count, long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int same = 0;
        long last = -1;
        while (System.nanoTime() < deadline) {
            try {
                last = count.getAsLong();
            } catch (RuntimeException e) {
                last = -1; // Elasticsearch briefly unavailable
            }
            same = last == expected ? same + 1 : 0;
            if (same >= 3) {
                return last;
            }
            Thread.sleep(1000);
        }
        return last;
    }

    @Override
    public void close() {
        if (sink != null) {
            sink.close();
        }
        if (processor != null) {
            processor.close();
        }
        search.close();
    }
}
