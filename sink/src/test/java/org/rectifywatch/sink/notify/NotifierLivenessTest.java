package org.rectifywatch.sink.notify;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.sink.config.SinkConfig;
import org.rectifywatch.sink.write.SinkCounters;
import org.slf4j.LoggerFactory;

/** A notifier thread that dies says so: alive() turns false and the death is logged at ERROR. */
class NotifierLivenessTest {

    @Test
    void aNotifierWhoseThreadDiesIsNotAliveAndSaysSoAtError() throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "liveness");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.close(); // a consumer that can no longer be used: the thread cannot even start reading
        SinkConfig config = SinkConfig.from(new ConfigSource(Map.of("sink.webhook.url", "http://127.0.0.1:9/hook"), Map.of()));
        AlertNotifier n = new AlertNotifier(config, NotifiedLedger.inMemory(), new SinkCounters(), null, Clock.systemUTC(), System::nanoTime,
                consumer);
        assertThat(n.alive()).as("before it runs").isTrue();

        Logger logger = (Logger) LoggerFactory.getLogger(AlertNotifier.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            Thread t = new Thread(n, "notify-dies");
            t.start();
            t.join(10_000);
            assertThat(t.isAlive()).isFalse();
        } finally {
            logger.detachAppender(logs);
        }
        assertThat(n.alive()).isFalse();
        assertThat(n.stats().alive()).isFalse();
        assertThat(n.failure()).isInstanceOf(IllegalStateException.class);
        assertThat(logs.list).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.ERROR);
            assertThat(e.getFormattedMessage()).contains("notifier thread died");
        });
    }

    @Test
    void aRequestedStopIsNotADeath() {
        SinkConfig config = SinkConfig.from(new ConfigSource(Map.of(), Map.of()));
        AlertNotifier n = new AlertNotifier(config, NotifiedLedger.inMemory(), new SinkCounters(), null, Clock.systemUTC(), System::nanoTime, null);
        n.requestStop();
        assertThat(n.alive()).isTrue();
    }
}
