package org.rectifywatch.model.config;

/**
 * How the sink and the tools reach Elasticsearch. Credentials come from configuration only:
 * {@code es.api.key}, or {@code es.username}/{@code es.password}; {@code es.ca.cert} is a PEM file that
 * signs the cluster's TLS certificate (https URLs).
 */
public record ElasticsearchSettings(String url, String apiKey, String username, String password, String caCert) {

    public static final String DEFAULT_URL = "http://127.0.0.1:9200";

    public static ElasticsearchSettings from(ConfigSource c) {
        return new ElasticsearchSettings(
                c.string("es.url", DEFAULT_URL),
                c.string("es.api.key", null),
                c.string("es.username", null),
                c.string("es.password", null),
                c.string("es.ca.cert", null));
    }

    public static ElasticsearchSettings local(String url) {
        return new ElasticsearchSettings(url, null, null, null, null);
    }

    @Override
    public String toString() {
        return "ElasticsearchSettings[url=" + url + ", auth=" + (apiKey != null ? "api-key" : username != null ? "basic" : "none") + "]";
    }
}
