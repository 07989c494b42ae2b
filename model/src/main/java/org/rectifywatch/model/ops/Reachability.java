package org.rectifywatch.model.ops;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.rectifywatch.model.config.ElasticsearchSettings;
import org.rectifywatch.model.config.KafkaSettings;

/**
 * First contact: before a command starts its clients (which retry quietly for a minute), it asks the broker and
 * Elasticsearch once, briefly, whether they are there, so a missing one is one sentence with the fix.
 */
public final class Reachability {
    /** Long enough for a broker or node that is just starting, short enough to answer within ~10 s. */
    public static final Duration WAIT = Duration.ofSeconds(6);
    static final String KAFKA_FIX = "start one with `pipeline local`, or set kafka.bootstrap (RECTIFY_KAFKA_BOOTSTRAP)";
    static final String ES_FIX = "start one with `pipeline local`, or set es.url (RECTIFY_ES_URL)";

    private Reachability() {
    }

    /** Throws {@link UnreachableException} unless the cluster at {@code kafka.bootstrap} answers within {@code wait}. */
    public static void requireKafka(KafkaSettings kafka, Duration wait) {
        Properties p = kafka.clientProperties();
        int ms = (int) wait.toMillis();
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "rectify-preflight");
        Admin admin;
        try {
            admin = Admin.create(p);
        } catch (KafkaException e) {
            throw new UnreachableException("Kafka cannot be reached at " + kafka.bootstrap() + " (" + rootMessage(e) + "): " + KAFKA_FIX);
        }
        try {
            admin.describeCluster().clusterId().get(ms + 500L, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof AuthenticationException || cause instanceof AuthorizationException) {
                throw new UnreachableException("Kafka at " + kafka.bootstrap() + " refused this client (" + cause.getMessage()
                        + "): check kafka.security.protocol and the kafka.sasl.* / kafka.ssl.* settings");
            }
            throw new UnreachableException("Kafka is not reachable at " + kafka.bootstrap() + " (no answer within "
                    + wait.toSeconds() + " s): " + KAFKA_FIX);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException("interrupted while contacting Kafka at " + kafka.bootstrap());
        } finally {
            admin.close(Duration.ZERO);
        }
    }

    /**
     * Throws {@link UnreachableException} unless something accepts connections at {@code es.url} within {@code wait}
     * (a TCP connect: TLS and credentials are the client's to check, with their own messages).
     */
    public static void requireElasticsearch(ElasticsearchSettings es, Duration wait) {
        URI uri;
        try {
            uri = URI.create(es.url().split(",")[0].trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("es.url=" + es.url() + " is not a URL: use e.g. http://127.0.0.1:9200");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("es.url=" + es.url() + " has no host: use e.g. http://127.0.0.1:9200");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 9200;
        long deadline = System.nanoTime() + wait.toNanos();
        IOException last;
        do {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(uri.getHost(), port), (int) Math.max(200, Math.min(2000, wait.toMillis())));
                return;
            } catch (IOException e) {
                last = e;
            }
            sleep(250);
        } while (System.nanoTime() < deadline);
        throw new UnreachableException("Elasticsearch is not reachable at " + es.url() + " (" + last.getMessage() + "): " + ES_FIX);
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException("interrupted while contacting Elasticsearch");
        }
    }
}
