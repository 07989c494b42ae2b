package org.rectifywatch.processor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.config.ConfigSource;

class ProcessorConfigTest {

    private static ProcessorConfig read(String key, String value) {
        return ProcessorConfig.from(new ConfigSource(Map.of(key, value), Map.of()));
    }

    @ParameterizedTest
    @CsvSource({
            "processor.threads, 0, at least 1",
            "processor.threads, -2, at least 1",
            "processor.rectification.window.months, 0, at least 1",
            "processor.report.months.central, -1, at least 1",
            "processor.report.months.other, 0, at least 1",
            "processor.retention.days, -1, at least 0",
            "processor.punctuation.interval, 0s, positive duration",
            "processor.punctuation.interval, 0, positive duration",
            "processor.commit.interval, 0ms, positive duration",
            "processor.commit.interval, PT-1S, positive duration",
            "processor.summary.interval, 0m, positive duration",
            "processor.session.timeout, 1s, between 6s and 30m",
            "processor.session.timeout, 2h, between 6s and 30m",
            "processor.time.zone, Mars/Olympus, time zone id",
    })
    void aValueOutOfRangeIsRefusedInOneSentenceNamingKeyValueAndWhatIsAllowed(String key, String value, String allowed) {
        assertThatThrownBy(() -> read(key, value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("configuration " + key + " (env " + ConfigSource.envName(key) + ") is '" + value + "' but must be ")
                .hasMessageContaining(allowed);
    }

    @Test
    void theRefusedValueIsQuotedAsGiven() {
        assertThatThrownBy(() -> read("processor.threads", "0")).hasMessage(
                "configuration processor.threads (env RECTIFY_PROCESSOR_THREADS) is '0' but must be a whole number of stream threads of at least 1");
        assertThatThrownBy(() -> read("processor.punctuation.interval", "0s")).hasMessage(
                "configuration processor.punctuation.interval (env RECTIFY_PROCESSOR_PUNCTUATION_INTERVAL) is '0s' but must be a positive duration such as 500ms, 60s or 5m");
    }

    /** A reports.raw backlog fetched megabytes at a time would hold the by-unit stages' records back for minutes. */
    @Test
    void theMainConsumerFetchesLittlePerPartitionWhileRestorationFetchesMuch() {
        java.util.Properties p = ProcessorService.streamsProperties(ProcessorConfig.from(new ConfigSource(Map.of(), Map.of())));
        org.apache.kafka.streams.StreamsConfig streams = new org.apache.kafka.streams.StreamsConfig(p);
        Map<String, Object> main = streams.getMainConsumerConfigs("app", "client", 0);
        Map<String, Object> restore = streams.getRestoreConsumerConfigs("client");
        String key = org.apache.kafka.clients.consumer.ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG;
        assertThat(((Number) main.get(key)).intValue()).isLessThanOrEqualTo(256 * 1024);
        assertThat(((Number) restore.get(key)).intValue()).isGreaterThanOrEqualTo(8 * 1024 * 1024);
    }

    /** Streams commits a backlog every second; fresh records are committed at the commit interval by the stages. */
    @Test
    void aBacklogCommitsLessOftenThanFreshRecords() {
        ProcessorConfig c = ProcessorConfig.from(new ConfigSource(Map.of(), Map.of()));
        assertThat(c.backlogCommitInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.commitPacing()).isEqualTo(new org.rectifywatch.processor.topology.CommitPacing(Duration.ofMillis(100),
                Duration.ofSeconds(2)));
        assertThat(ProcessorService.streamsProperties(c).get(org.apache.kafka.streams.StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
                .isEqualTo(1000L);
        assertThatThrownBy(() -> ProcessorConfig.from(new ConfigSource(Map.of("processor.commit.interval", "2s"), Map.of())))
                .hasMessageContaining("processor.backlog.commit.interval").hasMessageContaining("at least processor.commit.interval");
    }

    /** A page event is several KB compressed: the default 16 KiB batch held one or two, a request each; batches wait for the commit. */
    @Test
    void theProducersBatchWholeCommitsOfPageEventsCompressed() {
        java.util.Properties p = ProcessorService.streamsProperties(ProcessorConfig.from(new ConfigSource(Map.of(), Map.of())));
        Map<String, Object> producer = new org.apache.kafka.streams.StreamsConfig(p).getProducerConfigs("client");
        assertThat(((Number) producer.get(org.apache.kafka.clients.producer.ProducerConfig.BATCH_SIZE_CONFIG)).intValue())
                .isGreaterThanOrEqualTo(256 * 1024);
        assertThat(producer.get(org.apache.kafka.clients.producer.ProducerConfig.COMPRESSION_TYPE_CONFIG)).isEqualTo("lz4");
        // a batch is sent when the commit flushes it (nothing is visible before), not every 100 ms
        assertThat(((Number) producer.get(org.apache.kafka.clients.producer.ProducerConfig.LINGER_MS_CONFIG)).longValue())
                .isEqualTo(((Number) p.get(org.apache.kafka.streams.StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).longValue());
    }

    @Test
    void theDefaultsAreAccepted() {
        ProcessorConfig c = ProcessorConfig.from(new ConfigSource(Map.of(), Map.of()));
        assertThat(c.threads()).isPositive();
        assertThat(c.sessionTimeout()).isEqualTo(Duration.ofSeconds(6));
        assertThat(c.commitInterval()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void theInstanceIdIsStablePerStateDirectoryAndDiffersBetweenTwo() {
        ProcessorConfig a = read("processor.state.dir", "/var/lib/rectify/a");
        ProcessorConfig again = read("processor.state.dir", "/var/lib/rectify/a/");
        ProcessorConfig b = read("processor.state.dir", "/var/lib/rectify/b");
        assertThat(a.instanceId()).isEqualTo(again.instanceId()).isNotEqualTo(b.instanceId());
        assertThat(ProcessorConfig.defaultInstanceId(Path.of("/var/lib/rectify/a"))).isEqualTo(a.instanceId());
        assertThat(read("processor.instance.id", "proc-1").instanceId()).isEqualTo("proc-1");
    }
}
