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
 * The last line of defence for "bad input never stops the application": a record the broker refuses as too
 * large can never be written, and failing on it would replace the stream thread and retry it for ever. Such a
 * record is logged with its key and topic and skipped, so it costs only itself (internal topics take up to
 * {@link ProcessorService#MAX_RECORD_BYTES}; an output topic with a lower limit can still refuse one).
 * Every other production error keeps Kafka Streams' default (fail, retried by a new thread).
 */
public final class OversizedRecordHandler implements ProductionExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(OversizedRecordHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RecordTooLargeException) {
            String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
            int size = record.value() == null ? 0 : record.value().length;
            log.error("record {} for {} ({} bytes) is larger than the broker accepts and was skipped: raise max.message.bytes "
                    + "of that topic and reprocess the report", key, record.topic(), size);
            return Response.resume();
        }
        return Response.fail();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure
    }
}
