package org.rectifywatch.processor.deadline;

import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The tracker's store (key: unit + separator + issue id), with the entries of the unit last matched against held
 * decoded in memory. A report's issues arrive one after another for the same unit, and each is matched against all
 * of the unit's tracked issues: without this, every issue of a report decoded the unit's whole history again (a
 * 60-issue report into a unit with 1,200 tracked issues took 39 times as long as into a new unit). Every write goes
 * through here, so the held entries are always the store's; a unit with more than {@value #MAX_HELD} entries is read
 * from the store each time.
 */
final class TrackedIssueStore {
    /** Entries of one unit in the store's own order: keys compare as their UTF-8 bytes do, that is by code point. */
    private static final Comparator<String> STORE_ORDER = (a, b) -> {
        for (int i = 0, j = 0; i < a.length() && j < b.length(); ) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.codePointCount(0, a.length()), b.codePointCount(0, b.length()));
    };
    private static final int MAX_HELD = 20_000;

    /** A tracked issue with its problem's shape, computed when first compared. */
    static final class Entry {
        final String key;
        final TrackedIssue issue;
        private ProblemSimilarity.Shape shape;

        Entry(String key, TrackedIssue issue) {
            this.key = key;
            this.issue = issue;
        }

        ProblemSimilarity.Shape shape() {
            if (shape == null) {
                shape = ProblemSimilarity.shape(issue.problem());
            }
            return shape;
        }
    }

    private final KeyValueStore<String, TrackedIssue> store;
    private final String separator;
    private String heldPrefix;
    private TreeMap<String, Entry> held;

    TrackedIssueStore(KeyValueStore<String, TrackedIssue> store, String separator) {
        this.store = store;
        this.separator = separator;
    }

    TrackedIssue get(String key) {
        if (held != null && key.startsWith(heldPrefix)) {
            Entry e = held.get(key);
            return e == null ? null : e.issue;
        }
        return store.get(key);
    }

    void put(String key, TrackedIssue issue) {
        store.put(key, issue);
        if (held != null && key.startsWith(heldPrefix)) {
            held.put(key, new Entry(key, issue));
            if (held.size() > MAX_HELD) {
                forget();
            }
        }
    }

    void delete(String key) {
        store.delete(key);
        if (held != null && key.startsWith(heldPrefix)) {
            held.remove(key);
        }
    }

    /** The unit's tracked issues in the store's order; a snapshot: writes made while going through it are not in it. */
    List<Entry> unit(String unitKey) {
        String prefix = unitKey + separator;
        if (held != null && prefix.equals(heldPrefix)) {
            return List.copyOf(held.values());
        }
        TreeMap<String, Entry> entries = new TreeMap<>(STORE_ORDER);
        try (KeyValueIterator<String, TrackedIssue> it = store.prefixScan(prefix, new StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, TrackedIssue> kv = it.next();
                entries.put(kv.key, new Entry(kv.key, kv.value));
            }
        }
        List<Entry> out = List.copyOf(entries.values());
        if (entries.size() <= MAX_HELD) {
            heldPrefix = prefix;
            held = entries;
        } else {
            forget();
        }
        return out;
    }

    /** Drops what is held: after this, everything is read from the store again. */
    void forget() {
        held = null;
        heldPrefix = null;
    }
}
