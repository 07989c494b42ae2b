package org.rectifywatch.sink.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.sink.index.IndexNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the saved objects into Kibana with {@code POST /api/saved_objects/_import?overwrite=true}
 * (multipart NDJSON, {@code kbn-xsrf} header): re-running it updates the objects in place.
 */
public final class KibanaImporter {
    private static final Logger log = LoggerFactory.getLogger(KibanaImporter.class);

    private KibanaImporter() {
    }

    /** Imports and returns the number of objects Kibana accepted; {@code authorization} may be null. */
    public static int importAll(String kibanaUrl, String authorization) throws IOException, InterruptedException {
        return importAll(kibanaUrl, authorization, IndexNames.DEFAULT);
    }

    /** As {@link #importAll(String, String)}, with data views over the aliases of {@code names}. */
    public static int importAll(String kibanaUrl, String authorization, IndexNames names) throws IOException, InterruptedException {
        String boundary = "rectify-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"rectify-watch.ndjson\"\r\n"
                + "Content-Type: application/ndjson\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(SavedObjects.ndjson(names));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create(kibanaUrl.replaceAll("/+$", "") + "/api/saved_objects/_import?overwrite=true");
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
                .header("kbn-xsrf", "true")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (authorization != null) {
            req.header("Authorization", authorization);
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(req.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("Kibana at " + kibanaUrl + " refused the saved-objects import with HTTP " + r.statusCode()
                    + ": " + r.body());
        }
        JsonNode result = Json.MAPPER.readTree(r.body());
        if (!result.path("success").asBoolean(false)) {
            throw new IOException("Kibana imported only some saved objects: " + result.path("errors"));
        }
        int n = result.path("successCount").asInt();
        log.info("imported {} saved objects into Kibana at {}", n, kibanaUrl);
        return n;
    }
}
