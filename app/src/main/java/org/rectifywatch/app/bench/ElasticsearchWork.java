package org.rectifywatch.app.bench;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.ParseException;
import org.rectifywatch.model.json.Json;

/**
 * Elasticsearch's own account of what it spent its time on (node stats, summed over the node's indices): indexing,
 * refreshes, merges and flushes. Two snapshots around a window tell where its CPU went beyond indexing itself —
 * what a refresh every 500 ms and bulks of a hundred documents cost next to a raw bulk of thousands.
 */
record ElasticsearchWork(long indexed, long indexingMs, long refreshes, long refreshMs, long merges, long mergeMs, long flushes,
                         long flushMs) {

    static ElasticsearchWork take(Rest5Client es) {
        try {
            Request r = new Request("GET", "/_nodes/_local/stats/indices/indexing,refresh,merge,flush");
            return of(Json.MAPPER.readTree(EntityUtils.toString(es.performRequest(r).getEntity())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Elasticsearch's node stats", e);
        } catch (ParseException e) {
            throw new IllegalStateException("cannot read Elasticsearch's node stats", e);
        }
    }

    /** The totals of the (one) node in a {@code _nodes/stats} answer. */
    static ElasticsearchWork of(JsonNode stats) {
        long[] v = new long[8];
        for (JsonNode node : stats.path("nodes")) {
            JsonNode i = node.path("indices");
            v[0] += i.at("/indexing/index_total").asLong();
            v[1] += i.at("/indexing/index_time_in_millis").asLong();
            v[2] += i.at("/refresh/total").asLong();
            v[3] += i.at("/refresh/total_time_in_millis").asLong();
            v[4] += i.at("/merges/total").asLong();
            v[5] += i.at("/merges/total_time_in_millis").asLong();
            v[6] += i.at("/flush/total").asLong();
            v[7] += i.at("/flush/total_time_in_millis").asLong();
        }
        return new ElasticsearchWork(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    ElasticsearchWork since(ElasticsearchWork before) {
        return new ElasticsearchWork(indexed - before.indexed, indexingMs - before.indexingMs, refreshes - before.refreshes,
                refreshMs - before.refreshMs, merges - before.merges, mergeMs - before.mergeMs, flushes - before.flushes,
                flushMs - before.flushMs);
    }

    /** Per indexed document: the time in each kind of work, in µs, and how many refreshes and merges. */
    String describe() {
        double n = Math.max(1, indexed);
        return String.format(Locale.ROOT, "%,d documents indexed: indexing %.0f µs, refreshes %.0f µs (%,d), merges %.0f µs (%,d),"
                        + " flushes %.0f µs (%,d) per document", indexed, 1000 * indexingMs / n, 1000 * refreshMs / n, refreshes,
                1000 * mergeMs / n, merges, 1000 * flushMs / n, flushes);
    }
}
