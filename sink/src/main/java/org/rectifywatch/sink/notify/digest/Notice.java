package org.rectifywatch.sink.notify.digest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.rectifywatch.sink.write.SinkAction;

/**
 * One item to tell one channel about: an alert event or a watched publication. {@code key} is its ledger key and
 * idempotency key (delivered once per channel), {@code ref} what the item is called in a message (the alert id); {@code details} are {@code 标签：值} lines whose values may hold
 * markdown links; {@code payload} is the item as the generic JSON webhook receives it. {@code source} is the record
 * it came from: its offset is not committed before the item is delivered, and a refused item is dead-lettered
 * with it.
 */
public record Notice(String key, String ref, String channel, String unit, String province, String category, String headline,
                     List<String> details, String url, Instant eventTime, Map<String, Object> payload, Source source) {

    public record Source(TopicPartition partition, long offset, SinkAction.Origin origin) {
    }
}
