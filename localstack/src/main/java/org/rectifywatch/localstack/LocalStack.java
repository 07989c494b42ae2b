package org.rectifywatch.localstack;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The local Kafka and Elasticsearch together, started in parallel. With a data dir, both keep their state
 * (topics, offsets, indices, ports) across restarts; without one, everything is temporary.
 */
public final class LocalStack implements AutoCloseable {
    private final LocalKafka kafka;
    private final LocalElasticsearch elasticsearch;

    private LocalStack(LocalKafka kafka, LocalElasticsearch elasticsearch) {
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
    }

    public static LocalStack start(Path dataDir, int kafkaPort, int esPort) {
        CompletableFuture<LocalKafka> k = CompletableFuture.supplyAsync(() -> dataDir == null
                ? LocalKafka.startTemporary() : LocalKafka.start(dataDir.resolve("kafka"), false, kafkaPort));
        CompletableFuture<LocalElasticsearch> e = CompletableFuture.supplyAsync(() -> dataDir == null
                ? LocalElasticsearch.startTemporary() : LocalElasticsearch.start(dataDir.resolve("elasticsearch"), false, esPort));
        LocalKafka kafka = null;
        LocalElasticsearch es = null;
        try {
            kafka = k.join();
            kafka.createPipelineTopics();
            es = e.join();
            return new LocalStack(kafka, es);
        } catch (CompletionException | IllegalStateException ex) {
            if (kafka != null) {
                kafka.close();
            }
            e.thenAccept(LocalElasticsearch::close);
            k.thenAccept(LocalKafka::close);
            Throwable cause = ex instanceof CompletionException && ex.getCause() != null ? ex.getCause() : ex;
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new StartupException(cause.toString(), cause);
        }
    }

    public LocalKafka kafka() {
        return kafka;
    }

    public LocalElasticsearch elasticsearch() {
        return elasticsearch;
    }

    @Override
    public void close() {
        try {
            elasticsearch.close();
        } finally {
            kafka.close();
        }
    }
}
