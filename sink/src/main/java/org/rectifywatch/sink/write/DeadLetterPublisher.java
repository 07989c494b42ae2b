package org.rectifywatch.sink.write;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.rectifywatch.model.config.KafkaSettings;
import org.rectifywatch.model.wire.DeadLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes refused records, original key and value untouched, to the sink's dead-letter topic with the reason in
 * headers. Errors that pass (timeouts, leader changes) are retried with backoff; a dead letter the broker or
 * client refuses for good (larger than the topic or request allows) cannot be written anywhere, so it is logged
 * loudly with its key, source and size and counted in {@link SinkCounters#deadLettersLost}, and the sink goes on;
 * missing rights to the topic stop the sink ({@link Misconfigured}).
 */
public final class DeadLetterPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);
    /** As large as any record a topic of the pipeline may hold: the topic's own limit decides, not the client's 1 MiB. */
    static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;
    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final Backoff backoff;
    private final SinkCounters counters;

    public DeadLetterPublisher(KafkaSettings kafka, String topic, Backoff backoff, SinkCounters counters) {
        this(new KafkaProducer<>(properties(kafka), new ByteArraySerializer(), new ByteArraySerializer()), topic, backoff, counters);
    }

    DeadLetterPublisher(Producer<byte[], byte[]> producer, String topic, Backoff backoff, SinkCounters counters) {
        this.producer = producer;
        this.topic = topic;
        this.backoff = backoff;
        this.counters = counters;
    }

    private static Properties properties(KafkaSettings kafka) {
        Properties p = kafka.clientProperties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "rectify-sink-dlq");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(MAX_REQUEST_BYTES));
        return p;
    }

    /**
     * Returns once every rejection is acknowledged by the broker or refused for good, retrying the others until
     * then; {@code stop} ends the wait. Returns how many were written.
     */
    public int publish(List<Rejection> rejections, BooleanSupplier stop) {
        List<Rejection> remaining = rejections;
        int attempt = 0;
        int written = 0;
        while (!remaining.isEmpty()) {
            List<Future<RecordMetadata>> acks = new ArrayList<>(remaining.size());
            List<Rejection> retry = new ArrayList<>();
            for (Rejection r : remaining) {
                acks.add(send(r));
            }
            KafkaException lastRetriable = null;
            for (int i = 0; i < remaining.size(); i++) {
                Rejection r = remaining.get(i);
                Future<RecordMetadata> ack = acks.get(i);
                if (ack == null) {
                    continue; // refused before it was sent: already logged and counted
                }
                try {
                    ack.get();
                    written++;
                    log.warn("dead-lettered {} to {}: {}", r.action().origin().describe(), topic, r.detail());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RetriableException re) {
                        retry.add(r);
                        lastRetriable = re;
                    } else {
                        refusedForGood(r, cause);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Closed();
                }
            }
            remaining = retry;
            if (remaining.isEmpty()) {
                return written;
            }
            log.warn("cannot write {} dead letters to {} ({}); retrying", remaining.size(), topic, lastRetriable);
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
        return written;
    }

    /** The send's acknowledgement, or null when the client refused the record at once (it was dealt with). */
    private Future<RecordMetadata> send(Rejection r) {
        SinkAction.Origin o = r.action().origin();
        ProducerRecord<byte[], byte[]> rec = new ProducerRecord<>(topic, null, o.key(), o.value());
        DeadLetters.add(rec.headers(), r.reason(), "sink", r.detail(), o.describe());
        try {
            return producer.send(rec);
        } catch (KafkaException e) {
            if (e instanceof RetriableException) {
                return java.util.concurrent.CompletableFuture.failedFuture(e);
            }
            refusedForGood(r, e);
            return null;
        }
    }

    private void refusedForGood(Rejection r, Throwable cause) {
        if (cause instanceof AuthorizationException || cause instanceof AuthenticationException) {
            throw new Misconfigured("the sink may not write its dead letters to topic " + topic + " (" + cause.getMessage()
                    + "): grant its Kafka principal WRITE on " + topic + " or set sink.topic.dlq to a topic it may write");
        }
        SinkAction.Origin o = r.action().origin();
        int size = (o.key() == null ? 0 : o.key().length) + (o.value() == null ? 0 : o.value().length);
        counters.deadLettersLost.incrementAndGet();
        log.error("LOST: the dead letter of {} (key {}, {} bytes, reason {}) cannot be written to {}: {}. It is counted as "
                        + "deadLettersLost; the original stays at that offset of its topic. Why the sink refused it: {}",
                o.describe(), o.key() == null ? "none" : new String(o.key(), java.nio.charset.StandardCharsets.UTF_8), size,
                r.reason(), topic, cause.toString(), r.detail());
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
