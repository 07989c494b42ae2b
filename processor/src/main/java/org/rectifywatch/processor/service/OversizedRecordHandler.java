package org.rectifywatch.processor.service;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a record the producer or broker refuses as too large, with its key, topic and size. Under exactly-once this
 * cannot save the record's transaction (a refused send makes it abort, and the input is processed again), so the
 * page and report stages check their outputs against the topics' limits before sending and dead-letter a version
 * that does not fit ({@code OUTPUT_TOO_LARGE}); this handler covers what is not checked there (the trackers' alerts,
 * a few KiB each). Every other production error keeps Kafka Streams' default (fail, retried by a new thread).
 */
public final class OversizedRecordHandler implements ProductionExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(OversizedRecordHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RecordTooLargeException) {
            String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
            int size = record.value() == null ? 0 : record.value().length;
            log.error("record {} for {} ({} bytes) is larger than the broker accepts: raise max.message.bytes of that topic "
                    + "and reprocess the report", key, record.topic(), size);
            return Response.resume();
        }
        return Response.fail();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure
    }
}
