package org.rectifywatch.app.dlq;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.rectifywatch.model.config.KafkaSettings;

/**
 * Sends dead letters back to the topic they came from, key unchanged, marked with {@link DeadLetter#REPLAYED_FROM}.
 * A dead letter that is itself a failed replay (its headers or its source record carry the mark) is not sent
 * again unless a fixed value is given: replaying the same failure over and over would loop.
 */
public final class DeadLetterReplay {

    /** What a replay did: each dead letter sent (with where it landed) or skipped (with why). */
    public record Outcome(List<String> sent, List<String> skipped) {
    }

    private final KafkaSettings kafka;
    private final String dlqTopic;

    public DeadLetterReplay(KafkaSettings kafka, String dlqTopic) {
        this.kafka = kafka;
        this.dlqTopic = dlqTopic;
    }

    /** Replays {@code letters}; {@code fixedValue} (one letter only) replaces the value. */
    public Outcome replay(List<DeadLetter> letters, byte[] fixedValue) {
        if (fixedValue != null && letters.size() != 1) {
            throw new IllegalArgumentException("--from-file replaces the value of one dead letter: choose it with --offset");
        }
        List<String> sent = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (DeadLetter d : letters) {
                String at = d.position(dlqTopic);
                Optional<SourcePosition> source = d.source();
                if (source.isEmpty()) {
                    skipped.add(at + ": no source topic in its headers (rectify.dlq.source or __streams.errors.topic)");
                    continue;
                }
                if (fixedValue == null && isFailedReplay(d, source.get())) {
                    skipped.add(at + ": a replay that failed again (" + d.reason() + "); fix the value and replay it with "
                            + "--offset " + d.offset() + " --from-file FILE");
                    continue;
                }
                ProducerRecord<byte[], byte[]> rec = new ProducerRecord<>(source.get().topic(), null, d.key(),
                        fixedValue != null ? fixedValue : d.value(), replayHeaders(d, at));
                RecordMetadata m = producer.send(rec).get(60, TimeUnit.SECONDS);
                sent.add(at + " → " + m.topic() + "-" + m.partition() + "@" + m.offset() + " key=" + d.keyText());
            }
            producer.flush();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("replay to Kafka at " + kafka.bootstrap() + " failed after " + sent.size()
                    + " record(s): " + (e.getCause() != null ? e.getCause() : e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted after " + sent.size() + " record(s)");
        }
        return new Outcome(sent, skipped);
    }

    /** The mark travels in the dead letter's headers (the processor keeps input headers) or on its source record. */
    private boolean isFailedReplay(DeadLetter d, SourcePosition source) {
        if (d.carriesReplayMark()) {
            return true;
        }
        return source.known() && DeadLetterTopic.readOne(kafka, source.topic(), source.partition(), source.offset())
                .map(DeadLetter::carriesReplayMark).orElse(false);
    }

    /** The original headers without the dead-letter ones, plus the replay mark. */
    static RecordHeaders replayHeaders(DeadLetter d, String at) {
        RecordHeaders h = new RecordHeaders();
        for (Header header : d.headers()) {
            if (!header.key().startsWith("rectify.dlq.") && !header.key().startsWith("__streams.errors.")) {
                h.add(header);
            }
        }
        h.add(DeadLetter.REPLAYED_FROM, at.getBytes(StandardCharsets.UTF_8));
        return h;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties p = kafka.clientProperties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(16 * 1024 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "rectify-dlq-replay");
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
