package org.rectifywatch.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Set;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
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

    /** Lines of the local broker and a stream thread's producer as a transaction began (transactions v2). */
    @Test
    void aTransactionsBatchRefusedAheadOfSequenceZeroAndRetriedIsNotShown() {
        assertThat(decide(Level.ERROR, "[ReplicaManager broker=1] Error processing append operation on partition "
                + "0LCQXWldQfSs6PoBiV6nJQ:app-issues-by-unit-repartition-3", new OutOfOrderSequenceException("Invalid sequence number "
                + "for producer 5 at offset 97 in partition app-issues-by-unit-repartition-3: 3 (incoming seq. number). Expected "
                + "sequence 0 for transactions v2 idempotent producer with no existing state."))).isEqualTo(FilterReply.DENY);
        assertThat(decide(Level.WARN, "[Producer clientId=app-StreamThread-2-producer, transactionalId=app-2] Got error produce "
                + "response with correlation id 124 on topic-partition reports.parsed-1, retrying (2147483646 attempts left). Error: "
                + "OUT_OF_ORDER_SEQUENCE_NUMBER", null)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void anyOtherSequenceErrorStillShows() {
        assertThat(decide(Level.ERROR, "[ReplicaManager broker=1] Error processing append operation on partition t-0",
                new OutOfOrderSequenceException("Out of order sequence number for producer 1674 at offset 548171 in partition t-0: "
                        + "51 (incoming seq. number), 49 (current end sequence number)"))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(Level.ERROR, "[Producer clientId=p] The broker received an out of order sequence number for t-0; "
                + "the transaction is aborted", new KafkaException("aborted", new OutOfOrderSequenceException("for transactions v2 "
                + "idempotent producer with no existing state")))).as("a failure that carries it is not a retry").isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(Level.ERROR, "[Producer clientId=p] Uncaught error in kafka producer I/O thread: Error: "
                + "OUT_OF_ORDER_SEQUENCE_NUMBER (giving up)", null)).isEqualTo(FilterReply.NEUTRAL);
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
