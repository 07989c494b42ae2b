package org.rectifywatch.sink.index;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.ParseException;
import org.rectifywatch.model.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs or updates the index templates, creates the concrete indices and points the aliases at them.
 * Idempotent: run it at every sink start and from {@code pipeline setup}. An alias that already exists is
 * left where it points (an operator may have swapped it to a newer index); the current concrete index gets
 * the template's mappings applied in place (additive changes only — anything else needs a new {@code -vN}).
 */
public final class IndexSetup {
    private static final Logger log = LoggerFactory.getLogger(IndexSetup.class);

    private IndexSetup() {
    }

    public static void ensure(Rest5Client client) {
        ensure(client, IndexNames.DEFAULT);
    }

    public static void ensure(Rest5Client client, IndexNames names) {
        ensure(client, names, Duration.ofSeconds(60));
    }

    /** Waits up to {@code healthTimeout} for the cluster to answer healthy, then sets up every index. */
    public static void ensure(Rest5Client client, IndexNames names, Duration healthTimeout) {
        awaitHealthy(client, healthTimeout);
        for (LogicalIndex index : LogicalIndex.values()) {
            ensureOne(client, names, index);
        }
    }

    /** Readiness through cluster health (the local distribution has no {@code GET /}). */
    public static void awaitHealthy(Rest5Client client, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                Request r = new Request("GET", "/_cluster/health");
                r.addParameter("wait_for_status", "yellow");
                r.addParameter("timeout", "5s");
                JsonNode health = json(client.performRequest(r));
                if (!health.path("timed_out").asBoolean(false)) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            sleep(500);
        }
        throw new IllegalStateException("Elasticsearch is not healthy after " + timeout.toSeconds() + " s"
                + (last == null ? "" : " (" + last.getMessage() + ")") + ": check es.url / RECTIFY_ES_URL and the cluster");
    }

    /** The settings and mappings of a logical index as this build defines them. */
    public static ObjectNode template(LogicalIndex index) {
        try (InputStream in = IndexSetup.class.getResourceAsStream(index.templateResource())) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + index.templateResource());
            }
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ensureOne(Rest5Client client, IndexNames names, LogicalIndex index) {
        ObjectNode body = template(index);
        String alias = names.alias(index);
        String concrete = names.concrete(index);
        try {
            ObjectNode tpl = Json.MAPPER.createObjectNode();
            tpl.putArray("index_patterns").add(names.pattern(index));
            tpl.put("priority", 200);
            tpl.set("template", body);
            tpl.putObject("_meta").put("managed_by", "rectify-watch sink").put("mapping_version", IndexNames.MAPPING_VERSION);
            send(client, "PUT", "/_index_template/" + names.template(index), tpl);

            boolean aliasExists = exists(client, "/_alias/" + alias);
            boolean indexExists = exists(client, "/" + concrete);
            if (!indexExists && !aliasExists) {
                ObjectNode create = Json.MAPPER.createObjectNode();
                create.putObject("aliases").putObject(alias).put("is_write_index", true);
                Request r = new Request("PUT", "/" + concrete);
                r.setJsonEntity(Json.write(create));
                Response created = client.performRequest(r);
                String answer = text(created);
                if (created.getStatusCode() < 300) {
                    log.info("created index {} behind alias {}", concrete, alias);
                } else if (!answer.contains("resource_already_exists_exception")) {
                    throw new IllegalStateException("cannot create index " + concrete + ": HTTP " + created.getStatusCode() + " " + answer);
                }
            } else if (indexExists) {
                send(client, "PUT", "/" + concrete + "/_mapping", (ObjectNode) body.get("mappings"));
            }
            if (!exists(client, "/_alias/" + alias)) {
                ObjectNode actions = Json.MAPPER.createObjectNode();
                actions.putArray("actions").addObject().putObject("add")
                        .put("index", concrete).put("alias", alias).put("is_write_index", true);
                send(client, "POST", "/_aliases", actions);
                log.info("pointed alias {} at {}", alias, concrete);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach Elasticsearch to set up " + alias + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Rest5Client client, String path) throws IOException {
        int status = client.performRequest(new Request("HEAD", path)).getStatusCode();
        if (status != 200 && status != 404) {
            throw new IllegalStateException("HEAD " + path + " answered HTTP " + status + ": check the credentials (es.api.key, es.username)");
        }
        return status == 200;
    }

    private static void send(Rest5Client client, String method, String path, ObjectNode body) throws IOException {
        Request r = new Request(method, path);
        r.setJsonEntity(Json.write(body));
        Response response = client.performRequest(r);
        if (response.getStatusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered HTTP " + response.getStatusCode() + ": "
                    + text(response) + (path.endsWith("/_mapping")
                    ? " — a mapping that cannot change in place needs a new index version (-v" + (IndexNames.MAPPING_VERSION + 1) + ")" : ""));
        }
    }

    static JsonNode json(Response response) throws IOException {
        if (response.getStatusCode() >= 300) {
            throw new IOException("HTTP " + response.getStatusCode() + " " + text(response));
        }
        return Json.MAPPER.readTree(text(response));
    }

    private static String text(Response response) throws IOException {
        try {
            return response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
        } catch (ParseException e) {
            throw new IOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Elasticsearch");
        }
    }
}
