package org.rectifywatch.processor.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A state store seen through the writes of the record being processed: reads see them, the store does not until
 * {@link #commit()}. So a record whose handling fails half-way leaves the store as it was.
 */
final class StagedStore<V> {
    private final KeyValueStore<String, V> store;
    /** Staged writes in order; an empty value is a delete. */
    private final Map<String, Optional<V>> staged = new LinkedHashMap<>();

    StagedStore(KeyValueStore<String, V> store) {
        this.store = store;
    }

    V get(String key) {
        Optional<V> s = staged.get(key);
        return s != null ? s.orElse(null) : store.get(key);
    }

    void put(String key, V value) {
        staged.put(key, Optional.ofNullable(value));
    }

    void delete(String key) {
        staged.put(key, Optional.empty());
    }

    /** The values under keys starting with the prefix, in key order, staged writes included. */
    List<V> prefixValues(String prefix) {
        TreeMap<String, V> merged = new TreeMap<>();
        try (KeyValueIterator<String, V> it = store.prefixScan(prefix, new StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, V> kv = it.next();
                merged.put(kv.key, kv.value);
            }
        }
        staged.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                if (v.isPresent()) {
                    merged.put(k, v.get());
                } else {
                    merged.remove(k);
                }
            }
        });
        return new ArrayList<>(merged.values());
    }

    void commit() {
        staged.forEach((k, v) -> {
            if (v.isPresent()) {
                store.put(k, v.get());
            } else {
                store.delete(k);
            }
        });
        staged.clear();
    }

    void discard() {
        staged.clear();
    }
}
