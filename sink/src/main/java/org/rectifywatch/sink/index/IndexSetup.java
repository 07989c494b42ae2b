package org.rectifywatch.sink.index;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.ParseException;
import org.rectifywatch.model.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs or updates the index templates, creates the concrete indices and points the aliases at them.
 * Idempotent: run it at every sink start and from {@code pipeline setup}. An alias that already exists is
 * left where it points (an operator may have swapped it to a newer index); the current concrete index gets
 * the template's mappings and its dynamic settings ({@link #IN_PLACE_SETTINGS}) applied in place (additive
 * mapping changes only — anything else needs a new {@code -vN}).
 * An alias that points only at older versions of its index ({@code rectify-alerts-v1} while this build maps
 * {@code -v2}) is migrated only when asked ({@code pipeline setup --migrate}, {@link #ensure(Rest5Client,
 * IndexNames, Duration, boolean)}): new index, documents copied with their versions (and converted), alias swapped
 * in one atomic step. Without it the set-up refuses ({@link IndexBehindException}): this build's documents would be
 * rejected by the older strict mapping, and a migration is a step the operator takes with the old sinks stopped.
 */
public final class IndexSetup {
    private static final Logger log = LoggerFactory.getLogger(IndexSetup.class);
    /**
     * Template settings applied to an existing index at every set-up, not just at creation: both are dynamic, and
     * both matter to indices created by an earlier build.
     * <p>{@code gc_deletes} (1 h in every template, Elasticsearch's default is 60 s) is how long a delete's version
     * is remembered. The sink retries a bulk item refused with 429 or 5xx with backoff up to {@code sink.backoff.max}
     * (30 s) per attempt for as long as the cluster throttles; when a delete of a document succeeded in the same
     * bulk while an older index action of it was throttled, the retried index action lands after the delete and
     * is refused as stale only while the delete is remembered — past that it would bring the deleted document back.
     * One hour covers 120 attempts at the longest backoff; the tombstones it keeps are few (deletes are
     * retractions and re-parsed reports).
     * <p>{@code query.default_field} points unqualified queries (Kibana's search bar, {@code q=}) at the
     * pre-segmented token fields, so a word matches the documents containing that word rather than its characters.
     */
    static final List<String> IN_PLACE_SETTINGS = List.of("gc_deletes", "query");

    private IndexSetup() {
    }

    public static void ensure(Rest5Client client) {
        ensure(client, IndexNames.DEFAULT);
    }

    public static void ensure(Rest5Client client, IndexNames names) {
        ensure(client, names, Duration.ofSeconds(60));
    }

    /**
     * Waits up to {@code healthTimeout} for the cluster to answer healthy, then sets up every index; refuses with
     * {@link IndexBehindException} when an alias points at an older mapping version than this build's.
     */
    public static void ensure(Rest5Client client, IndexNames names, Duration healthTimeout) {
        ensure(client, names, healthTimeout, false);
    }

    /** As {@link #ensure(Rest5Client, IndexNames, Duration)}; with {@code migrate}, moves such an alias to this build's version. */
    public static void ensure(Rest5Client client, IndexNames names, Duration healthTimeout, boolean migrate) {
        awaitHealthy(client, healthTimeout);
        for (LogicalIndex index : LogicalIndex.values()) {
            ensureOne(client, names, index, migrate);
        }
    }

