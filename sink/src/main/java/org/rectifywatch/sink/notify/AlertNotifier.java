package org.rectifywatch.sink.notify;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.rectifywatch.model.config.KafkaSettings;
import org.rectifywatch.model.wire.AlertRecord;
import org.rectifywatch.model.wire.IssueRecord;
import org.rectifywatch.model.wire.ReportRecord;
import org.rectifywatch.model.wire.WireSerdes;
import org.rectifywatch.sink.config.SinkConfig;
import org.rectifywatch.sink.notify.channel.ChannelSender;
import org.rectifywatch.sink.notify.channel.EmailSender;
import org.rectifywatch.sink.notify.channel.Outcome;
import org.rectifywatch.sink.notify.channel.TokenBucket;
import org.rectifywatch.sink.notify.config.ChannelConfig;
import org.rectifywatch.sink.notify.config.ChannelKind;
import org.rectifywatch.sink.notify.config.NotificationConfig;
import org.rectifywatch.sink.notify.digest.Digest;
import org.rectifywatch.sink.notify.digest.DigestPlanner;
import org.rectifywatch.sink.notify.digest.Notice;
import org.rectifywatch.sink.write.Backoff;
import org.rectifywatch.sink.write.Closed;
import org.rectifywatch.sink.write.DeadLetterPublisher;
import org.rectifywatch.sink.write.Rejection;
import org.rectifywatch.sink.write.SinkAction;
import org.rectifywatch.sink.write.SinkCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the configured channels about alert events (per the {@code sink.notify.push} policy) and about new
 * reports, issues and alerts that watches match, in digests within each channel's rate. Runs its own consumer group
 * ({@code <sink.group.id>-notify}) on the alerts topic — and on the reports and issues topics when there are
 * watches — independent of indexing, so a slow or absent receiver never holds up Elasticsearch.
 *
 * <p>Delivery is at least once, each item once per channel in the normal course: items wait per channel; a digest is
 * cut when the channel's interval has passed since its oldest waiting item, when a full digest waits, or during a
 * backfill; the channel's {@link TokenBucket} must hold a token. Before each digest the {@link NotifiedLedger} is read
 * to its end (another instance, or this one before a rebalance, may have delivered some items), the digest's intent
 * is recorded, the digest is sent with its id as idempotency key, and then its items are recorded. Offsets are
 * committed only below the oldest item still waiting. A crash between the receiver's 2xx and the ledger write sends
 * the same digest again, with the same key. Transient failures (an outage, the receiver's rate limit) are retried
 * with backoff; a refusal (4xx, a robot error code such as a wrong token) sends the digest's records to the sink's
 * dead-letter topic with the receiver's answer, so nothing is lost: fix the settings and replay. Failures of the
 * loop itself (a commit or a ledger write failing during an outage) are retried with backoff; if the thread dies
 * anyway, {@link #alive()} turns false and it says so at ERROR. Without channels alert events are logged, at most 20 a
 * minute (the others counted in one line).
 */
public final class AlertNotifier implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(AlertNotifier.class);
    public static final String WEBHOOK_REFUSED = "WEBHOOK_REFUSED";

    /** What the notifier has done, for health and metrics. */
    public record Stats(boolean alive, int pending, long digests, long items, long retries, long refused, long loopFailures) {
    }

    private final SinkConfig config;
    private final NotificationConfig nc;
    private final Consumer<String, byte[]> consumer;
    private final Clock clock;
    /** Without channels: alert events logged at most 20 a minute (the rest are counted in one line). */
    private final LogBudget logged = new LogBudget(20, 60_000);
    private final LongSupplier nanoTime;
    private final NotifiedLedger ledger;
    private final SinkCounters counters;
    private final DeadLetterPublisher deadLetters;
    private final Backoff backoff;
    private final NoticeFactory factory;
    private final DigestPlanner.Settings settings;
    private final Map<String, ChannelState> channels = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final Object sleeper = new Object();
    private final AtomicLong digests = new AtomicLong();
    private final AtomicLong items = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong loopFailures = new AtomicLong();
    private volatile boolean closing;
    private volatile boolean finished;
    private volatile Throwable death;
    private volatile int pendingTotal;
    private boolean paused;

    private final class ChannelState {
        final ChannelConfig config;
        final ChannelSender sender;
        final TokenBucket bucket;
        final List<Notice> pending = new ArrayList<>();
        final Set<String> pendingKeys = new HashSet<>();
        final Map<String, Long> intentSeen = new HashMap<>();
        long firstPendingNanos;
        long retryAtNanos;
        int attempt;

        ChannelState(ChannelConfig config, ChannelSender sender) {
            this.config = config;
            this.sender = sender;
            this.bucket = new TokenBucket(config.rate(), nanoTime);
        }

        void add(Notice n) {
            if (pending.isEmpty()) {
                firstPendingNanos = nanoTime.getAsLong();
            }
            pending.add(n);
            pendingKeys.add(n.key());
        }

        void removeKeys(Collection<String> keys) {
            Set<String> gone = new HashSet<>(keys);
            pending.removeIf(n -> gone.contains(n.key()));
            pendingKeys.removeAll(gone);
        }

        void removeIf(java.util.function.Predicate<Notice> p) {
            List<String> keys = pending.stream().filter(p).map(Notice::key).toList();
            removeKeys(keys);
        }
    }

    public AlertNotifier(SinkConfig config, NotifiedLedger ledger, SinkCounters counters, DeadLetterPublisher deadLetters) {
        this(config, ledger, counters, deadLetters, Clock.system(config.timeZone()), System::nanoTime, consumer(config));
    }

    /**
     * With the clock that says which day it is (its zone counts the days), the ticker the rate limits and
     * intervals run on, and the consumer (null: records are handed to {@link #intake} directly).
     */
    AlertNotifier(SinkConfig config, NotifiedLedger ledger, SinkCounters counters, DeadLetterPublisher deadLetters, Clock clock,
                  LongSupplier nanoTime, Consumer<String, byte[]> consumer) {
        this.config = config;
        this.nc = config.notifications();
        this.ledger = ledger;
        this.counters = counters;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.consumer = consumer;
        this.backoff = new Backoff(Duration.ofMillis(500), nc.backoffMax());
        this.factory = new NoticeFactory(nc, clock);
        this.settings = new DigestPlanner.Settings(nc.digestMaxItems(), nc.backfillMaxItems(), nc.backfillAge(), nc.backfillOld(),
                nc.backfillPending(), nc.dashboardUrl());
        for (ChannelConfig ch : nc.channels()) {
            ChannelSender sender = ch.kind() == ChannelKind.email ? new EmailSender(ch, nc.timeout(), nc.dashboardUrl())
                    : new WebhookClient(ch, nc.timeout(), nc.dashboardUrl());
            channels.put(ch.name(), new ChannelState(ch, sender));
        }
    }

    private static Consumer<String, byte[]> consumer(SinkConfig config) {
        Properties p = config.kafka().clientProperties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId() + "-notify");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "rectify-sink-notify");
        // as the indexing consumer: a notifier that vanished is replaced after seconds, not the client's default 45 s
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, String.valueOf(config.sessionTimeout().toMillis()));
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, String.valueOf(KafkaSettings.heartbeatIntervalMs(config.sessionTimeout())));
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The topics read: alerts, and reports and issues when a watch may match them. */
    List<String> topics() {
        List<String> t = new ArrayList<>(List.of(config.alertsTopic()));
        if (!nc.watches().isEmpty()) {
            t.add(config.reportsTopic());
            t.add(config.issuesTopic());
        }
        return t;
    }

    /** False once the thread has died (or ended without being asked to); true before it starts and after a requested stop. */
    public boolean alive() {
        return death == null && (!finished || closing);
    }

    public Throwable failure() {
        return death;
    }

    public Stats stats() {
        return new Stats(alive(), pendingTotal, digests.get(), items.get(), retries.get(), refused.get(), loopFailures.get());
    }

    public void requestStop() {
        closing = true;
        if (consumer != null) {
            consumer.wakeup();
        }
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
    }

    @Override
    public void run() {
        log.info("notifications: {}", nc.hasChannels() ? nc + ", " + ledger.size() + " items delivered before"
                : "no channel configured (sink.webhook.url, sink.channels): alert events are logged");
        try {
            consumer.subscribe(topics(), new Rebalance());
            int failures = 0;
            while (!closing) {
                try {
                    step();
                    failures = 0;
                } catch (WakeupException e) {
                    if (!closing) {
                        throw e;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    // a commit refused after a long outage, a ledger write that failed, a broker away: what is not recorded
                    // is delivered again from the last commit, so waiting and going on loses nothing
                    loopFailures.incrementAndGet();
                    long wait = backoff.delayMillis(failures++);
                    if (failures > 5) {
                        log.error("notifier: {} ({} failures in a row); retrying in {} ms", e.toString(), failures, wait, e);
                    } else {
                        log.warn("notifier: {}; retrying in {} ms", e.toString(), wait);
                    }
                    pause(wait);
                }
            }
        } catch (Throwable t) {
            death = t;
            log.error("the notifier thread died: no further notifications until the sink is restarted; the sink reports unhealthy", t);
            if (t instanceof Error err) {
                throw err;
            }
        } finally {
            finished = true;
            try {
                consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
            } catch (RuntimeException e) {
                log.debug("notify consumer close: {}", e.toString());
            }
        }
    }

    private void pause(long millis) throws InterruptedException {
        synchronized (sleeper) {
            if (!closing) {
                sleeper.wait(Math.max(1, millis));
            }
        }
    }

    private void step() throws InterruptedException {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
        for (ConsumerRecord<String, byte[]> r : records) {
            intake(r);
        }
        flowControl();
        deliverDue();
        commit();
        logged.close(clock.millis(), this::logLeftOut);
    }

    private void logLeftOut(long count) {
        log.info("{} more alert events in the last minute not logged (at most 20 a minute; configure sink.webhook.url or "
                + "sink.channels to receive every one)", count);
    }

    /** Turns one record into the items each channel is to hear of, skipping those delivered before. */
    void intake(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return;
        }
        Notice.Source source = new Notice.Source(new TopicPartition(r.topic(), r.partition()), r.offset(),
                new SinkAction.Origin(r.topic(), r.partition(), r.offset(), r.key() == null ? null : r.key().getBytes(StandardCharsets.UTF_8),
                        r.value()));
        List<Notice> notices;
        try {
            if (r.topic().equals(config.alertsTopic())) {
                AlertRecord a = WireSerdes.ALERT.deserializer().deserialize(r.topic(), r.value());
                if (a == null || a.alertId() == null || a.state() == null) {
                    return;
                }
                if (!nc.hasChannels()) {
                    if (nc.policy().pushes(a.kind(), a.state()) && logged.take(clock.millis(), this::logLeftOut)) {
                        log.info("{}", AlertMessage.line(a, clock));
                    }
                    return;
                }
                notices = factory.alert(a, source);
            } else if (r.topic().equals(config.reportsTopic())) {
                ReportRecord rep = WireSerdes.REPORT.deserializer().deserialize(r.topic(), r.value());
                notices = rep == null || rep.reportId() == null ? List.of() : factory.report(rep, source);
            } else if (r.topic().equals(config.issuesTopic())) {
                IssueRecord i = WireSerdes.ISSUE.deserializer().deserialize(r.topic(), r.value());
                notices = i == null || i.issueId() == null ? List.of() : factory.issue(i, source);
            } else {
                return;
            }
        } catch (RuntimeException e) {
            return; // the indexing path dead-letters a record it cannot read
        }
        for (Notice n : notices) {
            ChannelState ch = channels.get(n.channel());
            if (!ledger.contains(n.key()) && !ch.pendingKeys.contains(n.key())) {
                ch.add(n);
            }
        }
        pendingTotal = channels.values().stream().mapToInt(c -> c.pending.size()).sum();
    }

    /** Stops reading while too much waits (a long outage of a receiver), and reads on once half of it went out. */
    private void flowControl() {
        int total = channels.values().stream().mapToInt(c -> c.pending.size()).sum();
        pendingTotal = total;
        if (!paused && total > nc.maxPending()) {
            consumer.pause(consumer.assignment());
            paused = true;
            log.warn("notifier: {} items wait for delivery (sink.notify.max.pending {}): reading paused until half went out", total,
                    nc.maxPending());
        } else if (paused && total <= nc.maxPending() / 2) {
            consumer.resume(consumer.paused());
            paused = false;
        }
    }

    /** Sends each channel's next digest if one is due and the channel's rate allows it. */
    void deliverDue() throws InterruptedException {
        for (ChannelState ch : channels.values()) {
            // as many digests as are due and the channel's bucket allows (a backfill goes out at the rate, not a poll each)
            for (int n = 0; n < 100 && !closing && deliver(ch); n++) {
                // next
            }
        }
        pendingTotal = channels.values().stream().mapToInt(c -> c.pending.size()).sum();
    }

    /** True when a digest went out. */
    private boolean deliver(ChannelState ch) throws InterruptedException {
        if (ch.pending.isEmpty()) {
            return false;
        }
        long now = nanoTime.getAsLong();
        if (now < ch.retryAtNanos) {
            return false;
        }
        boolean full = ch.pending.size() >= nc.digestMaxItems();
        if (!full && now - ch.firstPendingNanos < nc.interval().toNanos() && !DigestPlanner.backfill(ch.pending, settings, clock.instant())) {
            return false;
        }
        if (ch.bucket.nanosUntilToken() > 0) {
            return false;
        }
        ledger.catchUp();
        ch.removeIf(n -> ledger.contains(n.key()));
        Digest d = next(ch);
        if (d == null || !ch.bucket.tryTake()) {
            return false;
        }
        ledger.begin(d.id(), ch.config.name(), d.keys());
        Outcome o = ch.sender.send(d);
        switch (o.result()) {
            case DELIVERED -> {
                org.rectifywatch.model.ops.CrashPoint.reach("notifier.delivered"); // crash window: the receiver answered 2xx, the ledger not yet written
                ledger.delivered(d.id(), ch.config.name(), d.keys());
                ch.removeKeys(d.keys());
                ch.intentSeen.remove(d.id());
                ch.attempt = 0;
                digests.incrementAndGet();
                items.addAndGet(d.items().size());
                counters.notified.addAndGet(d.items().size());
                log.debug("notified {} items ({}) via {}", d.items().size(), d.id(), ch.sender.describe());
                return true;
            }
            case RETRY -> {
                retries.incrementAndGet();
                long wait = backoff.delayMillis(ch.attempt++);
                ch.retryAtNanos = nanoTime.getAsLong() + wait * 1_000_000L;
                log.warn("channel {} failed ({}); digest of {} items retried in {} ms", ch.sender.describe(), o.detail(), d.items().size(), wait);
            }
            case REFUSED -> {
                refused.incrementAndGet();
                counters.notifyFailures.incrementAndGet();
                log.error("channel {} refused a digest of {} items: {} — check its settings; the records go to {} for replay",
                        ch.sender.describe(), d.items().size(), o.detail(), config.dlqTopic());
                if (deadLetter(d, "channel " + ch.sender.describe() + " refused: " + o.detail())) {
                    ledger.abandon(d.id());
                    ch.removeKeys(d.keys());
                }
            }
        }
        return false;
    }

    /** The channel's next digest: first one begun before a crash whose items are all back, then new ones. */
    private Digest next(ChannelState ch) throws InterruptedException {
        Set<String> held = new HashSet<>();
        for (NotifiedLedger.Intent intent : ledger.openIntents(ch.config.name())) {
            List<String> missing = intent.keys().stream().filter(k -> !ch.pendingKeys.contains(k) && !ledger.contains(k)).toList();
            List<String> waiting = intent.keys().stream().filter(ch.pendingKeys::contains).toList();
            if (waiting.isEmpty() || (!missing.isEmpty() && expired(ch, intent))) {
                ledger.abandon(intent.id());
                ch.intentSeen.remove(intent.id());
                continue;
            }
            if (missing.isEmpty() && waiting.size() == intent.keys().size()) {
                Map<String, Notice> byKey = new HashMap<>();
                ch.pending.forEach(n -> byKey.put(n.key(), n));
                List<Notice> same = intent.keys().stream().map(byKey::get).toList();
                return DigestPlanner.repeat(ch.config.name(), same, ch.pending, settings, clock.instant());
            }
            held.addAll(waiting); // the rest of that digest is still being read back: keep its items together
        }
        List<Notice> free = held.isEmpty() ? ch.pending : ch.pending.stream().filter(n -> !held.contains(n.key())).toList();
        return free.isEmpty() ? null : DigestPlanner.next(ch.config.name(), ch.config.kind(), free, settings, clock.instant());
    }

    /** An open intent whose items have not all come back within two intervals is given up (they go out in new digests). */
    private boolean expired(ChannelState ch, NotifiedLedger.Intent intent) {
        long first = ch.intentSeen.computeIfAbsent(intent.id(), id -> nanoTime.getAsLong());
        return nanoTime.getAsLong() - first > 2 * nc.interval().toNanos();
    }

    /** False when the sink closes before the dead letters are acknowledged (the records are then read again). */
    private boolean deadLetter(Digest d, String detail) {
        if (deadLetters == null) {
            return true;
        }
        Map<String, SinkAction.Origin> origins = new LinkedHashMap<>();
        d.items().forEach(n -> origins.putIfAbsent(n.source().origin().describe(), n.source().origin()));
        List<Rejection> rejections = origins.values().stream()
                .map(o -> new Rejection(SinkAction.reject(o, WEBHOOK_REFUSED, detail), WEBHOOK_REFUSED, detail)).toList();
        try {
            deadLetters.publish(rejections, () -> closing);
            counters.dlq.addAndGet(rejections.size());
            return true;
        } catch (Closed e) {
            return false;
        }
    }

    /** Commits, per partition, up to the oldest record with an item still waiting (or all that was read). */
    private void commit() {
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> oldest = new HashMap<>();
        for (ChannelState ch : channels.values()) {
            for (Notice n : ch.pending) {
                oldest.merge(n.source().partition(), n.source().offset(), Math::min);
            }
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : assigned) {
            long at = oldest.containsKey(tp) ? oldest.get(tp) : consumer.position(tp);
            if (!Objects.equals(committed.get(tp), at)) {
                offsets.put(tp, new OffsetAndMetadata(at));
            }
        }
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets);
            offsets.forEach((tp, o) -> committed.put(tp, o.offset()));
        }
    }

    /** Items of partitions this instance no longer reads are left to the instance that reads them now. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                commit();
            } catch (RuntimeException e) {
                log.debug("notify commit on revocation: {}", e.toString());
            }
            drop(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            drop(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            ledger.catchUp();
        }

        private void drop(Collection<TopicPartition> partitions) {
            Set<TopicPartition> gone = new LinkedHashSet<>(partitions);
            channels.values().forEach(ch -> ch.removeIf(n -> gone.contains(n.source().partition())));
            gone.forEach(committed::remove);
        }
    }
}
