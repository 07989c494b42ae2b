package org.rectifywatch.sink.notify;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.rectifywatch.model.wire.AlertRecord;
import org.rectifywatch.model.wire.WireSerdes;
import org.rectifywatch.sink.config.SinkConfig;
import org.rectifywatch.sink.write.Closed;
import org.rectifywatch.sink.write.DeadLetterPublisher;
import org.rectifywatch.sink.write.Rejection;
import org.rectifywatch.sink.write.SinkAction;
import org.rectifywatch.sink.write.Backoff;
import org.rectifywatch.sink.write.SinkCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers every transition of an overdue alert: {@code alert.raised}, {@code alert.resolved},
 * {@code alert.withdrawn}, {@code alert.superseded}. A raised record for an alert already raised is an update of
 * the same alert (new problem text, say) and is not delivered again. Days overdue are counted from the due date
 * on the day the message is written, in {@code sink.time.zone}. Runs its own consumer group on the alerts topic, independent
 * of indexing, so a slow or absent webhook never holds up Elasticsearch. Each event (alert id + state) is
 * delivered once: the {@link NotifiedLedger} is checked before and written after a delivery, and offsets
 * are committed after the ledger. Transient failures are retried with backoff until the sink stops; a
 * refusal (4xx, robot error code: a wrong token, a keyword the robot requires) is not retried but goes to the
 * sink's dead-letter topic with the webhook's answer, so no notification is lost: fix the webhook settings and
 * replay. Without a webhook the events are logged.
 */
public final class AlertNotifier implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(AlertNotifier.class);
    public static final String WEBHOOK_REFUSED = "WEBHOOK_REFUSED";

    private final SinkConfig config;
    private final Consumer<String, byte[]> consumer;
    private final Clock clock;
    private final NotifiedLedger ledger;
    private final WebhookClient webhook;
    private final SinkCounters counters;
    private final DeadLetterPublisher deadLetters;
    private final Backoff backoff;
    private final Object sleeper = new Object();
    private volatile boolean closing;

    public AlertNotifier(SinkConfig config, NotifiedLedger ledger, SinkCounters counters, DeadLetterPublisher deadLetters) {
        this(config, ledger, counters, deadLetters, Clock.system(config.timeZone()), consumer(config));
    }

    /** With the clock that says which day it is (its zone counts the days) and the alerts consumer. */
    AlertNotifier(SinkConfig config, NotifiedLedger ledger, SinkCounters counters, DeadLetterPublisher deadLetters, Clock clock,
                  Consumer<String, byte[]> consumer) {
        this.config = config;
        this.ledger = ledger;
        this.counters = counters;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.consumer = consumer;
        this.webhook = config.hasWebhook() ? new WebhookClient(config.webhookUrl(), config.webhookFormat(), config.webhookTimeout()) : null;
        this.backoff = new Backoff(Duration.ofMillis(500), config.webhookBackoffMax());
    }

    private static Consumer<String, byte[]> consumer(SinkConfig config) {
        Properties p = config.kafka().clientProperties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId() + "-notify");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50");
        p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, String.valueOf(Duration.ofHours(1).toMillis()));
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "rectify-sink-notify");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    public void requestStop() {
        closing = true;
        consumer.wakeup();
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
    }

    @Override
    public void run() {
        log.info("alert notifications: {}", webhook == null ? "no webhook configured (sink.webhook.url): alerts are logged"
                : "webhook " + webhook.masked() + " (" + webhook.format() + "), " + ledger.size() + " events delivered before");
        consumer.subscribe(List.of(config.alertsTopic()));
        try {
            while (!closing) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, byte[]> r : records) {
                    if (!handle(r)) {
                        return; // closing mid-delivery: offsets stay where they are
                    }
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            if (!closing) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
            } catch (RuntimeException e) {
                log.debug("notify consumer close: {}", e.toString());
            }
        }
    }

    /** False when the sink closes before the dead letter is acknowledged (the record is then read again). */
    private boolean deadLetter(ConsumerRecord<String, byte[]> r, String detail) {
        SinkAction.Origin origin = new SinkAction.Origin(r.topic(), r.partition(), r.offset(),
                r.key() == null ? null : r.key().getBytes(StandardCharsets.UTF_8), r.value());
        try {
            deadLetters.publish(List.of(new Rejection(SinkAction.reject(origin, WEBHOOK_REFUSED, detail), WEBHOOK_REFUSED, detail)),
                    () -> closing);
            counters.dlq.incrementAndGet();
            return true;
        } catch (Closed e) {
            return false;
        }
    }

    /** Returns false when the sink is closing before the event's outcome is known. */
    boolean handle(ConsumerRecord<String, byte[]> r) throws InterruptedException {
        if (r.value() == null) {
            return true;
        }
        AlertRecord a;
        try {
            a = WireSerdes.ALERT.deserializer().deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            return true; // the indexing path dead-letters it
        }
        if (a.alertId() == null || a.state() == null) {
            return true;
        }
        String key = NotifiedLedger.key(a.alertId(), a.state());
        if (ledger.contains(key)) {
            log.debug("{} {} delivered before (a repeated or updated record): not notified again", AlertMessage.event(a), a.alertId());
            return true;
        }
        if (webhook == null) {
            log.info("{}", AlertMessage.line(a, clock));
            return true;
        }
        String payload = AlertMessage.payload(a, webhook.format(), clock);
        int attempt = 0;
        String[] detail = new String[1];
        while (!closing) {
            WebhookClient.Result result = webhook.post(payload, detail);
            if (result == WebhookClient.Result.DELIVERED) {
                org.rectifywatch.model.ops.CrashPoint.reach("notifier.delivered"); // crash window: webhook answered 2xx, ledger not yet written
                ledger.record(key, a.alertId(), a.state(), webhook.format().name());
                counters.notified.incrementAndGet();
                log.info("notified {} {} ({}) via {}", AlertMessage.event(a), a.alertId(), a.target(), webhook.masked());
                return true;
            }
            if (result == WebhookClient.Result.REFUSED) {
                counters.notifyFailures.incrementAndGet();
                log.error("webhook {} refused {} {}: {} — check sink.webhook.url and sink.webhook.format; the alert goes to {}"
                        + " for replay", webhook.masked(), AlertMessage.event(a), a.alertId(), detail[0], config.dlqTopic());
                return deadLetter(r, "webhook " + webhook.masked() + " refused " + AlertMessage.event(a) + ": " + detail[0]);
            }
            long wait = backoff.delayMillis(attempt++);
            log.warn("webhook {} failed for {} ({}); retry {} in {} ms", webhook.masked(), a.alertId(), detail[0], attempt, wait);
            synchronized (sleeper) {
                if (!closing) {
                    sleeper.wait(wait);
                }
            }
        }
        return false;
    }
}
