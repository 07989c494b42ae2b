package org.rectifywatch.sink.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.rectifywatch.model.config.KafkaSettings;
import org.rectifywatch.model.wire.DeadLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes refused records, original key and value untouched, to the sink's dead-letter topic with the reason in headers. */
public final class DeadLetterPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final Backoff backoff;

    public DeadLetterPublisher(KafkaSettings kafka, String topic, Backoff backoff) {
        Properties p = kafka.clientProperties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "rectify-sink-dlq");
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.backoff = backoff;
    }

    /** Returns once every rejection is acknowledged by the broker, retrying until then; {@code stop} ends the wait. */
    public void publish(List<Rejection> rejections, java.util.function.BooleanSupplier stop) {
        if (rejections.isEmpty()) {
            return;
        }
        int attempt = 0;
        while (true) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (Rejection r : rejections) {
                SinkAction.Origin o = r.action().origin();
                ProducerRecord<byte[], byte[]> rec = new ProducerRecord<>(topic, null, o.key(), o.value());
                DeadLetters.add(rec.headers(), r.reason(), "sink", r.detail(), o.describe());
                acks.add(producer.send(rec));
            }
            try {
                for (Future<RecordMetadata> f : acks) {
                    f.get();
                }
                for (Rejection r : rejections) {
                    log.warn("dead-lettered {} to {}: {}", r.action().origin().describe(), topic, r.detail());
                }
                return;
            } catch (ExecutionException e) {
                log.warn("cannot write {} dead letters to {} ({}); retrying", rejections.size(), topic, e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Closed();
            }
            if (stop.getAsBoolean()) {
                throw new Closed();
            }
            try {
                Thread.sleep(backoff.delayMillis(attempt++));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Closed();
            }
        }
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
