package org.rectifywatch.app.demo;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.rectifywatch.model.config.ElasticsearchSettings;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.sink.config.RestClients;

/** Reads back what the pipeline indexed: plain JSON queries against the aliases. */
public final class SearchClient implements AutoCloseable {
    private final Rest5Client client;

    public SearchClient(ElasticsearchSettings settings) {
        this.client = RestClients.build(settings);
    }

    public JsonNode search(String index, String body) {
        return call("POST", "/" + index + "/_search", body);
    }

    public long count(String index, String query) {
        return call("POST", "/" + index + "/_count", "{\"query\":" + query + "}").path("count").asLong();
    }

    public void refresh(String index) {
        call("POST", "/" + index + "/_refresh", null);
    }

    private JsonNode call(String method, String path, String body) {
        Request r = new Request(method, path);
        if (body != null) {
            r.setJsonEntity(body);
        }
        try {
            Response response = client.performRequest(r);
            return Json.MAPPER.readTree(EntityUtils.toString(response.getEntity()));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new IllegalStateException(method + " " + path + " answered an unreadable body", e);
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // closing a client that is going away anyway
        }
    }
}
