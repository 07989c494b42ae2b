package org.rectifywatch.sink.config;

import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.rectifywatch.model.config.ElasticsearchSettings;

/** Builds the low-level Elasticsearch client from settings: API key or basic auth, and a CA certificate for TLS. */
public final class RestClients {
    private RestClients() {
    }

    public static Rest5Client build(ElasticsearchSettings s) {
        Rest5ClientBuilder b = Rest5Client.builder(URI.create(s.url()));
        if (s.apiKey() != null) {
            b.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + s.apiKey())});
        } else if (s.username() != null) {
            String basic = Base64.getEncoder().encodeToString((s.username() + ":" + (s.password() == null ? "" : s.password()))
                    .getBytes(StandardCharsets.UTF_8));
            b.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "Basic " + basic)});
        }
        if (s.caCert() != null) {
            try {
                b.setSSLContext(TransportUtils.sslContextFromHttpCaCrt(new File(s.caCert())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the Elasticsearch CA certificate " + s.caCert()
                        + " (es.ca.cert / RECTIFY_ES_CA_CERT): " + e.getMessage(), e);
            }
        }
        return b.build();
    }

    /** The Authorization header value for other HTTP clients (Kibana), or null. */
    public static String authorization(ElasticsearchSettings s) {
        if (s.apiKey() != null) {
            return "ApiKey " + s.apiKey();
        }
        if (s.username() != null) {
            return "Basic " + Base64.getEncoder().encodeToString((s.username() + ":" + (s.password() == null ? "" : s.password()))
                    .getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }
}
