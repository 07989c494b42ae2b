package org.rectifywatch.ingest.publish;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rectifywatch.ingest.state.UrlState;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.config.KafkaSettings;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.model.wire.WireSerdes;

/**
 * Writes reports to {@code reports.raw} and URL state to {@code crawl.state} with one idempotent producer
 * ({@code acks=all}, {@code enable.idempotence=true}). Each write waits for the broker's acknowledgement,
 * and the report is always acknowledged before its state, so a crash can at worst repeat the last report,
 * never lose one.
 */
public final class ReportPublisher implements AutoCloseable {
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(120);
    private final KafkaProducer<String, byte[]> producer;

    public ReportPublisher(KafkaSettings kafka) {
        Properties p = kafka.clientProperties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(SEND_TIMEOUT.toMillis()));
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(8 * 1024 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "rectify-ingest");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(p);
    }

    public void publish(RawReport report) {
        send(Topics.REPORTS_RAW, report.url(), WireSerdes.RAW_REPORT.serializer().serialize(Topics.REPORTS_RAW, report));
    }

    /**
     * Writes a tombstone (null value) for {@code key} to {@code reports.raw}: the processor then deletes the page's
     * issues, withdraws their alerts and marks the report retracted. The crawl state is left as it is, so the crawler
     * publishes the page again only if its text changes.
     */
    public void retract(String key) {
        send(Topics.REPORTS_RAW, key, null);
    }

    public void saveState(UrlState state) {
        send(Topics.CRAWL_STATE, state.url(), Json.bytes(state));
    }

    private void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(SEND_TIMEOUT.toMillis() + 5000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while writing " + key + " to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable c = e instanceof ExecutionException ? e.getCause() : e;
            if (c instanceof org.apache.kafka.common.errors.RecordTooLargeException) {
                // this record can never be written: refusing it must not stop the pass (everything after it would starve)
                throw new RecordTooLarge("the record for " + key + " is larger than " + topic + " accepts (" + c.getMessage() + ")", c);
            }
            throw new PublishException("could not write " + key + " to " + topic + ": " + c, c);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    /** A record over the producer's or broker's size limit: skipped, the pass goes on. */
    public static final class RecordTooLarge extends RuntimeException {
        public RecordTooLarge(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A write Kafka did not acknowledge; the crawler stops the pass and retries the URL next time. */
    public static final class PublishException extends RuntimeException {
        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
