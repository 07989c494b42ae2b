package org.rectifywatch.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.rectifywatch.app.demo.SearchClient;

/**
 * An index against its topic: every live key of the topic must be one document whose external version is the
 * offset + 1 of the key's last record (the sink's versioning), and no document may be there that the topic does
 * not hold. A write lost in a crash shows as missing, a replay that overwrote a newer version as a wrong version.
 */
record IndexAudit(long expected, long documents, long missing, long wrongVersion, long extra) {

    static IndexAudit of(SearchClient search, String index, List<ConsumerRecord<String, byte[]>> topic) {
        Map<String, Long> want = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : topic) {
            if (r.value() == null) {
                want.remove(r.key());
            } else {
                want.put(r.key(), r.offset() + 1);
            }
        }
        search.refresh(index);
        JsonNode hits = search.search(index, "{\"size\":10000,\"version\":true,\"_source\":false,\"query\":{\"match_all\":{}}}")
                .path("hits").path("hits");
        Map<String, Long> have = new HashMap<>();
        hits.forEach(h -> have.put(h.path("_id").asText(), h.path("_version").asLong()));
        long missing = want.keySet().stream().filter(k -> !have.containsKey(k)).count();
        long wrong = want.entrySet().stream().filter(e -> have.containsKey(e.getKey()) && !have.get(e.getKey()).equals(e.getValue())).count();
        long extra = have.keySet().stream().filter(k -> !want.containsKey(k)).count();
        return new IndexAudit(want.size(), have.size(), missing, wrong, extra);
    }

    /** Adds the audit's figures to a row, named after the index. */
    void addTo(ReliabilityRow.Builder row, String what) {
        row.count(what + " documents (one per live key of the topic)", expected, documents)
                .count(what + ": keys with no document", 0, missing)
                .count(what + ": documents not at the version of the key's last record", 0, wrongVersion)
                .count(what + ": documents the topic does not hold", 0, extra);
    }
}
