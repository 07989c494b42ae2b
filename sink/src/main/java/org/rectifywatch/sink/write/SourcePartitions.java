package org.rectifywatch.sink.write;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.rectifywatch.model.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards the external versions (source offset + 1) against a change of a topic's partition count. Each index
 * remembers, in its mapping's {@code _meta}, how many partitions its topic had when the sink first wrote to it.
 * With more partitions, the default partitioner sends most keys to another partition, where their next records
 * have lower offsets than the versions indexed: Elasticsearch would refuse every later update as an older
 * version. With fewer, the topic was recreated and its offsets restarted at 0, with the same effect. Either way
 * the sink refuses to start, naming the topic, the index and the way out.
 */
public final class SourcePartitions {
    private static final Logger log = LoggerFactory.getLogger(SourcePartitions.class);
    static final String META = "rectify_source_partitions";

    private SourcePartitions() {
    }

    /** {@code aliasByTopic}: each input topic with the alias its records are written to. */
    public static void check(Admin admin, Rest5Client es, Map<String, String> aliasByTopic) {
        aliasByTopic.forEach((topic, alias) -> {
            Integer now = partitions(admin, topic);
            if (now == null) {
                log.info("topic {} does not exist yet: its partition count is recorded at the next start", topic);
                return;
            }
            JsonNode mappings = get(es, alias);
            for (Iterator<Map.Entry<String, JsonNode>> it = mappings.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> index = it.next();
                JsonNode meta = index.getValue().path("mappings").path("_meta");
                JsonNode seen = meta.path(META).path(topic);
                if (seen.isMissingNode()) {
                    ObjectNode merged = meta.isObject() ? ((ObjectNode) meta).deepCopy() : Json.MAPPER.createObjectNode();
                    JsonNode recorded = merged.path(META);
                    ObjectNode counts = recorded.isObject() ? (ObjectNode) recorded : merged.putObject(META);
                    counts.put(topic, now);
                    ObjectNode body = Json.MAPPER.createObjectNode();
                    body.set("_meta", merged);
                    put(es, index.getKey(), body);
                    log.info("index {} is fed by topic {} with {} partitions", index.getKey(), topic, now);
                } else if (seen.asInt() != now) {
                    throw new Misconfigured(refusal(topic, now, index.getKey(), seen.asInt()));
                }
            }
        });
    }

    static String refusal(String topic, int now, String index, int seen) {
        String what = now > seen
                ? "topic " + topic + " has " + now + " partitions but index " + index + " was built from its " + seen
                + ": most keys now land in another partition at lower offsets, and Elasticsearch would refuse their "
                + "updates as older versions"
                : "topic " + topic + " has " + now + " partitions but index " + index + " was built from " + seen
                + ": the topic was recreated and its offsets restarted, so Elasticsearch would refuse every update as an "
                + "older version";
        return what + "; rebuild the index from a topic with a fixed partition count (see 'Adding partitions' in "
                + "sink/README.md) or give the topic back its " + seen + " partitions";
    }

    private static Integer partitions(Admin admin, String topic) {
        try {
            TopicDescription d = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
            return d.partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw new IllegalStateException("cannot describe topic " + topic + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not describe topic " + topic + " within 30 s: check kafka.bootstrap", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode get(Rest5Client es, String alias) {
        try {
            return Json.MAPPER.readTree(es.performRequest(new Request("GET", "/" + alias + "/_mapping")).getEntity().getContent());
        } catch (ResponseException e) {
            if (e.getResponse().getStatusCode() == 404) {
                throw new Misconfigured("the index alias " + alias + " does not exist: run `pipeline setup`, or start the "
                        + "sink with sink.setup=true, with the same sink.index.prefix");
            }
            throw new IllegalStateException("reading the mapping of " + alias + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Elasticsearch to read the mapping of " + alias + ": " + e, e);
        }
    }

    private static void put(Rest5Client es, String index, ObjectNode body) {
        Request r = new Request("PUT", "/" + index + "/_mapping");
        r.setJsonEntity(Json.write(body));
        try {
            es.performRequest(r);
        } catch (IOException e) {
            throw new IllegalStateException("cannot record the partition count in the mapping of " + index + ": " + e, e);
        }
    }
}
