package org.rectifywatch.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Set;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/** Lines taken from a processor killed with -9 and restarted: the normal ones are dropped, real problems pass. */
class NormalRecoveryFilterTest {
    private final Logger logger = new LoggerContext().getLogger("org.apache.kafka.streams.processor.internals.TaskManager");
    private final NormalRecoveryFilter filter = new NormalRecoveryFilter();

    private FilterReply decide(Level level, String message, Throwable t) {
        return filter.decide(new LoggingEvent(Logger.FQCN, logger, level, message, t, null));
    }

    @Test
    void exactlyOnceRecoveryAfterACrashIsNotShown() {
        TaskCorruptedException corrupted = new TaskCorruptedException(Set.of(new TaskId(1, 4)));
        assertThat(decide(Level.WARN, "stream-thread [x-StreamThread-1] Encounter corrupted task 1_4, will group it with other "
                + "corrupted tasks and handle together", corrupted)).isEqualTo(FilterReply.DENY);
        assertThat(decide(Level.ERROR, "stream-thread [x-StreamThread-2] Get exceptions for the following tasks: "
                + "{1_3=org.apache.kafka.streams.errors.TaskCorruptedException: Tasks [1_3] are corrupted and hence need to be "
                + "re-initialized}", null)).isEqualTo(FilterReply.DENY);
        assertThat(decide(Level.WARN, "stream-client [x] State store report-versions did not find checkpoint offsets while "
                + "stores are not empty, since under EOS it has the risk of getting uncommitted data in stores", null))
                .isEqualTo(FilterReply.DENY);
        assertThat(decide(Level.WARN, "[Producer clientId=p] Got error produce response with correlation id 20 on topic-partition "
                + "t-0, retrying (2147483646 attempts left). Error: CONCURRENT_TRANSACTIONS", null)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void realProblemsStillShow() {
        assertThat(decide(Level.ERROR, "stream-thread [x] Get exceptions for the following tasks: {1_3=org.apache.kafka.streams."
                + "errors.TaskCorruptedException: Tasks [1_3] are corrupted, 2_0=org.apache.kafka.common.errors.ProducerFencedException: "
                + "fenced}", null)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(Level.ERROR, "stream thread failed", new KafkaException("broker down", new TaskCorruptedException(Set.of()))))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(Level.WARN, "[Producer clientId=p] Got error produce response: Error: MESSAGE_TOO_LARGE", null))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(Level.INFO, "did not find checkpoint offsets while stores are not empty", null))
                .as("below WARN the level decides, not this filter").isEqualTo(FilterReply.NEUTRAL);
    }
}