    /**
     * For a sink that does not set up its indices: refuses with {@link IndexBehindException} when an alias points
     * only at indices of an older mapping version than this build writes. Aliases not there yet are no concern here.
     */
    public static void requireCurrent(Rest5Client client, IndexNames names) {
        for (LogicalIndex index : LogicalIndex.values()) {
            try {
                List<String> behind = aliasTargets(client, names.alias(index));
                if (!behind.isEmpty() && olderVersions(names, index, behind).size() == behind.size()) {
                    throw new IndexBehindException(names, index, behind);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot reach Elasticsearch to check " + names.alias(index) + ": " + e.getMessage(), e);
            }
        }
    }

    private static List<String> olderVersions(IndexNames names, LogicalIndex index, List<String> targets) {
        return targets.stream().filter(t -> {
            OptionalInt v = names.version(index, t);
            return v.isPresent() && v.getAsInt() < index.mappingVersion();
        }).toList();
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

    private static void ensureOne(Rest5Client client, IndexNames names, LogicalIndex index, boolean migrate) {
        ObjectNode body = template(index);
        String alias = names.alias(index);
        String concrete = names.concrete(index);
        try {
            ObjectNode tpl = Json.MAPPER.createObjectNode();
            tpl.putArray("index_patterns").add(names.pattern(index));
            tpl.put("priority", 200);
            tpl.set("template", body);
            tpl.putObject("_meta").put("managed_by", "rectify-watch sink").put("mapping_version", index.mappingVersion());
            send(client, "PUT", "/_index_template/" + names.template(index), tpl);

            List<String> behind = aliasTargets(client, alias);
            List<String> older = olderVersions(names, index, behind);
            if (!behind.isEmpty() && older.size() == behind.size()) {
                if (!migrate) {
                    throw new IndexBehindException(names, index, behind);
                }
                migrate(client, names, index, older);
                return;
            }
            boolean indexExists = exists(client, "/" + concrete);
            if (!indexExists && behind.isEmpty()) {
                ObjectNode create = Json.MAPPER.createObjectNode();
                create.putObject("aliases").putObject(alias).put("is_write_index", true);
                if (createIndex(client, concrete, create)) {
                    log.info("created index {} behind alias {}", concrete, alias);
                }
            } else if (indexExists) {
                send(client, "PUT", "/" + concrete + "/_mapping", (ObjectNode) body.get("mappings"));
                ObjectNode settings = inPlaceSettings(body);
                if (!settings.isEmpty()) {
                    send(client, "PUT", "/" + concrete + "/_settings", Json.MAPPER.createObjectNode().set("index", settings));
                }
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

    /**
     * Moves the alias from indices of an older mapping version to this build's: creates the new concrete index
     * from the template, copies every document into it at its external version (so the sink's offset-based
     * versions keep refusing stale writes), converted by {@link IndexMigrations}, then swaps the alias in one
     * atomic step. The copy reads and bulk-writes through the core APIs (a scroll and {@code _bulk}), so it needs
     * no reindex module or scripting. The old indices are left for the operator to delete. Safe to repeat and to
     * run from two processes at once (a second copy finds every document present at its version). Sinks of the
     * old build must be stopped first: what they write to the old index after the copy is not moved.
     */
    private static void migrate(Rest5Client client, IndexNames names, LogicalIndex index, List<String> from) throws IOException {
        String alias = names.alias(index);
        String concrete = names.concrete(index);
        log.info("migrating {} from {} to {} (mapping version {})", alias, from, concrete, index.mappingVersion());
        createIndex(client, concrete, Json.MAPPER.createObjectNode());
        for (String old : from) {
            int version = names.version(index, old).orElseThrow();
            long copied = 0;
            long present = 0;
            // what was written just before the upgrade must be searchable before it is copied
            client.performRequest(new Request("POST", "/" + old + "/_refresh"));
            Request first = new Request("POST", "/" + old + "/_search");
            first.addParameter("scroll", "2m");
            first.setJsonEntity("{\"size\":500,\"version\":true,\"sort\":[\"_doc\"],\"query\":{\"match_all\":{}}}");
            JsonNode page = json(client.performRequest(first));
            String scrollId = page.path("_scroll_id").asText(null);
            try {
                while (page.path("hits").path("hits").size() > 0) {
                    StringBuilder bulk = new StringBuilder();
                    for (JsonNode hit : page.path("hits").path("hits")) {
                        ObjectNode action = Json.MAPPER.createObjectNode();
                        action.putObject("index").put("_index", concrete).put("_id", hit.path("_id").asText())
                                .put("version", hit.path("_version").asLong()).put("version_type", "external");
                        ObjectNode doc = IndexMigrations.migrate(index, version, (ObjectNode) hit.path("_source"));
                        bulk.append(Json.write(action)).append('\n').append(Json.write(doc)).append('\n');
                    }
                    Request r = new Request("POST", "/_bulk");
                    r.setEntity(new StringEntity(bulk.toString(), ContentType.create("application/x-ndjson", StandardCharsets.UTF_8)));
                    JsonNode answer = json(client.performRequest(r));
                    for (JsonNode item : answer.path("items")) {
                        JsonNode result = item.path("index");
                        int status = result.path("status").asInt();
                        if (status == 409) {
                            present++;
                        } else if (status < 300) {
                            copied++;
                        } else {
                            throw new IllegalStateException("copying " + old + " into " + concrete + " failed at document "
                                    + result.path("_id").asText() + " (the alias " + alias + " still points at " + old + "): "
                                    + result.path("error"));
                        }
                    }
                    Request next = new Request("POST", "/_search/scroll");
                    next.setJsonEntity(Json.write(Json.MAPPER.createObjectNode().put("scroll", "2m").put("scroll_id", scrollId)));
                    page = json(client.performRequest(next));
                    scrollId = page.path("_scroll_id").asText(scrollId);
                }
            } finally {
                if (scrollId != null) {
                    Request clear = new Request("DELETE", "/_search/scroll");
                    clear.setJsonEntity(Json.write(Json.MAPPER.createObjectNode().put("scroll_id", scrollId)));
                    try {
                        client.performRequest(clear);
                    } catch (IOException e) {
                        log.debug("clearing the migration scroll: {}", e.toString());
                    }
                }
            }
            log.info("copied {} documents from {} into {} ({} already there at their version)", copied, old, concrete, present);
        }
        client.performRequest(new Request("POST", "/" + concrete + "/_refresh"));
        ObjectNode actions = Json.MAPPER.createObjectNode();
        ArrayNode list = actions.putArray("actions");
        for (String old : from) {
            list.addObject().putObject("remove").put("index", old).put("alias", alias).put("must_exist", false);
        }
        list.addObject().putObject("add").put("index", concrete).put("alias", alias).put("is_write_index", true);
        send(client, "POST", "/_aliases", actions);
        log.info("pointed alias {} at {}; {} can be deleted once the new index is checked", alias, concrete, from);
    }

    /** The template's settings that {@link #IN_PLACE_SETTINGS} names, as an {@code index} settings object. */
    static ObjectNode inPlaceSettings(ObjectNode template) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        JsonNode settings = template.path("settings");
        JsonNode index = settings.has("index") ? settings.path("index") : settings;
        for (String key : IN_PLACE_SETTINGS) {
            if (index.has(key)) {
                out.set(key, index.get(key));
            }
        }
        return out;
    }

    /** The concrete indices an alias points at; empty when there is no such alias. */
    private static List<String> aliasTargets(Rest5Client client, String alias) throws IOException {
        if (!exists(client, "/_alias/" + alias)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        json(client.performRequest(new Request("GET", "/_alias/" + alias))).fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Creates an index; false when it already exists (another process got there first). */
    private static boolean createIndex(Rest5Client client, String name, ObjectNode body) throws IOException {
        Request r = new Request("PUT", "/" + name);
        r.setJsonEntity(Json.write(body));
        Response created;
        try {
            created = client.performRequest(r);
        } catch (ResponseException e) {
            created = e.getResponse();
        }
        if (created.getStatusCode() < 300) {
            return true;
        }
        String answer = text(created);
        if (answer.contains("resource_already_exists_exception")) {
            return false;
        }
        throw new IllegalStateException("cannot create index " + name + ": HTTP " + created.getStatusCode() + " " + answer);
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
        Response response;
        try {
            response = client.performRequest(r);
        } catch (ResponseException e) {
            response = e.getResponse(); // an answer, not an unreachable cluster
        }
        if (response.getStatusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered HTTP " + response.getStatusCode() + ": "
                    + text(response) + (path.endsWith("/_mapping")
                    ? " — a mapping that cannot change in place needs the next mapping version of the index (LogicalIndex),"
                    + " to which the sink then migrates" : ""));
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
