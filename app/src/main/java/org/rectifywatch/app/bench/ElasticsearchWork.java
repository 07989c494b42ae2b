package org.rectifywatch.app.bench;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.ParseException;
import org.rectifywatch.model.json.Json;

/**
 * Elasticsearch's own account of what it spent its time on (node stats, summed over the node's indices): indexing,
 * refreshes, merges and flushes, its JVM's garbage collections, and each index's indexing time. Two snapshots around a
 * window tell where its CPU went beyond indexing itself — what a refresh every 500 ms and bulks of a hundred documents
 * cost next to a raw bulk of thousands, and which kind of document costs what.
 */
record ElasticsearchWork(long indexed, long indexingMs, long refreshes, long refreshMs, long merges, long mergeMs, long flushes,
                         long flushMs, long collections, long gcMs, Map<String, Share> byIndex) {

    /** One index's documents and indexing time. */
    record Share(long indexed, long indexingMs) {
    }

    static ElasticsearchWork take(Rest5Client es) {
        Request perIndex = new Request("GET", "/_stats/indexing");
        perIndex.addParameter("level", "indices");
        return of(stats(es, new Request("GET", "/_nodes/_local/stats/indices,jvm/indexing,refresh,merge,flush")))
                .withIndices(stats(es, perIndex));
    }

    /** A stats answer of Elasticsearch's. */
    private static JsonNode stats(Rest5Client es, Request request) {
        try {
            return Json.MAPPER.readTree(EntityUtils.toString(es.performRequest(request).getEntity()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Elasticsearch's stats " + request.getEndpoint(), e);
        } catch (ParseException e) {
            throw new IllegalStateException("cannot read Elasticsearch's stats " + request.getEndpoint(), e);
        }
    }

    /** The totals of the (one) node in a {@code _nodes/stats} answer. */
    static ElasticsearchWork of(JsonNode stats) {
        long[] v = new long[10];
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
            for (JsonNode collector : node.at("/jvm/gc/collectors")) {
                v[8] += collector.path("collection_count").asLong();
                v[9] += collector.path("collection_time_in_millis").asLong();
            }
        }
        return new ElasticsearchWork(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], Map.of());
    }

    /** Merges running on the node now: {@code indices.merges.current} of a {@code _nodes/stats} answer. */
    static long mergesRunning(JsonNode stats) {
        long running = 0;
        for (JsonNode node : stats.path("nodes")) {
            running += node.at("/indices/merges/current").asLong();
        }
        return running;
    }

    /**
     * Waits until the node has run no merge at two polls in a row, at most {@code max}; returns how long it waited. A
     * backfill leaves its segments to be merged for up to a minute after its last refresh: a part measured meanwhile
     * would share the cores with those merges (raw bulk: a dearer Elasticsearch, so a lower ceiling; steady load:
     * slower refreshes).
     */
    static Duration awaitNoMerges(Rest5Client es, Duration max) throws InterruptedException {
        long start = System.nanoTime();
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() - start < max.toNanos()) {
            quiet = mergesRunning(stats(es, new Request("GET", "/_nodes/_local/stats/indices/merge"))) == 0 ? quiet + 1 : 0;
            if (quiet < 2) {
                Thread.sleep(500);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** With each index's share, from an {@code _stats/indexing?level=indices} answer (primaries). */
    ElasticsearchWork withIndices(JsonNode stats) {
        Map<String, Share> shares = new TreeMap<>();
        stats.path("indices").fields().forEachRemaining(e -> shares.put(e.getKey(), new Share(
                e.getValue().at("/primaries/indexing/index_total").asLong(),
                e.getValue().at("/primaries/indexing/index_time_in_millis").asLong())));
        return new ElasticsearchWork(indexed, indexingMs, refreshes, refreshMs, merges, mergeMs, flushes, flushMs, collections, gcMs,
                shares);
    }

    ElasticsearchWork since(ElasticsearchWork before) {
        return new ElasticsearchWork(indexed - before.indexed, indexingMs - before.indexingMs, refreshes - before.refreshes,
                refreshMs - before.refreshMs, merges - before.merges, mergeMs - before.mergeMs, flushes - before.flushes,
                flushMs - before.flushMs, collections - before.collections, gcMs - before.gcMs, sharesSince(before));
    }

    private Map<String, Share> sharesSince(ElasticsearchWork before) {
        Map<String, Share> shares = new TreeMap<>();
        byIndex.forEach((name, now) -> {
            Share then = before.byIndex.getOrDefault(name, new Share(0, 0));
            if (now.indexed() > then.indexed()) {
                shares.put(name, new Share(now.indexed() - then.indexed(), now.indexingMs() - then.indexingMs()));
            }
        });
        return shares;
    }

    /** Per indexed document: the time in each kind of work, in µs, and how many refreshes and merges. */
    String describe() {
        double n = Math.max(1, indexed);
        return String.format(Locale.ROOT, "%,d documents indexed: indexing %.0f µs, refreshes %.0f µs (%,d), merges %.0f µs (%,d),"
                        + " flushes %.0f µs (%,d) per document; its JVM's GC %.0f µs (%,d collections)", indexed, 1000 * indexingMs / n,
                1000 * refreshMs / n, refreshes, 1000 * mergeMs / n, merges, 1000 * flushMs / n, flushes, 1000 * gcMs / n, collections)
                + (byIndex.isEmpty() ? "" : "; indexing by index: " + byIndex.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %,d at %.0f µs", e.getKey(), e.getValue().indexed(),
                        1000.0 * e.getValue().indexingMs() / Math.max(1, e.getValue().indexed())))
                .collect(Collectors.joining(", ")));
    }
}
